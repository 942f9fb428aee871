/**
 * npm run bench:git: the sandbox's git against real git, on the course's own repositories.
 * Reads the built sandbox payloads (`build/sandbox/<phase>.json`, or BENCH_BUILD_DIR), writes each
 * to a temporary folder as StackBlitz does, and prints:
 *   - the install-time replay of each phase (`node .sandbox/setup.mjs`, what `npm install` runs);
 *   - each command's median time, sandbox git (`node .sandbox/sandbox-git/bin/git.js`) and real
 *     git, on lesson 02's final repository, with Node's bare start and the engine's start
 *     (`git --version`) beside them, which is where a command's time goes.
 * It prints figures; it does not pass or fail. Writes bench-results/git.json.
 *
 * Environment: BENCH_BUILD_DIR=dir (default build), BENCH_RUNS=n (default 9).
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';
import zlib from 'node:zlib';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUILD_DIR = path.resolve(SITE_DIR, process.env.BENCH_BUILD_DIR ?? 'build');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const DATE = '2026-11-27T18:00:00+01:00';
const ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_DATE: DATE,
  GIT_COMMITTER_DATE: DATE,
  GIT_EDITOR: 'true',
  LANG: 'C.UTF-8',
};
const temps = [];
const temp = (name) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-git-${name}-`));
  temps.push(dir);
  return dir;
};

/** A phase's payload written out, as StackBlitz would. */
function writePayload(phase) {
  const file = path.join(BUILD_DIR, 'sandbox', `${phase}.json`);
  if (!existsSync(file)) {
    console.error(`No ${path.relative(SITE_DIR, file)}: build the site first (npm run build), or set BENCH_BUILD_DIR.`);
    process.exit(1);
  }
  const {project} = JSON.parse(readFileSync(file, 'utf8'));
  const dir = temp(phase);
  for (const [name, contents] of Object.entries(project.files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true});
    writeFileSync(path.join(dir, name), contents);
  }
  return dir;
}

/** Milliseconds of one run of `argv` in `cwd`. */
function timeOnce(argv, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), {cwd, env: ENV, stdio: ['ignore', 'ignore', 'pipe']});
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && !argv.includes('--allow-fail')) throw new Error(`${argv.join(' ')} failed in ${cwd}: ${result.stderr}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Median over RUNS of `argv`, each run on a fresh copy of `repo` when the command changes it. */
function medianOf(argv, repo, {fresh = false, prepare} = {}) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    let cwd = repo;
    if (fresh) {
      cwd = temp('run');
      cpSync(repo, cwd, {recursive: true});
    }
    prepare?.(cwd);
    times.push(timeOnce(argv, cwd));
  }
  return median(times);
}

const phases = ['01-start', '01-after-merge', '02-before-fix', '02-after-fix', '03-experiment-popularity', '03-experiments', '03-after-adoption'];
const results = {replay: {}, commands: []};

console.log(`sandbox-git bench: median of ${RUNS} runs, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, Node ${process.version}, ${execFileSync('git', ['--version'], {encoding: 'utf8'}).trim()}\n`);
console.log('Install-time replay (node .sandbox/setup.mjs, a fresh copy each run):');
for (const phase of phases) {
  const payload = writePayload(phase);
  const ms = medianOf([process.execPath, '.sandbox/setup.mjs'], payload, {fresh: true});
  const steps = JSON.parse(readFileSync(path.join(payload, '.sandbox/history.json'), 'utf8')).steps.filter((s) => s.git).length;
  results.replay[phase] = {ms, commands: steps};
  console.log(`  ${phase.padEnd(26)} ${ms.toFixed(0).padStart(5)} ms  (${steps} git commands)`);
}

// Lesson 02's final repository, replayed once, for the commands.
const repo = writePayload('02-after-fix');
execFileSync(process.execPath, ['.sandbox/setup.mjs'], {cwd: repo, env: ENV});
const engine = [process.execPath, path.join(repo, '.sandbox/sandbox-git/bin/git.js')];
const real = ['git'];
const commands = [
  {args: ['--version']},
  {args: ['status']},
  {args: ['status', '--short']},
  {args: ['log', '--oneline']},
  {args: ['log', '--graph', '--oneline', '--all', '--decorate']},
  {args: ['branch']},
  {args: ['tag', '-n']},
  {args: ['diff', 'main', 'develop', '--stat']},
  {args: ['show', '--stat', 'hotfix-v1.0.1']},
  {args: ['switch', 'main'], fresh: true},
  {args: ['add', '.'], fresh: true, prepare: (cwd) => writeFileSync(path.join(cwd, 'NOTES.md'), 'notes\n')},
  {args: ['commit', '-m', 'docs: notes'], fresh: true, prepare: (cwd) => {
    writeFileSync(path.join(cwd, 'NOTES.md'), 'notes\n');
    execFileSync('git', ['add', 'NOTES.md'], {cwd, env: ENV});
  }},
  {args: ['switch', '-c', 'topic'], fresh: true},
  {args: ['merge', '--no-ff', '--no-edit', 'main'], fresh: true, prepare: (cwd) => execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'main moves'], {cwd: cwd, env: ENV})},
  {args: ['tag', '-a', 'v9', '-m', 'Release'], fresh: true},
];
// The same engine in-process, as the page's playground runs it: the work of a command without
// Node's start and module loading (one warm-up run first).
const {runGit} = await import(pathToFileURL(path.join(repo, '.sandbox/sandbox-git/src/cli.js')).href);
const objectsModule = await import(pathToFileURL(path.join(repo, '.sandbox/sandbox-git/src/objects.js')).href);
objectsModule.setZlib({inflate: (bytes) => zlib.inflateSync(bytes), deflate: (bytes) => zlib.deflateSync(bytes)});
async function inProcessMedian(args, {fresh = false, prepare} = {}) {
  const times = [];
  for (let i = 0; i <= RUNS; i++) {
    let cwd = repo;
    if (fresh) {
      cwd = temp('run');
      cpSync(repo, cwd, {recursive: true});
    }
    prepare?.(cwd);
    const started = process.hrtime.bigint();
    const code = await runGit(args, {fs, cwd, env: ENV, now: () => Date.now(), tzOffset: (ms) => -new Date(ms).getTimezoneOffset(), stdout: () => {}, stderr: () => {}});
    if (code !== 0) throw new Error(`in-process git ${args.join(' ')} exited ${code} in ${cwd}`);
    if (i > 0) times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}
const nodeStart = medianOf([process.execPath, '-e', '0'], repo);
console.log(`\nCommands on lesson 02's final repository (ms; "in-process": the same engine without a Node start, as in the page):\n  ${'command'.padEnd(48)} ${'sandbox'.padStart(8)} ${'in-process'.padStart(11)} ${'real git'.padStart(9)}`);
console.log(`  ${'(node -e 0: Node.js starting, nothing else)'.padEnd(48)} ${nodeStart.toFixed(0).padStart(8)} ${''.padStart(11)} ${''.padStart(9)}`);
for (const command of commands) {
  const options = {fresh: command.fresh, prepare: command.prepare};
  const sandbox = medianOf([...engine, ...command.args], repo, options);
  const inProcess = await inProcessMedian(command.args, options);
  const git = medianOf([...real, ...command.args], repo, options);
  results.commands.push({command: `git ${command.args.join(' ')}`, sandboxMs: sandbox, inProcessMs: inProcess, gitMs: git});
  console.log(`  ${`git ${command.args.join(' ')}`.padEnd(48)} ${sandbox.toFixed(0).padStart(8)} ${inProcess.toFixed(1).padStart(11)} ${git.toFixed(1).padStart(9)}`);
}
results.nodeStartMs = nodeStart;
const version = results.commands.find((c) => c.command === 'git --version').sandboxMs;
const worst = Math.max(...results.commands.map((c) => c.sandboxMs));
console.log(`\nWhere the time goes: Node's start ${nodeStart.toFixed(0)} ms; the engine's own start (modules, to git --version) ${(version - nodeStart).toFixed(0)} ms; the slowest command ${worst.toFixed(0)} ms in all, ${Math.max(...results.commands.map((c) => c.inProcessMs)).toFixed(0)} ms in-process (target < 200 ms). Replays: up to ${Math.max(...Object.values(results.replay).map((r) => r.ms)).toFixed(0)} ms (target < 3000 ms).`);
mkdirSync(path.join(SITE_DIR, 'bench-results'), {recursive: true});
writeFileSync(path.join(SITE_DIR, 'bench-results/git.json'), `${JSON.stringify(results, null, 2)}\n`);
for (const dir of temps) rmSync(dir, {recursive: true, force: true});
