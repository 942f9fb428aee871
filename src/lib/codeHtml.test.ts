import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {createElement as h, Fragment, type ReactNode} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import clsx from 'clsx';
import {Highlight, Prism, type Token, type TokenInputProps, type LineInputProps} from 'prism-react-renderer';
import {describe, expect, it} from 'vitest';
import {readExampleFile} from '../../examples/readExample';
import {lessonFences} from '../../scripts/lesson-runner/extract';
import {codeLinesHtml, tokenizeCode, type CodeLinesOptions} from './codeHtml';
import {CLASS_ONLY_CODE_THEME} from '../plugins/code-theme/codeThemeCss';
import {Prism as sitePrism} from '../plugins/code-theme/prism';
import {loadPrismLanguages} from './testing/prismLanguages';
import {highlightHeredocs, HEREDOC_TOKEN} from './prismHeredoc';

// Both Prisms get the languages the theme adds: the package's, which the theme components used,
// and the site's (./prism), which codeLinesHtml tokenizes with.
loadPrismLanguages(Prism);
loadPrismLanguages(sitePrism);
// The site colours a heredoc's JavaScript as JavaScript (./prismHeredoc): the theme's Prism gets the
// same token, with the site's JavaScript grammar (prism-react-renderer's own has doc comments the
// site's lacks), so the markup comparison below stays about the markup.
highlightHeredocs(Prism as never, sitePrism.languages as never);

const SITE_DIR = path.resolve(__dirname, '../..');


const classes = {codeLine: 'codeLine_x', codeLineNumber: 'codeLineNumber_x', codeLineContent: 'codeLineContent_x'};

/**
 * The lines as @docusaurus/theme-classic 3.10's CodeBlock/Content renders them, its Line and
 * Line/Token components copied here as they are: what codeLinesHtml must reproduce.
 */
function upstreamLines(code: string, language: string, options: CodeLinesOptions): string {
  function fixLineBreak(line: Token[]): Token[] {
    const single = line.length === 1 && line[0]!.content === '\n' ? line[0] : undefined;
    return single ? [{...single, content: ''}] : line;
  }
  function Line({
    line: lineProp,
    classNames,
    getLineProps,
    getTokenProps,
  }: {
    line: Token[];
    classNames: string[] | undefined;
    getLineProps: (input: LineInputProps) => Record<string, unknown>;
    getTokenProps: (input: TokenInputProps) => Record<string, unknown> & {children: ReactNode};
  }): ReactNode {
    const line = fixLineBreak(lineProp);
    const lineProps = getLineProps({line, className: clsx(classNames, options.showLineNumbers && classes.codeLine)});
    const tokens = line.map((token, key) => {
      const tokenProps = getTokenProps({token});
      return h('span', {key, ...tokenProps}, tokenProps.children);
    });
    return h(
      'div',
      lineProps,
      options.showLineNumbers
        ? h(Fragment, null, h('span', {className: classes.codeLineNumber}), h('span', {className: classes.codeLineContent}, tokens))
        : tokens,
      h('br'),
    );
  }
  return renderToStaticMarkup(
    h(Highlight, {
      theme: CLASS_ONLY_CODE_THEME,
      code,
      language,
      children: ({tokens, getLineProps, getTokenProps}) =>
        h(
          Fragment,
          null,
          tokens.map((line, i) =>
            h(Line, {key: i, line, classNames: options.lineClassNames[i], getLineProps, getTokenProps}),
          ),
        ),
    }),
  );
}

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => path.join(dir, f));
}

const fences = [
  'docs',
  'i18n/en/docusaurus-plugin-content-docs/current',
  'src/pages',
  'i18n/en/docusaurus-plugin-content-pages',
].flatMap((dir) =>
  mdxFiles(path.join(SITE_DIR, dir)).flatMap((file) =>
    lessonFences(readFileSync(file, 'utf8'), readExampleFile)
      .filter((f) => f.lang !== 'mermaid')
      .map((f) => ({...f, file: path.relative(SITE_DIR, file)})),
  ),
);

const plain: CodeLinesOptions = {lineClassNames: {}, showLineNumbers: false, classes};

/**
 * The theme's markup without the two kinds of element codeLinesHtml leaves out: plain-text spans
 * (no rule styles `.token.plain`; an empty line's placeholder span stays) and the `<br/>` ending a
 * line that has text.
 */
function withoutInvisibleElements(html: string): string {
  return html
    .replace(/<span class="token plain">([^<]*)<\/span>/g, '$1')
    .replace(/<br\/><\/div>/g, (br, offset: number, all: string) => {
      const lineStart = all.lastIndexOf('<div class="token-line', offset);
      const line = all.slice(lineStart, offset);
      // Text left in the line once its tags are gone: the <br/> is kept only for an empty line.
      return line.replace(/<[^>]*>/g, '') === '' ? br : '</div>';
    });
}

function theme(code: string, language: string, options: CodeLinesOptions): string {
  return withoutInvisibleElements(upstreamLines(code, language, options));
}

describe('codeLinesHtml', () => {
  it('renders every code block of the site as the theme components do, less invisible elements', () => {
    expect(fences.length).toBeGreaterThan(40);
    const different = fences.filter((f) => {
      const language = f.lang || 'text';
      return codeLinesHtml(tokenizeCode(f.code, language), plain) !== theme(f.code, language, plain);
    });
    expect(different.map((f) => `${f.file}:${f.line}`)).toEqual([]);
  });

  it('renders line numbers and highlighted lines as the theme does', () => {
    const code = 'git switch main\n\n# highlighted\necho "<done> & \'ok\'"\n';
    const options: CodeLinesOptions = {
      lineClassNames: {2: ['theme-code-block-highlighted-line'], 3: ['a', 'b']},
      showLineNumbers: true,
      classes,
    };
    for (const language of ['bash', 'js', 'text', 'diff', 'no-such-language']) {
      expect(codeLinesHtml(tokenizeCode(code, language), options)).toBe(theme(code, language, options));
      expect(codeLinesHtml(tokenizeCode(code, language), plain)).toBe(theme(code, language, plain));
    }
  });

  it('leaves out plain-text spans and the <br/> of lines with text, and only those', () => {
    const html = codeLinesHtml(tokenizeCode('echo "hi" # note\n\nls', 'bash'), plain);
    expect(html).not.toContain('token plain">');
    expect(html.match(/<br\/>/g)).toHaveLength(1); // the empty line's
    expect(html).toContain('<span class="token plain" style="display:inline-block"></span><br/>');
    expect(html).toContain('<span class="token comment"># note</span>');
  });

  it('colours the JavaScript of a heredoc that writes a .js file as JavaScript, its delimiters as strings', () => {
    const code = "cat > src/a.js << 'EOF'\nconst x = 1; // one\nEOF\ncat > notes.md << 'EOF'\nconst y = 2;\nEOF";
    const lines = tokenizeCode(code, 'bash');
    const typesOf = (line: number, text: string) => lines[line]!.find((t) => t.content === text)?.types;
    expect(typesOf(0, "'EOF'")).toEqual(['heredoc-code', 'delimiter', 'string']);
    expect(typesOf(1, 'const')).toEqual(['heredoc-code', 'keyword']);
    expect(typesOf(1, '// one')).toEqual(['heredoc-code', 'comment']);
    expect(typesOf(2, 'EOF')).toEqual(['heredoc-code', 'delimiter', 'string']);
    // `cat > src/a.js` is still bash; a Markdown file's heredoc stays one string.
    expect(typesOf(0, 'cat')).toEqual(['function']);
    expect(lines[4]!.every((t) => !t.types.includes(HEREDOC_TOKEN))).toBe(true);
    expect(lines[4]!.some((t) => t.types.includes('string'))).toBe(true);
  });

  it('escapes code as text: markup in a code block stays visible', () => {
    const html = codeLinesHtml(tokenizeCode('<script>alert("x")</script> & \'q\'', 'text'), plain);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27;');
  });
});
