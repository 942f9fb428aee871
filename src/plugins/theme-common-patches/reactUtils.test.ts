import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import * as replacement from './reactUtils';
import {upstreamReactUtils} from '.';

describe('reactUtils, the stand-in for theme-common utils/reactUtils', () => {
  it('exports every name the upstream module exports (theme-common imports them from it)', () => {
    const upstream = fs.readFileSync(upstreamReactUtils()[1]!, 'utf8');
    const names = [...upstream.matchAll(/^export (?:async )?(?:function|class|const|let) (\w+)/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(Object.keys(replacement), name).toContain(name);
  });

  it('orders entries by key without locale rules, as a total order', () => {
    const entries: [string, unknown][] = [
      ['props', 1],
      ['component', 2],
      ['Zeta', 3],
      ['attributes', 4],
    ];
    expect([...entries].sort(replacement.byKey).map(([k]) => k)).toEqual(['Zeta', 'attributes', 'component', 'props']);
    expect(replacement.byKey(['a', 1], ['a', 2])).toBe(0);
  });

  it('names the hook and the provider in a ReactContextError', () => {
    function useSomething() {
      return new replacement.ReactContextError('SomeProvider');
    }
    expect(useSomething().message).toMatch(/^Hook useSomething is called outside the <SomeProvider>\./);
  });
});
