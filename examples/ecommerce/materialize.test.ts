import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import rootPackage from '../../package.json';
import {
  buildPhaseFiles,
  EXAMPLES_DIR,
  phaseFiles,
  phaseTestSources,
  readExampleSource,
  replayHistory,
  VITEST_VERSION,
  writePhase,
  type RepoState,
} from './materialize';
import {phases, type HistoryStep, type Phase, type PhaseId} from './phases';
import {HOTFIX_MESSAGES} from './phases/02-hotfix-workflow';

const commit = (message: string, files: Record<string, string>): HistoryStep => ({op: 'commit', message, files});
/** The commit messages on a branch, newest first, following first parents (like `git log --first-parent`). */
const log = (state: RepoState, branch: string): string[] => {
  const messages: string[] = [];
  for (let index = state.branches[branch]; index !== undefined; index = state.commits[index]!.parents[0]) {
    messages.push(state.commits[index]!.message.split('\n')[0]!);
  }
  return messages;
};

describe('replayHistory', () => {
  it('starts on main and commits there, files accumulating', () => {
    const state = replayHistory([commit('one', {'a.txt': 'A1'}), commit('two', {'b.txt': 'B1'})]);
    expect(state.head).toBe('main');
    expect(state.tree).toEqual({'a.txt': 'A1', 'b.txt': 'B1'});
    expect(log(state, 'main')).toEqual(['two', 'one']);
  });

  it('gives the checked-out branch its own working tree', () => {
    const state = replayHistory([
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'dev'},
      commit('two', {'a.txt': 'A2', 'b.txt': 'B1'}),
      {op: 'switch', name: 'main'},
    ]);
    expect(state.head).toBe('main');
    expect(state.tree).toEqual({'a.txt': 'A1'});
    expect(log(state, 'dev')).toEqual(['two', 'one']);
  });

  it('fast-forwards without a commit when the branch is ahead', () => {
    const state = replayHistory([
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'fix'},
      commit('two', {'a.txt': 'A2'}),
      {op: 'switch', name: 'main'},
      {op: 'merge', branch: 'fix', message: ''},
    ]);
    expect(state.commits).toHaveLength(2);
    expect(state.branches.main).toBe(state.branches.fix);
    expect(state.tree).toEqual({'a.txt': 'A2'});
  });

  it('creates a merge commit combining both sides when they diverged', () => {
    const state = replayHistory([
      commit('one', {'a.txt': 'A1', 'b.txt': 'B1'}),
      {op: 'branch', name: 'fix'},
      commit('fix a', {'a.txt': 'A2'}),
      {op: 'switch', name: 'main'},
      commit('change b', {'b.txt': 'B2', 'c.txt': 'C1'}),
      {op: 'merge', branch: 'fix', message: 'Merge fix'},
    ]);
    const merge = state.commits[state.branches.main!]!;
    expect(merge.message).toBe('Merge fix');
    expect(merge.parents.map((parent) => state.commits[parent]!.message)).toEqual(['change b', 'fix a']);
    expect(state.tree).toEqual({'a.txt': 'A2', 'b.txt': 'B2', 'c.txt': 'C1'});
  });

  it('does nothing when merging a branch that is already merged', () => {
    const state = replayHistory([
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'old'},
      {op: 'switch', name: 'main'},
      commit('two', {'a.txt': 'A2'}),
      {op: 'merge', branch: 'old', message: 'Merge old'},
    ]);
    expect(log(state, 'main')).toEqual(['two', 'one']);
  });

  it('tags the current commit and deletes merged branches', () => {
    const state = replayHistory([
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'fix'},
      commit('two', {'a.txt': 'A2'}),
      {op: 'tag', name: 'v1', message: 'Release 1'},
      {op: 'switch', name: 'main'},
      {op: 'merge', branch: 'fix', message: ''},
      {op: 'deleteBranch', name: 'fix'},
    ]);
    expect(Object.keys(state.branches)).toEqual(['main']);
    expect(state.tags).toEqual({v1: {commit: state.branches.main, message: 'Release 1'}});
  });

  it.each<[string, HistoryStep[], RegExp]>([
    ['a conflict', [
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'x'},
      commit('x', {'a.txt': 'AX'}),
      {op: 'switch', name: 'main'},
      commit('y', {'a.txt': 'AY'}),
      {op: 'merge', branch: 'x', message: 'Merge x'},
    ], /Merge conflict in a.txt/],
    ['a merge commit without a message', [
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'x'},
      commit('x', {'b.txt': 'B'}),
      {op: 'switch', name: 'main'},
      commit('y', {'c.txt': 'C'}),
      {op: 'merge', branch: 'x', message: ''},
    ], /needs a merge commit message/],
    ['deleting an unmerged branch', [
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'x'},
      commit('x', {'b.txt': 'B'}),
      {op: 'switch', name: 'main'},
      {op: 'deleteBranch', name: 'x'},
    ], /step 5 \(deleteBranch\): branch x is not fully merged into main/],
    ['deleting the current branch', [commit('one', {'a.txt': 'A1'}), {op: 'deleteBranch', name: 'main'}], /checked-out/],
    ['switching to a missing branch', [commit('one', {'a.txt': 'A1'}), {op: 'switch', name: 'nope'}], /no branch nope/],
    ['a commit that changes nothing', [commit('one', {'a.txt': 'A1'}), commit('two', {'a.txt': 'A1'})], /nothing to commit/],
    ['branching before the first commit', [{op: 'branch', name: 'dev'}], /no commit yet/],
  ])('refuses %s, as git would', (_label, history, error) => {
    expect(() => replayHistory(history)).toThrow(error);
  });
});

describe('lesson 02 phases', () => {
  it('before the fix: main is production, develop holds the two WIP commits', () => {
    const state = replayHistory(phases['02-before-fix'].history);
    expect(state.head).toBe('main');
    expect(log(state, 'main')).toEqual([HOTFIX_MESSAGES.initial]);
    expect(log(state, 'develop')).toEqual([HOTFIX_MESSAGES.wipApi, HOTFIX_MESSAGES.wipCart, HOTFIX_MESSAGES.initial]);
    expect(state.tree).toEqual({
      'README.md': 'ecommerce/files/README.md',
      'src/payment/paymentProcessor.js': 'ecommerce/files/payment/paymentProcessor.production.js',
    });
  });

  it('after the fix: main fast-forwarded to the hotfix, develop merged it, the branch is gone, the tag stays', () => {
    const state = replayHistory(phases['02-after-fix'].history);
    const subject = (message: string): string => message.split('\n')[0]!;
    expect(state.head).toBe('develop');
    expect(Object.keys(state.branches).sort()).toEqual(['develop', 'main']);
    expect(log(state, 'main')).toEqual(
      [HOTFIX_MESSAGES.docs, HOTFIX_MESSAGES.test, HOTFIX_MESSAGES.fix, HOTFIX_MESSAGES.initial].map(subject),
    );
    expect(log(state, 'develop')).toEqual(
      [HOTFIX_MESSAGES.postIncident, HOTFIX_MESSAGES.mergeIntoDevelop, HOTFIX_MESSAGES.wipApi, HOTFIX_MESSAGES.wipCart, HOTFIX_MESSAGES.initial].map(subject),
    );
    const merge = state.commits.find((c) => c.message === HOTFIX_MESSAGES.mergeIntoDevelop)!;
    expect(merge.parents.map((parent) => state.commits[parent]!.message)).toEqual([HOTFIX_MESSAGES.wipApi, HOTFIX_MESSAGES.docs]);
    expect(state.tags['hotfix-v1.0.1']).toEqual({commit: state.branches.main, message: HOTFIX_MESSAGES.tag});
    expect(state.tree).toEqual({
      'HOTFIX_PAYMENT_TIMEOUT.md': 'ecommerce/files/HOTFIX_PAYMENT_TIMEOUT.md',
      'POST_INCIDENT_ACTIONS.md': 'ecommerce/files/POST_INCIDENT_ACTIONS.md',
      'README.md': 'ecommerce/files/README.md',
      'src/api/newEndpoints.js': 'ecommerce/files/api/newEndpoints.wip.js',
      'src/cart/advancedCart.js': 'ecommerce/files/cart/advancedCart.wip.js',
      'src/payment/paymentProcessor.js': 'ecommerce/files/payment/paymentProcessor.hotfix.js',
      'test-payment-fixed.js': 'ecommerce/files/test-payment-fixed.js',
    });
  });
});

describe('phaseFiles', () => {
  const ids = Object.keys(phases) as PhaseId[];

  it.each(ids)('%s: every file is its source under examples/, byte for byte', (id) => {
    const phase: Phase = phases[id];
    const files = phaseFiles(id);
    const sources = {...replayHistory(phase.history).tree, ...phase.untracked, ...phase.tests};
    expect(Object.keys(files)).toEqual([...Object.keys(sources), 'package.json'].sort());
    for (const [file, source] of Object.entries(sources)) {
      expect(files[file], file).toBe(readFileSync(path.join(EXAMPLES_DIR, source), 'utf8'));
    }
  });

  it.each(ids)('%s: package.json runs the demo and the tests with the root vitest, as CommonJS', (id) => {
    const pkg = JSON.parse(phaseFiles(id)['package.json']!);
    expect(pkg).toMatchObject({
      private: true,
      type: 'commonjs',
      scripts: {demo: `node ${phases[id].demo}`, test: 'vitest run'},
      devDependencies: {vitest: rootPackage.devDependencies.vitest},
      engines: {node: '>=20.19'},
    });
    expect(pkg.name).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
    expect(phaseFiles(id)['package.json']).toBe(`${JSON.stringify(pkg, null, 2)}\n`);
  });

  it('runs test-payment.js before the fix and test-payment-fixed.js after', () => {
    expect(JSON.parse(phaseFiles('02-before-fix')['package.json']!).scripts.demo).toBe('node test-payment.js');
    expect(JSON.parse(phaseFiles('02-after-fix')['package.json']!).scripts.demo).toBe('node test-payment-fixed.js');
  });

  it('pins vitest to the exact version of the root, which is the installed one', () => {
    const installed = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, '../node_modules/vitest/package.json'), 'utf8')).version;
    expect(VITEST_VERSION).toBe(rootPackage.devDependencies.vitest);
    expect(VITEST_VERSION).toBe(installed);
  });

  it('refuses unknown phases and files claimed twice', () => {
    expect(() => phaseFiles('nope' as PhaseId)).toThrow(/Unknown phase "nope"/);
    const base: Phase = {lesson: 'x', history: [commit('one', {'a.js': 'A'})], untracked: {}, tests: {}, openFile: 'a.js'};
    const read = (source: string): string => `content of ${source}`;
    expect(buildPhaseFiles('x', base, read)).toEqual({
      'a.js': 'content of A',
      'package.json': expect.stringContaining('"name": "ecommerce-x"'),
    });
    expect(() => buildPhaseFiles('x', {...base, untracked: {'a.js': 'B'}}, read)).toThrow(/untracked file a.js/);
    expect(() => buildPhaseFiles('x', {...base, tests: {'package.json': 'P'}}, read)).toThrow(/package.json is generated/);
    expect(() => buildPhaseFiles('x', {...base, demo: 'missing.js'}, read)).toThrow(/demo script missing.js/);
    expect(JSON.parse(buildPhaseFiles('x', base, read)['package.json']!).scripts).toEqual({test: 'vitest run'});
  });

  it('reads only inside examples/', () => {
    expect(() => readExampleSource('../package.json')).toThrow(/escapes examples/);
    expect(() => readExampleSource('ecommerce/files/missing.js')).toThrow(/not found: examples\/ecommerce\/files\/missing.js/);
  });
});

describe('the sources under examples/ecommerce/files', () => {
  const root = path.join(EXAMPLES_DIR, 'ecommerce/files');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [path.relative(EXAMPLES_DIR, full).split(path.sep).join('/')];
    });
  const sources = walk(root);

  it('hold each distinct file version once', () => {
    const contents = sources.map((source) => readFileSync(path.join(EXAMPLES_DIR, source), 'utf8'));
    expect(new Set(contents).size).toBe(contents.length);
  });

  it('are all used by some phase', () => {
    const used = new Set(
      Object.values(phases).flatMap((phase: Phase) =>
        [
          ...phase.history.flatMap((step) => (step.op === 'commit' ? Object.values(step.files) : [])),
          ...Object.values(phase.untracked),
        ],
      ),
    );
    expect(sources.filter((source) => !used.has(source))).toEqual([]);
  });

  it('the phase tests are listed for the root run to skip them outside a phase', () => {
    expect(phaseTestSources()).toEqual(expect.arrayContaining(['ecommerce/tests/support.ts', 'ecommerce/tests/badInput.test.ts']));
  });
});

describe('writePhase', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, {recursive: true, force: true})));

  it('writes exactly the phase files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'phase-'));
    dirs.push(dir);
    const files = phaseFiles('02-after-fix');
    expect(writePhase('02-after-fix', dir)).toEqual(Object.keys(files));
    for (const [file, content] of Object.entries(files)) {
      expect(readFileSync(path.join(dir, file), 'utf8')).toBe(content);
    }
  });
});
