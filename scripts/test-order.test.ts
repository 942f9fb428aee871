import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {REPO_ROOT, SLOWEST_FIRST} from './test-order';

describe('the unit run starts its slowest files first', () => {
  it('names test files that exist (a renamed one would silently start last again)', () => {
    expect(SLOWEST_FIRST.filter((file) => !existsSync(path.join(REPO_ROOT, file)))).toEqual([]);
    expect(new Set(SLOWEST_FIRST).size).toBe(SLOWEST_FIRST.length);
  });
});
