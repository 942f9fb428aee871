/**
 * Docusaurus plugin: resolves @docusaurus/core's client prefetch helper (`lib/client/prefetch`)
 * to client.ts here, which asks for each chunk file once and while the browser is idle
 * (see that file for the measured cost of upstream's).
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';
import {replaceUpstreamModule, upstreamModule} from '../upstreamModule';

const require = createRequire(__filename);

export const PREFETCH_REPLACEMENT = path.resolve(__dirname, 'client.ts');

/** The upstream helper's path as core's `./prefetch` import resolves (with and without `.js`). */
export function upstreamPrefetchHelper(): string[] {
  const coreDir = path.dirname(require.resolve('@docusaurus/core/package.json'));
  return upstreamModule(path.join(coreDir, 'lib/client'), 'prefetch');
}

export default function chunkPrefetch(): Plugin {
  return replaceUpstreamModule('chunk-prefetch', upstreamPrefetchHelper(), PREFETCH_REPLACEMENT);
}
