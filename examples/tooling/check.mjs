#!/usr/bin/env node
/**
 * `npm run check` and `npm run solution` of a lesson's exercise project: reads the project's
 * repository (whatever git wrote it: the sandbox's, real git from the zip, any client) and says,
 * goal by goal, in the project's language, whether the exercise is done
 * (`.sandbox/exercise-check.mjs`, the same checker the page uses). Exit code 0 only when every
 * goal is met.
 *
 *   node .sandbox/check.mjs              one line per goal; a hint for the first unmet one
 *   node .sandbox/check.mjs --solution   the lesson's commands for the goals still unmet
 *   node .sandbox/check.mjs --json       the results as JSON (for tools and tests)
 *
 * The language is the project's (`.sandbox/exercise.json`); `LC_ALL` or `LANG` starting with
 * `it` or `en` overrides it.
 *
 * A goal with tests runs the exercise's own copy of them (from `exercise.json`, so an edited
 * `tests/` folder changes nothing) with the project's vitest, on the code of the commit the
 * goal names (develop's tip, the release), written to a temporary folder: the check judges what
 * is committed, not the working tree. Results are kept in `node_modules/.cache/exercise-check/`
 * by the commit's tree, so running the check again costs nothing until the code changes.
 */
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import zlib from 'node:zlib';
import {checkExercise} from './exercise-check.mjs';
import {setIsomorphicGitLoader, setZlib} from './sandbox-git/src/objects.js';
import {Repository} from './sandbox-git/src/repo.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.dirname(here);
const args = new Set(process.argv.slice(2));

// As bin/git.js: Node's synchronous zlib, isomorphic-git through require (packfiles only).
const require = module.createRequire(import.meta.url);
setIsomorphicGitLoader(async () => require('isomorphic-git'));
setZlib({inflate: (bytes) => zlib.inflateSync(bytes), deflate: (bytes) => zlib.deflateSync(bytes)});

/** @returns {'it' | 'en'} */
function chooseLocale(projectLocale) {
  const setting = [process.env.LC_ALL, process.env.LANG].find((value) => value !== undefined && value !== '');
  if (setting && /^it/i.test(setting)) return 'it';
  if (setting && /^en/i.test(setting)) return 'en';
  return projectLocale === 'en' ? 'en' : 'it';
}

const TEXT = {
  it: {
    summary: (met, total) => `${met} obiettivi su ${total} raggiunti.`,
    done: 'Esercizio completato: ogni obiettivo è raggiunto.',
    hint: 'Suggerimento',
    more: 'I comandi della lezione per ciò che manca: npm run solution',
    allMet: 'Ogni obiettivo è già raggiunto: non serve altro.',
    noCommands: 'nessun comando della lezione da copiare',
    failed: (reason) => `npm run check non è riuscito a leggere l’esercizio (${reason}).`,
    noVitest: 'vitest non è installato in questo progetto: lancia npm install',
    testsPassed: (n, commit) => `${n} test passano sul commit ${commit}`,
    testsFailed: (failed, total, commit, first) => `${failed} test su ${total} falliscono sul commit ${commit}${first ? `, per esempio «${first}»` : ''}`,
    testsBroken: (commit, reason) => `i test non partono sul commit ${commit} (${reason})`,
  },
  en: {
    summary: (met, total) => `${met} of ${total} goals met.`,
    done: 'Exercise complete: every goal is met.',
    hint: 'Hint',
    more: 'The lesson’s commands for what is missing: npm run solution',
    allMet: 'Every goal is already met: nothing more to do.',
    noCommands: 'no command of the lesson to copy',
    failed: (reason) => `npm run check could not read the exercise (${reason}).`,
    noVitest: 'vitest is not installed in this project: run npm install',
    testsPassed: (n, commit) => `${n} tests pass on commit ${commit}`,
    testsFailed: (failed, total, commit, first) => `${failed} of ${total} tests fail on commit ${commit}${first ? `, for example “${first}”` : ''}`,
    testsBroken: (commit, reason) => `the tests do not start on commit ${commit} (${reason})`,
  },
};

const both = (make) => ({it: make(TEXT.it), en: make(TEXT.en)});

/** The exercise's tests on a commit's code (see the header). */
function testRunner(data) {
  const ctx = {fs, cwd: project.replace(/\\/g, '/'), env: {}, now: () => Date.now(), tzOffset: () => 0, stdout: () => {}, stderr: () => {}};
  const vitest = path.join(project, 'node_modules', 'vitest', 'vitest.mjs');
  const cacheDir = process.env.EXERCISE_CHECK_CACHE ?? path.join(project, 'node_modules', '.cache', 'exercise-check');
  return async (_goal, {commit}) => {
    const short = commit.slice(0, 7);
    if (!fs.existsSync(vitest)) return {passed: false, found: both((t) => t.noVitest)};
    const repo = await Repository.open(ctx);
    const {tree} = await repo.objects.commit(commit);
    const key = createHash('sha1').update(`${data.testsHash} ${tree}`).digest('hex');
    const cached = path.join(cacheDir, `${key}.json`);
    let summary;
    try {
      summary = JSON.parse(fs.readFileSync(cached, 'utf8'));
    } catch {
      summary = await runVitest(repo, commit, data.tests, vitest);
      if (summary.total !== undefined) {
        fs.mkdirSync(cacheDir, {recursive: true});
        fs.writeFileSync(cached, JSON.stringify(summary));
      }
    }
    if (summary.broken !== undefined) return {passed: false, found: both((t) => t.testsBroken(short, summary.broken))};
    if (summary.failed === 0 && summary.total > 0) return {passed: true, found: both((t) => t.testsPassed(summary.total, short))};
    return {passed: false, found: both((t) => t.testsFailed(summary.failed, summary.total, short, summary.first))};
  };
}

/** Writes the commit's files and the tests to a temporary folder and runs vitest there once. */
async function runVitest(repo, commit, tests, vitest) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exercise-check-'));
  try {
    for (const [file, {mode, oid}] of await repo.commitFiles(commit)) {
      if (mode === '120000' || mode === '160000') continue;
      fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
      fs.writeFileSync(path.join(dir, file), await repo.objects.blob(oid));
    }
    for (const [file, text] of Object.entries(tests)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
      fs.writeFileSync(path.join(dir, file), text);
    }
    // The project's package.json (CommonJS code) and dependencies, as `npm test` has them.
    const pkg = path.join(project, 'package.json');
    fs.writeFileSync(path.join(dir, 'package.json'), fs.existsSync(pkg) ? fs.readFileSync(pkg) : '{"type": "commonjs"}\n');
    fs.symlinkSync(path.join(project, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
    const report = path.join(dir, '.vitest-report.json');
    const output = await new Promise((resolve) => {
      const child = spawn(process.execPath, [vitest, 'run', '--reporter=json', `--outputFile=${report}`], {cwd: dir, env: {...process.env, NO_COLOR: '1', CI: '1'}});
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.on('close', () => resolve(text));
      child.on('error', (error) => resolve(error.message));
    });
    let result;
    try {
      result = JSON.parse(fs.readFileSync(report, 'utf8'));
    } catch {
      const line = output.split('\n').map((l) => l.trim()).find((l) => /error/i.test(l)) ?? 'vitest';
      return {broken: line.slice(0, 200)};
    }
    const files = result.testResults ?? [];
    // A test file that does not load (a syntax error, a missing module) has no assertions: one failure.
    const brokenFiles = files.filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0);
    const failedAssertion = files.flatMap((file) => file.assertionResults ?? []).find((a) => a.status === 'failed');
    const failed = (result.numFailedTests ?? 0) + brokenFiles.length;
    return {
      total: (result.numTotalTests ?? 0) + brokenFiles.length,
      failed: result.success === false && failed === 0 ? 1 : failed,
      first: failedAssertion?.fullName ?? (brokenFiles[0] ? path.relative(dir, brokenFiles[0].name) : undefined),
    };
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

async function main() {
  const data = JSON.parse(fs.readFileSync(path.join(here, 'exercise.json'), 'utf8'));
  const locale = chooseLocale(data.locale);
  const t = TEXT[locale];
  const {exercise} = data;
  const results = await checkExercise(exercise, {fs, dir: project, runTests: testRunner(data)});
  if (args.has('--json')) {
    console.log(JSON.stringify(results, null, 2));
  } else if (args.has('--solution')) {
    const unmet = exercise.goals.filter((goal, i) => results[i].status !== 'met');
    if (unmet.length === 0) console.log(t.allMet);
    for (const goal of unmet) {
      console.log(`# ✘ ${goal.text[locale]}`);
      console.log(goal.solution.length > 0 ? goal.solution.join('\n') : `# (${t.noCommands}: ${goal.hint[locale]})`);
      console.log('');
    }
  } else {
    const mark = {met: '✔', unmet: '✘', skipped: '–'};
    results.forEach((result, i) => console.log(`${mark[result.status]} ${exercise.goals[i].text[locale]} — ${result.found[locale]}`));
    const firstUnmet = results.findIndex((result) => result.status !== 'met');
    const met = results.filter((result) => result.status === 'met').length;
    console.log('');
    if (firstUnmet === -1) console.log(t.done);
    else {
      console.log(`${t.hint}: ${exercise.goals[firstUnmet].hint[locale]}`);
      console.log(t.summary(met, results.length));
      console.log(t.more);
    }
  }
  // --solution only prints; the check and --json say by their exit code whether it is done.
  if (!args.has('--solution') && results.some((result) => result.status !== 'met')) process.exitCode = 1;
}

main().catch((error) => {
  let locale = 'it';
  try {
    locale = chooseLocale(JSON.parse(fs.readFileSync(path.join(here, 'exercise.json'), 'utf8')).locale);
  } catch {
    locale = chooseLocale(undefined);
  }
  console.error(TEXT[locale].failed((error instanceof Error ? error.message : String(error)).split('\n')[0]));
  process.exitCode = 2;
});
