/**
 * For plugins that swap an upstream module for a local stand-in in both bundles: the module's
 * path as its package's own relative imports resolve it, and the plugin that aliases it.
 */
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/** `<libDir>/<modulePath>`, with and without `.js` (compiled imports use both forms). */
export function upstreamModule(libDir: string, modulePath: string): string[] {
  const file = path.join(libDir, modulePath);
  return [file, `${file}.js`];
}

/** A plugin resolving exactly those paths (not their neighbours) to the replacement. */
export function replaceUpstreamModule(name: string, upstream: string[], replacement: string): Plugin {
  return {
    name,
    configureWebpack() {
      return {resolve: {alias: Object.fromEntries(upstream.map((p) => [`${p}$`, replacement]))}};
    },
  };
}
