/**
 * Docusaurus plugin: emits each phase's sandbox project as static assets of the locale's site,
 * `sandbox/<phase>.json` and `sandbox/<phase>.zip`, so no project file lands in the page's JS.
 * The Sandbox card fetches the JSON only after a click.
 *
 * Build: written into the output folder (postBuild). `docusaurus start`: served from the
 * generated folder as an extra static directory.
 */
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {buildAssets, EXAMPLES_DIR, sandboxCardData} from './assets';
import type {Locale} from './buildProject';

export const SANDBOX_ASSET_DIR = 'sandbox';

/**
 * The modules only the in-page playground loads (after its click): its own chunk, `playground`,
 * scripts and styles (xterm's CSS too, which the site's single stylesheet would otherwise carry).
 */
export const PLAYGROUND_MODULES =
  /[\\/](packages[\\/]sandbox-git[\\/]src|node_modules[\\/]@xterm|src[\\/]lib[\\/](playgroundShell|playgroundRepo|repoGraph)|src[\\/]components[\\/](Playground|PlaygroundTerminal|PlaygroundEditor|PlaygroundChecklist|RepoDiagram))[\\/]|[\\/]examples[\\/]tooling[\\/]exercise-check\.mjs$/;

function writeAssets(dir: string, assets: Map<string, Uint8Array>): void {
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  for (const [name, bytes] of assets) writeFileSync(path.join(dir, name), bytes);
}

export default function sandboxProjects(context: LoadContext): Plugin {
  const locale = context.i18n.currentLocale as Locale;
  if (locale !== 'it' && locale !== 'en') throw new Error(`sandbox-projects: no texts for locale ${locale}`);
  const devDir = path.join(context.generatedFilesDir, 'sandbox-projects', locale);
  return {
    name: 'sandbox-projects',
    async contentLoaded({actions}) {
      // What the card must know before any click (a few bytes per phase, no file contents).
      actions.setGlobalData(await sandboxCardData());
      // Built again on every (re)load, so `docusaurus start` follows edits under examples/.
      if (process.env.NODE_ENV !== 'production') {
        writeAssets(path.join(devDir, SANDBOX_ASSET_DIR), await buildAssets(locale));
      }
    },
    getPathsToWatch() {
      return [path.join(EXAMPLES_DIR, '**/*')];
    },
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      // The in-page playground's code (its git engine, xterm, its shell and diagram) in one chunk
      // of its own, downloaded on the playground's click only. Without this, the engine's modules
      // shared by many of its lazily loaded commands met Docusaurus's `common` group and landed
      // in a chunk every page loads (20 kB gzip more on every page, measured by the bench).
      const playgroundChunk = {
        optimization: {
          splitChunks: {
            cacheGroups: {
              playground: {
                test: PLAYGROUND_MODULES,
                name: 'playground',
                chunks: 'async',
                enforce: true,
                priority: 60,
              },
            },
          },
        },
      };
      if (process.env.NODE_ENV === 'production') return playgroundChunk as object;
      return {...playgroundChunk, devServer: {static: [{directory: devDir, publicPath: context.baseUrl, watch: true}]}} as object;
    },
    async postBuild({outDir}) {
      writeAssets(path.join(outDir, SANDBOX_ASSET_DIR), await buildAssets(locale));
    },
  };
}
