/**
 * An exercise's project as a learner gets it, for the exercises' tests: the sandbox payload
 * (`.sandbox/check.mjs` and the vendored engine included) written to a temporary folder, its
 * dependencies the root's (the same pinned vitest; no registry), its repository built by the
 * project's own setup (the sandbox's git) or by real git from the same script, commands typed
 * through either engine, and `npm run check`'s script run there.
 */
import {execFile} from 'node:child_process';
import {chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {exercises} from '../../examples/ecommerce/exercises';
import {expandSolution} from '../../examples/ecommerce/exercises/solution';
import type {Exercise, GoalResult} from '../../examples/ecommerce/exercises/types';
import {readExampleFile} from '../../examples/readExample';
import type {PhaseId} from '../../examples/ecommerce/phases';
import {sandboxAsset} from '../../src/plugins/sandbox-projects/assets';
import {CHECK_SCRIPT, ENGINE_DIR, HISTORY_FILE, SETUP_SCRIPT, type HistoryFile, type Locale} from '../../src/plugins/sandbox-projects/buildProject';
import {REAL_GIT, REPO_ROOT, type EngineName} from '../git-parity/engines';
import {scriptToBash} from '../git-parity/script-bash';
import {runnerEnv} from '../lesson-runner/run';

const run = promisify(execFile);
const temps: string[] = [];

/** Removes every folder the harness made (call in afterAll). */
export function cleanUp(): void {
  for (const dir of temps.splice(0)) rmSync(dir, {recursive: true, force: true});
}

export function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `exercise-${name}-`));
  temps.push(dir);
  return dir;
}

/** Where the check keeps test results for this run (shared by the cases: same tree, same result). */
const CACHE = tempDir('cache');

export function exerciseOf(phase: string): Exercise {
  const exercise = exercises[phase];
  if (!exercise) throw new Error(`no exercise starts from ${phase}`);
  return exercise;
}

/** The course's environment (fixed dates, no user git config, no editor) with `bin` first on PATH. */
export function env(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const base = runnerEnv(REPO_ROOT, home);
  // The fast clock is for the lessons' demo scripts; the check's vitest keeps real time.
  delete base.NODE_OPTIONS;
  return {...base, EXERCISE_CHECK_CACHE: CACHE, ...extra};
}

/** A `git` first on PATH: real git, or the project's vendored sandbox git (what a learner types). */
function gitBin(project: string, engine: EngineName): string {
  const bin = path.join(project, '.test-bin');
  mkdirSync(bin, {recursive: true});
  const target = engine === 'git' ? `exec ${JSON.stringify(REAL_GIT)} "$@"` : `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(project, ENGINE_DIR, 'bin/git.js'))} "$@"`;
  writeFileSync(path.join(bin, 'git'), `#!/bin/sh\n${target}\n`);
  chmodSync(path.join(bin, 'git'), 0o755);
  return bin;
}

/**
 * The project's node_modules: the root's packages, each linked, and a `.bin` of its own. Not one
 * link to the root's node_modules: the project's setup writes its `git` into `node_modules/.bin`
 * (as in a sandbox whose package manager did not link it), and through such a link it wrote it
 * into the repository's own node_modules, where every later test's `git` was the sandbox's.
 */
function linkNodeModules(dir: string): void {
  const modules = path.join(dir, 'node_modules');
  mkdirSync(path.join(modules, '.bin'), {recursive: true});
  for (const name of readdirSync(path.join(REPO_ROOT, 'node_modules'))) {
    if (name === '.bin') continue;
    symlinkSync(path.join(REPO_ROOT, 'node_modules', name), path.join(modules, name), 'dir');
  }
}

/** The exercise's project (payload files) in a new folder, with the root's packages; no repository yet. */
export async function writeProject(phase: PhaseId, locale: Locale): Promise<string> {
  const {project} = await sandboxAsset(phase, locale);
  const dir = path.join(tempDir(phase), 'project');
  for (const [file, contents] of Object.entries(project.files)) {
    mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    writeFileSync(path.join(dir, file), contents);
  }
  linkNodeModules(dir);
  return dir;
}

/** Builds the take-over repository: the project's setup (sandbox git) or the same script with real git. */
export async function initRepository(dir: string, engine: EngineName, history: HistoryFile): Promise<void> {
  const home = path.join(dir, '..');
  if (engine === 'sandbox-git') {
    await run(process.execPath, [SETUP_SCRIPT], {cwd: dir, env: env(home)});
  } else {
    await run('bash', ['-c', scriptToBash(history.steps, '.')], {cwd: dir, env: env(home)});
  }
  // Both engines: the test's bin folder is not the learner's work.
  writeFileSync(path.join(dir, '.git/info/exclude'), `${[...history.exclude, '.test-bin/'].join('\n')}\n`);
}

/** A ready project: files and repository. */
export async function startProject(phase: PhaseId, locale: Locale, engine: EngineName): Promise<string> {
  const dir = await writeProject(phase, locale);
  const {project} = await sandboxAsset(phase, locale);
  await initRepository(dir, engine, JSON.parse(project.files[HISTORY_FILE]!) as HistoryFile);
  return dir;
}

/** A copy of a ready project (its repository included), to spoil in one way. */
export function copyProject(dir: string, name: string): string {
  const copy = path.join(tempDir(name), 'project');
  cpSync(dir, copy, {recursive: true, verbatimSymlinks: true});
  return copy;
}

/** Runs a bash script in the project with `engine` as its `git` (not -e: a conflicting merge stops it not). */
export async function bash(dir: string, script: string, engine: EngineName = 'git'): Promise<string> {
  const base = env(path.join(dir, '..'));
  const environment = {...base, PATH: `${gitBin(dir, engine)}${path.delimiter}${base.PATH}`};
  try {
    const {stdout, stderr} = await run('bash', ['-c', script], {cwd: dir, env: environment, maxBuffer: 16 * 1024 * 1024});
    return stdout + stderr;
  } catch (error) {
    const failure = error as {stdout?: string; stderr?: string; message: string};
    throw new Error(`script failed in ${dir}:\n${script}\n${failure.stdout ?? ''}${failure.stderr ?? ''}${failure.message}`);
  }
}

/** The lesson's commands for every goal, in the goals' order, files put in. */
export function solutionScript(exercise: Exercise): string {
  return exercise.goals.flatMap((goal) => expandSolution(goal.solution, readExampleFile)).join('\n');
}

export interface CheckRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run check` (or `npm run solution`: `--solution`) in the project, `LANG` set to `lang`. */
export async function runCheck(dir: string, lang: string, ...args: string[]): Promise<CheckRun> {
  try {
    const {stdout, stderr} = await run(process.execPath, [CHECK_SCRIPT, ...args], {cwd: dir, env: env(path.join(dir, '..'), {LANG: lang})});
    return {code: 0, stdout, stderr};
  } catch (error) {
    const failure = error as {code?: number; stdout?: string; stderr?: string};
    return {code: typeof failure.code === 'number' ? failure.code : -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? ''};
  }
}

/** The check's results as data (`--json`), by goal id. */
export async function checkResults(dir: string): Promise<{code: number; results: Record<string, GoalResult>}> {
  const {code, stdout, stderr} = await runCheck(dir, 'C.UTF-8', '--json');
  let parsed: GoalResult[];
  try {
    parsed = JSON.parse(stdout) as GoalResult[];
  } catch {
    throw new Error(`check --json printed no JSON (exit ${code}):\n${stdout}\n${stderr}`);
  }
  return {code, results: Object.fromEntries(parsed.map((result) => [result.id, result]))};
}
