/**
 * Docusaurus plugin: resolves @docusaurus/theme-common's `utils/reactUtils` module, in both
 * bundles, to reactUtils.ts here (same exports, no `localeCompare` on the doc pages'
 * hydration path: see that file).
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';
import {replaceUpstreamModule, upstreamModule} from '../upstreamModule';

const require = createRequire(__filename);

export const REACT_UTILS_REPLACEMENT = path.resolve(__dirname, 'reactUtils.ts');

/** The upstream module's path, as theme-common's own relative imports resolve (with and without `.js`). */
export function upstreamReactUtils(): string[] {
  // The package's exports map hides lib/; its main entry is lib/index.js.
  const themeCommonLib = path.dirname(require.resolve('@docusaurus/theme-common'));
  return upstreamModule(themeCommonLib, 'utils/reactUtils');
}

export default function themeCommonPatches(): Plugin {
  return replaceUpstreamModule('theme-common-patches', upstreamReactUtils(), REACT_UTILS_REPLACEMENT);
}
