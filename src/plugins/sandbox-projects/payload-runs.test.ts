/**
 * "The payload runs": each phase exactly as a learner gets it (the sandbox project, which is also
 * what the `.zip` holds: the phase's files from `phaseFiles(id)` plus the sandbox tooling), written
 * to its own empty folder, installs from the npm registry, recreates its git history on install,
 * runs its own test files (all of them, all passing), runs its demo, and `npm run history` prints
 * its branches, tag and commits. An exercise's project (`NN-exercise`) is not done at the start:
 * its `npm run check` fails; the lesson's commands typed through its `git` make it pass, and then
 * its `npm test` (the exercise's tests too) passes. That the payload's files equal
 * `phaseFiles(id)` byte for byte is checked without the network in `buildProject.test.ts`.
 *
 * Efficient but complete: every phase gets its own empty folder, its own install and its own
 * `npm test` / `npm run demo` / `npm run history`. What is shared is the dependency resolution:
 * the first phase of each distinct set of dependencies installs with `npm install --prefer-online`
 * (the registry resolves the pinned versions, as on a learner's machine); the other phases with
 * the same dependencies install that resolution with `npm ci --prefer-offline` (same packages,
 * from the npm cache the first install filled). At most one phase per core runs at a time.
 * Phases alternate between the Italian and the English payload (only `.sandbox/history.json`
 * differs: the language of the replay script's messages).
 *
 * Locally, SKIP_PHASE_INSTALL=1 skips it for speed; in CI (CI set) it always runs.
 */
import {execFile} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {rm} from 'node:fs/promises';
import {availableParallelism, tmpdir} from 'node:os';
import path from 'node:path';
import {promisify, stripVTControlCharacters} from 'node:util';
import {afterAll, describe, expect, it} from 'vitest';
import {exercises} from '../../../examples/ecommerce/exercises';
import {expandSolution} from '../../../examples/ecommerce/exercises/solution';
import type {Exercise} from '../../../examples/ecommerce/exercises/types';
import {phases, type Phase, type PhaseId} from '../../../examples/ecommerce/phases';
import {COURSE_DATE} from '../../../examples/ecommerce/phases/types';
import {readExampleFile} from '../../../examples/readExample';
import {extractLesson} from '../../../scripts/lesson-runner/extract';
import {normalizeLog} from '../../../scripts/lesson-runner/git-state';
import {EXAMPLES_DIR, phaseIds, sandboxAsset} from './assets';
import type {Locale} from './buildProject';

const run = promisify(execFile);
const inCI = !['', '0', 'false'].includes(process.env.CI ?? '');
const skip = process.env.SKIP_PHASE_INSTALL === '1' && !inCI;
const FAST_CLOCK = path.join(EXAMPLES_DIR, 'tooling/fast-clock.cjs');

/** What the setup script prints after `npm install` (postinstall), per payload language. */
const REPLAYED: Record<Locale, RegExp> = {
  it: /Cronologia git ricreata con il git della sandbox: \d+ comandi, branch attivo /,
  en: /Git history recreated with the sandbox git: \d+ commands, checked-out branch /,
};

/** The environment of a fresh terminal: nothing of the npm script or vitest run that started us. */
function cleanEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_registry', 'npm_config_cache', 'npm_config_userconfig', 'npm_config_proxy', 'npm_config_https_proxy', 'npm_config_noproxy']);
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|VITEST|COURSE_)/i.test(name) && !keep.has(name)) continue;
    if (['NODE_OPTIONS', 'NODE_ENV', 'TEST', 'INIT_CWD', 'FORCE_COLOR'].includes(name)) continue;
    env[name] = value;
  }
  return env;
}

/** What npm resolves from a package.json: phases with the same key get the same tree. */
function dependencyKey(packageJson: string): string {
  const pkg = JSON.parse(packageJson) as Record<string, unknown>;
  return JSON.stringify(['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'overrides'].map((field) => pkg[field] ?? null));
}

/** A lockfile resolved for another phase with the same dependencies, renamed for this one. */
function lockfileFor(lockfile: string, name: string): string {
  const lock = JSON.parse(lockfile) as {name?: string; packages?: Record<string, {name?: string}>};
  lock.name = name;
  if (lock.packages?.['']) lock.packages[''].name = name;
  return `${JSON.stringify(lock, null, 2)}\n`;
}

/** At most `size` callers at a time (npm installs and vitest runs are CPU- and disk-bound). */
function limiter(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** Branches that exist at the end of a phase's history. */
function finalBranches(phase: Phase): Set<string> {
  const branches = new Set(['main']);
  for (const step of phase.history) {
    if (step.op === 'branch') branches.add(step.name);
    if (step.op === 'deleteBranch') branches.delete(step.name);
  }
  return branches;
}

/**
 * Lesson 02 typed in the installed `02-before-fix` project, as a learner does in the sandbox's
 * terminal: every bash block from the alert on (the hotfix branch, the fix, the tests, the
 * annotated tag, the merges into main and develop, the branch deleted, the follow-up), with the
 * project's `node_modules/.bin/git` first on PATH. The project must end with the lesson's
 * repository: the last `git log --graph` the page shows, hashes included.
 * Returns the seconds it took.
 */
async function typeLessonCommands(dir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const begun = performance.now();
  const lesson = path.join(EXAMPLES_DIR, '../docs/lessons/02-hotfix-workflow.mdx');
  const items = extractLesson(readFileSync(lesson, 'utf8'), readExampleFile);
  const blocks = items.filter((item) => item.kind === 'bash' && !item.norun);
  // The payload starts where the lesson's first two blocks (the repository's setup) end.
  const typed = blocks.slice(2);
  const blockEnv = {
    ...env,
    PATH: `${path.join(dir, 'node_modules/.bin')}${path.delimiter}${env.PATH ?? ''}`,
    GIT_AUTHOR_DATE: COURSE_DATE,
    GIT_COMMITTER_DATE: COURSE_DATE,
    NODE_OPTIONS: `--require "${FAST_CLOCK}"`,
  };
  const which = await run('bash', ['-c', 'command -v git'], {cwd: dir, env: blockEnv});
  expect(which.stdout.trim()).toBe(path.join(dir, 'node_modules/.bin/git'));
  for (const block of typed) {
    if (block.kind !== 'bash') continue;
    await run('bash', ['-e', '-c', block.code], {cwd: dir, env: blockEnv, maxBuffer: 16 * 1024 * 1024}).catch((error: {stderr?: string}) => {
      throw new Error(`lesson 02 bash block ${block.index} (line ${block.line}) failed in the sandbox project:\n${error.stderr ?? ''}`);
    });
  }
  const finalLog = items.filter((item) => item.kind === 'gitlog').pop();
  const {stdout} = await run('git', ['-c', 'log.decorate=short', 'log', '--graph', '--oneline', '--all', '--decorate'], {cwd: dir, env: blockEnv});
  expect(normalizeLog(stdout)).toBe(finalLog?.kind === 'gitlog' ? normalizeLog(finalLog.text) : '(no gitlog block)');
  return ((performance.now() - begun) / 1000).toFixed(1);
}

/**
 * An exercise solved as a learner would, in its installed project: the lesson's commands for
 * every goal (`solution`, files put in) typed through the project's `node_modules/.bin/git`.
 * `npm run check` fails before and passes after, in the payload's language.
 */
async function solveExercise(dir: string, env: NodeJS.ProcessEnv, exercise: Exercise, locale: Locale): Promise<void> {
  const npmEnv = {...env, LANG: 'C.UTF-8', LC_ALL: ''};
  const before = await run('npm', ['run', '--silent', 'check'], {cwd: dir, env: npmEnv}).then(
    () => 0,
    (error: {code?: number; stdout?: string}) => {
      expect(error.stdout ?? '').toMatch(/^✘ /m);
      return error.code;
    },
  );
  expect(before, 'npm run check at the start').toBe(1);
  const script = exercise.goals.flatMap((goal) => expandSolution(goal.solution, readExampleFile)).join('\n');
  const blockEnv = {...env, PATH: `${path.join(dir, 'node_modules/.bin')}${path.delimiter}${env.PATH ?? ''}`, GIT_AUTHOR_DATE: COURSE_DATE, GIT_COMMITTER_DATE: COURSE_DATE};
  // Not -e: lesson 01's `git merge develop` stops on its conflict, as the lesson says, and the next commands resolve it.
  await run('bash', ['-c', script], {cwd: dir, env: blockEnv, maxBuffer: 16 * 1024 * 1024});
  const {stdout} = await run('npm', ['run', '--silent', 'check'], {cwd: dir, env: npmEnv});
  expect(stdout.trimEnd().split('\n').at(-1)).toBe(locale === 'it' ? 'Esercizio completato: ogni obiettivo è raggiunto.' : 'Exercise complete: every goal is met.');
}

const started = performance.now();

describe.skipIf(skip)('each phase\u2019s sandbox payload as a standalone project', () => {
  const ids = phaseIds();
  const slot = limiter(Math.max(1, availableParallelism()));
  /** Dependency key -> the lockfile its first phase's online install wrote. */
  const resolutions = new Map<string, Promise<string>>();

  afterAll(() => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`[payload runs] ${ids.length} phases, ${resolutions.size} online resolution(s), ${seconds} s wall on ${availableParallelism()} core(s)`);
  });

  it.concurrent.for(ids.map((id, i) => [id, i % 2 === 0 ? 'it' : 'en'] as [PhaseId, Locale]))(
    '%s (%s payload): npm install recreates the history; npm test, npm run demo and npm run history pass in an empty folder',
    {timeout: 300_000},
    // Concurrent tests use their own context's expect and hooks.
    async ([id, locale], {expect, onTestFinished}) => {
      const phase: Phase = phases[id];
      const dir = mkdtempSync(path.join(tmpdir(), `payload-${id}-`));
      // Each folder (with its node_modules) goes as soon as its phase is done, pass or fail.
      onTestFinished(() => rm(dir, {recursive: true, force: true}), 60_000);
      for (const [file, contents] of Object.entries((await sandboxAsset(id, locale)).project.files)) {
        mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
        writeFileSync(path.join(dir, file), contents);
      }
      const packageJson = readFileSync(path.join(dir, 'package.json'), 'utf8');
      const env = cleanEnv();
      const step = async (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
        const begun = performance.now();
        const {stdout} = await run('npm', args, {cwd: dir, env: {...env, ...extraEnv}, maxBuffer: 16 * 1024 * 1024});
        return {stdout: stripVTControlCharacters(stdout), seconds: ((performance.now() - begun) / 1000).toFixed(1)};
      };

      const key = dependencyKey(packageJson);
      const resolved = resolutions.get(key);
      let install: {stdout: string; seconds: string};
      let how: string;
      if (resolved === undefined) {
        // The first phase with these dependencies resolves them against the registry.
        let done!: (lockfile: string) => void;
        let failed!: (error: unknown) => void;
        resolutions.set(key, new Promise<string>((resolve, reject) => ((done = resolve), (failed = reject))));
        try {
          install = await slot(() => step(['install', '--prefer-online', '--no-audit', '--no-fund']));
          done(readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
        } catch (error) {
          failed(error);
          throw error;
        }
        how = 'npm install (resolved online)';
      } else {
        const lockfile = await resolved.catch(() => {
          throw new Error(`phase ${id}: the first install of the same dependencies failed`);
        });
        writeFileSync(path.join(dir, 'package-lock.json'), lockfileFor(lockfile, JSON.parse(packageJson).name));
        install = await slot(() => step(['ci', '--prefer-offline', '--no-audit', '--no-fund']));
        how = 'npm ci (shared resolution)';
      }
      expect(install.stdout).toMatch(/added \d+ packages/);
      // postinstall replayed the phase's history with the sandbox's git, now the project's `git`.
      expect(install.stdout).toMatch(REPLAYED[locale]);
      expect(existsSync(path.join(dir, '.git/HEAD'))).toBe(true);
      expect(existsSync(path.join(dir, 'node_modules/.bin/git'))).toBe(true);
      const npx = await run('npx', ['--no-install', 'git', '--version'], {cwd: dir, env});
      expect(npx.stdout).toBe('git version 2.39.5 (sandbox-git)\n');

      await slot(async () => {
        const exercise = exercises[id];
        /** Every test file of the project ran, and all passed. */
        const runTests = async () => {
          const test = await step(['test']);
          const testFiles = [...new Set([...Object.keys(phase.tests), ...Object.keys(exercise?.tests ?? {})])].filter((file) => file.endsWith('.test.ts'));
          expect(test.stdout).toMatch(new RegExp(`Test Files\\s+${testFiles.length} passed \\(${testFiles.length}\\)`));
          for (const file of testFiles) expect(test.stdout).toContain(file);
          return test;
        };
        // An exercise's tests fail until it is done: its npm test runs once it is solved, below.
        let test = exercise ? {seconds: 'n/a'} : await runTests();

        let demoSeconds = 'n/a';
        const {demo: script, demoArgs = []} = phase;
        if (script !== undefined) {
          // The demo waits real seconds by design: the preload compresses them, as in the lesson runner.
          const demo = await step(['run', 'demo'], {NODE_OPTIONS: `--require "${FAST_CLOCK}"`});
          expect(demo.stdout).toContain(`> ${['node', script, ...demoArgs].join(' ')}\n`);
          demoSeconds = demo.seconds;
        }

        // The same branches, tags and commits as the lesson's diagram at this phase.
        const {stdout: history} = await step(['run', '--silent', 'history']);
        for (const branch of finalBranches(phase)) {
          expect(history).toMatch(new RegExp(`[(, ]${branch.replaceAll('/', '\\/')}[,)]`));
        }
        for (const historyStep of phase.history) {
          if (historyStep.op === 'tag') expect(history).toContain(`tag: ${historyStep.name}`);
          if (historyStep.op === 'commit') expect(history).toContain(` ${historyStep.message.split('\n')[0]}\n`);
        }
        let lesson = '';
        if (id === '02-before-fix') lesson = `, lesson 02's commands ${await typeLessonCommands(dir, env)} s`;
        if (exercise) {
          await solveExercise(dir, env, exercise, locale);
          test = await runTests();
          lesson = ', solved with the lesson\'s commands: npm run check passes';
        }
        console.log(`[payload ${id}] ${how} ${install.seconds} s, npm test ${test.seconds} s, npm run demo ${demoSeconds} s${lesson}`);
      });
    },
  );

  it('shares resolutions only between phases with the same dependencies', () => {
    const base = {name: 'a', devDependencies: {vitest: '4.1.12'}, scripts: {test: 'vitest run'}};
    expect(dependencyKey(JSON.stringify(base))).toBe(dependencyKey(JSON.stringify({...base, name: 'b', scripts: {}})));
    expect(dependencyKey(JSON.stringify(base))).not.toBe(dependencyKey(JSON.stringify({...base, devDependencies: {vitest: '4.1.11'}})));
    expect(dependencyKey(JSON.stringify(base))).not.toBe(dependencyKey(JSON.stringify({...base, dependencies: {yaml: '2.9.1'}})));
    const lock = JSON.stringify({name: 'a', lockfileVersion: 3, packages: {'': {name: 'a', devDependencies: {vitest: '4.1.12'}}}});
    expect(JSON.parse(lockfileFor(lock, 'b'))).toEqual({name: 'b', lockfileVersion: 3, packages: {'': {name: 'b', devDependencies: {vitest: '4.1.12'}}}});
  });

  it('knows the branches a phase ends with', () => {
    expect(finalBranches(phases['02-before-fix'])).toEqual(new Set(['main', 'develop']));
    expect(finalBranches(phases['02-after-fix'])).not.toContain('hotfix/payment-timeout-fix');
    expect(finalBranches(phases['02-after-fix'])).toContain('develop');
  });
});
