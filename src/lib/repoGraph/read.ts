/**
 * Reads a repository's history for the branch diagram, through the course's git engine (the same
 * `Repository` every sandbox command uses): all commits reachable from branches, tags and HEAD,
 * the refs, HEAD and a merge in progress. Never throws: a folder without a repository, a
 * repository without commits or with unreadable objects gives an empty or partial graph whose
 * `status` says so.
 */
import {Repository} from '../../../packages/sandbox-git/src/repo.js';
import type {FsLike} from '../../../packages/sandbox-git/src/fs.js';
import {emptyGraph, type GraphBranch, type GraphCommit, type GraphHead, type GraphTag, type RepoGraph} from './types';

export interface RepoLocation {
  /** A file system with Node's `fs.promises` shape (MemoryFs, lightning-fs, Node's fs). */
  fs: FsLike;
  /** The repository's folder (or any folder inside it), absolute. */
  dir: string;
  /** Environment for the configuration git reads (HOME); none by default. */
  env?: Record<string, string | undefined>;
}

const OID = /^[0-9a-f]{40}$/;

/** The engine's context for reading: no output, no clock needed. */
function readingContext({fs, dir, env}: RepoLocation) {
  return {fs, cwd: dir, env: env ?? {}, now: () => Date.now(), tzOffset: () => 0, stdout: () => {}, stderr: () => {}};
}

export async function readRepoGraph(location: RepoLocation): Promise<RepoGraph> {
  let repo: Repository;
  try {
    repo = await Repository.open(readingContext(location));
  } catch {
    return emptyGraph('no-repository');
  }
  const missing = new Set<string>();
  const safely = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch {
      return undefined;
    }
  };

  const refs = (await safely(() => repo.refs.list('refs/'))) ?? [];
  const branches: GraphBranch[] = [];
  const tags: GraphTag[] = [];
  const tips: string[] = [];
  for (const ref of refs) {
    if (ref.name.startsWith('refs/heads/')) {
      const oid = await safely(() => repo.objects.peelToCommit(ref.oid));
      if (oid === undefined) missing.add(ref.oid);
      else branches.push({name: ref.name.slice('refs/heads/'.length), oid});
      if (oid) tips.push(oid);
    } else if (ref.name.startsWith('refs/tags/')) {
      const object = await safely(() => repo.objects.get(ref.oid));
      const oid = object ? await safely(() => repo.objects.peelToCommit(ref.oid)) : undefined;
      if (!object) missing.add(ref.oid);
      // A tag of a tree or a blob names no commit: the diagram has nowhere to put it.
      if (oid === undefined) continue;
      tags.push({name: ref.name.slice('refs/tags/'.length), oid, annotated: object?.type === 'tag'});
      tips.push(oid);
    }
  }

  const rawHead = await safely(() => repo.refs.head());
  let head: GraphHead | null = null;
  if (rawHead?.branch) {
    head = {branch: rawHead.branch.replace(/^refs\/heads\//, ''), oid: rawHead.oid ?? null};
    if (rawHead.oid) tips.push(rawHead.oid);
  } else if (rawHead?.oid) {
    head = {branch: null, oid: rawHead.oid};
    tips.push(rawHead.oid);
  }

  const mergeHead = await safely(() => repo.readGitFile('MERGE_HEAD'));
  const merging = mergeHead === undefined ? null : mergeHead.split('\n').map((line) => line.trim()).filter((line) => OID.test(line));
  for (const oid of merging ?? []) tips.push(oid);

  // Every commit reachable from the tips.
  const found = new Map<string, GraphCommit>();
  const pending = [...tips];
  while (pending.length > 0) {
    const oid = pending.pop()!;
    if (found.has(oid) || missing.has(oid)) continue;
    const commit = await safely(() => repo.objects.commit(oid));
    if (!commit) {
      missing.add(oid);
      continue;
    }
    found.set(oid, {
      oid,
      parents: commit.parents,
      subject: commit.message.split('\n')[0] ?? '',
      authorTime: commit.author.timestamp,
      committerTime: commit.committer.timestamp,
    });
    pending.push(...commit.parents);
  }

  // The order commits were made in, for commits made in the same second (a pasted script):
  // where each first appears in HEAD's reflog.
  const made = new Map<string, number>();
  const reflog = (await safely(() => repo.refs.readLog('HEAD'))) ?? [];
  reflog.reverse().forEach((entry, index) => {
    if (!made.has(entry.new)) made.set(entry.new, index);
  });

  const graph: RepoGraph = {
    status: missing.size > 0 ? 'incomplete' : found.size === 0 ? 'no-commits' : 'ok',
    commits: oldestFirst([...found.values()], made),
    branches,
    tags,
    head: head?.branch === null && !found.has(head.oid) ? null : head,
    merging: merging && merging.length > 0 ? merging : null,
    missing: [...missing].sort(),
  };
  return graph;
}

/**
 * Parents before children; among commits whose parents are all placed, the oldest by committer
 * time, then the first made (`made`: reflog position), then by id.
 */
export function oldestFirst(commits: GraphCommit[], made: ReadonlyMap<string, number> = new Map()): GraphCommit[] {
  const byOid = new Map(commits.map((commit) => [commit.oid, commit]));
  const waiting = new Map<string, number>();
  const children = new Map<string, string[]>();
  for (const commit of commits) {
    const parents = [...new Set(commit.parents.filter((parent) => byOid.has(parent)))];
    waiting.set(commit.oid, parents.length);
    for (const parent of parents) children.set(parent, [...(children.get(parent) ?? []), commit.oid]);
  }
  const before = (a: GraphCommit, b: GraphCommit): boolean =>
    a.committerTime !== b.committerTime
      ? a.committerTime < b.committerTime
      : (made.get(a.oid) ?? Infinity) !== (made.get(b.oid) ?? Infinity)
        ? (made.get(a.oid) ?? Infinity) < (made.get(b.oid) ?? Infinity)
        : a.oid < b.oid;
  const ready = commits.filter((commit) => waiting.get(commit.oid) === 0);
  const ordered: GraphCommit[] = [];
  while (ready.length > 0) {
    let best = 0;
    for (let i = 1; i < ready.length; i++) if (before(ready[i]!, ready[best]!)) best = i;
    const next = ready.splice(best, 1)[0]!;
    ordered.push(next);
    for (const child of children.get(next.oid) ?? []) {
      const left = waiting.get(child)! - 1;
      waiting.set(child, left);
      if (left === 0) ready.push(byOid.get(child)!);
    }
  }
  return ordered;
}
