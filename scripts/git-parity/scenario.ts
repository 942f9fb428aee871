/**
 * Runs one shell script twice, with real git and with the sandbox's git, each in a fresh folder
 * with the course's fixed environment, and compares the two journals command by command; then
 * `git fsck --strict` checks the sandbox engine's repository.
 */
import {execFile} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {runnerEnv} from '../lesson-runner/run';
import {REAL_GIT, REPO_ROOT, type EngineName} from './engines';
import {createJournal, describeDivergence, firstDivergence, readJournal, type JournalEntry} from './journal';

const run = promisify(execFile);

/**
 * The lesson runner's environment (nothing of the user's git setup, fixed dates, no editor),
 * with `pathPrefix` (the journal's shim) first on PATH.
 */
export function parityEnv(home: string, pathPrefix: string): Record<string, string> {
  const env = runnerEnv(REPO_ROOT, home);
  return {...env, PATH: [...(pathPrefix ? [pathPrefix] : []), env.PATH].join(path.delimiter)};
}

export interface EngineRun {
  engine: EngineName;
  root: string;
  journal: JournalEntry[];
  code: number;
  output: string;
}

/** Runs `script` with `bash` (not -e: scenarios check failures too) in `<root>/work`. */
export async function runWith(engine: EngineName, script: string): Promise<EngineRun> {
  const root = await mkdtemp(path.join(os.tmpdir(), `parity-${engine}-`));
  const bin = await createJournal(path.join(root, 'journal'), engine);
  const work = path.join(root, 'work');
  await run('mkdir', ['-p', work, path.join(root, 'home')]);
  const file = path.join(root, 'script.sh');
  await writeFile(file, script);
  let code = 0;
  let output = '';
  try {
    const result = await run('bash', [file], {cwd: work, env: parityEnv(path.join(root, 'home'), bin), maxBuffer: 16 * 1024 * 1024});
    output = result.stdout + result.stderr;
  } catch (error) {
    const failure = error as {code?: number; stdout?: string; stderr?: string};
    code = typeof failure.code === 'number' ? failure.code : 1;
    output = (failure.stdout ?? '') + (failure.stderr ?? '');
  }
  return {engine, root, journal: await readJournal(path.join(root, 'journal')), code, output};
}

export interface ParityResult {
  divergence: string | undefined;
  fsck: string | undefined;
  commands: number;
  reference: EngineRun;
  candidate: EngineRun;
}

/** Both engines, compared; `fsck` reports problems of the engine's repositories (every `.git` under work). */
export async function compareEngines(script: string, options: {keep?: boolean} = {}): Promise<ParityResult> {
  const [reference, candidate] = await Promise.all([runWith('git', script), runWith('sandbox-git', script)]);
  const found = firstDivergence(reference.journal, candidate.journal, {reference: reference.root, candidate: candidate.root});
  let fsck: string | undefined;
  const {stdout: gitdirs} = await run('find', [path.join(candidate.root, 'work'), '-name', '.git', '-type', 'd']);
  for (const gitdir of gitdirs.split('\n').filter(Boolean)) {
    try {
      await run(REAL_GIT, ['--git-dir', gitdir, 'fsck', '--strict', '--no-dangling'], {env: {...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null'}});
    } catch (error) {
      const failure = error as {stdout?: string; stderr?: string};
      fsck = `git fsck --strict failed on ${gitdir.replace(candidate.root, '<root>')}:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`;
    }
  }
  const result = {divergence: found ? describeDivergence(found) : undefined, fsck, commands: reference.journal.length, reference, candidate};
  if (!options.keep) await Promise.all([rm(reference.root, {recursive: true, force: true}), rm(candidate.root, {recursive: true, force: true})]);
  return result;
}
