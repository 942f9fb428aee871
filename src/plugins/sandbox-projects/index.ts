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
      if (isServer || process.env.NODE_ENV === 'production') return {};
      return {devServer: {static: [{directory: devDir, publicPath: context.baseUrl, watch: true}]}} as object;
    },
    async postBuild({outDir}) {
      writeAssets(path.join(outDir, SANDBOX_ASSET_DIR), await buildAssets(locale));
    },
  };
}
