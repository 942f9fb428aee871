import {describe, expect, it} from 'vitest';
import {testShell} from './testShell';

describe('the playground shell', () => {
  it('writes files with echo > and >>, and cat reads them', async () => {
    const t = testShell();
    expect(await t.run('echo "one  two" > f.txt\necho three >> f.txt\ncat f.txt\n')).toEqual({status: 0, out: 'one  two\nthree\n', err: ''});
  });

  it('writes a heredoc whole: quoted delimiter keeps $ and backticks, unquoted expands them', async () => {
    const t = testShell();
    await t.run("cat > a.js << 'EOF'\nconst s = `${x}` + $HOME;\nEOF\n");
    await t.run('cat > b.txt << EOF\nhome=$HOME `echo sub` \\$kept\nEOF\n');
    expect(t.fs.files('/home/learner/repo')).toEqual({
      'a.js': 'const s = `${x}` + $HOME;\n',
      'b.txt': 'home=/home/learner sub $kept\n',
    });
  });

  it('handles quoting and escapes as bash', async () => {
    const t = testShell();
    const {out} = await t.run(`echo 'single $HOME' "double $HOME" \\$HOME a\\ b "q\\"uote" ''x\n`);
    expect(out).toBe('single $HOME double /home/learner $HOME a b q"uote x\n');
  });

  it('runs && only after success, || only after failure', async () => {
    const t = testShell();
    expect((await t.run('false && echo no || echo yes\n')).out).toBe('yes\n');
    expect((await t.run('true && echo a; false; echo $?\n')).out).toBe('a\n1\n');
    expect((await t.run('cat missing && echo never\n')).err).toBe('cat: missing: No such file or directory\n');
  });

  it('says an unknown command in one line, with status 127', async () => {
    const t = testShell();
    expect(await t.run('frobnicate --now\n')).toEqual({status: 127, out: '', err: 'frobnicate: command not found\n'});
  });

  it('refuses node, npm and npx, pointing to the sandbox', async () => {
    const t = testShell();
    for (const command of ['node test-payment.js', 'npm test', 'npx vitest']) {
      const result = await t.run(`${command}\n`);
      expect(result.status).toBe(127);
      expect(result.err).toBe(`${command.split(' ')[0]} is not available here: run it in the StackBlitz sandbox\n`);
    }
  });

  it('has mkdir -p with braces, cd, pwd, ls, cp, mv, rm -r/-f, touch, head and tail', async () => {
    const t = testShell();
    const {err} = await t.run(
      [
        'mkdir -p src/{payment,cart}',
        'echo x > src/payment/p.js',
        'cd src',
        'pwd',
        'ls',
        'cp payment/p.js cart/',
        'mv cart/p.js cart/c.js',
        'cd ..',
        'ls src/cart',
        'touch new.txt',
        'rm src',
        'rm -r src/payment',
        'rm -f nothing',
        'printf x || true',
        'echo $?',
        '',
      ].join('\n'),
    );
    expect(err).toBe('rm: src: Is a directory\nprintf: command not found\n');
    expect(t.fs.files('/home/learner/repo')).toEqual({'new.txt': '', 'src/cart/c.js': 'x\n'});
    const listing = await t.run('cd src && pwd && ls -F . && cd - && printf_none 2>/dev/null; echo $?\n');
    expect(listing.out).toBe('/home/learner/repo/src\ncart/\n/home/learner/repo\n127\n');
    await t.run('for i in 1; do :; done\n');
    expect((await t.run("printf '' ; echo -e 'a\\nb\\nc' > l.txt; head -n 2 l.txt; tail -1 l.txt\n")).out).toBe('a\nb\nc\n');
  });

  it('redirects stderr, and pipes into head', async () => {
    const t = testShell();
    expect(await t.run('cat nope 2> err.txt; cat err.txt\n')).toMatchObject({out: 'cat: nope: No such file or directory\n', err: ''});
    expect((await t.run("echo -e '1\\n2\\n3' | head -2\n")).out).toBe('1\n2\n');
    expect((await t.run('cat nope > out.txt 2>&1; cat out.txt\n')).out).toBe('cat: nope: No such file or directory\n');
  });

  it('substitutes $(...) in words and in double quotes', async () => {
    const t = testShell();
    expect((await t.run('echo "⏰ $(date): alert"\n')).out).toMatch(/^⏰ \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}: alert\n$/);
    expect((await t.run('echo $(echo a b)c\n')).out).toBe('a bc\n');
  });

  it('runs git with the shell\'s directory and environment', async () => {
    const t = testShell();
    await t.run('git init -q -b main && git config user.name "A B" && git config user.email a@b.c\n');
    const result = await t.run('echo hi > README.md && git add README.md && git commit -q -m "first\n\nbody" && git log --format=%B\n');
    expect(result).toEqual({status: 0, out: 'first\n\nbody\n\n', err: ''});
    expect((await t.run('git merge nope || echo "merge failed"\n')).out).toBe('merge failed\n');
  });

  it('clear asks the terminal to clear; edit opens the editor and saves or cancels', async () => {
    const t = testShell();
    await t.run('echo old > f.js\nclear\n');
    expect(t.cleared).toBe(1);
    t.nextEdit = 'new\n';
    expect((await t.run('edit f.js\n')).status).toBe(0);
    expect(t.edits).toEqual([{path: '/home/learner/repo/f.js', content: 'old\n'}]);
    expect((await t.run('cat f.js\n')).out).toBe('new\n');
    t.nextEdit = undefined;
    expect(await t.run('edit f.js\n')).toEqual({status: 1, out: '', err: 'edit: f.js not saved\n'});
    expect((await t.run('edit\n')).err).toBe('usage: edit FILE\n');
    expect((await t.run('edit nodir/x.js\n')).err).toBe('edit: nodir/x.js: No such file or directory\n');
  });

  it('reports a syntax it does not have in one line, status 2', async () => {
    const t = testShell();
    expect(await t.run('(cd x)\n')).toEqual({status: 2, out: '', err: "bash: syntax error near unexpected token `('\n"});
  });
});
