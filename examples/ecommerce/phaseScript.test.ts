/**
 * A phase's history as git commands (`phaseScript`) and the repository the sandbox's git builds
 * from them in memory (`replayPhaseRepository`): git's behaviour (fast-forwards, --no-ff, conflict
 * resolutions, tags, deletions) and git's refusals, named by the step that failed. That real git
 * builds the same repository from the same commands is checked for every phase by
 * `scripts/git-parity/phase-scripts.test.ts`.
 */
import {describe, expect, it} from 'vitest';
import {phaseScript} from './phaseScript';
import {replayPhaseRepository} from './phaseRepository';
import {phases, type HistoryStep, type Phase} from './phases';
import {readExampleSource} from './materialize';

const identity = {name: 'Test Author', email: 'test@example.com'};
const commit = (message: string, files: Record<string, string>): HistoryStep => ({op: 'commit', message, files});
/** Sources are their own content here. */
const read = (source: string): string => `${source}\n`;
const replay = (history: HistoryStep[]) => replayPhaseRepository({history, identity}, read);

/** Subjects on a branch's first-parent line, newest first. */
async function log(history: HistoryStep[], branch: string): Promise<string[]> {
  const {repo} = await replay(history);
  const subjects: string[] = [];
  for (let oid = await repo.refs.resolve(`refs/heads/${branch}`); oid; ) {
    const c = await repo.objects.commit(oid);
    subjects.push(c.message.split('\n')[0]!);
    oid = c.parents[0];
  }
  return subjects;
}

describe('phaseScript', () => {
  it('writes the commands a learner types, from git init on', () => {
    expect(
      phaseScript({
        identity,
        history: [
          commit('one', {'a.txt': 'A1'}),
          {op: 'branch', name: 'fix'},
          {op: 'commit', message: 'two', files: {'a.txt': 'A2'}, author: 'Giulia Bianchi <giulia@ecommerce.com>'},
          {op: 'switch', name: 'main'},
          {op: 'merge', branch: 'fix', message: ''},
          {op: 'merge', branch: 'fix', message: 'Merge fix', noFastForward: true},
          {op: 'tag', name: 'v1', message: 'Release', target: 'fix'},
          {op: 'deleteBranch', name: 'fix', force: true},
        ],
      }),
    ).toEqual([
      {git: ['init', '-q', '-b', 'main']},
      {git: ['config', 'user.name', 'Test Author']},
      {git: ['config', 'user.email', 'test@example.com']},
      {write: 'a.txt', source: 'A1'},
      {git: ['add', 'a.txt']},
      {git: ['commit', '-q', '-m', 'one']},
      {git: ['switch', '-q', '-c', 'fix']},
      {write: 'a.txt', source: 'A2'},
      {git: ['add', 'a.txt']},
      {git: ['commit', '-q', '--author=Giulia Bianchi <giulia@ecommerce.com>', '-m', 'two']},
      {git: ['switch', '-q', 'main']},
      {git: ['merge', '--ff-only', 'fix']},
      {git: ['merge', '--no-ff', '-m', 'Merge fix', 'fix']},
      {git: ['tag', '-a', 'v1', 'fix', '-m', 'Release']},
      {git: ['branch', '-q', '-D', 'fix']},
    ]);
  });

  it('stops a conflicting merge, writes the resolution, adds it and commits', () => {
    const script = phaseScript({identity, history: [{op: 'merge', branch: 'x', message: 'Merge x', resolved: {'a.txt': 'AR'}}]});
    expect(script.slice(3)).toEqual([
      {git: ['merge', '--no-edit', 'x'], status: 1},
      {write: 'a.txt', source: 'AR'},
      {git: ['add', 'a.txt']},
      {git: ['commit', '-q', '-m', 'Merge x']},
    ]);
  });
});

describe('the repository the sandbox git builds from a phase', () => {
  it('fast-forwards, makes --no-ff merge commits and keeps the checked-out branch\u2019s files', async () => {
    const history: HistoryStep[] = [
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'fix'},
      commit('two', {'a.txt': 'A2'}),
      {op: 'switch', name: 'main'},
      {op: 'merge', branch: 'fix', message: ''},
      {op: 'branch', name: 'topic'},
      commit('three', {'b.txt': 'B1'}),
      {op: 'switch', name: 'main'},
      {op: 'merge', branch: 'topic', message: 'Merge topic', noFastForward: true},
    ];
    expect(await log(history, 'main')).toEqual(['Merge topic', 'two', 'one']);
    const {worktree, repo} = await replay(history);
    expect(worktree).toEqual({'a.txt': 'A2\n', 'b.txt': 'B1\n'});
    expect((await repo.refs.head()).branch).toBe('refs/heads/main');
  });

  it('takes the resolution of a conflicting merge, with both parents', async () => {
    const history: HistoryStep[] = [
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'x'},
      commit('x', {'a.txt': 'AX'}),
      {op: 'switch', name: 'main'},
      commit('y', {'a.txt': 'AY'}),
      {op: 'merge', branch: 'x', message: 'Merge x', resolved: {'a.txt': 'AR'}},
    ];
    const {worktree, repo} = await replay(history);
    expect(worktree).toEqual({'a.txt': 'AR\n'});
    const merge = await repo.objects.commit((await repo.refs.resolve('refs/heads/main'))!);
    expect(merge.parents).toHaveLength(2);
    expect(merge.message).toBe('Merge x\n');
  });

  it('tags a branch and deletes what is merged', async () => {
    const {repo} = await replay([
      commit('one', {'a.txt': 'A1'}),
      {op: 'branch', name: 'b'},
      commit('two', {'a.txt': 'A2'}),
      {op: 'tag', name: 'v1', message: 'Version one', target: 'main'},
      {op: 'switch', name: 'main'},
      {op: 'deleteBranch', name: 'b', force: true},
    ]);
    expect((await repo.refs.list('refs/')).map((r) => r.name)).toEqual(['refs/heads/main', 'refs/tags/v1']);
    const tag = await repo.objects.tag((await repo.refs.resolve('refs/tags/v1'))!);
    expect(tag).toMatchObject({tag: 'v1', message: 'Version one\n', object: await repo.refs.resolve('refs/heads/main')});
  });

  // What git refuses, the replay refuses, with git's own words and the step that failed.
  it.each<[string, HistoryStep[], RegExp]>([
    ['a merge without a message that is not a fast-forward', [commit('one', {'a.txt': 'A1'}), {op: 'branch', name: 'x'}, commit('x', {'b.txt': 'B'}), {op: 'switch', name: 'main'}, commit('y', {'c.txt': 'C'}), {op: 'merge', branch: 'x', message: ''}], /git merge --ff-only x.*\n.*Not possible to fast-forward/],
    ['a conflict with no resolution', [commit('one', {'a.txt': 'A1'}), {op: 'branch', name: 'x'}, commit('x', {'a.txt': 'AX'}), {op: 'switch', name: 'main'}, commit('y', {'a.txt': 'AY'}), {op: 'merge', branch: 'x', message: 'm'}], /CONFLICT \(content\): Merge conflict in a.txt/],
    ['deleting an unmerged branch with -d', [commit('one', {'a.txt': 'A1'}), {op: 'branch', name: 'x'}, commit('x', {'b.txt': 'B'}), {op: 'switch', name: 'main'}, {op: 'deleteBranch', name: 'x'}], /The branch 'x' is not fully merged/],
    ['deleting the current branch', [commit('one', {'a.txt': 'A1'}), {op: 'deleteBranch', name: 'main', force: true}], /Cannot delete branch 'main' checked out/],
    ['switching to a missing branch', [commit('one', {'a.txt': 'A1'}), {op: 'switch', name: 'nope'}], /invalid reference: nope/],
    ['creating a branch twice', [commit('one', {'a.txt': 'A1'}), {op: 'branch', name: 'main'}], /a branch named 'main' already exists/],
    ['a commit that changes nothing', [commit('one', {'a.txt': 'A1'}), commit('two', {'a.txt': 'A1'})], /nothing to commit, working tree clean/],
    ['a tag twice', [commit('one', {'a.txt': 'A1'}), {op: 'tag', name: 'v1', message: 'a'}, {op: 'tag', name: 'v1', message: 'b'}], /tag 'v1' already exists/],
  ])('refuses %s', async (_name, history, message) => {
    await expect(replay(history)).rejects.toThrow(message);
  });

  it('replays every phase of the course', async () => {
    for (const [id, phase] of Object.entries(phases) as [string, Phase][]) {
      const {repo} = await replayPhaseRepository(phase, readExampleSource).catch((error: Error) => {
        throw new Error(`${id}: ${error.message}`);
      });
      expect((await repo.refs.head()).branch, id).toMatch(/^refs\/heads\//);
    }
  });
});
