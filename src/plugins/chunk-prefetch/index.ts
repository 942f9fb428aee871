/**
 * Docusaurus plugin: resolves @docusaurus/core's client prefetch helper (`lib/client/prefetch`)
 * to src/lib/chunkPrefetch.ts, which asks for each chunk file once and while the browser is idle
 * (see that file for the measured cost of upstream's).
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

const require = createRequire(__filename);

export const PREFETCH_REPLACEMENT = path.resolve(__dirname, '../../lib/chunkPrefetch.ts');

/** The upstream helper's path as core's `./prefetch` import resolves (with and without `.js`). */
export function upstreamPrefetchHelper(): string[] {
  const coreClient = path.join(path.dirname(require.resolve('@docusaurus/core/package.json')), 'lib/client');
  const file = path.join(coreClient, 'prefetch');
  return [file, `${file}.js`];
}

export default function chunkPrefetch(): Plugin {
  return {
    name: 'chunk-prefetch',
    configureWebpack() {
      const alias = Object.fromEntries(upstreamPrefetchHelper().map((p) => [`${p}$`, PREFETCH_REPLACEMENT]));
      return {resolve: {alias}};
    },
  };
}
