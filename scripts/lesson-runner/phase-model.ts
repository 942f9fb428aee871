/**
 * A phase of `examples/ecommerce/phases` as the runner's HistoryModel plus the files of every
 * commit: what the repository of a learner who followed the lesson must look like. The phase's
 * script (`examples/ecommerce/phaseScript.ts`) is run by the sandbox's git in memory
 * (`phaseRepository.ts`, the same replay the sandbox and the materializer use); this module
 * reads the result back in the runner's terms. Every blob must be a file of `examples/` (each
 * version of a file exists once there), so each file is named by its source.
 */
import {utf8} from '../../packages/sandbox-git/src/fs.js';
import {hashObject} from '../../packages/sandbox-git/src/objects.js';
import {replayPhaseRepository} from '../../examples/ecommerce/phaseRepository';
import type {FileMap, Phase} from '../../examples/ecommerce/phases/types';
import {emptyHistory, type HistoryModel} from './history';

export interface ReplayedPhase {
  history: HistoryModel;
  /** Commit id -> its tree (repo path -> source under `examples/`). */
  trees: Map<string, FileMap>;
}

/** The sources a phase writes (commits and conflict resolutions), by the blob id of their text. */
function blobSources(phase: Pick<Phase, 'history'>, read: (source: string) => string): Map<string, string> {
  const sources = new Map<string, string>();
  for (const step of phase.history) {
    const files = step.op === 'commit' ? step.files : step.op === 'merge' ? (step.resolved ?? {}) : {};
    for (const source of Object.values(files)) sources.set(hashObject('blob', utf8(read(source))), source);
  }
  return sources;
}

/** Replays the phase (git's refusals become errors naming the step) into a HistoryModel and trees. */
export async function replayPhase(phase: Pick<Phase, 'history' | 'identity'>, read: (source: string) => string): Promise<ReplayedPhase> {
  const {repo} = await replayPhaseRepository(phase, read);
  const sources = blobSources(phase, read);
  const history = emptyHistory();
  const trees = new Map<string, FileMap>();
  const refs = await repo.refs.list('refs/');
  const pending: string[] = [];
  for (const ref of refs) {
    if (ref.name.startsWith('refs/heads/')) {
      history.branches.set(ref.name.slice('refs/heads/'.length), ref.oid);
      pending.push(ref.oid);
    } else if (ref.name.startsWith('refs/tags/')) {
      const object = await repo.objects.get(ref.oid);
      const annotated = object?.type === 'tag';
      const tag = annotated ? await repo.objects.tag(ref.oid) : undefined;
      const target = (await repo.objects.peelToCommit(ref.oid))!;
      history.tags.set(ref.name.slice('refs/tags/'.length), {target, annotated, ...(tag ? {message: tag.message} : {})});
      pending.push(target);
    }
  }
  while (pending.length > 0) {
    const oid = pending.pop()!;
    if (history.commits.has(oid)) continue;
    const commit = await repo.objects.commit(oid);
    history.commits.set(oid, {id: oid, subject: commit.message.split('\n')[0]!, message: commit.message, parents: commit.parents});
    const tree: FileMap = {};
    for (const [path, entry] of await repo.flattenTree(commit.tree)) {
      const source = sources.get(entry.oid);
      if (source === undefined) {
        throw new Error(`commit "${commit.message.split('\n')[0]}" has a version of ${path} that no file under examples/ holds (a merge made it): add that version as a file and give it as the merge's resolution`);
      }
      tree[path] = source;
    }
    trees.set(oid, tree);
    pending.push(...commit.parents);
  }
  const head = await repo.refs.head();
  history.head = head.branch ? head.branch.replace(/^refs\/heads\//, '') : null;
  return {history, trees};
}
