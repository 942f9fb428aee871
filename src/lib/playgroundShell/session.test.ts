import {describe, expect, it} from 'vitest';
import {TerminalSession} from './session';
import {testShell} from './testShell';

/** A session over the test shell, recording what the terminal shows and which texts ran. */
function session() {
  const t = testShell();
  let screen = '';
  const ran: string[] = [];
  const s = new TerminalSession({
    write: (text) => {
      screen += text;
    },
    prompt: () => '$ ',
    run: async (script) => {
      ran.push(script);
      await t.shell.run(script, {stdout: (x) => (screen += x), stderr: (x) => (screen += x)});
    },
    clear: () => {
      screen = '';
    },
  });
  return {t, s, ran, screen: () => screen};
}

describe('the terminal session', () => {
  it('runs a pasted block command by command, a heredoc and a multi-line message whole', async () => {
    const {t, s, ran} = session();
    await s.start();
    // Pasted text arrives with \r line ends (xterm turns \n into \r).
    const block = [
      '# a comment',
      'echo one',
      "cat > f.js << 'EOF'",
      'const a = 1;',
      '',
      'EOF',
      'git init -q -b main && git config user.name A && git config user.email a@b.c',
      'git add f.js',
      'git commit -q -m "first',
      '',
      'body"',
      'echo done',
      '',
    ].join('\r');
    await s.input(block);
    expect(ran).toEqual([
      '# a comment\n',
      'echo one\n',
      "cat > f.js << 'EOF'\nconst a = 1;\n\nEOF\n",
      'git init -q -b main && git config user.name A && git config user.email a@b.c\n',
      'git add f.js\n',
      'git commit -q -m "first\n\nbody"\n',
      'echo done\n',
    ]);
    expect((await t.run('git log --format=%B\n')).out).toBe('first\n\nbody\n\n');
    expect(t.fs.files('/home/learner/repo')['f.js']).toBe('const a = 1;\n\n');
  });

  it('shows the continuation prompt while a command is not complete', async () => {
    const {s, screen} = session();
    await s.start();
    await s.input('echo "a\r');
    expect(screen()).toBe('$ echo "a\r\n> ');
    await s.input('b"\r');
    expect(screen()).toBe('$ echo "a\r\n> b"\r\na\nb\n$ ');
  });

  it('recalls one-line commands with the arrow keys and edits the line', async () => {
    const {s, ran} = session();
    await s.start();
    await s.input('echo first\recho second\r');
    await s.input('\x1b[A\x1b[A\r');
    expect(ran.at(-1)).toBe('echo first\n');
    // History is now first, second, first: ↑↑ reaches second, ↓ comes back to first.
    await s.input('\x1b[A\x1b[A\x1b[B\r');
    expect(ran.at(-1)).toBe('echo first\n');
    // ← and a typed letter insert in the middle; backspace deletes before the cursor.
    await s.input('echo ac\x1b[Db\r');
    expect(ran.at(-1)).toBe('echo abc\n');
    await s.input('echo abX\x7fc\r');
    expect(ran.at(-1)).toBe('echo abc\n');
    expect(s.history).toEqual(['echo first', 'echo second', 'echo first', 'echo abc']);
  });

  it('Ctrl-C drops the line and an unfinished command', async () => {
    const {s, ran, screen} = session();
    await s.start();
    await s.input("cat > f << 'EOF'\rtext\r\x03echo ok\r");
    expect(ran).toEqual(['echo ok\n']);
    expect(screen()).toContain('^C\r\n$ ');
  });

  it('queues what is typed while a command runs, and keeps the order', async () => {
    const {s, ran} = session();
    await s.start();
    const first = s.input('echo 1\r');
    const second = s.input('echo 2\r');
    expect(s.busy).toBe(true);
    await Promise.all([first, second]);
    expect(ran).toEqual(['echo 1\n', 'echo 2\n']);
    expect(s.busy).toBe(false);
  });
});
