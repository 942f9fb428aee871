/**
 * Turns a phase of the course's e-commerce repository (`phases/`) into the files of a runnable
 * project: the working tree at the end of the phase's history, its untracked files, its vitest
 * tests and a generated `package.json`. The sandbox, the zip downloads and the root test run
 * all call `phaseFiles`, so they get the same bytes. The working tree is the one the sandbox's
 * git leaves after running the phase's script (`phaseRepository.ts`), the same commands the
 * sandbox replays at install time and the lesson runner checks against real git.
 *
 * Everything here works in memory except `readExampleSource` (reads `examples/`) and
 * `writePhase` / `writeAllPhases` (write a project to disk).
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {EXAMPLES_DIR, readExampleFile} from '../readExample';
import {replayPhaseRepository} from './phaseRepository';
import {phases, type FileMap, type Phase, type PhaseId} from './phases';

/** The `examples/` folder: every source path of a phase is relative to it. */
export {EXAMPLES_DIR};

/** Where the root vitest run materializes every phase (git-ignored, rewritten on each run). */
export const GENERATED_DIR = path.join(EXAMPLES_DIR, '.generated');

/** vitest version of the phase projects: the root's, exactly (a test checks they agree). */
export const VITEST_VERSION = '4.1.12';

/** Node versions the phase projects support (vitest 4 needs ^20.19 or >=22.12). */
export const NODE_ENGINE = '>=20.19';

/** Reads a source file of `examples/` by its path relative to that folder. */
export type ReadSource = (examplesPath: string) => string;

/** Reads a source file of `examples/` (the one reader the site, the runner and the sandbox share). */
export const readExampleSource: ReadSource = readExampleFile;

// ---------------------------------------------------------------------------------------------
// A phase's project

/** The package.json of a phase's project, as an object. */
export function phasePackageJson(id: string, phase: Phase): Record<string, unknown> {
  const scripts: Record<string, string> = {};
  if (phase.demo !== undefined) scripts.demo = ['node', phase.demo, ...(phase.demoArgs ?? [])].join(' ');
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
 * Throws when two of them claim the same path, or the demo script or a file it is given is missing.
 */
export async function buildPhaseFiles(id: string, phase: Phase, read: ReadSource = readExampleSource): Promise<Record<string, string>> {
  /** Project path -> its text (tracked files come from the replay, the rest from their source). */
  const sources = new Map<string, {source?: string; text?: string}>();
  const add = (group: string, files: Record<string, {source?: string; text?: string}>): void => {
    for (const [file, origin] of Object.entries(files)) {
      if (sources.has(file)) throw new Error(`Phase ${id}: ${group} file ${file} is already in the project`);
      sources.set(file, origin);
    }
  };
  let tracked: Record<string, string>;
  try {
    tracked = (await replayPhaseRepository(phase, read)).worktree;
  } catch (error) {
    throw new Error(`Phase ${id}: its history does not replay: ${(error as Error).message}`);
  }
  add('tracked', Object.fromEntries(Object.entries(tracked).map(([file, text]) => [file, {text}])));
  const fromSource = (files: FileMap) => Object.fromEntries(Object.entries(files).map(([file, source]) => [file, {source}]));
  add('untracked', fromSource(phase.untracked));
  add('test', fromSource(phase.tests));
  if (sources.has('package.json')) throw new Error(`Phase ${id}: package.json is generated, not a source`);
  if (phase.demo !== undefined && !sources.has(phase.demo)) {
    throw new Error(`Phase ${id}: demo script ${phase.demo} is not in the project`);
  }
  if (phase.demoArgs !== undefined) {
    if (phase.demo === undefined) throw new Error(`Phase ${id}: demoArgs without a demo script`);
    for (const arg of phase.demoArgs) {
      if (!/^[\w./@=-]+$/.test(arg)) throw new Error(`Phase ${id}: demo argument ${JSON.stringify(arg)} is not a plain word`);
      // A path argument must be a file of the project, as the demo would fail on it otherwise.
      if (!arg.startsWith('-') && !sources.has(arg)) {
        throw new Error(`Phase ${id}: demo argument ${arg} is not a file of the project`);
      }
    }
  }

  const files: Record<string, string> = {
    'package.json': `${JSON.stringify(phasePackageJson(id, phase), null, 2)}\n`,
  };
  for (const [file, origin] of sources) files[file] = origin.text ?? read(origin.source!);
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function getPhase(id: string): Phase {
  if (!Object.hasOwn(phases, id)) {
    throw new Error(`Unknown phase "${id}" (known: ${Object.keys(phases).join(', ')})`);
  }
  return phases[id as PhaseId];
}

const built = new Map<string, Promise<Record<string, string>>>();
const replayed = new Map<string, ReturnType<typeof replayPhaseRepository>>();

/** The phase's repository as the sandbox's git builds it (once per run). */
function phaseRepository(id: PhaseId) {
  let repository = replayed.get(id);
  if (!repository) {
    repository = replayPhaseRepository(getPhase(id), readExampleSource);
    replayed.set(id, repository);
  }
  return repository;
}

/** The files the phase's history tracks on its checked-out branch. */
export async function phaseTrackedFiles(id: PhaseId): Promise<Set<string>> {
  return new Set(Object.keys((await phaseRepository(id)).worktree));
}

/** Every file of the phase's runnable project: path -> exact UTF-8 content (built once per run). */
export function phaseFiles(id: PhaseId): Promise<Record<string, string>> {
  const phase = getPhase(id);
  let files = built.get(id);
  if (!files) {
    files = buildPhaseFiles(id, phase);
    built.set(id, files);
  }
  return files;
}

/** Every `examples/` source that some phase uses as a test file (they only run materialized). */
export function phaseTestSources(): string[] {
  return [...new Set(Object.values(phases).flatMap((phase: Phase) => Object.values(phase.tests)))].sort();
}

/** Writes the phase's project into `dir` (created if needed); returns the paths written. */
export async function writePhase(id: PhaseId, dir: string): Promise<string[]> {
  const files = await phaseFiles(id);
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), {recursive: true});
    writeFileSync(target, content, 'utf8');
  }
  return Object.keys(files);
}

/** Replaces `dir` (default `examples/.generated`) with one folder per phase; returns them by id. */
export async function writeAllPhases(dir: string = GENERATED_DIR): Promise<Record<PhaseId, string>> {
  rmSync(dir, {recursive: true, force: true});
  const folders = {} as Record<PhaseId, string>;
  for (const id of Object.keys(phases) as PhaseId[]) {
    folders[id] = path.join(dir, id);
    await writePhase(id, folders[id]);
  }
  return folders;
}
