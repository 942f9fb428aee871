/**
 * The lessons write their files with heredocs (`cat > src/x.js << 'EOF'` ... `EOF`), and Prism's
 * bash grammar colours a heredoc's body as one string: a whole JavaScript file in one colour. This
 * adds to the bash grammar a token for a quoted heredoc that writes a `.js`/`.mjs`/`.cjs` or
 * `.json` file: its delimiters stay strings, its body is highlighted in the file's language.
 * Applied once per Prism instance, after the theme has loaded bash (src/lib/codeHtml.ts).
 */

interface Grammar {
  [token: string]: unknown;
}

interface PrismLike {
  languages: {
    [language: string]: Grammar | ((...args: never[]) => unknown) | undefined;
    insertBefore(inside: string, before: string, insert: Grammar, root?: Grammar): Grammar;
  };
}

/** The bash token that holds such a heredoc (its class on the page: `token heredoc-code`). */
export const HEREDOC_TOKEN = 'heredoc-code';

/** File extensions whose heredocs are highlighted, and the Prism language of each. */
const LANGUAGES: [extensions: string, language: string][] = [
  ['js|mjs|cjs', 'javascript'],
  ['json', 'json'],
];

/** Adds the heredoc token to `prism`'s bash, with the body languages of `grammars` (its own). */
export function highlightHeredocs(prism: PrismLike, grammars: PrismLike['languages'] = prism.languages): void {
  const bash = prism.languages.bash as Grammar | undefined;
  if (!bash || HEREDOC_TOKEN in bash) return;
  const tokens = LANGUAGES.filter(([, language]) => grammars[language]).map(([extensions, language]) => ({
    // `> file.ext << 'EOF'` (or "EOF", <<-), then the body, up to the delimiter alone on its line.
    // The redirection stays outside the token (lookbehind), for bash's own tokens.
    pattern: new RegExp(
      `(>\\s*[^\\s<>|;&]+\\.(?:${extensions})\\s+<<-?\\s*)(["'])(\\w+)\\2[^\\n]*\\n[\\s\\S]*?\\n\\3(?=\\n|$)`,
    ),
    lookbehind: true,
    greedy: true,
    inside: {
      // The opening delimiter (with the rest of its line) and the closing one.
      delimiter: [
        {pattern: /^(["'])\w+\1[^\n]*/, alias: 'string'},
        {pattern: /(\n)\w+$/, lookbehind: true, alias: 'string'},
      ],
      rest: grammars[language],
    },
  }));
  if (tokens.length === 0) return;
  prism.languages.insertBefore('bash', 'comment', {[HEREDOC_TOKEN]: tokens});
}
