import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {compile} from '@mdx-js/mdx';
import {beforeAll, describe, expect, it} from 'vitest';
import {codeLineCount} from '../../lib/codeLines';

let plugin: typeof import('./index');
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'code-modules-'));
  process.env.CODE_MODULES_DIR = dir;
  plugin = await import('./index');
});

const DOC = [
  '# A lesson',
  '',
  '```bash title="Terminal"',
  'git switch -c hotfix/x',
  'git commit -m "fix"',
  '```',
  '',
  'Some `inline code` stays in the text.',
  '',
  '```js',
  'const a = 1;',
  '',
  '```',
  '',
  '```',
  'plain text',
  '```',
  '',
].join('\n');

async function compileDoc(source: string): Promise<string> {
  return String(await compile(source, {remarkPlugins: [plugin.remarkCodeModules]}));
}

/** The strings the page's code module holds (the server bundle's side). */
function stringsOf(js: string): string[] {
  const specifier = /import staticCodeStrings from "(@static-code\/[0-9a-f]{20}\.js)"/.exec(js)?.[1];
  if (!specifier) throw new Error('no import of the code module');
  const file = path.join(dir, 'strings', specifier.slice('@static-code/'.length));
  return plugin.readCodeModule(readFileSync(file, 'utf8'));
}

describe('remarkCodeModules', () => {
  it("moves a doc's fences into one module, in order, and leaves StaticCode elements with their index", async () => {
    const js = await compileDoc(DOC);
    expect(stringsOf(js)).toEqual(['git switch -c hotfix/x\ngit commit -m "fix"', 'const a = 1;\n', 'plain text']);
    // No code left in the page's own module.
    expect(js).not.toContain('git switch');
    expect(js).not.toContain('const a = 1');
    const elements = [...js.matchAll(/_jsx\(StaticCode, \{([^}]*)\}\)/g)].map((m) => m[1]!.replace(/\s+/g, ' ').trim());
    expect(elements).toEqual([
      'codes: staticCodeStrings, index: 0, lines: 2, className: "language-bash", metastring: "title=\\"Terminal\\""',
      'codes: staticCodeStrings, index: 1, lines: 1, className: "language-js"',
      'codes: staticCodeStrings, index: 2, lines: 1',
    ]);
    expect(js).toContain('inline code');
  });

  it('writes the browser side as a loader of the strings module', async () => {
    const js = await compileDoc(DOC);
    const hash = /@static-code\/([0-9a-f]{20})\.js/.exec(js)![1];
    expect(readFileSync(path.join(dir, 'lazy', `${hash}.js`), 'utf8')).toBe(
      `export default () => import('../strings/${hash}.js');\n`,
    );
  });

  it('leaves a doc without fences, and mermaid fences, alone', async () => {
    const js = await compileDoc('# Title\n\n```mermaid\ngitGraph\n  commit\n```\n');
    expect(js).not.toContain('@static-code');
    expect(js).not.toContain('StaticCode');
  });

  it('resolves the modules to the strings on the server and to the loaders in the browser', () => {
    const alias = (isServer: boolean) =>
      (plugin.default().configureWebpack(undefined, isServer).resolve.alias as Record<string, string>)['@static-code'];
    expect(alias(true)).toBe(path.join(dir, 'strings'));
    expect(alias(false)).toBe(path.join(dir, 'lazy'));
  });
});

describe('codeLineCount', () => {
  it('counts lines as the theme renders them: one trailing newline dropped, CRLF as LF', () => {
    expect(codeLineCount('a')).toBe(1);
    expect(codeLineCount('a\n')).toBe(1);
    expect(codeLineCount('a\n\n')).toBe(2);
    expect(codeLineCount('a\r\nb\r\n')).toBe(2);
    expect(codeLineCount('')).toBe(1);
  });
});
