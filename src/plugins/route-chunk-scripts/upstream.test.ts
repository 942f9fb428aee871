/**
 * Fails when Docusaurus changes the registry the plugin reads, or where its SSR reads the client
 * manifest from: the plugin would then stop applying (it throws on an unreadable registry, but
 * only in a production build).
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {registryModules} from '.';

const require = createRequire(__filename);
const coreDir = path.dirname(require.resolve('@docusaurus/core/package.json'));

describe('upstream: @docusaurus/core\'s registry and client manifest', () => {
  it('writes a registry.js whose entries registryModules reads', async () => {
    const {generateRouteFiles} = require(path.join(coreDir, 'lib/server/codegen/codegenRoutes.js')) as {
      generateRouteFiles(args: {generatedFilesDir: string; routes: object[]}): Promise<void>;
    };
    const dir = mkdtempSync(path.join(tmpdir(), 'registry-'));
    try {
      await generateRouteFiles({
        generatedFilesDir: dir,
        routes: [{path: '/docs/x', component: '@theme/DocItem', exact: true, plugin: {name: 'docs', id: 'default'}}],
      });
      const modules = registryModules(readFileSync(path.join(dir, 'registry.js'), 'utf8'));
      expect([...modules.values()]).toContain('@theme/DocItem');
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it('renders pages with the client manifest the plugin rewrites, looked up by module', () => {
    expect(readFileSync(path.join(coreDir, 'lib/webpack/client.js'), 'utf8')).toContain("'client-manifest.json'");
    expect(readFileSync(path.join(coreDir, 'lib/ssg/ssgTemplate.js'), 'utf8')).toMatch(/getBundles\)\(manifest, modulesToBeLoaded\)/);
  });
});
