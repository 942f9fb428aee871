import {describe, expect, it} from 'vitest';
import {compareFileRecords, firstDifference} from './final-state';

describe('compareFileRecords', () => {
  const recorded = 'main\ta.js\t1111111aaa\n(untracked)\tt.js\t2222222bbb\nmain\tgone.md\t3333333ccc\n';
  it('names every changed, new and missing file', () => {
    const now = 'main\ta.js\t9999999fff\n(untracked)\tt.js\t8888888eee\nmain\tnew.md\t4444444ddd\n';
    expect(compareFileRecords(recorded, now, 'rec.txt')).toEqual([
      "file 'a.js' on branch 'main' changed since it was recorded in rec.txt (blob 1111111 → 9999999)",
      "untracked file 't.js' changed since it was recorded in rec.txt (blob 2222222 → 8888888)",
      "file 'new.md' on branch 'main' is not in rec.txt",
      "file 'gone.md' on branch 'main', recorded in rec.txt, is gone",
    ]);
  });
  it('names the examples/ source when known', () => {
    const sources = new Map([['main\ta.js', 'ecommerce/files/a.js']]);
    expect(compareFileRecords(recorded, recorded.replace('1111111aaa', '5555555aaa'), 'rec.txt', sources)).toEqual([
      "file 'a.js' on branch 'main' (examples/ecommerce/files/a.js) changed since it was recorded in rec.txt (blob 1111111 → 5555555)",
    ]);
  });

  it('accepts the same files in any order', () => {
    expect(compareFileRecords(recorded, recorded.split('\n').reverse().join('\n'), 'rec.txt')).toEqual([]);
  });
});

describe('firstDifference', () => {
  it('names the first line that differs', () => {
    expect(firstDifference('a\nb\nc\n', 'a\nB\nc\n')).toBe('line 2: expected "b", got "B"');
    expect(firstDifference('a\n', 'a\nb\n')).toBe('line 2: expected "", got "b"');
    expect(firstDifference('a', 'a\nb')).toBe('line 2: expected (end of file), got "b"');
  });
});
