/**
 * Docusaurus plugin: a page's HTML loads its route's chunks itself, next to main.js.
 *
 * Docusaurus renders a `<script defer>` for each chunk the server render used, found by looking
 * up the modules react-loadable reported (`@theme/DocItem`, `@site/docs/…mdx`) in the client
 * manifest. Under webpack 5 (and Rspack) the manifest keys chunks only by chunk name ("17896441"),
 * so no module is found and the HTML loads main.js alone: the route's chunks are requested only
 * once main.js has run, a round trip later, and main.js's own task spends time adding their
 * <script> tags. This plugin adds each registry module under its request to the manifest, after
 * the manifest is written and before the pages are rendered, so upstream's template lists them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

export interface ClientManifest {
  entrypoints: string[];
  origins: Record<string, (string | number)[]>;
  assets: Record<string, unknown>;
}

/** Chunk name → module request, from the generated registry.js (what react-loadable reports). */
export function registryModules(registrySource: string): Map<string, string> {
  const entry = /^\s*"([^"]+)": \[\(\) => import\(\/\* webpackChunkName: "[^"]+" \*\/ "[^"]+"\), "([^"]+)",/gm;
  return new Map([...registrySource.matchAll(entry)].map((m) => [m[1]!, m[2]!]));
}

/** The manifest with each module request keyed to the chunks of its chunk name. */
export function withModuleOrigins(manifest: ClientManifest, modules: Map<string, string>): ClientManifest {
  const origins = {...manifest.origins};
  for (const [chunkName, request] of modules) {
    const chunks = manifest.origins[chunkName];
    if (chunks && !(request in origins)) origins[request] = chunks;
  }
  return {...manifest, origins};
}

interface CompilerLike {
  hooks: {afterEmit: {tapPromise(name: string, hook: () => Promise<void>): void}};
}

export default function routeChunkScripts(context: {generatedFilesDir: string}): Plugin {
  const manifestPath = path.join(context.generatedFilesDir, 'client-manifest.json');
  const registryPath = path.join(context.generatedFilesDir, 'registry.js');
  const keyModulesByRequest = {
    apply(compiler: CompilerLike) {
      compiler.hooks.afterEmit.tapPromise('route-chunk-scripts', async () => {
        const manifest = JSON.parse(await fs.promises.readFile(manifestPath, 'utf8')) as ClientManifest;
        const modules = registryModules(await fs.promises.readFile(registryPath, 'utf8'));
        // Say so if Docusaurus changed the registry's format, rather than quietly do nothing.
        if (modules.size === 0) throw new Error(`route-chunk-scripts: no entry read from ${registryPath}`);
        await fs.promises.writeFile(manifestPath, JSON.stringify(withModuleOrigins(manifest, modules), null, 2));
      });
    },
  };
  return {
    name: 'route-chunk-scripts',
    configureWebpack(config, isServer) {
      // Only a production client build writes the manifest that page rendering reads.
      return isServer || config.mode !== 'production' ? {} : {plugins: [keyModulesByRequest]};
    },
  };
}
