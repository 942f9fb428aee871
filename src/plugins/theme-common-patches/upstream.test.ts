/**
 * Fails when theme-common's reactUtils moves, stops being imported by its own modules, or stops
 * calling localeCompare (then the stand-in buys nothing and goes).
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {upstreamReactUtils} from '.';

describe('upstream: @docusaurus/theme-common utils/reactUtils', () => {
  const [withoutExtension, file] = upstreamReactUtils();
  const libDir = path.dirname(path.dirname(withoutExtension!));

  it('still orders useShallowMemoObject\'s keys with localeCompare (what the stand-in avoids)', () => {
    expect(readFileSync(file!, 'utf8')).toMatch(/deps\.sort\(\(a, b\) => a\[0\]\.localeCompare\(b\[0\]\)\)/);
  });

  it('is imported by theme-common\'s own modules by a relative path the alias resolves', () => {
    const importers = readdirSync(libDir, {recursive: true, encoding: 'utf8'})
      .filter((f) => f.endsWith('.js'))
      .filter((f) => /from '(?:\.\.?\/)+(?:utils\/)?reactUtils'/.test(readFileSync(path.join(libDir, f), 'utf8')));
    expect(importers).toContain('contexts/navbarMobileSidebar.js');
  });
});
