/**
 * The repository a learner ends a lesson with, checked against the phase of `examples/` the
 * lesson's expectations name: history (branches, first-parent commits, merges and their
 * parents, full messages, tags annotated or not), the files of every branch byte for byte,
 * and a working tree clean except the phase's untracked files.
 */
import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {ReadExample} from '../../src/plugins/remark-examples/expand';
import type {FileMap, Phase} from '../../examples/ecommerce/phases/types';
import {compareHistories} from './compare';
import {git, gitBytes, readGitHistory, type Env} from './git-state';
import {replayPhase} from './phase-model';

export interface LessonExpectation {
  /** Id of the phase in `examples/ecommerce/phases` that describes the end of the lesson. */
  phase: string;
}

const blobHash = (content: Buffer): string =>
  createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');

/** Names the first differing line of two texts. */
export function firstDifference(expected: string, actual: string): string {
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) {
      const show = (line: string | undefined): string => (line === undefined ? '(end of file)' : JSON.stringify(line));
      return `line ${i + 1}: expected ${show(e[i])}, got ${show(a[i])}`;
    }
  }
  return 'same lines, different bytes';
}

async function compareTree(
  repo: string,
  env: Env,
  ref: string,
  where: string,
  expected: FileMap,
  readExample: ReadExample,
): Promise<string[]> {
  const problems: string[] = [];
  const listing = await git(repo, env, ['ls-tree', '-r', '-z', ref]);
  const actual = new Map<string, string>();
  for (const entry of listing.split('\0')) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (match) actual.set(match[2]!, match[1]!);
  }
  for (const [file, source] of Object.entries(expected)) {
    const blob = actual.get(file);
    if (blob === undefined) {
      problems.push(`${where}: file '${file}' is missing (expected examples/${source})`);
      continue;
    }
    const expectedText = readExample(source);
    if (blobHash(Buffer.from(expectedText, 'utf8')) !== blob) {
      const actualText = (await gitBytes(repo, env, ['cat-file', 'blob', blob])).toString('utf8');
      problems.push(
        `${where}: file '${file}' differs from examples/${source} (${firstDifference(expectedText, actualText)})`,
      );
    }
  }
  for (const file of actual.keys()) {
    if (!(file in expected)) problems.push(`${where}: git has file '${file}', which the phase does not list`);
  }
  return problems;
}

export async function checkFinalState(
  repo: string,
  env: Env,
  phaseId: string,
  phase: Phase,
  readExample: ReadExample,
): Promise<string[]> {
  const {history: expected, trees} = await replayPhase(phase, readExample);
  const actual = await readGitHistory(repo, env);
  const problems = compareHistories(expected, actual, {source: `phase '${phaseId}'`});

  // Files of every branch (what `git switch <branch>` gives a learner).
  for (const [branch, tip] of expected.branches) {
    if (!actual.branches.has(branch)) continue;
    problems.push(
      ...(await compareTree(repo, env, `refs/heads/${branch}`, `branch '${branch}'`, trees.get(tip)!, readExample)),
    );
  }

  // Working tree: clean, except exactly the untracked files of the phase, equal to their source.
  const status = await git(repo, env, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored']);
  const entries = status.split('\0').filter((entry) => entry !== '');
  const untracked = new Set(Object.keys(phase.untracked));
  for (const entry of entries) {
    const file = entry.slice(3);
    if (entry.startsWith('?? ') && untracked.has(file)) {
      untracked.delete(file);
      continue;
    }
    problems.push(`working tree is not clean: "${entry}" (git status --porcelain)`);
  }
  for (const file of untracked) problems.push(`untracked file '${file}' is missing from the working tree`);
  for (const [file, source] of Object.entries(phase.untracked)) {
    const onDisk = await readFile(path.join(repo, file)).catch(() => undefined);
    if (onDisk === undefined) continue;
    const expectedText = readExample(source);
    if (!onDisk.equals(Buffer.from(expectedText, 'utf8'))) {
      problems.push(
        `untracked file '${file}' differs from examples/${source} ` +
          `(${firstDifference(expectedText, onDisk.toString('utf8'))})`,
      );
    }
  }
  return problems;
}

/** Everything that identifies the repository a lesson leaves: refs, HEAD, status, untracked bytes. */
export async function repositoryFingerprint(repo: string, env: Env): Promise<string> {
  const refs = await git(repo, env, ['for-each-ref', '--format=%(refname) %(objectname)']);
  const head = await git(repo, env, ['symbolic-ref', '-q', 'HEAD']).catch(() => 'detached\n');
  const headCommit = await git(repo, env, ['rev-parse', 'HEAD']).catch(() => 'none\n');
  const status = await git(repo, env, ['status', '--porcelain=v1', '-z', '--untracked-files=all']);
  const files: string[] = [];
  for (const entry of status.split('\0').filter((e) => e !== '')) {
    const content = await readFile(path.join(repo, entry.slice(3))).catch(() => Buffer.from(''));
    files.push(`${entry} ${blobHash(content)}`);
  }
  return [refs.trim(), `HEAD ${head.trim()} ${headCommit.trim()}`, ...files].join('\n');
}

/**
 * The files a lesson leaves, one line each: `<branch>\t<path>\t<blob>` for every branch, and
 * `(untracked)\t<path>\t<blob>`. Recorded next to the expectations so that a change to a file in
 * `examples/` that a lesson creates is named, file by file, until the record is refreshed.
 */
export async function fileRecord(repo: string, env: Env): Promise<string> {
  const lines: string[] = [];
  const branches = (await git(repo, env, ['for-each-ref', '--format=%(refname:short)', 'refs/heads'])).split('\n');
  for (const branch of branches.filter((b) => b !== '')) {
    const listing = await git(repo, env, ['ls-tree', '-r', '-z', `refs/heads/${branch}`]);
    for (const entry of listing.split('\0')) {
      const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
      if (match) lines.push(`${branch}\t${match[2]}\t${match[1]}`);
    }
  }
  const status = await git(repo, env, ['status', '--porcelain=v1', '-z', '--untracked-files=all']);
  for (const entry of status.split('\0').filter((e) => e.startsWith('?? '))) {
    const file = entry.slice(3);
    lines.push(`(untracked)\t${file}\t${blobHash(await readFile(path.join(repo, file)))}`);
  }
  return lines.sort().join('\n') + '\n';
}

/** Differences between a recorded file list and the current one, naming each file. */
export function compareFileRecords(
  recorded: string,
  actual: string,
  recordName: string,
  /** `<branch>\t<path>` or `(untracked)\t<path>` -> source under `examples/`, to name it. */
  sources: ReadonlyMap<string, string> = new Map(),
): string[] {
  const parse = (text: string): Map<string, string> =>
    new Map(
      text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
          const [where, file, blob] = line.split('\t');
          return [`${where}\t${file}`, blob ?? ''];
        }),
    );
  const before = parse(recorded);
  const now = parse(actual);
  const problems: string[] = [];
  const name = (key: string): string => {
    const [where, file] = key.split('\t');
    const source = sources.has(key) ? ` (examples/${sources.get(key)})` : '';
    return where === '(untracked)' ? `untracked file '${file}'${source}` : `file '${file}' on branch '${where}'${source}`;
  };
  for (const [key, blob] of now) {
    if (!before.has(key)) problems.push(`${name(key)} is not in ${recordName}`);
    else if (before.get(key) !== blob) {
      problems.push(`${name(key)} changed since it was recorded in ${recordName} (blob ${before.get(key)!.slice(0, 7)} → ${blob.slice(0, 7)})`);
    }
  }
  for (const key of before.keys()) if (!now.has(key)) problems.push(`${name(key)}, recorded in ${recordName}, is gone`);
  return problems;
}

/** Where each file a phase leaves comes from, keyed like `fileRecord` lines. */
export async function phaseSources(phase: Phase, readExample: ReadExample): Promise<Map<string, string>> {
  const {history, trees} = await replayPhase(phase, readExample);
  const sources = new Map<string, string>();
  for (const [branch, tip] of history.branches) {
    for (const [file, source] of Object.entries(trees.get(tip)!)) sources.set(`${branch}\t${file}`, source);
  }
  for (const [file, source] of Object.entries(phase.untracked)) sources.set(`(untracked)\t${file}`, source);
  return sources;
}
