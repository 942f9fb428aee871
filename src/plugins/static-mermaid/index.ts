import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import type {Code, Root} from 'mdast';
import {visit} from 'unist-util-visit';
import {attribute, identifierAttribute, importNode, writeSplitModules} from '../mdxModules';
import {minDiagramScale, siteMermaidConfig} from '../../lib/mermaidConfig';
import {CHROMIUM_ARGS} from '../../../scripts/browser-tools/chromium.mjs';
import {
  cacheKey,
  type CachedSvg,
  diagramId,
  fallbackWarning,
  findChromium,
  ID_TOKEN,
  renderEnvironment,
  renderFailureMessage,
  tokenizeIds,
  ensureAccessibleName,
  type Variant,
  viewBoxSize,
} from './svg';

/**
 * Remark plugin (register it in the docs' `beforeDefaultRemarkPlugins`): renders
 * every ```mermaid fence to SVG at build time, once per colour mode, and
 * replaces the fence with `<StaticDiagram svg={…} />`. Pages then need no
 * Mermaid JavaScript. Without a browser the fences are left alone (client-side
 * Mermaid renders them) and one warning is printed.
 *
 * The SVG reaches the HTML but not the page's JavaScript: each diagram's markup
 * is a module of its own, imported as `@static-diagram/<hash>.js`, which the
 * server bundle resolves to the SVG strings and the browser bundle to a loader
 * of them (a chunk of its own, fetched only when the page is reached by
 * client-side navigation and so has no server-rendered SVG to keep). See
 * `staticMermaid` and theme/StaticDiagram.
 */

const SITE_DIR = path.resolve(__dirname, '../../..');
function cacheDir(): string {
  return process.env.STATIC_MERMAID_CACHE_DIR ?? path.join(SITE_DIR, 'node_modules/.cache/static-mermaid');
}

/** Where the diagrams' modules are written: beside the render cache, cleared with the bundler's. */
export function diagramModulesDir(): string {
  return path.join(cacheDir(), 'modules');
}

/** The import prefix of a diagram's module (aliased per bundle by `staticMermaid`). */
export const DIAGRAM_MODULE_PREFIX = '@static-diagram';

/** The SVG module's text; `readDiagramModule` reads it back. */
export function diagramModuleSource(svgs: {light: string; dark: string}): string {
  return `export default ${JSON.stringify(svgs)};\n`;
}

export function readDiagramModule(source: string): {light: string; dark: string} {
  const json = /^export default (.*);\n$/s.exec(source)?.[1];
  if (!json) throw new Error('static-mermaid: not a diagram module');
  return JSON.parse(json) as {light: string; dark: string};
}

/**
 * Writes a diagram's two modules, content-addressed: `svg/<hash>.js` (the strings, for the
 * server bundle) and `lazy/<hash>.js` (a loader of the first, for the browser bundle).
 * Returns the import specifier.
 */
function writeDiagramModules(svgs: {light: string; dark: string}): string {
  return writeSplitModules(diagramModulesDir(), 'svg', DIAGRAM_MODULE_PREFIX, diagramModuleSource(svgs));
}


const VARIANTS: Variant[] = ['light', 'dark'];

/**
 * The Mermaid config of a colour mode: the same as the client-side renderer's
 * (client-theme/Mermaid): theme `base` with the site's palette, text sizes and gitGraph layout.
 */
export function mermaidConfigFor(variant: Variant) {
  return siteMermaidConfig(variant);
}

function mermaidVersion(): string {
  try {
    const file = createRequire(path.join(SITE_DIR, 'package.json')).resolve('mermaid/package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as {version: string}).version;
  } catch {
    return 'unknown';
  }
}

type Renderer = (
  diagrams: string[],
  options: {prefix: string; mermaidConfig: unknown},
) => Promise<PromiseSettledResult<{svg: string; width: number; height: number}>[]>;

/**
 * Loads an ES module with Node's own require (require(esm), Node >= 20.19).
 * The config loader (jiti) would transpile a plain `import()` and break on
 * mermaid-isomorphic's `import.meta`; Node's require loads it untouched.
 */
function importEsm<T>(specifier: string): Promise<T> {
  return Promise.resolve(createRequire(path.join(SITE_DIR, 'package.json'))(specifier) as T);
}

interface State {
  renderer?: Renderer;
  disabled?: string;
  version: string;
  /** Fingerprint of the browser and fonts that draw the diagrams (part of the cache key). */
  environment?: string;
}

const state: State = {version: mermaidVersion()};

// Docusaurus loads the config (and this module) once per locale: the flag that
// keeps the fallback warning to one per build lives on the process.
const WARNED = Symbol.for('static-mermaid.warned');

function disable(reason: string): void {
  state.disabled = reason;
  const global = globalThis as {[WARNED]?: boolean};
  if (!global[WARNED]) {
    global[WARNED] = true;
    console.warn(fallbackWarning(reason));
  }
}

/**
 * True when diagrams can be rendered at build time. The config then leaves out
 * @docusaurus/theme-mermaid: loaded at all, it puts Mermaid's parser in the
 * chunk every page downloads, diagrams or not.
 */
export function staticDiagramsAvailable(): boolean {
  return findChromium(process.env).found;
}

/**
 * Docusaurus plugin of the diagrams, in every build: serves theme/StaticDiagram (what the remark
 * plugin turns fences into) as @theme/StaticDiagram, and, when diagrams are drawn at build time,
 * resolves their modules to their SVG on the server and to their loaders in the browser.
 * @docusaurus/theme-mermaid is then left out of the config, so @theme/Mermaid is theme-classic's
 * empty placeholder and no Mermaid code is bundled; in the fallback build `clientSideMermaidTheme`
 * serves the site's client-side renderer instead.
 */
export function staticMermaid(_context: unknown, options: unknown) {
  const drawAtBuild = (options as {drawAtBuild?: boolean} | undefined)?.drawAtBuild === true;
  return {
    name: 'static-mermaid',
    getThemePath() {
      return path.join(__dirname, 'theme');
    },
    configureWebpack(_config: unknown, isServer: boolean) {
      const alias: Record<string, string> = drawAtBuild
        ? {[DIAGRAM_MODULE_PREFIX]: path.join(diagramModulesDir(), isServer ? 'svg' : 'lazy')}
        : {};
      return {resolve: {alias}};
    },
  };
}

/**
 * The fallback build's diagrams, drawn in the browser: client-theme/Mermaid, the site's fork of
 * theme-mermaid's component (the site's palette per colour mode, a wrapper that says its state).
 * List it among the themes after @docusaurus/theme-mermaid, whose component it replaces.
 */
export function clientSideMermaidTheme() {
  return {
    name: 'static-mermaid-client-side',
    getThemePath() {
      return path.join(__dirname, 'client-theme');
    },
  };
}

async function getRenderer(): Promise<Renderer | undefined> {
  if (state.disabled) return undefined;
  if (state.renderer) return state.renderer;
  const browser = findChromium(process.env);
  if (!browser.found) {
    disable(browser.reason);
    return undefined;
  }
  try {
    const {createMermaidRenderer} = await importEsm<typeof import('mermaid-isomorphic')>(
      'mermaid-isomorphic',
    );
    state.renderer = createMermaidRenderer({
      launchOptions: {executablePath: browser.path, args: CHROMIUM_ARGS},
    }) as unknown as Renderer;
    state.environment = renderEnvironment({path: browser.path, modified: statSync(browser.path).mtimeMs}, fontFiles());
    return state.renderer;
  } catch (error) {
    disable(`mermaid-isomorphic/playwright unavailable (${String(error)})`);
    return undefined;
  }
}

/** The font files fontconfig knows (Linux); elsewhere the fonts do not enter the cache key. */
function fontFiles(): string {
  try {
    return execFileSync('fc-list', ['--format', '%{file}\\n'], {encoding: 'utf8', timeout: 10_000});
  } catch {
    return '';
  }
}

function readCache(key: string): CachedSvg | undefined {
  try {
    return JSON.parse(readFileSync(path.join(cacheDir(), `${key}.json`), 'utf8')) as CachedSvg;
  } catch {
    return undefined;
  }
}

function writeCache(key: string, value: CachedSvg): void {
  try {
    mkdirSync(cacheDir(), {recursive: true});
    writeFileSync(path.join(cacheDir(), `${key}.json`), JSON.stringify(value));
  } catch {
    // A read-only node_modules only costs speed.
  }
}

interface Job {
  node: Code;
  key: Record<Variant, string>;
  svg: Partial<Record<Variant, CachedSvg>>;
}

/**
 * Renders the jobs' missing variants, one batch per variant for the whole file, both batches at
 * once: mermaid-isomorphic closes its browser whenever no render is in flight, so one batch after
 * the other launched Chromium twice per file (a light and a dark drawing of each diagram).
 */
async function renderMissing(
  renderer: Renderer,
  jobs: Job[],
  file: string,
): Promise<void> {
  await Promise.all(VARIANTS.map((variant) => renderVariant(renderer, jobs, file, variant)));
}

async function renderVariant(renderer: Renderer, jobs: Job[], file: string, variant: Variant): Promise<void> {
  const todo = jobs.filter((job) => !job.svg[variant]);
  if (todo.length === 0) return;
  const prefix = `smtmp${variant}`;
  let results: Awaited<ReturnType<Renderer>>;
  try {
    results = await renderer(
      todo.map((job) => job.node.value),
      {prefix, mermaidConfig: mermaidConfigFor(variant)},
    );
  } catch (error) {
    // The browser did not start: an environment problem, not a diagram one.
    // This build has no client-side Mermaid to fall back on (see
    // staticDiagramsAvailable), so say how to get one.
    throw new Error(
      `static-mermaid: Chromium could not be started to render the diagrams of ${file}: ` +
        `${String(error).split('\n')[0]}\n` +
        'Fix the browser (CHROMIUM_PATH), or build with STATIC_MERMAID=off to render diagrams in the browser.',
    );
  }
  results.forEach((result, index) => {
    const job = todo[index]!;
    if (result.status === 'rejected') {
      throw new Error(renderFailureMessage(file, job.node.position?.start.line, result.reason));
    }
    const svg = tokenizeIds(result.value.svg, `${prefix}-${index}`);
    const size = viewBoxSize(svg) ?? {width: result.value.width, height: result.value.height};
    const cached: CachedSvg = {svg, ...size};
    writeCache(job.key[variant], cached);
    job.svg[variant] = cached;
  });
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export default function remarkStaticMermaid() {
  return async (tree: Root, vfile: {path?: string}) => {
    const nodes: Code[] = [];
    visit(tree, 'code', (node: Code) => {
      if (node.lang === 'mermaid') nodes.push(node);
    });
    if (nodes.length === 0) return;
    const renderer = await getRenderer();
    if (!renderer) return;

    const file = vfile.path ? path.relative(SITE_DIR, vfile.path) : '<unknown file>';
    const jobs: Job[] = nodes.map((node) => {
      const key = {} as Record<Variant, string>;
      const svg: Job['svg'] = {};
      for (const variant of VARIANTS) {
        key[variant] = cacheKey(node.value, mermaidConfigFor(variant), state.version, state.environment ?? '');
        const cached = readCache(key[variant]);
        if (cached) svg[variant] = cached;
      }
      return {node, key, svg};
    });
    await renderMissing(renderer, jobs, file);

    const seen = new Map<string, number>();
    const imports: ReturnType<typeof importNode>[] = [];
    for (const job of jobs) {
      const occurrence = seen.get(job.key.light) ?? 0;
      seen.set(job.key.light, occurrence + 1);
      const light = job.svg.light!;
      const dark = job.svg.dark!;
      // accTitle/accDescr that Mermaid's renderer dropped (timeline) are added here, so the
      // cache keeps Mermaid's own output.
      const withIds = (svg: string, variant: Variant) =>
        ensureAccessibleName(svg, job.node.value).replaceAll(ID_TOKEN, diagramId(job.key.light, variant, occurrence));
      const identifier = `staticDiagram${imports.length}`;
      const specifier = writeDiagramModules({light: withIds(light.svg, 'light'), dark: withIds(dark.svg, 'dark')});
      imports.push(importNode(identifier, specifier));
      const element = {
        type: 'mdxJsxFlowElement',
        name: 'StaticDiagram',
        attributes: [
          identifierAttribute('svg', identifier),
          attribute('width', round(light.width)),
          attribute('height', round(light.height)),
          attribute('darkWidth', round(dark.width)),
          attribute('darkHeight', round(dark.height)),
          // Rounded up: never below the scale that keeps its text readable.
          attribute('minScale', String(Math.ceil(minDiagramScale(job.node.value) * 100) / 100)),
        ],
        children: [],
        position: job.node.position,
      };
      // Replace the code node in place: its parent keeps the same object.
      Object.assign(job.node as object, element);
      for (const prop of ['lang', 'meta', 'value'] as const) {
        delete (job.node as Partial<Code>)[prop];
      }
    }
    tree.children.unshift(...(imports as unknown as Root['children']));
  };
}
