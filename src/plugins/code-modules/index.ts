/**
 * Remark plugin and Docusaurus plugin: a doc's code fences leave its JavaScript.
 *
 * The remark plugin turns every code fence of a doc into `<StaticCode codes={…} index={i}
 * lines={n} …/>`, and all the doc's code strings into one module (`@static-code/<hash>.js`).
 * The Docusaurus plugin resolves that module to the strings in the server bundle (the HTML has
 * every block, as before) and to a loader of them in the browser bundle, so a page's JavaScript
 * carries no code: hydration keeps the server's blocks, and the strings are downloaded when a
 * block needs them (its copy button, or a page reached by client-side navigation). See
 * its theme component, theme/StaticCode (served as @theme/StaticCode).
 */
import path from 'node:path';
import type {Code, Root} from 'mdast';
import {visit} from 'unist-util-visit';
import {codeLineCount} from '../../lib/codeLines';
import {attribute, identifierAttribute, importNode, numberAttribute, writeSplitModules} from '../mdxModules';

const SITE_DIR = path.resolve(__dirname, '../../..');

/** The import prefix of a doc's code module (aliased per bundle by `codeModules`). */
export const CODE_MODULE_PREFIX = '@static-code';

export function codeModulesDir(): string {
  return process.env.CODE_MODULES_DIR ?? path.join(SITE_DIR, 'node_modules/.cache/static-code');
}

/** The strings module's text; `readCodeModule` reads it back. */
export function codeModuleSource(codes: readonly string[]): string {
  return `export default ${JSON.stringify(codes)};\n`;
}

export function readCodeModule(source: string): string[] {
  const json = /^export default (.*);\n$/s.exec(source)?.[1];
  if (!json) throw new Error('code-modules: not a code module');
  return JSON.parse(json) as string[];
}

const IDENTIFIER = 'staticCodeStrings';

export function remarkCodeModules() {
  return (tree: Root) => {
    const nodes: Code[] = [];
    visit(tree, 'code', (node: Code) => {
      // Diagrams are static-mermaid's (it runs first, so none should be left).
      if (node.lang !== 'mermaid') nodes.push(node);
    });
    if (nodes.length === 0) return;
    const specifier = writeSplitModules(
      codeModulesDir(),
      'strings',
      CODE_MODULE_PREFIX,
      codeModuleSource(nodes.map((n) => n.value)),
    );
    nodes.forEach((node, index) => {
      const attributes: object[] = [
        identifierAttribute('codes', IDENTIFIER),
        numberAttribute('index', index),
        numberAttribute('lines', codeLineCount(node.value)),
      ];
      // As MDX's own code elements: the language as a class name, the rest of the fence's
      // first line as the metastring.
      if (node.lang) attributes.push(attribute('className', `language-${node.lang}`));
      if (node.meta) attributes.push(attribute('metastring', node.meta));
      const element = {type: 'mdxJsxFlowElement', name: 'StaticCode', attributes, children: [], position: node.position};
      // Replace the code node in place: its parent keeps the same object.
      Object.assign(node as object, element);
      for (const prop of ['lang', 'meta', 'value'] as const) delete (node as Partial<Code>)[prop];
    });
    tree.children.unshift(importNode(IDENTIFIER, specifier) as never);
  };
}

/** Resolves the code modules to their strings on the server and to their loaders in the browser. */
export default function codeModules() {
  return {
    name: 'code-modules',
    // theme/StaticCode, what the remark plugin turns fences into, as @theme/StaticCode.
    getThemePath() {
      return path.join(__dirname, 'theme');
    },
    configureWebpack(_config: unknown, isServer: boolean) {
      return {
        resolve: {alias: {[CODE_MODULE_PREFIX]: path.join(codeModulesDir(), isServer ? 'strings' : 'lazy')}},
      };
    },
  };
}
