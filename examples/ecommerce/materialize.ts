/**
 * Turns a phase of the course's e-commerce repository (`phases/`) into the files of a runnable
 * project: the working tree at the end of the phase's history, its untracked files, its vitest
 * tests and a generated `package.json`. The sandbox, the zip downloads and the root test run
 * all call `phaseFiles`, so they get the same bytes.
 *
 * Everything here is pure except `readExampleSource` (reads `examples/`) and `writePhase` /
 * `writeAllPhases` (write a project to disk).
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {phases, type FileMap, type HistoryStep, type Phase, type PhaseId} from './phases';

/** The `examples/` folder: every source path of a phase is relative to it. */
export const EXAMPLES_DIR = path.resolve(__dirname, '..');

/** Where the root vitest run materializes every phase (git-ignored, rewritten on each run). */
export const GENERATED_DIR = path.join(EXAMPLES_DIR, '.generated');

/** vitest version of the phase projects: the root's, exactly (a test checks they agree). */
export const VITEST_VERSION = '4.1.12';

/** Node versions the phase projects support (vitest 4 needs ^20.19 or >=22.12). */
export const NODE_ENGINE = '>=20.19';

/** Reads a source file of `examples/` by its path relative to that folder. */
export type ReadSource = (examplesPath: string) => string;

export const readExampleSource: ReadSource = (examplesPath) => {
  const absolute = path.resolve(EXAMPLES_DIR, examplesPath);
  if (!absolute.startsWith(EXAMPLES_DIR + path.sep)) {
    throw new Error(`Example path escapes examples/: ${examplesPath}`);
  }
  try {
    return readFileSync(absolute, 'utf8');
  } catch {
    throw new Error(`Example file not found: examples/${examplesPath}`);
  }
};

// ---------------------------------------------------------------------------------------------
// Replaying a history

export interface ReplayedCommit {
  /** Index in `RepoState.commits` (creation order). */
  index: number;
  message: string;
  /** Indexes of the parent commits: none for the root commit, two for a merge. */
  parents: number[];
  /** The committed tree: repo path -> source path under `examples/`. */
  tree: FileMap;
}

export interface RepoState {
  commits: ReplayedCommit[];
  /** Branch name -> commit index. */
  branches: Record<string, number>;
  /** Annotated tags: name -> commit index and message. */
  tags: Record<string, {commit: number; message: string}>;
  /** The checked-out branch. */
  head: string;
  /** The working tree of the checked-out branch (repo path -> source path). */
  tree: FileMap;
}

function ancestors(commits: ReplayedCommit[], start: number): Set<number> {
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
function mergeBase(commits: ReplayedCommit[], a: number, b: number): number | undefined {
  const ofB = ancestors(commits, b);
  const common = [...ancestors(commits, a)].filter((index) => ofB.has(index));
  const best = common.filter(
    (candidate) => !common.some((other) => other !== candidate && ancestors(commits, other).has(candidate)),
  );
  if (best.length > 1) {
    throw new Error(`Criss-cross merge (several merge bases) is not supported`);
  }
  return best[0];
}

/** Three-way merge of trees (files are only added or changed by our histories, never deleted). */
function mergeTrees(base: FileMap, ours: FileMap, theirs: FileMap, branch: string): FileMap {
  const merged: FileMap = {};
  const paths = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
  for (const file of [...paths].sort()) {
    const [b, o, t] = [base[file], ours[file], theirs[file]];
    if (o === t || t === b) merged[file] = o!;
    else if (o === b) merged[file] = t!;
    else throw new Error(`Merge conflict in ${file} when merging ${branch}`);
  }
  return merged;
}

/**
 * Replays a history from an empty repository on `main`, the way git would: commits on the
 * current branch, `switch -c`, `switch`, fast-forward or three-way merges (a conflict is an
 * error), annotated tags, and `branch -d` (refused for the current or an unmerged branch).
 */
export function replayHistory(history: readonly HistoryStep[]): RepoState {
  const commits: ReplayedCommit[] = [];
  const branches: Record<string, number> = {};
  const tags: RepoState['tags'] = {};
  let head = 'main';

  const current = (what: string): number => {
    const index = branches[head];
    if (index === undefined) throw new Error(`Cannot ${what}: branch ${head} has no commit yet`);
    return index;
  };
  const addCommit = (message: string, parents: number[], tree: FileMap): void => {
    if (message.trim() === '') throw new Error('A commit needs a message');
    commits.push({index: commits.length, message, parents, tree});
    branches[head] = commits.length - 1;
  };

  history.forEach((step, position) => {
    const fail = (reason: string): never => {
      throw new Error(`History step ${position + 1} (${step.op}): ${reason}`);
    };
    switch (step.op) {
      case 'commit': {
        const parent = branches[head];
        const previous = parent === undefined ? {} : commits[parent]!.tree;
        const tree = {...previous, ...step.files};
        const changed = Object.keys(step.files).filter((file) => previous[file] !== step.files[file]);
        if (changed.length === 0) fail('nothing to commit');
        addCommit(step.message, parent === undefined ? [] : [parent], tree);
        break;
      }
      case 'branch':
        if (step.name in branches) fail(`branch ${step.name} already exists`);
        branches[step.name] = current(`create ${step.name}`);
        head = step.name;
        break;
      case 'switch':
        if (!(step.name in branches)) fail(`no branch ${step.name}`);
        head = step.name;
        break;
      case 'merge': {
        const ours = current(`merge ${step.branch}`);
        const theirs = branches[step.branch];
        if (theirs === undefined) fail(`no branch ${step.branch}`);
        if (ancestors(commits, ours).has(theirs!)) break; // Already up to date.
        if (ancestors(commits, theirs!).has(ours)) {
          branches[head] = theirs!; // Fast-forward: no commit.
          break;
        }
        const base = mergeBase(commits, ours, theirs!);
        const baseTree = base === undefined ? {} : commits[base]!.tree;
        const tree = mergeTrees(baseTree, commits[ours]!.tree, commits[theirs!]!.tree, step.branch);
        if (step.message.trim() === '') fail(`merging ${step.branch} needs a merge commit message`);
        addCommit(step.message, [ours, theirs!], tree);
        break;
      }
      case 'tag':
        if (step.name in tags) fail(`tag ${step.name} already exists`);
        tags[step.name] = {commit: current(`tag ${step.name}`), message: step.message};
        break;
      case 'deleteBranch': {
        const target = branches[step.name];
        if (target === undefined) fail(`no branch ${step.name}`);
        if (step.name === head) fail(`cannot delete the checked-out branch ${step.name}`);
        if (!ancestors(commits, current(`delete ${step.name}`)).has(target!)) {
          fail(`branch ${step.name} is not fully merged into ${head}`);
        }
        delete branches[step.name];
        break;
      }
    }
  });

  const tip = branches[head];
  return {commits, branches, tags, head, tree: tip === undefined ? {} : {...commits[tip]!.tree}};
}

// ---------------------------------------------------------------------------------------------
// A phase's project

/** The package.json of a phase's project, as an object. */
export function phasePackageJson(id: string, phase: Phase): Record<string, unknown> {
  const scripts: Record<string, string> = {};
  if (phase.demo !== undefined) scripts.demo = `node ${phase.demo}`;
  scripts.test = 'vitest run';
  return {
    name: `ecommerce-${id}`,
    version: '1.0.0',
    private: true,
    description: `The course's e-commerce repository, phase ${id} (lesson ${phase.lesson}).`,
    // The code is CommonJS (require / module.exports).
    type: 'commonjs',
    scripts,
    devDependencies: {vitest: VITEST_VERSION},
    engines: {node: NODE_ENGINE},
  };
}

/**
 * Every file of a phase's project (path -> exact UTF-8 content), sorted by path: the
 * checked-out working tree, the untracked files, the tests and `package.json`.
 * Throws when two of them claim the same path or the demo script is missing.
 */
export function buildPhaseFiles(id: string, phase: Phase, read: ReadSource = readExampleSource): Record<string, string> {
  const sources = new Map<string, string>();
  const add = (group: string, files: FileMap): void => {
    for (const [file, source] of Object.entries(files)) {
      if (sources.has(file)) throw new Error(`Phase ${id}: ${group} file ${file} is already in the project`);
      sources.set(file, source);
    }
  };
  add('tracked', replayHistory(phase.history).tree);
  add('untracked', phase.untracked);
  add('test', phase.tests);
  if (sources.has('package.json')) throw new Error(`Phase ${id}: package.json is generated, not a source`);
  if (phase.demo !== undefined && !sources.has(phase.demo)) {
    throw new Error(`Phase ${id}: demo script ${phase.demo} is not in the project`);
  }

  const files: Record<string, string> = {
    'package.json': `${JSON.stringify(phasePackageJson(id, phase), null, 2)}\n`,
  };
  for (const [file, source] of sources) files[file] = read(source);
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function getPhase(id: string): Phase {
  if (!Object.hasOwn(phases, id)) {
    throw new Error(`Unknown phase "${id}" (known: ${Object.keys(phases).join(', ')})`);
  }
  return phases[id as PhaseId];
}

/** Every file of the phase's runnable project: path -> exact UTF-8 content. */
export function phaseFiles(id: PhaseId): Record<string, string> {
  return buildPhaseFiles(id, getPhase(id));
}

/** Every `examples/` source that some phase uses as a test file (they only run materialized). */
export function phaseTestSources(): string[] {
  return [...new Set(Object.values(phases).flatMap((phase: Phase) => Object.values(phase.tests)))].sort();
}

/** Writes the phase's project into `dir` (created if needed); returns the paths written. */
export function writePhase(id: PhaseId, dir: string): string[] {
  const files = phaseFiles(id);
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), {recursive: true});
    writeFileSync(target, content, 'utf8');
  }
  return Object.keys(files);
}

/** Replaces `dir` (default `examples/.generated`) with one folder per phase; returns them by id. */
export function writeAllPhases(dir: string = GENERATED_DIR): Record<PhaseId, string> {
  rmSync(dir, {recursive: true, force: true});
  const folders = {} as Record<PhaseId, string>;
  for (const id of Object.keys(phases) as PhaseId[]) {
    folders[id] = path.join(dir, id);
    writePhase(id, folders[id]);
  }
  return folders;
}
