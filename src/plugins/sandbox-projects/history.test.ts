/**
 * The history a learner gets in the sandbox: the replay script (isomorphic-git, as in a
 * WebContainer) run in a temp folder, checked against the same steps replayed with real git and
 * the lesson runner's identity and dates, and `npm run history` against `git log --graph`.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {phases, type Phase} from '../../../examples/ecommerce/phases';
import {buildSandboxProject, type PhaseStep} from './buildProject';
import {EXAMPLES_DIR, fileSources, phaseIds, sandboxAsset} from './assets';

const ROOT = path.resolve(EXAMPLES_DIR, '..');
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, {recursive: true, force: true})));

const gitEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'DevOps Engineer',
  GIT_AUTHOR_EMAIL: 'devops@ecommerce.com',
  GIT_COMMITTER_NAME: 'DevOps Engineer',
  GIT_COMMITTER_EMAIL: 'devops@ecommerce.com',
  GIT_AUTHOR_DATE: '2026-11-27T18:00:00+01:00',
  GIT_COMMITTER_DATE: '2026-11-27T18:00:00+01:00',
  GIT_EDITOR: 'true',
  TZ: 'UTC',
};
const git = (dir: string, ...args: string[]) =>
  execFileSync('git', args, {cwd: dir, env: gitEnv, encoding: 'utf8'});

function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `sandbox-${name}-`));
  temps.push(dir);
  return dir;
}

/** Writes the phase's sandbox project and links isomorphic-git from the repo's node_modules. */
function writeProject(id: keyof typeof phases): string {
  return writeFiles(id, sandboxAsset(id, 'en').project.files);
}

function writeFiles(name: string, files: Record<string, string>): string {
  const dir = tempDir(name);
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    writeFileSync(path.join(dir, file), contents);
  }
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(path.join(ROOT, 'node_modules/isomorphic-git'), path.join(dir, 'node_modules/isomorphic-git'));
  return dir;
}

/** The same steps with the real git CLI, as the lesson's commands run them. */
function replayWithGit(steps: PhaseStep[], dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  const read = (source: string) => execFileSync('cat', [path.join(EXAMPLES_DIR, source)]);
  const write = (files: Record<string, string>) => {
    for (const [file, source] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
      writeFileSync(path.join(dir, file), read(source));
      git(dir, 'add', file);
    }
  };
  for (const step of steps) {
    if (step.op === 'commit') {
      write(step.files);
      git(dir, 'commit', '-q', '-m', step.message);
    } else if (step.op === 'branch') git(dir, 'switch', '-q', '-c', step.name);
    else if (step.op === 'switch') git(dir, 'switch', '-q', step.name);
    else if (step.op === 'merge') {
      const noFf = step.noFf === true || step.noFastForward === true ? ['--no-ff'] : [];
      const message = step.message ? ['-m', step.message] : ['--no-edit'];
      try {
        git(dir, 'merge', '-q', ...noFf, ...message, step.branch);
      } catch (error) {
        if (!step.resolved) throw error;
        write(step.resolved);
        git(dir, 'commit', '-q', '-m', step.message);
      }
    } else if (step.op === 'tag') git(dir, 'tag', '-a', step.name, '-m', step.message, ...(step.target ? [step.target] : []));
    else git(dir, 'branch', '-q', step.force ? '-D' : '-d', step.name);
  }
}

const snapshot = (dir: string) => ({
  refs: git(dir, 'for-each-ref', '--format=%(refname) %(objecttype) %(objectname) %(*objectname)'),
  commits: git(dir, 'log', '--all', '--format=%H %P|%an <%ae> %ad|%s', '--date=raw'),
  head: git(dir, 'symbolic-ref', 'HEAD'),
});

describe.each(phaseIds())('history of %s in the sandbox', (id) => {
  const phase: Phase = phases[id];
  const dir = writeProject(id);
  const setup = execFileSync('node', ['.sandbox/replay-history.mjs'], {cwd: dir, encoding: 'utf8'});

  it('is the history the lesson builds with git: same commits, hashes, branches, tag and HEAD', () => {
    expect(setup).toMatch(/Git history recreated with isomorphic-git/);
    const reference = tempDir(`${id}-git`);
    replayWithGit(phase.history, reference);
    expect(snapshot(dir)).toStrictEqual(snapshot(reference));
    // A conflicted merge leaves a dangling tree behind (isomorphic-git), as git itself can: harmless.
    expect(git(dir, 'fsck', '--strict', '--no-dangling')).toBe('');
  });

  it('leaves the project files untouched, the index clean and only the lesson\u2019s untracked files', () => {
    const untracked = Object.keys(phase.untracked).map((p) => `?? ${p}\n`).join('');
    expect(git(dir, 'status', '--porcelain')).toBe(untracked);
    expect(git(dir, 'diff', 'HEAD', '--stat')).toBe('');
  });

  it('prints the same graph as git log --graph --oneline --all --decorate', () => {
    const printed = execFileSync('node', ['.sandbox/print-history.mjs'], {cwd: dir, encoding: 'utf8'});
    expect(printed).toBe(git(dir, 'log', '--graph', '--oneline', '--all', '--decorate'));
    const branches = new Set<string>(['main']);
    for (const step of phase.history) {
      if (step.op === 'branch') branches.add(step.name);
      if (step.op === 'deleteBranch') branches.delete(step.name);
    }
    for (const branch of branches) expect(printed).toMatch(new RegExp(`[(, ]${branch.replace('/', '\\/')}[,)]`));
  });

  it('does not touch an existing history when run again', () => {
    const before = snapshot(dir);
    const again = execFileSync('node', ['.sandbox/replay-history.mjs'], {cwd: dir, encoding: 'utf8'});
    expect(again).toMatch(/already exists/);
    expect(snapshot(dir)).toStrictEqual(before);
  });
});

describe('the final history of lesson 02', () => {
  it('has the annotated tag on the hotfix commit that main points at, and a real merge into develop', () => {
    const dir = writeProject('02-after-fix');
    execFileSync('node', ['.sandbox/replay-history.mjs'], {cwd: dir});
    expect(git(dir, 'cat-file', '-t', 'hotfix-v1.0.1').trim()).toBe('tag');
    const tagged = git(dir, 'rev-parse', 'hotfix-v1.0.1^{commit}').trim();
    expect(git(dir, 'rev-parse', 'main').trim()).toBe(tagged);
    expect(git(dir, 'log', '-1', '--format=%s', tagged).trim()).toBe('docs: document payment timeout hotfix');
    // main was fast-forwarded: no merge commit on it.
    expect(git(dir, 'rev-list', '--merges', 'main')).toBe('');
    const merge = git(dir, 'rev-list', '--merges', 'develop').trim().split('\n');
    expect(merge).toHaveLength(1);
    const parents = git(dir, 'log', '-1', '--format=%P', merge[0] ?? '').trim().split(' ');
    expect(parents).toHaveLength(2);
    expect(git(dir, 'log', '-1', '--format=%s', parents[0] ?? '').trim()).toBe('WIP: new API endpoints structure');
    expect(parents[1]).toBe(tagged);
    expect(git(dir, 'branch', '--format=%(refname:short)').trim().split('\n')).toStrictEqual(['develop', 'main']);
    expect(git(dir, 'branch', '--show-current').trim()).toBe('develop');
    const printed = execFileSync('node', ['.sandbox/print-history.mjs'], {cwd: dir, encoding: 'utf8'});
    expect(printed).toContain('(HEAD -> develop) docs: post-incident action plan');
    expect(printed).toContain('(tag: hotfix-v1.0.1, main) docs: document payment timeout hotfix');
    expect(printed).toContain("Merge branch 'hotfix/payment-timeout-fix' into develop");
  });
});

describe('history steps later lessons need', () => {
  const F = 'ecommerce/files';
  const history: PhaseStep[] = [
    {op: 'commit', message: 'init', files: {'README.md': `${F}/README.md`, 'src/p.js': `${F}/payment/paymentProcessor.production.js`}},
    {op: 'branch', name: 'develop'},
    {op: 'commit', message: 'develop: cart', files: {'src/c.js': `${F}/cart/advancedCart.wip.js`}},
    {op: 'branch', name: 'feature/x'},
    {op: 'commit', message: 'feature: change p', files: {'src/p.js': `${F}/payment/paymentProcessor.hotfix.js`}},
    {op: 'switch', name: 'develop'},
    {op: 'commit', message: 'develop: change p too', files: {'src/p.js': `${F}/cart/advancedCart.wip.js`}},
    {
      op: 'merge',
      branch: 'feature/x',
      message: "Merge branch 'feature/x' into develop",
      resolved: {'src/p.js': `${F}/api/newEndpoints.wip.js`},
    },
    {op: 'switch', name: 'main'},
    {op: 'merge', branch: 'develop', message: "Merge branch 'develop'", noFf: true},
    {op: 'tag', name: 'v1.0.0', message: 'Release 1.0.0', target: 'develop'},
    {op: 'deleteBranch', name: 'feature/x', force: true},
  ];

  it('replays --no-ff, a resolved conflict, a tag on another branch and a forced delete like git', () => {
    const reference = tempDir('steps-git');
    replayWithGit(history, reference);
    const tracked = git(reference, 'ls-files').trim().split('\n');
    const files = Object.fromEntries(tracked.map((f) => [f, git(reference, 'show', `HEAD:${f}`)]));
    files['package.json'] = JSON.stringify({scripts: {demo: 'node x', test: 'vitest run'}}) + '\n';
    const phase: Phase = {lesson: 'test', history, untracked: {}, tests: {}, openFile: 'README.md'};
    const project = buildSandboxProject('steps', phase, files, 'en', fileSources);
    const dir = writeFiles('steps', project.files);
    execFileSync('node', ['.sandbox/replay-history.mjs'], {cwd: dir});
    expect(snapshot(dir)).toStrictEqual(snapshot(reference));
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const printed = execFileSync('node', ['.sandbox/print-history.mjs'], {cwd: dir, encoding: 'utf8'});
    expect(printed).toBe(git(dir, 'log', '--graph', '--oneline', '--all', '--decorate'));
  });
});
