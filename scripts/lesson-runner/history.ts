/**
 * A repository's history reduced to what a lesson can draw or promise: commits (by subject,
 * with their parents), branches, tags and the current branch. The same shape describes a
 * `gitGraph` diagram, an expected final state (replayed from a phase of `examples/`) and the
 * real repository, so one comparison serves all three.
 */

export interface ModelCommit {
  /** Any id unique inside its model (diagram commit id, replay counter, git hash). */
  id: string;
  /** First line of the commit message, as `git log --oneline` shows it. */
  subject: string;
  /** The whole message when known (expectations and git), compared trimmed. */
  message?: string;
  /** Parent ids, first parent first. */
  parents: string[];
}

export interface ModelTag {
  /** Id of the commit the tag points to (peeled). */
  target: string;
  /** Annotated (`git tag -a`) or lightweight; undefined when the source cannot tell (diagrams). */
  annotated?: boolean;
  /** The annotated tag's message, when known. */
  message?: string;
}

export interface HistoryModel {
  commits: Map<string, ModelCommit>;
  /** Branch name -> tip commit id. Branches without commits do not exist in git. */
  branches: Map<string, string>;
  tags: Map<string, ModelTag>;
  /** Current branch; undefined when the source does not say (diagrams), null when detached. */
  head?: string | null;
}

export function emptyHistory(): HistoryModel {
  return {commits: new Map(), branches: new Map(), tags: new Map()};
}

/** Commit ids from the root to `tip`, following first parents. */
export function firstParentChain(model: HistoryModel, tip: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let current: string | undefined = tip;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    chain.push(current);
    current = model.commits.get(current)?.parents[0];
  }
  return chain.reverse();
}

/** True when `ancestor` is reachable from `descendant` (or equal to it). */
export function isAncestor(model: HistoryModel, ancestor: string, descendant: string): boolean {
  const stack = [descendant];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === ancestor) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(model.commits.get(id)?.parents ?? []));
  }
  return false;
}
