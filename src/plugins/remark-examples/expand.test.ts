import {describe, expect, it} from 'vitest';
import {expandFence, hasMetaFlag, readMetaValue} from './expand';

const files: Record<string, string> = {
  'a.js': 'const a = 1;\n',
  'b.js': 'const a = 2;\n',
  'doc.md': '# Title\n\n```js\ncode\n```\n',
};
const read = (p: string): string => {
  const content = files[p];
  if (content === undefined) throw new Error(`Example file not found: examples/${p}`);
  return content;
};

describe('readMetaValue / hasMetaFlag', () => {
  it('reads bare and quoted values', () => {
    expect(readMetaValue('file=a.js title="src/a b.js"', 'file')).toBe('a.js');
    expect(readMetaValue('file=a.js title="src/a b.js"', 'title')).toBe('src/a b.js');
    expect(readMetaValue('profile=x', 'file')).toBeUndefined();
    expect(readMetaValue(null, 'file')).toBeUndefined();
  });
  it('finds flags as whole words only', () => {
    expect(hasMetaFlag('title="x" norun', 'norun')).toBe(true);
    expect(hasMetaFlag('norunning', 'norun')).toBe(false);
  });
});

describe('expandFence', () => {
  it('replaces an empty file= fence with the file, without its final newline', () => {
    expect(expandFence({lang: 'js', meta: 'file=a.js', value: ''}, read)).toBe('const a = 1;');
  });
  it('refuses a file= fence that also has a body, so nothing is pasted twice', () => {
    expect(() => expandFence({lang: 'js', meta: 'file=a.js', value: 'x'}, read)).toThrow(/must be empty/);
  });
  it('expands %include lines inside a heredoc, nested fences included', () => {
    const value = "cat > doc.md << 'EOF'\n%include doc.md\nEOF\necho done";
    expect(expandFence({lang: 'bash', meta: null, value}, read)).toBe(
      "cat > doc.md << 'EOF'\n# Title\n\n```js\ncode\n```\nEOF\necho done",
    );
  });
  it('produces a unified diff for diff=', () => {
    const out = expandFence({lang: 'diff', meta: 'diff=a.js,b.js title="x.js"', value: ''}, read);
    expect(out).toContain('-const a = 1;');
    expect(out).toContain('+const a = 2;');
    // Named as in the reader's repository, like `git diff`: not by the paths under examples/.
    expect(out.split('\n').slice(0, 2)).toEqual(['--- a/x.js', '+++ b/x.js']);
    expect(out).not.toContain('a.js');
  });
  it('fails loudly on a missing file', () => {
    expect(() => expandFence({lang: 'js', meta: 'file=nope.js', value: ''}, read)).toThrow(/nope\.js/);
  });
  it('leaves ordinary fences alone', () => {
    expect(expandFence({lang: 'bash', meta: null, value: 'git status'}, read)).toBe('git status');
  });
});
