/**
 * A repository's history as the branch diagram draws it: what `readRepoGraph` reads through the
 * course's git engine, what `layoutRepoGraph` places and what `graphSummary` compares with a
 * lesson's diagram. Plain data (JSON-safe), so a worker or a test can hand it over as it is.
 */

export interface GraphCommit {
  /** Object id (40 hex digits); any id unique in the graph when built from a diagram. */
  oid: string;
  /** Parent ids, first parent first. Only parents present in `commits` are drawn. */
  parents: string[];
  /** First line of the message, as `git log --oneline` shows it. */
  subject: string;
  /** Author and committer time, seconds since the epoch. */
  authorTime: number;
  committerTime: number;
}

export interface GraphBranch {
  name: string;
  /** The commit the branch points to. */
  oid: string;
}

export interface GraphTag {
  name: string;
  /** The commit the tag leads to (an annotated tag peeled). */
  oid: string;
  annotated: boolean;
}

/** HEAD: on a branch (`oid` null while the branch has no commit yet), or detached at a commit. */
export type GraphHead = {branch: string; oid: string | null} | {branch: null; oid: string};

/**
 * - `ok`: everything reachable was read;
 * - `no-repository`: no `.git` at or above the folder;
 * - `no-commits`: a repository whose refs lead to no commit yet (right after `git init`);
 * - `incomplete`: some objects could not be read (`missing`); the rest is drawn.
 */
export type GraphStatus = 'ok' | 'no-repository' | 'no-commits' | 'incomplete';

export interface RepoGraph {
  status: GraphStatus;
  /**
   * Every commit reachable from a branch, a tag or HEAD, oldest first: parents before children,
   * then by committer time, then in the order they were made (HEAD's reflog).
   */
  commits: GraphCommit[];
  /** Local branches, by name. */
  branches: GraphBranch[];
  /** Tags, by name. */
  tags: GraphTag[];
  head: GraphHead | null;
  /** A merge in progress (stopped on a conflict): the commits in MERGE_HEAD; null otherwise. */
  merging: string[] | null;
  /** Ids that could not be read (a damaged or partly copied repository). */
  missing: string[];
}

export function emptyGraph(status: GraphStatus): RepoGraph {
  return {status, commits: [], branches: [], tags: [], head: null, merging: null, missing: []};
}

/** The command whose output is the diagram's text twin (textTwin.ts), as a learner would type it. */
export const TEXT_TWIN_ARGS = ['log', '--graph', '--oneline', '--all', '--decorate'] as const;
