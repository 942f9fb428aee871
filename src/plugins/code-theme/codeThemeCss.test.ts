import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {createElement, type CSSProperties} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import {Highlight, Prism, type PrismTheme} from 'prism-react-renderer';
import {describe, expect, it} from 'vitest';
import {readExampleFile} from '../../../examples/readExample';
import {lessonFences} from '../../../scripts/lesson-runner/extract';
import {CLASS_ONLY_CODE_THEME, codeThemeCss, codeThemeRules} from './codeThemeCss';
import {darkCodeTheme, lightCodeTheme} from './prismThemes';
import {loadPrismLanguages} from '../../lib/testing/prismLanguages';

loadPrismLanguages(Prism);

const SITE_DIR = path.resolve(__dirname, '../../..');


interface RenderedToken {
  classes: string[];
  style: CSSProperties | undefined;
}

/** What prism-react-renderer gives each token of `code` under `theme` (its own tokenizer and merge). */
function renderTokens(code: string, language: string, theme: PrismTheme): RenderedToken[] {
  const out: RenderedToken[] = [];
  renderToStaticMarkup(
    createElement(Highlight, {
      code,
      language,
      theme,
      children: ({tokens, getTokenProps}) => {
        for (const line of tokens) {
          for (const token of line) {
            const props = getTokenProps({token});
            out.push({classes: String(props.className).split(' '), style: props.style});
          }
        }
        return null;
      },
    }),
  );
  return out;
}

/**
 * The declarations the generated stylesheet gives a token with these classes in one mode: its
 * rules that match, in stylesheet order (all selectors have the same specificity).
 */
function cascade(css: string, scope: string, classes: string[]): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const matches = selectors!.trim().split(',').some((selector) => {
      if (!selector.startsWith(`${scope} `)) return false;
      const own = selector.slice(scope.length + 1);
      const byType = /^\.token\.([\w-]+)$/.exec(own);
      if (byType) return classes[0] === 'token' && classes.includes(byType[1]!);
      const byLastType = /^\.token\[class\$=' ([\w-]+)'\]$/.exec(own);
      if (byLastType) return classes[0] === 'token' && classes.length > 1 && classes.at(-1) === byLastType[1];
      throw new Error(`unexpected selector ${selector}`);
    });
    if (!matches) continue;
    for (const declaration of body!.split(';')) {
      const colon = declaration.indexOf(':');
      resolved[declaration.slice(0, colon)] = declaration.slice(colon + 1);
    }
  }
  return resolved;
}

function inlineDeclarations(style: CSSProperties | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [p, v] of Object.entries(style ?? {})) {
    if (p === 'display') continue; // empty-line placeholder, kept by both renderings
    out[p.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)] = String(v);
  }
  return out;
}

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => path.join(dir, f));
}

const pages = [
  ...mdxFiles(path.join(SITE_DIR, 'docs')),
  ...mdxFiles(path.join(SITE_DIR, 'i18n/en/docusaurus-plugin-content-docs/current')),
  ...mdxFiles(path.join(SITE_DIR, 'src/pages')),
  ...mdxFiles(path.join(SITE_DIR, 'i18n/en/docusaurus-plugin-content-pages')),
];
const fences = pages.flatMap((file) =>
  lessonFences(readFileSync(file, 'utf8'), readExampleFile)
    .filter((f) => f.lang !== 'mermaid')
    .map((f) => ({...f, file: path.relative(SITE_DIR, file)})),
);

describe('code blocks coloured by stylesheet', () => {
  it('finds the course code blocks', () => {
    expect(fences.length).toBeGreaterThan(40);
    expect(fences.some((f) => f.lang === 'bash') && fences.some((f) => f.lang === 'diff')).toBe(true);
  });

  const css = codeThemeCss({light: lightCodeTheme, dark: darkCodeTheme});

  it.each([
    {mode: 'light', theme: lightCodeTheme, scope: "html:not([data-theme='dark'])"},
    {mode: 'dark', theme: darkCodeTheme, scope: "[data-theme='dark']"},
  ])('every token of every page gets the $mode colours the inline theme gave it', ({theme, scope}) => {
    const differences: string[] = [];
    let tokens = 0;
    for (const fence of fences) {
      const language = (fence.lang || 'text').toLowerCase();
      const inline = renderTokens(fence.code, language, theme);
      const classOnly = renderTokens(fence.code, language, CLASS_ONLY_CODE_THEME);
      expect(classOnly.map((t) => t.classes)).toEqual(inline.map((t) => t.classes));
      classOnly.forEach((token, i) => {
        tokens++;
        expect(inlineDeclarations(token.style)).toEqual({});
        const want = inlineDeclarations(inline[i]!.style);
        const got = cascade(css, scope, token.classes);
        if (JSON.stringify(want) !== JSON.stringify(got)) {
          differences.push(`${fence.file}:${fence.line} ${token.classes.join('.')} want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
        }
      });
    }
    expect(tokens).toBeGreaterThan(1000);
    expect(differences.slice(0, 10)).toEqual([]);
  });
});

describe('codeThemeCss', () => {
  const css = codeThemeCss({light: lightCodeTheme, dark: darkCodeTheme});

  it('scopes light colours to "not dark" (so they apply before the colour-mode script) and dark ones to dark', () => {
    expect(css).toContain(`html:not([data-theme='dark']){--prism-color:${lightCodeTheme.plain.color};--prism-background-color:${lightCodeTheme.plain.backgroundColor}}`);
    expect(css).toContain(`[data-theme='dark']{--prism-color:${darkCodeTheme.plain.color};--prism-background-color:${darkCodeTheme.plain.backgroundColor}}`);
    expect(css).toContain(`html:not([data-theme='dark']) .token.comment,`);
    expect(css).toContain(`[data-theme='dark'] .token.comment{color:#9aa5d6}`);
  });

  it('lets the innermost type of a nested token win, as the inline theme does', () => {
    // `date` in `echo "$(date)"`: classes token string variable function.
    expect(cascade(css, "[data-theme='dark']", ['token', 'string', 'variable', 'function']).color).toBe('rgb(80, 250, 123)');
    expect(cascade(css, "[data-theme='dark']", ['token', 'string']).color).toBe('rgb(255, 121, 198)');
  });

  it('writes camelCase style keys as CSS properties', () => {
    expect(css).toMatch(/\.token\.variable\{color:[^;}]+;font-style:italic\}/);
    expect(css).toMatch(/\.token\.namespace\{opacity:0\.7\}/);
  });

  it('refuses language-specific theme entries instead of colouring every language with them', () => {
    const theme: PrismTheme = {plain: {}, styles: [{types: ['keyword'], languages: ['js'], style: {color: 'red'}}]};
    expect(() => codeThemeRules(theme)).toThrow(/language-specific/);
  });
});
