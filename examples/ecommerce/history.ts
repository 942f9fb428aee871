/**
 * Replays a phase's history (`phases/`: `HistoryStep`s) from an empty repository on `main`, the
 * way git would, without running git. The single replay of the course: `materialize.ts` takes the
 * checked-out working tree from it, the lesson runner (`scripts/lesson-runner/phase-model.ts`)
 * the commits, branches and tags a learner's repository must have.
 *
 * Pure: files are source paths under `examples/` (never read here). A step git would refuse
 * (a conflict without a resolution, deleting an unmerged branch with `-d`, ...) throws, naming
 * the step.
 */
import type {FileMap, HistoryStep} from './phases/types';

export interface ReplayedCommit {
  /** Index in `ReplayedHistory.commits` (creation order, so parents come first). */
  index: number;
  /** The whole commit message. */
  message: string;
  /** Indexes of the parent commits, first parent first: none for the root, two for a merge. */
  parents: number[];
  /** The committed tree: repo path -> source path under `examples/`. */
  tree: FileMap;
}

export interface ReplayedTag {
  /** Index of the tagged commit. */
  commit: number;
  /** The annotated tag's message (every tag of a phase is annotated: `git tag -a`). */
  message: string;
}

export interface ReplayedHistory {
  commits: ReplayedCommit[];
  /** Branch name -> index of its tip commit. */
  branches: Record<string, number>;
  /** Tag name -> tagged commit and message. */
  tags: Record<string, ReplayedTag>;
  /** The checked-out branch. */
  head: string;
  /** The working tree of the checked-out branch (repo path -> source path). */
  tree: FileMap;
}

/** The branch a new repository starts on (`git init -b main`). */
export const INITIAL_BRANCH = 'main';

/** Every commit reachable from `start` (itself included). */
export function ancestors(commits: readonly ReplayedCommit[], start: number): Set<number> {
  const seen = new Set<number>();
  const stack = [start];
  while (stack.length > 0) {
    const index = stack.pop()!;
    if (seen.has(index)) continue;
    seen.add(index);
    stack.push(...commits[index]!.parents);
  }
  return seen;
}

/** The best common ancestor of two commits (refuses criss-cross histories: not ours). */
function mergeBase(commits: readonly ReplayedCommit[], a: number, b: number): number | undefined {
  const ofB = ancestors(commits, b);
  const common = [...ancestors(commits, a)].filter((index) => ofB.has(index));
  const best = common.filter(
    (candidate) => !common.some((other) => other !== candidate && ancestors(commits, other).has(candidate)),
  );
  if (best.length > 1) throw new Error('criss-cross merge (several merge bases) is not supported');
  return best[0];
}

/**
 * Three-way merge of trees (phases only add or change files, never delete them). A file changed
 * differently on both sides is a conflict: the merge stops, and the step must give its
 * resolution in `resolved`, for exactly the conflicting files (as `git add` + `git commit`).
 */
function mergeTrees(base: FileMap, ours: FileMap, theirs: FileMap, resolved: FileMap, fail: (reason: string) => never): FileMap {
  const merged: FileMap = {};
  const conflicts: string[] = [];
  for (const file of [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].sort()) {
    const [b, o, t] = [base[file], ours[file], theirs[file]];
    if (o === t || t === b) merged[file] = o!;
    else if (o === b) merged[file] = t!;
    else if (file in resolved) conflicts.push(file);
    else fail(`merge conflict in ${file}: changed on both sides (${o} vs ${t}) and the step gives no resolution`);
  }
  const notConflicting = Object.keys(resolved).filter((file) => !conflicts.includes(file));
  if (notConflicting.length > 0) {
    fail(`resolved lists ${notConflicting.join(', ')}, which the merge does not conflict on`);
  }
  return {...merged, ...resolved};
}

/**
 * Replays `history` from an empty repository on `main`: commits on the current branch
 * (`git add` + `git commit`), `switch -c`, `switch`, merges (fast-forward when possible unless
 * `noFastForward`, else a merge commit; a conflict needs `resolved`), annotated tags (on the
 * current commit or a branch's tip), and `branch -d` (refused for the current or an unmerged
 * branch) / `branch -D` (`force`).
 */
export function replayHistory(history: readonly HistoryStep[]): ReplayedHistory {
  const commits: ReplayedCommit[] = [];
  const branches: Record<string, number> = {};
  const tags: Record<string, ReplayedTag> = {};
  let head = INITIAL_BRANCH;

  history.forEach((step, position) => {
    const fail = (reason: string): never => {
      throw new Error(`History step ${position + 1} (${step.op}): ${reason}`);
    };
    const tip = (branch: string, what: string): number =>
      Object.hasOwn(branches, branch) ? branches[branch]! : fail(`cannot ${what}: branch ${branch} has no commit`);
    const addCommit = (message: string, parents: number[], tree: FileMap): void => {
      if (message.trim() === '') fail('a commit needs a message');
      commits.push({index: commits.length, message, parents, tree});
      branches[head] = commits.length - 1;
    };

    switch (step.op) {
      case 'commit': {
        const parent = branches[head];
        const previous = parent === undefined ? {} : commits[parent]!.tree;
        const changed = Object.keys(step.files).filter((file) => previous[file] !== step.files[file]);
        if (changed.length === 0) fail('nothing to commit');
        addCommit(step.message, parent === undefined ? [] : [parent], {...previous, ...step.files});
        break;
      }
      case 'branch':
        if (Object.hasOwn(branches, step.name)) fail(`branch ${step.name} already exists`);
        branches[step.name] = tip(head, `create ${step.name}`);
        head = step.name;
        break;
      case 'switch':
        if (!Object.hasOwn(branches, step.name)) fail(`no branch ${step.name}`);
        head = step.name;
        break;
      case 'merge': {
        const ours = tip(head, `merge ${step.branch}`);
        const theirs = tip(step.branch, `merge ${step.branch} into ${head}`);
        const resolved = step.resolved ?? {};
        if (ancestors(commits, ours).has(theirs)) {
          // "Already up to date": no commit, with or without --no-ff.
          if (Object.keys(resolved).length > 0) fail(`${step.branch} is already merged: nothing to resolve`);
          break;
        }
        if (step.noFastForward !== true && ancestors(commits, theirs).has(ours)) {
          if (Object.keys(resolved).length > 0) fail(`merging ${step.branch} fast-forwards: nothing to resolve`);
          branches[head] = theirs; // Fast-forward: no commit.
          break;
        }
        if (step.message.trim() === '') {
          fail(`merging ${step.branch} into ${head} is not a fast-forward: it needs a merge commit message`);
        }
        const base = mergeBase(commits, ours, theirs);
        const tree = mergeTrees(
          base === undefined ? {} : commits[base]!.tree,
          commits[ours]!.tree,
          commits[theirs]!.tree,
          resolved,
          (reason) => fail(`merging ${step.branch} into ${head}: ${reason}`),
        );
        addCommit(step.message, [ours, theirs], tree);
        break;
      }
      case 'tag':
        if (Object.hasOwn(tags, step.name)) fail(`tag ${step.name} already exists`);
        if (step.message.trim() === '') fail(`annotated tag ${step.name} needs a message`);
        tags[step.name] = {
          commit: step.target === undefined ? tip(head, `tag ${step.name}`) : tip(step.target, `tag ${step.name}`),
          message: step.message,
        };
        break;
      case 'deleteBranch': {
        const target = tip(step.name, `delete ${step.name}`);
        if (step.name === head) fail(`cannot delete the checked-out branch ${step.name}`);
        if (step.force !== true && !ancestors(commits, tip(head, `delete ${step.name}`)).has(target)) {
          fail(`branch ${step.name} is not fully merged into ${head} (git branch -D would delete it)`);
        }
        delete branches[step.name];
        break;
      }
    }
  });

  const checkedOut = branches[head];
  return {commits, branches, tags, head, tree: checkedOut === undefined ? {} : {...commits[checkedOut]!.tree}};
}
