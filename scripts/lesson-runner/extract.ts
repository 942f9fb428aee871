/**
 * Reads a lesson (MDX) the way the site does and lists, in page order, what the runner acts on:
 * bash blocks (with `examples/` expanded, i.e. exactly what a reader sees and copies),
 * `gitGraph` diagrams and `text gitlog` blocks.
 *
 * Parsing uses the site's own remark stack (remark-parse + remark-mdx, front matter, directives
 * for admonitions, GFM), so fences of any length, nested fences and code inside JSX or
 * admonitions are read as Docusaurus reads them; then every code node goes through
 * `expandFence`, the function of the `remark-examples` plugin that the build uses.
 */
import preprocessContent from '@docusaurus/mdx-loader/lib/preprocessor';
import type {Code, Root} from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {expandFence, hasMetaFlag, type ReadExample} from '../../src/plugins/remark-examples/expand';
import {isGitGraph} from './gitgraph';

interface Located {
  /** 1-based, per kind, in page order: "bash block 3", "diagram 2", "gitlog block 1". */
  index: number;
  /** Line of the opening fence in the MDX file. */
  line: number;
}

export type LessonItem =
  | (Located & {kind: 'bash'; code: string; norun: boolean})
  | (Located & {kind: 'gitGraph'; source: string})
  | (Located & {
      kind: 'gitlog';
      text: string;
      /** Lines of the fence body in the file (1-based, inclusive; end < start when empty). */
      bodyStart: number;
      bodyEnd: number;
      /** Indentation of the opening fence, repeated on every body line. */
      indent: string;
    });

const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkFrontmatter)
  .use(remarkDirective)
  .use(remarkGfm);

/**
 * Docusaurus's own preprocessing of MDX (mdx1Compat defaults: `{#id}` heading ids escaped,
 * `:::note Title` turned into `:::note[Title]`, `mdx-code-block` fences unwrapped).
 */
export function preprocessLesson(mdx: string, filePath = 'lesson.mdx'): string {
  return preprocessContent({
    fileContent: mdx,
    filePath,
    markdownConfig: {mdx1Compat: {comments: true, admonitions: true, headingIds: true}} as Parameters<
      typeof preprocessContent
    >[0]['markdownConfig'],
    admonitions: true,
  });
}

export function parseLessonTree(mdx: string): Root {
  return processor.runSync(processor.parse(preprocessLesson(mdx))) as Root;
}

export function extractLesson(mdx: string, readExample: ReadExample): LessonItem[] {
  const tree = parseLessonTree(mdx);
  // Positions refer to the preprocessed text; gitlog rewriting needs them to be the file's.
  const sameLines = preprocessLesson(mdx).split('\n').length === mdx.split('\n').length;
  const sourceLines = mdx.split('\n');
  const items: LessonItem[] = [];
  const counters = {bash: 0, gitGraph: 0, gitlog: 0};
  visit(tree, 'code', (node: Code) => {
    const line = node.position?.start.line ?? 0;
    if (node.lang === 'bash' || node.lang === 'sh' || node.lang === 'shell') {
      items.push({
        kind: 'bash',
        index: ++counters.bash,
        line,
        code: expandFence(node, readExample),
        norun: hasMetaFlag(node.meta, 'norun'),
      });
    } else if (node.lang === 'mermaid' && isGitGraph(node.value)) {
      items.push({kind: 'gitGraph', index: ++counters.gitGraph, line, source: node.value});
    } else if (node.lang === 'text' && hasMetaFlag(node.meta, 'gitlog')) {
      if (!sameLines) {
        throw new Error('`text gitlog` blocks cannot follow an mdx-code-block fence (line numbers would shift)');
      }
      const opening = sourceLines[line - 1] ?? '';
      const endLine = node.position?.end.line ?? line;
      const closed = endLine > line && /^\s*(`{3,}|~{3,})\s*$/.test(sourceLines[endLine - 1] ?? '');
      items.push({
        kind: 'gitlog',
        index: ++counters.gitlog,
        line,
        text: node.value,
        bodyStart: line + 1,
        bodyEnd: closed ? endLine - 1 : endLine,
        indent: /^\s*/.exec(opening)![0],
      });
    }
  });
  return items;
}

/** Any code block of a lesson, as a reader sees it (`examples/` expanded). */
export interface LessonFence {
  lang: string;
  /** The fence meta after the language (`bench`, `norun`, `file=...`), '' when none. */
  meta: string;
  code: string;
  /** Line of the opening fence in the MDX file. */
  line: number;
}

/**
 * Every code block of a lesson in page order, read like `extractLesson` reads its blocks (the
 * site's remark stack, then `expandFence`), for checks on blocks the runner does not act on,
 * such as output samples (`text bench`). Flags in `meta`: `hasMetaFlag` of `remark-examples`.
 */
export function lessonFences(mdx: string, readExample: ReadExample): LessonFence[] {
  const fences: LessonFence[] = [];
  visit(parseLessonTree(mdx), 'code', (node: Code) => {
    fences.push({
      lang: node.lang ?? '',
      meta: node.meta ?? '',
      code: expandFence(node, readExample),
      line: node.position?.start.line ?? 0,
    });
  });
  return fences;
}

/** The first meaningful line of a block, to name it in listings. */
export function firstLine(code: string): string {
  return code.split('\n').find((line) => line.trim() !== '')?.trim() ?? '(empty)';
}
