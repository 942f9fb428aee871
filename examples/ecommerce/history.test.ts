import {describe, expect, it} from 'vitest';
import {replayHistory, type ReplayedHistory} from './history';
import {phases, type HistoryStep} from './phases';
import {FEATURE_MESSAGES} from './phases/01-feature-branch';
import {HOTFIX_MESSAGES} from './phases/02-hotfix-workflow';
import {EXPERIMENT_MESSAGES} from './phases/03-experimentation';

const commit = (message: string, files: Record<string, string>): HistoryStep => ({op: 'commit', message, files});
const subject = (message: string): string => message.split('\n')[0]!;
/** Commit subjects on a branch, newest first, following first parents (`git log --first-parent`). */
const log = (state: ReplayedHistory, branch: string): string[] => {
  const subjects: string[] = [];
  for (let index = state.branches[branch]; index !== undefined; index = state.commits[index]!.parents[0]) {
    subjects.push(subject(state.commits[index]!.message));
  }
  return subjects;
};
const parentsOf = (state: ReplayedHistory, index: number): string[] =>
  state.commits[index]!.parents.map((parent) => subject(state.commits[parent]!.message));

/** `main` and `x` diverged on a.txt: merging them conflicts. */
const diverged: HistoryStep[] = [
  commit('one', {'a.txt': 'A1'}),
  {op: 'branch', name: 'x'},
  commit('x', {'a.txt': 'AX'}),
  {op: 'switch', name: 'main'},
  commit('y', {'a.txt': 'AY', 'b.txt': 'B1'}),
];

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

  it('creates a merge commit with --no-ff although a fast-forward was possible', () => {
    const state = replayHistory([
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'topic'},
      commit('two', {'a.txt': 'A2'}),
      {op: 'switch', name: 'main'},
      {op: 'merge', branch: 'topic', message: 'Merge topic', noFastForward: true},
    ]);
    expect(state.commits).toHaveLength(3);
    expect(log(state, 'main')).toEqual(['Merge topic', 'one']);
    expect(parentsOf(state, state.branches.main!)).toEqual(['one', 'two']);
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
    expect(parentsOf(state, merge.index)).toEqual(['change b', 'fix a']);
    expect(state.tree).toEqual({'a.txt': 'A2', 'b.txt': 'B2', 'c.txt': 'C1'});
  });

  it('takes the resolution of a conflicting merge for the conflicting files', () => {
    const state = replayHistory([...diverged, {op: 'merge', branch: 'x', message: 'Merge x', resolved: {'a.txt': 'A-both'}}]);
    expect(parentsOf(state, state.branches.main!)).toEqual(['y', 'x']);
    expect(state.tree).toEqual({'a.txt': 'A-both', 'b.txt': 'B1'});
  });

  it('does nothing when merging a branch that is already merged, even with --no-ff', () => {
    for (const noFastForward of [false, true]) {
      const state = replayHistory([
        commit('one', {'a.txt': 'A1'}),
        {op: 'branch', name: 'old'},
        {op: 'switch', name: 'main'},
        commit('two', {'a.txt': 'A2'}),
        {op: 'merge', branch: 'old', message: 'Merge old', noFastForward},
      ]);
      expect(log(state, 'main')).toEqual(['two', 'one']);
    }
  });

  it('tags the current commit or a branch, and deletes merged branches', () => {
    const state = replayHistory([
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'fix'},
      commit('two', {'a.txt': 'A2'}),
      {op: 'tag', name: 'v1', message: 'Release 1'},
      {op: 'switch', name: 'main'},
      {op: 'tag', name: 'v0', message: 'Release 0'},
      {op: 'merge', branch: 'fix', message: ''},
      {op: 'deleteBranch', name: 'fix'},
      {op: 'branch', name: 'spike'},
      commit('three', {'c.txt': 'C1'}),
      {op: 'switch', name: 'main'},
      {op: 'tag', name: 'archive/spike', message: 'Archived', target: 'spike'},
      {op: 'deleteBranch', name: 'spike', force: true},
    ]);
    expect(Object.keys(state.branches)).toEqual(['main']);
    expect(state.tags).toEqual({
      v1: {commit: state.branches.main, message: 'Release 1'},
      v0: {commit: 0, message: 'Release 0'},
      'archive/spike': {commit: 2, message: 'Archived'},
    });
    expect(state.commits[2]!.message).toBe('three');
  });

  it.each<[string, HistoryStep[], RegExp]>([
    ['a conflict without a resolution', [...diverged, {op: 'merge', branch: 'x', message: 'Merge x'}],
      /step 6 \(merge\): merging x into main: merge conflict in a.txt: changed on both sides \(AY vs AX\) and the step gives no resolution/],
    ['a resolution of a file that does not conflict', [...diverged, {op: 'merge', branch: 'x', message: 'Merge x', resolved: {'a.txt': 'A', 'b.txt': 'B'}}],
      /resolved lists b.txt, which the merge does not conflict on/],
    ['a resolution of a fast-forward', [
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'x'},
      commit('x', {'a.txt': 'AX'}),
      {op: 'switch', name: 'main'},
      {op: 'merge', branch: 'x', message: '', resolved: {'a.txt': 'A'}},
    ], /fast-forwards: nothing to resolve/],
    ['a merge commit without a message', [
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'x'},
      commit('x', {'b.txt': 'B'}),
      {op: 'switch', name: 'main'},
      commit('y', {'c.txt': 'C'}),
      {op: 'merge', branch: 'x', message: ''},
    ], /not a fast-forward: it needs a merge commit message/],
    ['a --no-ff merge without a message', [
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'x'},
      commit('x', {'b.txt': 'B'}),
      {op: 'switch', name: 'main'},
      {op: 'merge', branch: 'x', message: ' ', noFastForward: true},
    ], /needs a merge commit message/],
    ['merging a missing branch', [commit('one', {'a.txt': 'A1'}), {op: 'merge', branch: 'nope', message: 'm'}], /branch nope has no commit/],
    ['deleting an unmerged branch without force', [
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'x'},
      commit('x', {'b.txt': 'B'}),
      {op: 'switch', name: 'main'},
      {op: 'deleteBranch', name: 'x'},
    ], /step 5 \(deleteBranch\): branch x is not fully merged into main/],
    ['deleting the current branch, even with force', [commit('one', {'a.txt': 'A1'}), {op: 'deleteBranch', name: 'main', force: true}], /checked-out/],
    ['deleting a missing branch', [commit('one', {'a.txt': 'A1'}), {op: 'deleteBranch', name: 'gone', force: true}], /branch gone has no commit/],
    ['switching to a missing branch', [commit('one', {'a.txt': 'A1'}), {op: 'switch', name: 'nope'}], /no branch nope/],
    ['creating a branch twice', [commit('one', {'a.txt': 'A1'}), {op: 'branch', name: 'main'}], /branch main already exists/],
    ['a commit that changes nothing', [commit('one', {'a.txt': 'A1'}), commit('two', {'a.txt': 'A1'})], /nothing to commit/],
    ['a commit without a message', [commit(' ', {'a.txt': 'A1'})], /needs a message/],
    ['branching before the first commit', [{op: 'branch', name: 'dev'}], /branch main has no commit/],
    ['a tag twice', [commit('one', {'a.txt': 'A1'}), {op: 'tag', name: 'v1', message: 'a'}, {op: 'tag', name: 'v1', message: 'b'}], /tag v1 already exists/],
    ['a tag on a missing branch', [commit('one', {'a.txt': 'A1'}), {op: 'tag', name: 'v1', message: 'a', target: 'gone'}], /branch gone has no commit/],
  ])('refuses %s, as git would', (_label, history, error) => {
    expect(() => replayHistory(history)).toThrow(error);
  });
});

describe('the lessons\' phases', () => {
  it('every phase replays', () => {
    for (const [id, phase] of Object.entries(phases)) {
      expect(() => replayHistory(phase.history), id).not.toThrow();
    }
  });

  it('02 before the fix: main is production, develop holds the two WIP commits', () => {
    const state = replayHistory(phases['02-before-fix'].history);
    expect(state.head).toBe('main');
    expect(log(state, 'main')).toEqual([HOTFIX_MESSAGES.initial]);
    expect(log(state, 'develop')).toEqual([HOTFIX_MESSAGES.wipApi, HOTFIX_MESSAGES.wipCart, HOTFIX_MESSAGES.initial]);
    expect(state.tree).toEqual({
      'README.md': 'ecommerce/files/README.md',
      'src/payment/paymentProcessor.js': 'ecommerce/files/payment/paymentProcessor.production.js',
    });
  });

  it('02 after the fix: main fast-forwarded to the hotfix, develop merged it, the branch is gone, the tag stays', () => {
    const state = replayHistory(phases['02-after-fix'].history);
    expect(state.head).toBe('develop');
    expect(Object.keys(state.branches).sort()).toEqual(['develop', 'main']);
    expect(log(state, 'main')).toEqual(
      [HOTFIX_MESSAGES.docs, HOTFIX_MESSAGES.test, HOTFIX_MESSAGES.fix, HOTFIX_MESSAGES.initial].map(subject),
    );
    expect(log(state, 'develop')).toEqual(
      [HOTFIX_MESSAGES.postIncident, HOTFIX_MESSAGES.mergeIntoDevelop, HOTFIX_MESSAGES.wipApi, HOTFIX_MESSAGES.wipCart, HOTFIX_MESSAGES.initial].map(subject),
    );
    const merge = state.commits.find((c) => c.message === HOTFIX_MESSAGES.mergeIntoDevelop)!;
    expect(parentsOf(state, merge.index)).toEqual([HOTFIX_MESSAGES.wipApi, HOTFIX_MESSAGES.docs].map(subject));
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

  it('01 after the merge: the feature merged into develop with --no-ff after a resolved conflict, the branch gone', () => {
    const state = replayHistory(phases['01-after-merge'].history);
    expect(state.head).toBe('develop');
    expect(Object.keys(state.branches).sort()).toEqual(['develop', 'main']);
    expect(log(state, 'develop')).toEqual(
      [FEATURE_MESSAGES.mergeIntoDevelop, FEATURE_MESSAGES.capDiscount, FEATURE_MESSAGES.readme, FEATURE_MESSAGES.config, FEATURE_MESSAGES.initial],
    );
    const merge = state.commits[state.branches.develop!]!;
    expect(parentsOf(state, merge.index)).toEqual([FEATURE_MESSAGES.capDiscount, FEATURE_MESSAGES.demo]);
    const conflict = state.commits.find((c) => c.message === FEATURE_MESSAGES.conflictMerge)!;
    expect(conflict.tree['src/cart/cartConfig.js']).toBe('ecommerce/files/feature/cart/cartConfig.resolved.js');
    expect(state.tree['src/cart/cartConfig.js']).toBe('ecommerce/files/feature/cart/cartConfig.resolved.js');
    expect(state.tree['src/cart/advancedCart.js']).toBe('ecommerce/files/feature/cart/advancedCart.js');
  });

  it('03 after adoption: co-purchase merged with --no-ff, popularity kept only by its archive tag', () => {
    const state = replayHistory(phases['03-after-adoption'].history);
    expect(Object.keys(state.branches).sort()).toEqual(['develop', 'main']);
    expect(log(state, 'develop')).toEqual(
      [EXPERIMENT_MESSAGES.serve, EXPERIMENT_MESSAGES.mergeIntoDevelop, EXPERIMENT_MESSAGES.bench, EXPERIMENT_MESSAGES.orders, EXPERIMENT_MESSAGES.initial],
    );
    const archived = state.tags['archive/recs-popularity']!;
    expect(state.commits[archived.commit]!.message).toBe(EXPERIMENT_MESSAGES.popularity);
    expect(archived.message).toBe(EXPERIMENT_MESSAGES.archiveTag);
    expect(state.tree['src/recommendations/popularity.js']).toBeUndefined();
  });
});
