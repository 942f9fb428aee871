/**
 * Turns a phase of the course's e-commerce repository (`phases/`) into the files of a runnable
 * project: the working tree at the end of the phase's history, its untracked files, its vitest
 * tests and a generated `package.json`. The sandbox, the zip downloads and the root test run
 * all call `phaseFiles`, so they get the same bytes. The history is replayed by `history.ts`
 * (the same replay the lesson runner checks lessons against).
 *
 * Everything here is pure except `readExampleSource` (reads `examples/`) and `writePhase` /
 * `writeAllPhases` (write a project to disk).
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {EXAMPLES_DIR, readExampleFile} from '../readExample';
import {replayHistory} from './history';
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
