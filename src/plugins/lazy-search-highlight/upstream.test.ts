/**
 * Fails when the search plugin stops importing mark.js the way the alias expects, so that the
 * stand-in would silently stop applying (or stop being needed).
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

const require = createRequire(__filename);
const searchDir = path.dirname(require.resolve('@easyops-cn/docusaurus-search-local/package.json'));

describe('upstream: how @easyops-cn/docusaurus-search-local uses mark.js', () => {
  it('its generated module re-exports mark.js by the resolved path the plugin aliases', () => {
    const generate = readFileSync(path.join(searchDir, 'dist/server/server/utils/generate.js'), 'utf8');
    expect(generate).toContain('export { default as Mark } from ${JSON.stringify(require.resolve("mark.js"))}');
    // The path the alias is keyed on exists, and the file lazyMark.ts loads beside it.
    expect(require.resolve('mark.js')).toMatch(/mark\.js$/);
    expect(require.resolve('mark.js/dist/mark.es6.js')).toBeTruthy();
  });

  it('its search bar still unmarks every article on every page load (what the stand-in skips)', () => {
    const searchBar = readFileSync(path.join(searchDir, 'dist/client/client/theme/SearchBar/SearchBar.jsx'), 'utf8');
    expect(searchBar).toMatch(/const mark = new Mark\(root\);\s*mark\.unmark\(\);/);
    expect(searchBar).toContain('from "../../utils/proxiedGenerated"');
  });
});
