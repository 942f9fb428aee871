/**
 * Builds that draw diagrams at build time leave @docusaurus/theme-mermaid out, and rely on
 * theme-classic's own @theme/Mermaid being an empty placeholder (no alias replaces it). Fails
 * when that placeholder changes.
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

const require = createRequire(__filename);
const themeLib = path.join(path.dirname(require.resolve('@docusaurus/theme-classic/package.json')), 'lib/theme');

describe('upstream: theme-classic\'s @theme/Mermaid', () => {
  it('is the empty placeholder, which MDX pages import', () => {
    expect(readFileSync(path.join(themeLib, 'Mermaid.js'), 'utf8')).toMatch(/^export \{default\} from '@docusaurus\/Noop';$/m);
    expect(readFileSync(path.join(themeLib, 'MDXComponents/index.js'), 'utf8')).toContain("import Mermaid from '@theme/Mermaid';");
  });
});
