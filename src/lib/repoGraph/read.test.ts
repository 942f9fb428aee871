import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {MemoryFs} from '../../../packages/sandbox-git/src/index.js';
import {engineRepo, phaseRepo, REPO_DIR} from './fixtures';
import {oldestFirst, readRepoGraph} from './read';
import {textTwin} from './textTwin';

const subjects = (graph: {commits: {subject: string}[]}) => graph.commits.map((commit) => commit.subject);
const file = (path: string, content = `${path}\n`) => ({write: path, content});
const START = [['init', '-q', '-b', 'main'], ['config', 'user.name', 'Learner'], ['config', 'user.email', 'learner@example.com']];

describe('readRepoGraph', () => {
  it('reads lesson 02’s final repository: every commit with its parents, in the order they were made, branches, the annotated tag, HEAD', async () => {
    const graph = await readRepoGraph(await phaseRepo('02-after-fix'));
    expect(graph.status).toBe('ok');
    expect(subjects(graph)).toEqual([
      'Initial commit: production e-commerce system',
      'WIP: advanced cart system - partial implementation',
      'WIP: new API endpoints structure',
      'hotfix: fix payment timeout and add retry logic',
      'test: add hotfix validation test',
      'docs: document payment timeout hotfix',
      "Merge branch 'hotfix/payment-timeout-fix' into develop",
      'docs: post-incident action plan',
    ]);
    const oid = (subject: string) => graph.commits.find((commit) => commit.subject === subject)!.oid;
    const merge = graph.commits.find((commit) => commit.parents.length === 2)!;
    // First parent first: develop's WIP, then the hotfix.
    expect(merge.parents).toEqual([oid('WIP: new API endpoints structure'), oid('docs: document payment timeout hotfix')]);
    expect(graph.branches.map((b) => b.name)).toEqual(['develop', 'main']);
    expect(graph.tags).toEqual([{name: 'hotfix-v1.0.1', oid: oid('docs: document payment timeout hotfix'), annotated: true}]);
    expect(graph.head).toEqual({branch: 'develop', oid: oid('docs: post-incident action plan')});
    expect(graph.merging).toBeNull();
    expect(graph.commits[0]!.authorTime).toBe(Date.parse('2026-11-27T18:00:00+01:00') / 1000);
  });

  it('a folder without a repository: an empty graph that says so, no exception', async () => {
    const fs = new MemoryFs();
    await fs.promises.mkdir('/empty');
    expect(await readRepoGraph({fs, dir: '/empty'})).toMatchObject({status: 'no-repository', commits: [], head: null});
    expect(await readRepoGraph({fs, dir: '/does/not/exist'})).toMatchObject({status: 'no-repository'});
    expect(await textTwin({fs, dir: '/empty'})).toBe('');
  });

  it('right after git init: no commits, HEAD on the unborn branch', async () => {
    const repo = await engineRepo([['init', '-q', '-b', 'main']]);
    expect(await readRepoGraph(repo)).toMatchObject({status: 'no-commits', commits: [], branches: [], head: {branch: 'main', oid: null}});
    expect(await textTwin(repo)).toBe('');
  });

  it('a detached HEAD, a lightweight tag on an old commit, and commits only a tag reaches', async () => {
    const repo = await engineRepo([
      ...START,
      file('a'), ['add', 'a'], ['commit', '-q', '-m', 'one'],
      file('b'), ['add', 'b'], ['commit', '-q', '-m', 'two'],
      ['switch', '-q', '--detach', 'HEAD~1'],
      file('c'), ['add', 'c'], ['commit', '-q', '-m', 'three (detached)'],
      ['tag', 'kept'],
      ['tag', 'v0', 'main~1'],
      file('d'), ['add', 'd'], ['commit', '-q', '-m', 'four (detached)'],
    ]);
    const graph = await readRepoGraph(repo);
    expect(graph.status).toBe('ok');
    expect(subjects(graph)).toEqual(['one', 'two', 'three (detached)', 'four (detached)']);
    const oid = (subject: string) => graph.commits.find((commit) => commit.subject === subject)!.oid;
    expect(graph.head).toEqual({branch: null, oid: oid('four (detached)')});
    expect(graph.tags).toEqual([
      {name: 'kept', oid: oid('three (detached)'), annotated: false},
      {name: 'v0', oid: oid('one'), annotated: false},
    ]);
  });

  it('a merge stopped on a conflict: MERGE_HEAD', async () => {
    const repo = await engineRepo([
      ...START,
      file('f', 'base\n'), ['add', 'f'], ['commit', '-q', '-m', 'base'],
      ['switch', '-q', '-c', 'topic'],
      file('f', 'topic\n'), ['commit', '-q', '-am', 'topic change'],
      ['switch', '-q', 'main'],
      file('f', 'main\n'), ['commit', '-q', '-am', 'main change'],
      {git: ['merge', 'topic'], status: 1},
    ]);
    const graph = await readRepoGraph(repo);
    const topic = graph.branches.find((b) => b.name === 'topic')!.oid;
    expect(graph.merging).toEqual([topic]);
    expect(graph.head).toMatchObject({branch: 'main'});
  });

  it('a damaged repository (an object file gone): what can be read, flagged incomplete', async () => {
    const repo = await engineRepo([
      ...START,
      file('a'), ['add', 'a'], ['commit', '-q', '-m', 'one'],
      file('b'), ['add', 'b'], ['commit', '-q', '-m', 'two'],
    ]);
    const first = (await readRepoGraph(repo)).commits[0]!.oid;
    await repo.fs.promises.unlink(`${REPO_DIR}/.git/objects/${first.slice(0, 2)}/${first.slice(2)}`);
    const graph = await readRepoGraph(repo);
    expect(graph.status).toBe('incomplete');
    expect(graph.missing).toEqual([first]);
    expect(subjects(graph)).toEqual(['two']);
  });
});

describe('oldestFirst', () => {
  const c = (oid: string, parents: string[], time = 0) => ({oid, parents, subject: oid, authorTime: time, committerTime: time});
  it('puts parents before children even when the clock says otherwise, then time, then the order made', () => {
    const order = oldestFirst([c('child', ['root'], 1), c('root', [], 5), c('b', ['root'], 9), c('a', ['root'], 9)], new Map([['b', 0], ['a', 1]]));
    expect(order.map((commit) => commit.oid)).toEqual(['root', 'child', 'b', 'a']);
  });
});

describe('textTwin', () => {
  it('is git log --graph --oneline --all --decorate from the engine: lesson 02’s last gitlog block, both locales', async () => {
    const twin = await textTwin(await phaseRepo('02-after-fix'));
    for (const lesson of ['docs/lessons/02-hotfix-workflow.mdx', 'i18n/en/docusaurus-plugin-content-docs/current/lessons/02-hotfix-workflow.mdx']) {
      const blocks = [...readFileSync(lesson, 'utf8').matchAll(/```text gitlog[^\n]*\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
      const last = blocks[blocks.length - 1]!.split('\n').map((line) => line.trimEnd()).join('\n');
      expect(twin, lesson).toBe(last);
    }
    expect(twin.split('\n')[0]).toBe('* cfa7ee1 (HEAD -> develop) docs: post-incident action plan');
  });
});
