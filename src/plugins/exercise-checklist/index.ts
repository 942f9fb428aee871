/**
 * Remark plugin: gives each `<ExerciseGoals phase="NN-exercise" />` of a page its checklist, in
 * the page's language, as a literal prop (`checklist={{task, goals}}`).
 *
 * Why at build time: the component used to import the exercises' data, which brought all three
 * exercises in both languages (solutions, checks, start commits, and the phases' modules they
 * import) into every lesson page's JavaScript, some 10 kB gzip. A page needs only its own
 * checklist's words: here they are computed from the same data (`exerciseChecklist`) and
 * written into the page's module, so page and checker still cannot disagree. The playground
 * loads the whole exercise, checks included, only when it is opened.
 */
import type {Root} from 'mdast';
import {valueToEstree} from 'estree-util-value-to-estree';
import {visit} from 'unist-util-visit';
import {exerciseChecklist} from '../../components/ExerciseGoals/checklist';

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
}

/** The page's language from its file: the English docs live under `i18n/en/`. */
export function pageLocale(path: string | undefined): 'it' | 'en' {
  return path !== undefined && /[\\/]i18n[\\/]en[\\/]/.test(path) ? 'en' : 'it';
}

export default function remarkExerciseChecklist() {
  return (tree: Root, file: {path?: string}) => {
    visit(tree, (node) => {
      const element = node as unknown as JsxElement;
      if ((element.type !== 'mdxJsxFlowElement' && element.type !== 'mdxJsxTextElement') || element.name !== 'ExerciseGoals') return;
      const phase = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'phase')?.value;
      if (typeof phase !== 'string') throw new Error(`${file.path ?? 'a page'}: <ExerciseGoals> needs phase="NN-exercise" (a string)`);
      const checklist = exerciseChecklist(phase, pageLocale(file.path));
      element.attributes = element.attributes.filter((a) => a.name !== 'checklist');
      element.attributes.push({
        type: 'mdxJsxAttribute',
        name: 'checklist',
        value: {
          type: 'mdxJsxAttributeValueExpression',
          value: JSON.stringify(checklist),
          data: {estree: {type: 'Program', sourceType: 'module', body: [{type: 'ExpressionStatement', expression: valueToEstree(checklist)}]}},
        },
      });
    });
  };
}
