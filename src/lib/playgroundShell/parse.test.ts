import {describe, expect, it} from 'vitest';
import {expandBraces, isComplete, parseShell} from './parse';

const items = (src: string) => {
  const result = parseShell(src);
  if (result.kind !== 'ok') throw new Error(`not parsed: ${JSON.stringify(result)}`);
  return result.items;
};

describe('parseShell', () => {
  it('reads &&, || and ; as a list, and what each operator connects', () => {
    expect(items('a && b || c; d\n').map((i) => [i.pipeline.commands[0]!.words[0]![0], i.then])).toEqual([
      [{kind: 'text', text: 'a', quoted: false}, '&&'],
      [{kind: 'text', text: 'b', quoted: false}, '||'],
      [{kind: 'text', text: 'c', quoted: false}, ';'],
      [{kind: 'text', text: 'd', quoted: false}, ';'],
    ]);
  });

  it('skips comments, also after a command', () => {
    expect(items('# only a comment\necho hi # and here\n')).toHaveLength(1);
  });

  it('keeps quoting on each part of a word', () => {
    const [word] = items(`echo a'b c'"d $HOME"\n`)[0]!.pipeline.commands[0]!.words.slice(1);
    expect(word).toEqual([
      {kind: 'text', text: 'a', quoted: false},
      {kind: 'text', text: 'b c', quoted: true},
      {kind: 'text', text: 'd ', quoted: true},
      {kind: 'var', name: 'HOME', quoted: true},
    ]);
  });

  it('reads a heredoc body from the lines after its command, quoted delimiter: no expansion', () => {
    const [item, next] = items("cat > f.js << 'EOF'\nconst a = `${b}`;\n$HOME\nEOF\necho after\n");
    expect(item!.pipeline.commands[0]!.redirects).toEqual([
      {kind: 'write', fd: 1, append: false, target: [{kind: 'text', text: 'f.js', quoted: false}]},
      {kind: 'heredoc', body: 'const a = `${b}`;\n$HOME\n', expand: false},
    ]);
    expect(next!.pipeline.commands[0]!.words[1]).toEqual([{kind: 'text', text: 'after', quoted: false}]);
  });

  it('marks an unquoted delimiter as expanding, and strips tabs for <<-', () => {
    const [item] = items('cat <<-END\n\tx\n\tEND\n');
    expect(item!.pipeline.commands[0]!.redirects).toEqual([{kind: 'heredoc', body: 'x\n', expand: true}]);
  });

  it('says a text is incomplete until its quote, heredoc, continuation or operand is there', () => {
    expect(parseShell('git commit -m "first line\n')).toEqual({kind: 'incomplete', missing: 'quote'});
    expect(parseShell('git commit -m "first line\n\nbody"\n').kind).toBe('ok');
    expect(parseShell("cat > f << 'EOF'\nline\n")).toEqual({kind: 'incomplete', missing: 'heredoc'});
    expect(parseShell("cat > f << 'EOF'\nline\nEOF")).toEqual({kind: 'incomplete', missing: 'heredoc'});
    expect(isComplete("cat > f << 'EOF'\nline\nEOF\n")).toBe(true);
    expect(parseShell('echo a \\\n')).toEqual({kind: 'incomplete', missing: 'continuation'});
    expect(parseShell('git diff --check &&\n')).toEqual({kind: 'incomplete', missing: 'operand'});
    expect(parseShell('echo $(date\n')).toEqual({kind: 'incomplete', missing: 'substitution'});
    expect(isComplete("echo 'it''s'\n")).toBe(true);
  });

  it('reads redirections: >, >>, 2>, &>, 2>&1, <', () => {
    const [item] = items('cmd > out >> log 2> err &> both 2>&1 < in\n');
    expect(item!.pipeline.commands[0]!.redirects.map((r) => r.kind + ('fd' in r ? r.fd : ''))).toEqual([
      'write1',
      'write1',
      'write2',
      'writeboth',
      'dup2',
      'read',
    ]);
  });

  it('refuses what it does not have with one message, not a guess', () => {
    expect(parseShell('(cd x)\n')).toEqual({kind: 'error', message: "syntax error near unexpected token `('"});
    expect(parseShell('echo > \n').kind).toBe('error');
  });
});

describe('expandBraces', () => {
  it('expands groups with commas, as bash', () => {
    expect(expandBraces('src/{payment,cart,user,api}')).toEqual(['src/payment', 'src/cart', 'src/user', 'src/api']);
    expect(expandBraces('{a,b}{1,2}')).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(expandBraces('{solo}')).toEqual(['{solo}']);
  });
});
