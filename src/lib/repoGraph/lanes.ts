/**
 * Which lane (column) each commit of a RepoGraph belongs to, the way the course's diagrams draw
 * it: a branch's lane holds the commits of its first-parent chain that no earlier lane took;
 * `main` first, then the branches in the order they were born (their oldest own commit). Commits
 * no branch reaches by first parents (a deleted branch's, merged in; a tag's; a detached HEAD's)
 * form lanes of their own, named, when a merge's subject says so ("Merge branch 'x'"), after the
 * branch they came from. Shared by the layout (geometry) and the summary (comparison).
 */
import {oldestFirst} from './read';
import type {GraphCommit, RepoGraph} from './types';

/** The branch the course draws first, in the first colour. */
export const MAIN_BRANCH = 'main';

export interface Lane {
  /** Position in `lanes`: main's lane first, then by birth. */
  index: number;
  /** The branch whose lane this is; null for commits no branch reaches by first parents. */
  branch: string | null;
  /** For a lane without a branch: the name a merge's subject gives it (`Merge branch 'x'`). */
  mergedAs: string | null;
  /** Its own commits, oldest first (empty for a branch pointing at another lane's commit). */
  commits: string[];
  /** The commit the lane ends at: its branch's tip (maybe in another lane) or its newest commit. */
  tip: string;
}

export interface LaneAssignment {
  /** Commits in row order (oldest first, parents before children). */
  order: GraphCommit[];
  row: Map<string, number>;
  lanes: Lane[];
  /** Commit id -> index of its lane. */
  laneOf: Map<string, number>;
}

const MERGE_SUBJECT = /^Merge (?:remote-tracking )?branch '([^']+)'/;

/** Commits in row order: the graph's own order when it is topological, else fixed. */
function rowOrder(commits: GraphCommit[]): GraphCommit[] {
  const seen = new Set<string>();
  const present = new Set(commits.map((commit) => commit.oid));
  const topological = commits.every((commit) => {
    const ok = commit.parents.every((parent) => !present.has(parent) || seen.has(parent));
    seen.add(commit.oid);
    return ok;
  });
  if (topological) return commits;
  const position = new Map(commits.map((commit, index) => [commit.oid, index]));
  // Keep the given order as the tie-break among commits that are ready.
  return oldestFirst(
    commits.map((commit) => ({...commit, committerTime: 0})),
    position,
  ).map((commit) => commits[position.get(commit.oid)!]!);
}

export function assignLanes(graph: RepoGraph, mainBranch = MAIN_BRANCH): LaneAssignment {
  const order = rowOrder(graph.commits);
  const row = new Map(order.map((commit, index) => [commit.oid, index]));
  const byOid = new Map(order.map((commit) => [commit.oid, commit]));
  const laneOf = new Map<string, number>();
  const claimed: Array<{branch: string | null; mergedAs: string | null; commits: string[]; tip: string}> = [];

  /** The first-parent chain from `tip` that no lane holds yet, newest first. */
  const unclaimedChain = (tip: string): string[] => {
    const chain: string[] = [];
    for (let oid: string | undefined = tip; oid !== undefined && byOid.has(oid) && !laneOf.has(oid) && !chain.includes(oid); ) {
      chain.push(oid);
      oid = byOid.get(oid)!.parents[0];
    }
    return chain;
  };
  const claim = (branch: string | null, tip: string, chain: string[], mergedAs: string | null = null) => {
    const index = claimed.length;
    claimed.push({branch, mergedAs, commits: [...chain].reverse(), tip});
    for (const oid of chain) laneOf.set(oid, index);
  };

  const branches = graph.branches.filter((branch) => byOid.has(branch.oid));
  const main = branches.find((branch) => branch.name === mainBranch);
  if (main) claim(main.name, main.oid, unclaimedChain(main.oid));
  // The rest: each time, the branch whose unclaimed chain reaches back furthest (born first).
  const rest = branches.filter((branch) => branch !== main);
  while (rest.length > 0) {
    let best = 0;
    let bestBirth = Infinity;
    rest.forEach((branch, i) => {
      const chain = unclaimedChain(branch.oid);
      const birth = chain.length > 0 ? row.get(chain[chain.length - 1]!)! : Infinity;
      if (birth < bestBirth || (birth === bestBirth && branch.name < rest[best]!.name)) {
        best = i;
        bestBirth = birth;
      }
    });
    const [branch] = rest.splice(best, 1);
    claim(branch!.name, branch!.oid, unclaimedChain(branch!.oid));
  }
  // Commits no branch reaches by first parents: from the newest, one chain at a time.
  for (let i = order.length - 1; i >= 0; i--) {
    const oid = order[i]!.oid;
    if (laneOf.has(oid)) continue;
    const chain = unclaimedChain(oid);
    const merge = order.find((commit) => commit.parents.indexOf(oid) > 0 && MERGE_SUBJECT.test(commit.subject));
    claim(null, oid, chain, merge ? MERGE_SUBJECT.exec(merge.subject)![1]! : null);
  }

  // Lanes in display order: main's first, then by birth (a branch without commits of its own
  // is born just after the commit it points to), then as claimed.
  const birth = (lane: (typeof claimed)[number]) =>
    lane.commits.length > 0 ? row.get(lane.commits[0]!)! : row.get(lane.tip)! + 0.5;
  const ordered = claimed
    .map((lane, claimedIndex) => ({lane, claimedIndex}))
    .sort((a, b) => {
      const aMain = a.lane.branch === mainBranch ? 0 : 1;
      const bMain = b.lane.branch === mainBranch ? 0 : 1;
      return aMain - bMain || birth(a.lane) - birth(b.lane) || a.claimedIndex - b.claimedIndex;
    });
  const renumber = new Map(ordered.map(({claimedIndex}, index) => [claimedIndex, index]));
  for (const [oid, index] of laneOf) laneOf.set(oid, renumber.get(index)!);
  const lanes = ordered.map(({lane}, index) => ({index, ...lane}));
  return {order, row, lanes, laneOf};
}

/** The name a lane goes by: its branch, or the branch a merge's subject names, or null. */
export function laneName(lane: Lane): string | null {
  return lane.branch ?? lane.mergedAs;
}
