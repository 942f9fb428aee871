/**
 * Docusaurus plugin: resolves @docusaurus/theme-common's `utils/reactUtils` module, in both
 * bundles, to src/lib/docusaurusReactUtils.ts (same exports, no `localeCompare` on the doc pages'
 * hydration path: see that file).
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

const require = createRequire(__filename);

export const REACT_UTILS_REPLACEMENT = path.resolve(__dirname, '../../lib/docusaurusReactUtils.ts');

/** The upstream module's path, as theme-common's own relative imports resolve (with and without `.js`). */
export function upstreamReactUtils(): string[] {
  // The package's exports map hides lib/; its main entry is lib/index.js.
  const themeCommonLib = path.dirname(require.resolve('@docusaurus/theme-common'));
  const file = path.join(themeCommonLib, 'utils/reactUtils');
  return [file, `${file}.js`];
}

export default function themeCommonPatches(): Plugin {
  return {
    name: 'theme-common-patches',
    configureWebpack() {
      const alias = Object.fromEntries(upstreamReactUtils().map((p) => [`${p}$`, REACT_UTILS_REPLACEMENT]));
      return {resolve: {alias}};
    },
  };
}
