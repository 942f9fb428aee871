/**
 * Repositories for the diagram's tests and bench (Node only): built by the course's git engine in
 * memory, from git command lines or from a phase of the course (examples/ecommerce/phases), and
 * random histories as plain RepoGraphs.
 */
import {MemoryFs, runScript} from '../../../packages/sandbox-git/src/index.js';
// The seeded PRNG of the engine's oracle tests: the same random histories on every run.
import {Rng} from '../../../packages/sandbox-git/src/diff/testkit';
import {PHASE_ENV, PHASE_REPO_DIR, replayPhaseRepository} from '../../../examples/ecommerce/phaseRepository';
import {phases, type PhaseId} from '../../../examples/ecommerce/phases';
import {COURSE_DATE} from '../../../examples/ecommerce/phases/types';
import {readExampleFile} from '../../../examples/readExample';
import type {GraphBranch, GraphCommit, GraphTag, RepoGraph} from './types';

export const REPO_DIR = PHASE_REPO_DIR;
export const ENV = PHASE_ENV;

/** A step: a git command line (argv without `git`), or `{write: path, content}`. */
export type Step = string[] | {write: string; content: string; status?: never} | {git: string[]; status: number};

/** A repository built by the engine from `steps`, all commits at the course's date. */
export async function engineRepo(steps: Step[]): Promise<{fs: MemoryFs; dir: string}> {
  const now = () => Date.parse(COURSE_DATE);
  const fs = new MemoryFs({now});
  await runScript(
    steps.map((step) => (Array.isArray(step) ? {git: step} : step)),
    {fs, cwd: REPO_DIR, env: ENV, now, tzOffset: () => 0},
  );
  return {fs, dir: REPO_DIR};
}

/** A phase of the course's repository, replayed by the engine (the sandbox's own replay). */
export async function phaseRepo(id: PhaseId): Promise<{fs: MemoryFs; dir: string}> {
  const {fs} = await replayPhaseRepository(phases[id], readExampleFile);
  return {fs, dir: REPO_DIR};
}

export const PHASE_IDS = Object.keys(phases) as PhaseId[];

const WORDS = ['fix', 'add', 'cart', 'payment', 'retry', 'timeout', 'WIP:', 'docs:', 'test:', 'Merge', 'API', 'endpoints', 'recommendations', '🚀', 'çà'];

/**
 * A random history as a learner could make it: commits on the current branch, new branches,
 * switches, fast-forwards, merges, deleted branches, tags (some on old commits), a detached HEAD.
 */
export function randomGraph(seed: number, commitCount: number): RepoGraph {
  const {next} = new Rng(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const commits: GraphCommit[] = [];
  const branches = new Map<string, string>();
  const tags: GraphTag[] = [];
  let current = 'main';
  let detached: string | null = null;
  let counter = 0;
  const makeCommit = (parents: string[], subject?: string) => {
    const oid = (++counter).toString(16).padStart(40, '0');
    const words = Array.from({length: 1 + Math.floor(next() * 9)}, () => pick(WORDS));
    commits.push({oid, parents, subject: subject ?? `${words.join(' ')} #${counter}`, authorTime: 1000 + counter, committerTime: 1000 + counter});
    return oid;
  };
  branches.set('main', makeCommit([]));
  let names = 0;
  while (commits.length < commitCount) {
    const roll = next();
    const tip = detached ?? branches.get(current)!;
    if (roll < 0.5) {
      const oid = makeCommit([tip]);
      if (detached) detached = oid;
      else branches.set(current, oid);
    } else if (roll < 0.62) {
      const name = pick(['feature/', 'hotfix/', 'experiment/', 'develop-', 'x']) + pick(['a', 'payment-timeout-fix', 'recs-popularity', 'b', 'cart']) + ++names;
      branches.set(name, tip);
      current = name;
      detached = null;
    } else if (roll < 0.75) {
      current = pick([...branches.keys()]);
      detached = null;
    } else if (roll < 0.88 && !detached) {
      const other = pick([...branches.keys()].filter((name) => name !== current));
      if (!other) continue;
      const theirs = branches.get(other)!;
      if (theirs === tip) continue;
      if (next() < 0.3) branches.set(current, theirs); // a fast-forward, roughly
      else branches.set(current, makeCommit([tip, theirs], `Merge branch '${other}' into ${current}`));
    } else if (roll < 0.93) {
      const name = pick([...branches.keys()].filter((b) => b !== current && b !== 'main'));
      if (name) branches.delete(name);
    } else if (roll < 0.98) {
      const target = next() < 0.5 ? tip : pick(commits).oid;
      tags.push({name: `v1.${tags.length}.${Math.floor(next() * 10)}${next() < 0.2 ? '-hotfix-payment-timeout' : ''}`, oid: target, annotated: next() < 0.5});
    } else {
      detached = pick(commits).oid;
    }
  }
  const branchList: GraphBranch[] = [...branches].map(([name, oid]) => ({name, oid})).sort((a, b) => (a.name < b.name ? -1 : 1));
  const reachable = new Set<string>();
  const byOid = new Map(commits.map((commit) => [commit.oid, commit]));
  const stack = [...branchList.map((b) => b.oid), ...tags.map((t) => t.oid), ...(detached ? [detached] : [])];
  while (stack.length > 0) {
    const oid = stack.pop()!;
    if (reachable.has(oid)) continue;
    reachable.add(oid);
    stack.push(...byOid.get(oid)!.parents);
  }
  return {
    status: 'ok',
    commits: commits.filter((commit) => reachable.has(commit.oid)),
    branches: branchList,
    tags,
    head: detached ? {branch: null, oid: detached} : {branch: current, oid: branches.get(current) ?? null},
    merging: null,
    missing: [],
  };
}
