/**
 * Fails when upstream's use of prism-react-renderer changes shape: a module of the theme that
 * the site bundles imports a name the site's Prism (prism.ts) does not export, or the theme stops
 * taking its Prism from the package (the alias would then buy nothing).
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import * as sitePrism from './prism';

const require = createRequire(__filename);
const siteDir = path.resolve(__dirname, '../../..');
const themeLib = path.join(path.dirname(require.resolve('@docusaurus/theme-classic/package.json')), 'lib');

/** Files under `dir` (recursively) whose code imports prism-react-renderer, with the names imported. */
function importersOfPrismReactRenderer(dir: string): {file: string; names: string[]}[] {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.js'))
    .flatMap((file) => {
      const source = readFileSync(path.join(dir, file), 'utf8');
      return [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'prism-react-renderer'/g)].map((m) => ({
        file,
        names: m[1]!.split(',').map((name) => name.trim().split(/\s+as\s+/)[0]!).filter(Boolean),
      }));
    });
}

describe('upstream: what @docusaurus/theme-classic imports from prism-react-renderer', () => {
  const importers = importersOfPrismReactRenderer(themeLib);

  it('the theme adds prism.additionalLanguages to the package\'s Prism (so to the site\'s)', () => {
    expect(importers).toContainEqual({file: 'prism-include-languages.js', names: ['Prism']});
  });

  it('every bundled theme module imports only what the site\'s Prism exports', () => {
    const exported = Object.keys(sitePrism);
    const problems = importers
      .filter(({file}) => file.startsWith('theme/'))
      // A theme component the site swizzles is not bundled from upstream.
      .filter(({file}) => !existsSync(path.join(siteDir, 'src', path.dirname(file))))
      .flatMap(({file, names}) => names.filter((name) => !exported.includes(name)).map((name) => `${file} imports ${name}`));
    expect(problems, 'prism.ts must export these, or the swizzle that replaces the module is gone').toEqual([]);
  });
});
