/**
 * The engine on its own: an in-memory file system (what the page's playground will give it),
 * git's object ids for a known history, its refusals and errors in git's words and exit codes,
 * git's date formats, configuration edits, and a core that never imports a Node module.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {editConfig, parseConfig} from '../src/config.js';
import {MemoryFs} from '../src/fs.js';
import {parseGitDate} from '../src/ident.js';
import {parseIndex, serializeIndex} from '../src/index-file.js';
import {runGit} from '../src/index.js';

const DATE = '2026-11-27T18:00:00+01:00';

/** A terminal over a MemoryFs: each call runs one command and returns what it printed. */
function terminal(fs = new MemoryFs(), env: Record<string, string> = {}) {
  let cwd = '/work';
  const git = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runGit(argv, {
      fs,
      cwd,
      env: {HOME: '/home', GIT_AUTHOR_DATE: DATE, GIT_COMMITTER_DATE: DATE, ...env},
      now: () => Date.parse(DATE),
      tzOffset: () => 60,
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
    });
    return {code, stdout, stderr};
  };
  const write = (file: string, text: string) => fs.promises.writeFile(`${cwd}/${file}`, text);
  return {fs, git, write, cd: (dir: string) => void (cwd = dir)};
}

describe('the engine over an in-memory file system', () => {
  it('builds the objects real git builds for the same commands', async () => {
    const t = terminal();
    await t.fs.promises.mkdir('/work', {recursive: true});
    expect((await t.git('init', '-q', '-b', 'main')).code).toBe(0);
    await t.git('config', 'user.name', 'DevOps Engineer');
    await t.git('config', 'user.email', 'devops@ecommerce.com');
    await t.write('README.md', 'hi\n');
    await t.fs.promises.mkdir('/work/src/x', {recursive: true});
    await t.write('src/x/a.js', 'code\n');
    await t.git('add', '.');
    const commit = await t.git('commit', '-m', 'Initial commit: x');
    // The id real git 2.39 gives this commit (same files, identity and date).
    expect(commit.stdout).toBe('[main (root-commit) 3f79cb6] Initial commit: x\n 2 files changed, 2 insertions(+)\n create mode 100644 README.md\n create mode 100644 src/x/a.js\n');
    expect((await t.git('rev-parse', 'HEAD')).stdout).toBe('3f79cb6c253deff990864edfc1731cd8c7f281a5\n');
    expect((await t.git('status', '--short')).stdout).toBe('');
    await t.write('README.md', 'changed\n');
    expect((await t.git('status', '--short')).stdout).toBe(' M README.md\n');
  });
});

describe('refusals and mistakes: one line in git\u2019s words, git\u2019s exit code, no stack trace', () => {
  const inRepo = async () => {
    const t = terminal();
    await t.fs.promises.mkdir('/work', {recursive: true});
    await t.git('init', '-q', '-b', 'main');
    await t.git('config', 'user.name', 'A');
    await t.git('config', 'user.email', 'a@example.com');
    return t;
  };

  it.each([
    [['frobnicate'], 1, "git: 'frobnicate' is not a git command. See 'git --help'.\n"],
    [['push', 'origin', 'main'], 1, "git: 'push' is not available in this sandbox's git. See 'git help' for the commands it has.\n"],
    [['rebase', '-i', 'main'], 128, "fatal: the sandbox's git has no editor for an interactive rebase: use git rebase <upstream>, or real git with the project's zip\n"],
    [['stash'], 1, "git: 'stash' is not available in this sandbox's git. See 'git help' for the commands it has.\n"],
    [['commit', '--bogus'], 129, /^error: unknown option `bogus'\nusage: git commit /],
    [['branch', '--frobnicate'], 129, /^error: unknown option `frobnicate'\nusage: git branch \[<options>\]/],
    [['commit', '--bogus'], 129, /\nusage: git commit \[-a \| --interactive \| --patch\] \[-s\] \[-v\] \[-u<mode>\] \[--amend\]\n {18}\[--dry-run\]/],
    [['switch', 'nope'], 128, 'fatal: invalid reference: nope\n'],
    [['merge', 'nope'], 1, 'merge: nope - not something we can merge\n'],
  ] as const)('git %j', async (argv, code, stderr) => {
    const t = await inRepo();
    const result = await t.git(...argv);
    expect(result.code).toBe(code);
    if (typeof stderr === 'string') expect(result.stderr).toBe(stderr);
    else expect(result.stderr).toMatch(stderr);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('outside a repository', async () => {
    const t = terminal();
    await t.fs.promises.mkdir('/work', {recursive: true});
    expect(await t.git('status')).toEqual({code: 128, stdout: '', stderr: 'fatal: not a git repository (or any of the parent directories): .git\n'});
  });

  it('an engine bug becomes one fatal line and leaves the repository readable', async () => {
    const t = await inRepo();
    await t.write('a.txt', 'a\n');
    await t.git('add', 'a.txt');
    // A file system that fails half-way: the command stops with one line, the repository stays valid.
    const broken = Object.create(t.fs) as MemoryFs;
    broken.promises = {...t.fs.promises, writeFile: async () => Promise.reject(new TypeError('disk on fire'))};
    const result = await terminal(broken).git('-C', '/work', 'commit', '-m', 'x');
    expect(result.code).toBe(128);
    expect(result.stderr).toBe("fatal: the sandbox's git failed: disk on fire\n");
    expect((await t.git('status', '--short')).stdout).toBe('A  a.txt\n');
  });
});

describe('dates as git reads them', () => {
  const local = () => 60;
  it.each([
    ['2026-11-27T18:00:00+01:00', 1795798800, 60],
    ['2026-11-27 18:00:00 +0100', 1795798800, 60],
    ['2026-11-27T17:00:00Z', 1795798800, 0],
    ['@1795798800 +0100', 1795798800, 60],
    ['1795798800 -0530', 1795798800, -330],
    ['Fri, 27 Nov 2026 18:00:00 +0100', 1795798800, 60],
    ['2026-11-27T18:00:00', 1795798800, 60],
  ])('%s', (text, timestamp, tzMinutes) => {
    expect(parseGitDate(text, local)).toEqual({timestamp, tzMinutes});
  });
  it('refuses what is not a date', () => {
    expect(parseGitDate('yesterday-ish', local)).toBeUndefined();
  });
});

describe('configuration files', () => {
  it('adds keys where git adds them and quotes what git quotes', () => {
    const base = '[core]\n\tbare = false\n[user]\n\tname = A\n';
    expect(editConfig(base, 'user.email', 'a@example.com')).toBe('[core]\n\tbare = false\n[user]\n\tname = A\n\temail = a@example.com\n');
    expect(editConfig(base, 'user.name', 'B B')).toBe('[core]\n\tbare = false\n[user]\n\tname = B B\n');
    expect(editConfig(base, 'alias.co', 'checkout # x')).toBe(`${base}[alias]\n\tco = "checkout # x"\n`);
    expect(editConfig(base, 'remote.origin.url', 'x')).toBe(`${base}[remote "origin"]\n\turl = x\n`);
    expect(editConfig(base, 'user.name', undefined)).toBe('[core]\n\tbare = false\n[user]\n');
    const parsed = parseConfig('[a]\n\tk = "quoted ; value" # comment\n\tflag\n[b "Sub"]\n\tx = 1\\\n2\n').entries;
    expect(parsed.map((e) => [e.key, e.value])).toEqual([['a.k', 'quoted ; value'], ['a.flag', undefined], ['b.Sub.x', '12']]);
  });
});

describe('the index', () => {
  it('reads what real git writes and writes what real git reads', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'index-'));
    try {
      const env = {...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null'};
      const git = (...args: string[]) => execFileSync('git', args, {cwd: dir, env, encoding: 'utf8'});
      git('init', '-q');
      for (const name of ['a.txt', 'dir/b.txt', 'dir/sub/c with space.txt', 'z-long-name-'.repeat(5)]) {
        execFileSync('bash', ['-c', `mkdir -p "$(dirname "${name}")" && echo ${name.length} > "${name}"`], {cwd: dir});
      }
      git('add', '.');
      const before = git('ls-files', '-s');
      const bytes = new Uint8Array(readFileSync(path.join(dir, '.git/index')));
      const entries = parseIndex(bytes);
      expect(entries.map((e) => `${e.mode.toString(8)} ${e.oid} ${e.stage}\t${e.path}\n`).join('')).toBe(before);
      execFileSync('bash', ['-c', 'cat > .git/index'], {cwd: dir, input: serializeIndex(entries)});
      expect(git('ls-files', '-s')).toBe(before);
      expect(git('fsck', '--strict')).toBe('');
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe('the core', () => {
  it('imports no Node module, so it runs in a page as it is', () => {
    const root = path.join(__dirname, '../src');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith('.js')) files.push(full);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(30);
    const offenders = files.filter((file) => /from ['"]node:|import\(['"]node:|require\(/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
