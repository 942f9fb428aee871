/**
 * A phase of `examples/ecommerce/phases` (the history a lesson builds, described once) as the
 * runner's HistoryModel plus the files of every commit: what the repository of a learner who
 * followed the lesson must look like. The replay itself is `examples/ecommerce/history.ts`, the
 * same one that materializes the phase's project; this module only changes its shape.
 */
import {replayHistory} from '../../examples/ecommerce/history';
import type {FileMap, HistoryStep} from '../../examples/ecommerce/phases/types';
import {emptyHistory, type HistoryModel} from './history';

export interface ReplayedPhase {
  history: HistoryModel;
  /** Commit id -> its tree (repo path -> source under `examples/`). */
  trees: Map<string, FileMap>;
}

/** Replays the steps (throwing on what git would refuse) into a HistoryModel and trees. */
export function replayPhase(steps: readonly HistoryStep[]): ReplayedPhase {
  const replayed = replayHistory(steps);
  const id = (index: number): string => `c${index + 1}`;
  const history = emptyHistory();
  const trees = new Map<string, FileMap>();
  for (const commit of replayed.commits) {
    history.commits.set(id(commit.index), {
      id: id(commit.index),
      subject: commit.message.split('\n')[0]!,
      message: commit.message,
      parents: commit.parents.map(id),
    });
    trees.set(id(commit.index), commit.tree);
  }
  for (const [branch, tip] of Object.entries(replayed.branches)) history.branches.set(branch, id(tip));
  for (const [name, tag] of Object.entries(replayed.tags)) {
    history.tags.set(name, {target: id(tag.commit), annotated: true, message: tag.message});
  }
  history.head = replayed.head;
  return {history, trees};
}
