/**
 * What a branch diagram says, in a form two diagrams can be compared by: the learner's
 * repository (`graphSummary`) and a lesson's Mermaid gitGraph (`gitGraphSummary`, parsed by the
 * lesson runner's own parser). Both go through the same lane assignment (lanes.ts), so a merge's
 * `into` and `from` are the lanes the diagram draws it between, whichever side it comes from.
 * Commits are named by subject (the course's convention: a diagram's `commit id:` is the subject).
 */
import {parseGitGraph} from '../../../scripts/lesson-runner/gitgraph';
import {assignLanes, laneName, MAIN_BRANCH} from './lanes';
import type {GraphCommit, RepoGraph} from './types';

export interface DiagramSummary {
  /** Branch names, sorted. */
  branches: string[];
  /** Tag -> the subject of its commit, sorted by tag. */
  tags: Array<{name: string; commit: string}>;
  /**
   * Merge commits: the lane they are on and the lane of each other parent (a lane without a
   * branch goes by the name its merge's subject gives it, else null), sorted by subject.
   */
  merges: Array<{into: string | null; from: Array<string | null>; commit: string}>;
  /** Each branch's first-parent history, root to tip, as subjects. */
  history: Record<string, string[]>;
}

export function graphSummary(graph: RepoGraph, mainBranch = MAIN_BRANCH): DiagramSummary {
  const {order, lanes, laneOf} = assignLanes(graph, mainBranch);
  const byOid = new Map(order.map((commit) => [commit.oid, commit]));
  const subject = (oid: string) => byOid.get(oid)?.subject ?? `<missing ${oid.slice(0, 7)}>`;
  const nameOf = (oid: string) => {
    const lane = lanes[laneOf.get(oid) ?? -1];
    return lane ? laneName(lane) : null;
  };
  const branches = graph.branches.filter((branch) => byOid.has(branch.oid));
  const history: Record<string, string[]> = {};
  for (const branch of [...branches].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const chain: string[] = [];
    for (let oid: string | undefined = branch.oid; oid !== undefined && byOid.has(oid); oid = byOid.get(oid)!.parents[0]) {
      chain.push(subject(oid));
      if (chain.length > order.length) break;
    }
    history[branch.name] = chain.reverse();
  }
  return {
    branches: branches.map((branch) => branch.name).sort(),
    tags: graph.tags
      .filter((tag) => byOid.has(tag.oid))
      .map((tag) => ({name: tag.name, commit: subject(tag.oid)}))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
    merges: order
      .filter((commit) => commit.parents.length > 1)
      .map((commit) => ({into: nameOf(commit.oid), from: commit.parents.slice(1).map(nameOf), commit: commit.subject}))
      .sort((a, b) => (a.commit < b.commit ? -1 : a.commit > b.commit ? 1 : 0)),
    history,
  };
}

export interface GitGraphSummaryOptions {
  /** Branches the lesson deletes where the diagram cannot say so (`git branch -d` in its text). */
  deleted?: Iterable<string>;
}

/**
 * A Mermaid gitGraph as a RepoGraph: commits in the diagram's order (the order it draws them),
 * branches minus the deleted ones (`%% deleted:` in the diagram, or `deleted`), tags.
 */
export function gitGraphToRepoGraph(source: string, {deleted = []}: GitGraphSummaryOptions = {}): RepoGraph {
  const diagram = parseGitGraph(source);
  const gone = new Set([...diagram.deleted, ...deleted]);
  const commits: GraphCommit[] = [...diagram.history.commits.values()].map((commit, index) => ({
    oid: commit.id,
    parents: commit.parents,
    subject: commit.subject,
    authorTime: index,
    committerTime: index,
  }));
  return {
    status: commits.length > 0 ? 'ok' : 'no-commits',
    commits,
    branches: [...diagram.history.branches]
      .filter(([name]) => !gone.has(name))
      .map(([name, oid]) => ({name, oid}))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
    tags: [...diagram.history.tags].map(([name, tag]) => ({name, oid: tag.target, annotated: tag.annotated ?? false})),
    head: null,
    merging: null,
    missing: [],
  };
}

/** The summary of a Mermaid gitGraph source (a lesson's ```mermaid block). */
export function gitGraphSummary(source: string, options: GitGraphSummaryOptions = {}): DiagramSummary {
  return graphSummary(gitGraphToRepoGraph(source, options));
}
