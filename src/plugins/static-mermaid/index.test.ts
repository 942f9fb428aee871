import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Root} from 'mdast';
import {afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {palettes} from '../../lib/mermaidPalette';
import {findChromium} from './svg';

// Renders real diagrams with the system Chromium (skipped where there is none).
const browser = findChromium(process.env);

const GIT_GRAPH = `gitGraph
  accTitle: Storia del repository
  accDescr: Il hotfix parte da main e torna su main con il tag v1.0.1.
  commit id: "Initial commit"
  branch "hotfix/payment-timeout"
  commit id: "Fix payment timeout"
  checkout main
  merge "hotfix/payment-timeout" id: "Merge hotfix" tag: "v1.0.1"`;

const FLOWCHART = `flowchart LR
  accTitle: Flusso
  accDescr: Dal bug alla correzione
  A[Bug] --> B{Critico?}
  B -- sì --> C[hotfix]`;

const TIMELINE = `timeline
  title Rilascio
  2026-11-27 : bug segnalato : hotfix
  2026-11-28 : v1.0.1`;

interface Jsx {
  type: string;
  name?: string;
  lang?: string;
  value?: string;
  attributes?: {name: string; value: string | {type: string; value: string}}[];
}

function tree(...codes: {lang: string; value: string}[]): Root {
  return {
    type: 'root',
    children: codes.map((c, i) => ({
      type: 'code',
      lang: c.lang,
      value: c.value,
      position: {start: {line: 10 * (i + 1), column: 1}, end: {line: 10 * (i + 1) + 5, column: 1}},
    })),
  };
}

let modules: typeof import('./index');

/**
 * A StaticDiagram's attribute. `light`/`dark` are read the way the server bundle
 * gets them: the `svg={identifier}` expression, the page's import of that identifier,
 * and the module the server alias resolves it to.
 */
function attr(node: Jsx, name: string, root?: Root): string {
  if (name === 'light' || name === 'dark') {
    const expression = node.attributes?.find((a) => a.name === 'svg')?.value;
    if (typeof expression !== 'object') throw new Error('no svg={…} expression');
    const imports = ((root ?? currentRoot).children as unknown as Jsx[]).filter((n) => n.type === 'mdxjsEsm');
    const statement = imports.map((n) => n.value!).find((v) => v.startsWith(`import ${expression.value} from `));
    if (!statement) throw new Error(`no import of ${expression.value}`);
    const specifier = JSON.parse(statement.slice(`import ${expression.value} from `.length, -1)) as string;
    expect(specifier.startsWith(`${modules.DIAGRAM_MODULE_PREFIX}/`)).toBe(true);
    const file = path.join(modules.diagramModulesDir(), 'svg', specifier.slice(modules.DIAGRAM_MODULE_PREFIX.length + 1));
    return modules.readDiagramModule(readFileSync(file, 'utf8'))[name];
  }
  const value = node.attributes?.find((a) => a.name === name)?.value;
  if (typeof value !== 'string') throw new Error(`no ${name}`);
  return value;
}

let currentRoot: Root;

function ids(svg: string): string[] {
  return [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
}

async function loadPlugin() {
  vi.resetModules();
  modules = await import('./index');
  const plugin = modules.default;
  return () => async (root: Root, file: {path?: string}) => {
    currentRoot = root;
    await plugin()(root, file);
  };
}

/** The page's nodes without the imports the plugin puts first. */
function body(root: Root): Jsx[] {
  return (root.children as unknown as Jsx[]).filter((n) => n.type !== 'mdxjsEsm');
}

describe.skipIf(!browser.found)('static-mermaid with Chromium', () => {
  beforeAll(() => {
    process.env.STATIC_MERMAID_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'static-mermaid-'));
  });

  it('replaces gitGraph, flowchart and timeline fences by light + dark SVG', async () => {
    const plugin = await loadPlugin();
    const root = tree(
      {lang: 'mermaid', value: GIT_GRAPH},
      {lang: 'bash', value: 'git switch main'},
      {lang: 'mermaid', value: FLOWCHART},
      {lang: 'mermaid', value: TIMELINE},
    );
    await plugin()(root, {path: path.resolve('docs/lessons/x.mdx')});
    const nodes = body(root);
    expect(nodes.map((n) => n.name ?? n.lang)).toEqual([
      'StaticDiagram',
      'bash',
      'StaticDiagram',
      'StaticDiagram',
    ]);
    const git = nodes[0]!;
    const light = attr(git, 'light');
    const dark = attr(git, 'dark');
    // Accessible name and description survive, in both variants.
    for (const svg of [light, dark]) {
      expect(svg).toMatch(/^<svg\b/);
      expect(svg).toMatch(/<title id="[^"]+">Storia del repository<\/title>/);
      expect(svg).toMatch(/<desc id="[^"]+">Il hotfix parte da main/);
      expect(svg).toMatch(/aria-labelledby="[^"]+"/);
      expect(svg).toContain('Fix payment timeout');
      expect(svg).toContain('v1.0.1');
    }
    // The shared palette reaches each variant.
    expect(light.toLowerCase()).toContain(palettes.light.branches[0]);
    expect(dark.toLowerCase()).toContain(palettes.dark.branches[0]);
    // No id is used twice on the page (two variants, three diagrams).
    const all = nodes.filter((n) => n.name).flatMap((n) => [...ids(attr(n, 'light')), ...ids(attr(n, 'dark'))]);
    expect(all.length).toBeGreaterThan(6);
    expect(new Set(all).size).toBe(all.length);
    // The box is sized from the viewBox.
    expect(Number(attr(git, 'width'))).toBeGreaterThan(50);
    expect(Number(attr(git, 'height'))).toBeGreaterThan(20);
  }, 60_000);

  it('keeps the SVG out of the page: one module per diagram, a loader of it for the browser', async () => {
    const plugin = await loadPlugin();
    const root = tree({lang: 'mermaid', value: GIT_GRAPH}, {lang: 'mermaid', value: FLOWCHART});
    await plugin()(root, {path: 'page.mdx'});
    expect(JSON.stringify(body(root))).not.toContain('<svg');
    const imports = (root.children as unknown as Jsx[]).filter((n) => n.type === 'mdxjsEsm').map((n) => n.value);
    expect(imports).toEqual([
      expect.stringMatching(/^import staticDiagram0 from "@static-diagram\/[0-9a-f]{20}\.js";$/),
      expect.stringMatching(/^import staticDiagram1 from "@static-diagram\/[0-9a-f]{20}\.js";$/),
    ]);
    for (const statement of imports) {
      const name = /@static-diagram\/([0-9a-f]{20}\.js)/.exec(statement!)![1]!;
      const lazy = readFileSync(path.join(modules.diagramModulesDir(), 'lazy', name), 'utf8');
      expect(lazy).toBe(`export default () => import('../svg/${name}');\n`);
    }
    // Each bundle resolves the prefix to its own folder.
    const alias = (isServer: boolean) =>
      (modules.staticMermaid(undefined, {drawAtBuild: true}).configureWebpack(undefined, isServer).resolve.alias as Record<string, string>)['@static-diagram'];
    expect(alias(true)).toBe(path.join(modules.diagramModulesDir(), 'svg'));
    expect(alias(false)).toBe(path.join(modules.diagramModulesDir(), 'lazy'));
  }, 60_000);

  it('keeps timeline ids unique too (Mermaid names them undefined-…)', async () => {
    const plugin = await loadPlugin();
    const root = tree({lang: 'mermaid', value: TIMELINE}, {lang: 'mermaid', value: TIMELINE.replace('v1.0.1', 'v1.0.2')});
    await plugin()(root, {path: 'timeline.mdx'});
    const all = body(root).flatMap((n) => [...ids(attr(n, 'light')), ...ids(attr(n, 'dark'))]);
    expect(all.some((id) => id.startsWith('undefined'))).toBe(false);
    expect(new Set(all).size).toBe(all.length);
  }, 60_000);

  it('gives a repeated diagram its own ids and renders identically on the next build', async () => {
    const plugin = await loadPlugin();
    const first = tree({lang: 'mermaid', value: GIT_GRAPH}, {lang: 'mermaid', value: GIT_GRAPH});
    await plugin()(first, {path: 'a.mdx'});
    const [a, b] = body(first);
    expect(ids(attr(a!, 'light'))[0]).not.toBe(ids(attr(b!, 'light'))[0]);
    expect(readdirSync(process.env.STATIC_MERMAID_CACHE_DIR!).length).toBeGreaterThan(0);

    const again = tree({lang: 'mermaid', value: GIT_GRAPH});
    await (await loadPlugin())()(again, {path: 'a.mdx'});
    expect(attr(body(again)[0]!, 'light', again)).toBe(attr(a!, 'light', first));
  }, 60_000);

  it('fails the build on a diagram Mermaid cannot parse, naming file and line', async () => {
    const plugin = await loadPlugin();
    const root = tree({lang: 'mermaid', value: GIT_GRAPH}, {lang: 'mermaid', value: 'gitGraph\n  comit id: "typo"'});
    await expect(plugin()(root, {path: path.resolve('docs/lessons/broken.mdx')})).rejects.toThrow(
      /docs\/lessons\/broken\.mdx:20.*(Parse error|Lexer error|Expecting)/s,
    );
  }, 60_000);
});

describe('static-mermaid without a browser', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
    vi.restoreAllMocks();
  });

  it('leaves the fences to client-side Mermaid and warns once per build', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('static-mermaid.warned')];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const plugin = await loadPlugin();
    const one = tree({lang: 'mermaid', value: GIT_GRAPH});
    const two = tree({lang: 'mermaid', value: FLOWCHART});
    await plugin()(one, {path: 'one.mdx'});
    await (await loadPlugin())()(two, {path: 'two.mdx'});
    expect((one.children[0] as unknown as Jsx).lang).toBe('mermaid');
    expect((two.children[0] as unknown as Jsx).lang).toBe('mermaid');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/CHROMIUM_PATH/);
  });
});
