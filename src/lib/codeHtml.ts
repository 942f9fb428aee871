import clsx from 'clsx';
import type {Token} from 'prism-react-renderer';
import {normalizeTokens, Prism} from '../plugins/code-theme/prism';
import {highlightHeredocs} from './prismHeredoc';

/**
 * A code block's highlighted lines as one HTML string, for `dangerouslySetInnerHTML`: the markup
 * Docusaurus's `CodeBlock/Line` and `Line/Token` components render, with two elements left out
 * that change nothing on screen (checked against the theme's rendering in codeHtml.test.ts):
 * - plain text is a text node, not a `<span class="token plain">` (no rule styles it);
 * - only an empty line ends with the `<br>` that keeps it from collapsing (a line with text is a
 *   block of its own height already).
 * React then hydrates a code block as one element instead of a component and an element per line
 * and per token, and the browser parses, styles and lays out a third fewer elements: on a lesson
 * page, some 1,200 fewer. Tokens carry classes only; their colours come from the code-theme
 * stylesheet (codeThemeCss.ts).
 */

export interface CodeLinesOptions {
  /** Extra classes per line index (magic comments such as `highlight-next-line`). */
  lineClassNames: Record<number, string[] | undefined>;
  showLineNumbers: boolean;
  /** The CSS-module class names of the theme's Line component. */
  classes: {codeLine: string; codeLineNumber: string; codeLineContent: string};
}

/** Tokenizes as prism-react-renderer's `useTokenize` does, with the site's Prism (./prism). */
export function tokenizeCode(code: string, language: string): Token[][] {
  const lang = language.toLowerCase();
  // Bash comes from the theme's prism-include-languages, after this module has loaded.
  if (lang === 'bash' || lang === 'sh' || lang === 'shell') highlightHeredocs(Prism as never);
  const grammar = Prism.languages[lang];
  if (grammar == null) return normalizeTokens([code]);
  const env = {code, grammar, language: lang, tokens: [] as ReturnType<typeof Prism.tokenize>};
  Prism.hooks.run('before-tokenize', env);
  env.tokens = Prism.tokenize(code, grammar);
  Prism.hooks.run('after-tokenize', env);
  return normalizeTokens(env.tokens);
}

// React's escaping of text and attribute values, so the markup is the same as a render's.
const ESCAPES: Record<string, string> = {'"': '&quot;', '&': '&amp;', "'": '&#x27;', '<': '&lt;', '>': '&gt;'};
function escapeHtml(text: string): string {
  return text.replace(/["&'<>]/g, (c) => ESCAPES[c]!);
}

/** As the theme's Line: a line that is only a newline renders empty (its <br> ends it). */
function fixLineBreak(line: Token[]): Token[] {
  return line.length === 1 && line[0]!.content === '\n' ? [{...line[0]!, content: ''}] : line;
}

function isPlainText(token: Token): boolean {
  return !token.empty && token.types.length === 1 && token.types[0] === 'plain';
}

function tokenHtml(token: Token): string {
  if (isPlainText(token)) return escapeHtml(token.content);
  // As prism-react-renderer's getTokenProps with a colourless theme: an empty line's token is an
  // inline-block (so the line keeps its height), unless it has a single type other than `plain`.
  const inlineBlock = token.empty && (token.types.length > 1 || token.types[0] === 'plain');
  const style = inlineBlock ? ' style="display:inline-block"' : '';
  return `<span class="${escapeHtml(clsx('token', ...token.types))}"${style}>${escapeHtml(token.content)}</span>`;
}

export function codeLinesHtml(lines: Token[][], options: CodeLinesOptions): string {
  const {classes, showLineNumbers} = options;
  return lines
    .map((rawLine, i) => {
      const line = fixLineBreak(rawLine);
      const className = clsx('token-line', clsx(options.lineClassNames[i], showLineNumbers && classes.codeLine));
      const tokens = line.map(tokenHtml).join('');
      const content = showLineNumbers
        ? `<span class="${classes.codeLineNumber}"></span><span class="${classes.codeLineContent}">${tokens}</span>`
        : tokens;
      const empty = line.every((token) => token.content === '');
      return `<div class="${escapeHtml(className)}">${content}${empty ? '<br/>' : ''}</div>`;
    })
    .join('');
}
