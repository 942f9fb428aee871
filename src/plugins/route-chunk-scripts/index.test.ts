import {describe, expect, it} from 'vitest';
import {registryModules, withModuleOrigins, type ClientManifest} from '.';

// Two entries as Docusaurus generates them in .docusaurus/registry.js.
const REGISTRY = `export default {
  "17896441": [() => import(/* webpackChunkName: "17896441" */ "@theme/DocItem"), "@theme/DocItem", require.resolveWeak("@theme/DocItem")],
  "953b19b2": [() => import(/* webpackChunkName: "953b19b2" */ "@site/docs/lessons/02-hotfix-workflow.mdx"), "@site/docs/lessons/02-hotfix-workflow.mdx", require.resolveWeak("@site/docs/lessons/02-hotfix-workflow.mdx")],
};
`;

describe('registryModules', () => {
  it('maps each chunk name to the module request react-loadable reports for it', () => {
    expect([...registryModules(REGISTRY)]).toEqual([
      ['17896441', '@theme/DocItem'],
      ['953b19b2', '@site/docs/lessons/02-hotfix-workflow.mdx'],
    ]);
  });
});

describe('withModuleOrigins', () => {
  const manifest: ClientManifest = {
    entrypoints: ['main'],
    origins: {main: [354, 869, 792], '17896441': [93, 869, 900, 401], '953b19b2': [520]},
    assets: {},
  };

  it('keys each module request to the chunks of its chunk name, keeping the existing keys', () => {
    const patched = withModuleOrigins(manifest, registryModules(REGISTRY));
    expect(patched.origins['@theme/DocItem']).toEqual([93, 869, 900, 401]);
    expect(patched.origins['@site/docs/lessons/02-hotfix-workflow.mdx']).toEqual([520]);
    expect(patched.origins['17896441']).toEqual([93, 869, 900, 401]);
    expect(patched.origins.main).toEqual([354, 869, 792]);
    expect(manifest.origins['@theme/DocItem']).toBeUndefined();
  });

  it('skips a chunk the bundler merged away, and never overwrites a key already there', () => {
    const modules = new Map([
      ['gone0000', '@site/docs/merged.mdx'],
      ['953b19b2', 'main'],
    ]);
    const patched = withModuleOrigins(manifest, modules);
    expect('@site/docs/merged.mdx' in patched.origins).toBe(false);
    expect(patched.origins.main).toEqual([354, 869, 792]);
  });
});
