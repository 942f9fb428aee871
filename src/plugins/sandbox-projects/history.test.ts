/**
 * The history a learner gets in the sandbox: the project's own setup script (`.sandbox/setup.mjs`,
 * what `npm install` runs) in a temp folder, with the vendored sandbox git, checked against the
 * same phase script run by real git: the same commits, trees, tags, refs, HEAD and index, the
 * project's files untouched, `git fsck --strict` clean, and the sandbox's `git log --graph`
 * printing what real git prints.
 */
import {execFile, execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, describe, expect, it} from 'vitest';
import {REAL_GIT} from '../../../scripts/git-parity/engines';
import {parityEnv} from '../../../scripts/git-parity/scenario';
import {scriptToBash} from '../../../scripts/git-parity/script-bash';
import {phases, type Phase} from '../../../examples/ecommerce/phases';
import {ENGINE_DIR, HISTORY_FILE, SETUP_SCRIPT, type HistoryFile} from './buildProject';
import {phaseIds, sandboxAsset} from './assets';

const run = promisify(execFile);
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, {recursive: true, force: true})));

function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `sandbox-${name}-`));
  temps.push(dir);
  return dir;
}

const env = (home: string) => parityEnv(home, '');
const git = (dir: string, ...args: string[]) => execFileSync(REAL_GIT, args, {cwd: dir, env: env(dir), encoding: 'utf8'});

/** What identifies a repository: refs, HEAD, index, every reachable object. */
const state = (dir: string) =>
  [
    git(dir, 'for-each-ref', '--format=%(refname) %(objecttype) %(objectname)'),
    git(dir, 'symbolic-ref', 'HEAD'),
    git(dir, 'ls-files', '-s'),
    git(dir, 'rev-list', '--objects', '--all'),
  ].join('---\n');

describe.each(phaseIds())('history of %s in the sandbox', (id) => {
  const phase: Phase = phases[id];
  const ready = (async () => {
    const {project} = await sandboxAsset(id, 'en');
    const dir = tempDir(id);
    for (const [file, contents] of Object.entries(project.files)) {
      mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
      writeFileSync(path.join(dir, file), contents);
    }
    // What `npm install` runs as postinstall (no registry needed: the engine is vendored).
    const {stdout} = await run(process.execPath, [SETUP_SCRIPT], {cwd: dir, env: env(dir)});
    // The same script with real git, as the lesson's commands would run it.
    const history = JSON.parse(project.files[HISTORY_FILE]!) as HistoryFile;
    const reference = tempDir(`${id}-git`);
    await run('bash', ['-c', scriptToBash(history.steps, 'repo')], {cwd: reference, env: env(reference)});
    return {dir, project, stdout, reference: path.join(reference, 'repo')};
  })();

  it('is the history real git builds from the same commands: same objects, refs, HEAD and index', async () => {
    const {dir, stdout, reference} = await ready;
    expect(stdout).toMatch(/^Git history recreated with the sandbox git: \d+ commands, checked-out branch \S+\./);
    expect(state(dir)).toBe(state(reference));
    expect(git(dir, 'fsck', '--strict', '--no-dangling')).toBe('');
  });

  it('leaves the project files untouched, the index clean and only the lesson\u2019s untracked files', async () => {
    const {dir, project} = await ready;
    for (const [file, contents] of Object.entries(project.files)) expect(readFileSync(path.join(dir, file), 'utf8'), file).toBe(contents);
    const untracked = Object.keys(phase.untracked).sort().map((file) => `?? ${file}\n`).join('');
    expect(git(dir, 'status', '--porcelain')).toBe(untracked);
  });

  it('prints the same graph as real git, through the vendored git command', async () => {
    const {dir} = await ready;
    const printed = execFileSync(process.execPath, [path.join(dir, ENGINE_DIR, 'bin/git.js'), 'log', '--graph', '--oneline', '--all', '--decorate'], {cwd: dir, env: env(dir), encoding: 'utf8'});
    expect(printed).toBe(git(dir, 'log', '--graph', '--oneline', '--all', '--decorate'));
  });

  it('does not touch an existing history when run again, and says so', async () => {
    const {dir} = await ready;
    const before = state(dir);
    const {stdout} = await run(process.execPath, [SETUP_SCRIPT], {cwd: dir, env: env(dir)});
    expect(stdout).toContain('The git history already exists (.git).');
    expect((await run(process.execPath, [SETUP_SCRIPT, '--if-needed'], {cwd: dir, env: env(dir)})).stdout).toBe('');
    expect(state(dir)).toBe(before);
  });
});

describe('the final history of lesson 02', () => {
  it('has the annotated tag on the hotfix commit that main points at, and a real merge into develop', async () => {
    const {project} = await sandboxAsset('02-after-fix', 'it');
    const dir = tempDir('02-after-fix-it');
    for (const [file, contents] of Object.entries(project.files)) {
      mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
      writeFileSync(path.join(dir, file), contents);
    }
    const {stdout} = await run(process.execPath, [SETUP_SCRIPT, '--welcome'], {cwd: dir, env: env(dir)});
    // The messages are in the page's language, and the welcome names the git commands.
    expect(stdout).toMatch(/^Cronologia git ricreata con il git della sandbox: \d+ comandi, branch attivo develop\./);
    expect(stdout).toMatch(/git è pronto in questo terminale \(il git della sandbox: init, config, add, status, commit,/);
    expect(git(dir, 'cat-file', '-t', 'hotfix-v1.0.1').trim()).toBe('tag');
    const tagged = git(dir, 'rev-parse', 'hotfix-v1.0.1^{commit}').trim();
    expect(git(dir, 'rev-parse', 'main').trim()).toBe(tagged);
    expect(git(dir, 'log', '-1', '--format=%s', tagged).trim()).toBe('docs: document payment timeout hotfix');
    expect(git(dir, 'rev-list', '--merges', 'main')).toBe('');
    const merge = git(dir, 'rev-list', '--merges', 'develop').trim().split('\n');
    expect(merge).toHaveLength(1);
    const parents = git(dir, 'log', '-1', '--format=%P', merge[0] ?? '').trim().split(' ');
    expect(git(dir, 'log', '-1', '--format=%s', parents[0] ?? '').trim()).toBe('WIP: new API endpoints structure');
    expect(git(dir, 'branch', '--format=%(refname:short)').trim().split('\n')).toStrictEqual(['develop', 'main']);
    expect(git(dir, 'branch', '--show-current').trim()).toBe('develop');
    // The learner commits as the lesson's identity, with no setup of their own.
    expect(git(dir, 'config', 'user.name').trim()).toBe('DevOps Engineer');
  });
});
