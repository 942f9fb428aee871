/**
 * Replays a phase of `examples/ecommerce/phases` (the history a lesson builds, described once)
 * into a HistoryModel plus the files of every commit, without running git: this is what the
 * repository of a learner who followed the lesson must look like.
 */
import type {FileMap, HistoryStep} from '../../examples/ecommerce/phases/types';
import {emptyHistory, isAncestor, type HistoryModel} from './history';

export interface ReplayedPhase {
  history: HistoryModel;
  /** Commit id -> its tree (repo path -> source under `examples/`). */
  trees: Map<string, FileMap>;
}

const subjectOf = (message: string): string => message.split('\n')[0]!;

/**
 * Step options some lessons need, read when present (whatever `types.ts` calls them today):
 * `git merge --no-ff` (`noFastForward` / `noFf`), a merge's conflict resolution (`resolved`:
 * repo path -> source), `git tag -a name <branch>` (`target`), `git branch -D` (`force`).
 */
type Step = HistoryStep & {
  noFastForward?: boolean;
  noFf?: boolean;
  resolved?: FileMap;
  target?: string;
  force?: boolean;
};

/** Three-way merge of file maps (no deletions in phases): a real conflict is a phase error. */
function mergeTrees(base: FileMap, ours: FileMap, theirs: FileMap, resolved: FileMap, context: string): FileMap {
  const merged: FileMap = {};
  for (const path of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    const [b, o, t] = [base[path], ours[path], theirs[path]];
    if (o === t || t === b) merged[path] = o!;
    else if (o === b) merged[path] = t!;
    else if (resolved[path] === undefined) {
      throw new Error(`${context}: ${path} changed on both sides (${o} vs ${t}) and the phase gives no resolution`);
    }
  }
  return {...merged, ...resolved};
}

function mergeBase(history: HistoryModel, a: string, b: string): string | undefined {
  const ancestorsOfB = new Set<string>();
  const stack = [b];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (ancestorsOfB.has(id)) continue;
    ancestorsOfB.add(id);
    stack.push(...history.commits.get(id)!.parents);
  }
  // Breadth-first from a: the first common ancestor found is a (the) best one for these histories.
  const queue = [a];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (ancestorsOfB.has(id)) return id;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...history.commits.get(id)!.parents);
  }
  return undefined;
}

export function replayPhase(steps: readonly HistoryStep[], initialBranch = 'main'): ReplayedPhase {
  const history = emptyHistory();
  const trees = new Map<string, FileMap>();
  let current = initialBranch;
  let counter = 0;

  const commit = (message: string, parents: string[], tree: FileMap): void => {
    const id = `c${++counter}`;
    history.commits.set(id, {id, subject: subjectOf(message), message, parents});
    trees.set(id, tree);
    history.branches.set(current, id);
  };

  for (const step of steps as readonly Step[]) {
    const tip = history.branches.get(current);
    const tipTree = tip === undefined ? {} : trees.get(tip)!;
    switch (step.op) {
      case 'commit':
        commit(step.message, tip === undefined ? [] : [tip], {...tipTree, ...step.files});
        break;
      case 'branch':
        if (tip === undefined) throw new Error(`phase: branch ${step.name} before any commit`);
        history.branches.set(step.name, tip);
        current = step.name;
        break;
      case 'switch':
        if (!history.branches.has(step.name)) throw new Error(`phase: switch to unknown branch ${step.name}`);
        current = step.name;
        break;
      case 'merge': {
        const theirs = history.branches.get(step.branch);
        if (theirs === undefined || tip === undefined) throw new Error(`phase: cannot merge ${step.branch}`);
        if (isAncestor(history, theirs, tip)) break; // already up to date
        const noFastForward = step.noFastForward === true || step.noFf === true;
        if (!noFastForward && isAncestor(history, tip, theirs)) {
          history.branches.set(current, theirs); // fast-forward
          break;
        }
        if (step.message === '') throw new Error(`phase: merge of ${step.branch} is not a fast-forward`);
        const base = mergeBase(history, tip, theirs);
        const tree = mergeTrees(
          base === undefined ? {} : trees.get(base)!,
          tipTree,
          trees.get(theirs)!,
          step.resolved ?? {},
          `phase: merge ${step.branch} into ${current}`,
        );
        commit(step.message, [tip, theirs], tree);
        break;
      }
      case 'tag': {
        const target = step.target === undefined ? tip : history.branches.get(step.target);
        if (target === undefined) throw new Error(`phase: tag ${step.name} on nothing`);
        history.tags.set(step.name, {target, annotated: true, message: step.message});
        break;
      }
      case 'deleteBranch':
        history.branches.delete(step.name);
        break;
    }
  }
  history.head = current;
  return {history, trees};
}
