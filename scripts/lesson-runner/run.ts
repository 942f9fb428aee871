/**
 * Runs one lesson file as a learner would: its bash blocks in page order, each with `bash -e`,
 * in one fresh temporary folder (the working directory carries over from block to block), with
 * the course's deterministic environment; checks every gitGraph diagram and `text gitlog` block
 * against the repository at its position; then the end state against the lesson's expectations.
 */
import {spawn} from 'node:child_process';
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {createPatch} from 'diff';
import type {ReadExample} from '../../src/plugins/remark-examples/expand';
import {COURSE_DATE, type Phase} from '../../examples/ecommerce/phases/types';
import type {EngineName} from '../git-parity/engines';
import {createJournal, readJournal, type JournalEntry} from '../git-parity/journal';
import {compareHistories} from './compare';
import {extractLesson, firstLine} from './extract';
import {checkFinalState, compareFileRecords, fileRecord, phaseSources, repositoryFingerprint} from './final-state';
import {gitLogGraph, normalizeLog, readGitHistory, repositoryRoot, type Env} from './git-state';
import {GitGraphError, parseGitGraph} from './gitgraph';

/** The date of every commit the lessons make: the course's one date (phases, sandboxes). */
export const FIXED_DATE = COURSE_DATE;

/** The environment of COMMON.md: nothing of the user's setup leaks into the lesson. */
export function runnerEnv(repoRoot: string, home: string): Env {
  const pathEntries = (process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin')
    .split(path.delimiter)
    .filter((entry) => !entry.includes(`node_modules${path.sep}.bin`));
  return {
    PATH: pathEntries.join(path.delimiter),
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_EDITOR: 'true',
    GIT_AUTHOR_DATE: FIXED_DATE,
    GIT_COMMITTER_DATE: FIXED_DATE,
    TZ: 'UTC',
    LANG: 'C.UTF-8',
    NODE_OPTIONS: `--require ${path.join(repoRoot, 'examples/tooling/fast-clock.cjs')}`,
  };
}

export interface LessonFile {
  /** e.g. `02-hotfix-workflow`. */
  lesson: string;
  /** `it`, `en`. */
  locale: string;
  file: string;
  /** The file's text; read from `file` when absent. */
  mdx?: string;
}

export interface GitlogUpdate {
  file: string;
  bodyStart: number;
  bodyEnd: number;
  indent: string;
  text: string;
}

export interface LessonRun {
  label: string;
  locale: string;
  ran: number;
  /** gitGraph diagrams and `text gitlog` blocks checked. */
  diagrams: number;
  gitlogs: number;
  /** Wall time of each bash block that ran. */
  blockTimes: Array<{index: number; line: number; ms: number}>;
  /** "skipped (norun): ..." lines: nothing is skipped silently. */
  skipped: string[];
  /** Things worth printing that are not failures (e.g. "no bash block"). */
  notes: string[];
  failures: string[];
  gitlogUpdates: GitlogUpdate[];
  /** In update mode: the file record to write when it changed. */
  recordUpdate?: {file: string; text: string};
  /** Refs, HEAD and working tree at the end, to compare locales. */
  fingerprint?: string;
  /** The engine that ran the lesson's `git` commands. */
  engine: EngineName;
  /** With `journal`: every git command the blocks ran, with its result (see git-parity/journal.ts). */
  journal?: JournalEntry[];
  /** The run's temporary root (already removed), to normalize paths in journals. */
  root?: string;
  ms: number;
}

export interface RunOptions {
  repoRoot: string;
  readExample: ReadExample;
  /** The end state the lesson promises; undefined when the lesson declares none. */
  expectation?: {phaseId: string; phase?: Phase};
  /**
   * File listing every file the lesson leaves with its blob hash (see `fileRecord`); a change
   * names the file. Undefined: not checked.
   */
  recordFile?: string;
  /** Collect `text gitlog` rewrites (and the file record) instead of failing on them. */
  update?: boolean;
  blockTimeoutMs?: number;
  /**
   * The `git` the bash blocks run: real git (default) or the sandbox's (`sandbox-git`, put first
   * on PATH); the runner reads the repository with real git either way.
   */
  engine?: EngineName;
  /** Record every git command (arguments, output, exit code, state after it) for a parity check. */
  journal?: boolean;
}

const tail = (text: string, lines: number): string => text.replace(/\s+$/, '').split('\n').slice(-lines).join('\n');
const indentBlock = (text: string): string => text.split('\n').map((line) => `    ${line}`).join('\n');

interface BlockResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function runBash(script: string, cwd: string, env: Env, timeoutMs: number): Promise<BlockResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', script], {cwd, env, stdio: ['ignore', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({code, signal, stdout, stderr, timedOut});
    });
  });
}

/** Branch names a block deletes with `git branch -d/-D/--delete [--force] name...`. */
export function deletedBranches(code: string): string[] {
  const names: string[] = [];
  for (const line of code.split('\n')) {
    const match = /^\s*git\s+branch\s+((?:-[dD]|--delete)(?:\s+(?:-f|--force))?)\s+([^#;&|]+)/.exec(line);
    if (!match) continue;
    names.push(...match[2]!.trim().split(/\s+/).filter((name) => !name.startsWith('-')));
  }
  return names;
}

/** Explains a gitlog difference; hashes alone differing means content changed, not the graph. */
function gitlogHint(expected: string, actual: string): string {
  const withoutHashes = (text: string): string => text.replace(/\b[0-9a-f]{7,40}\b/g, '#######');
  if (withoutHashes(expected) === withoutHashes(actual)) {
    // The oldest line that differs names the first commit whose content changed.
    const e = expected.split('\n');
    const a = actual.split('\n');
    let first = '';
    for (let i = e.length - 1; i >= 0; i--) {
      if (e[i] !== a[i]) {
        first = /\b[0-9a-f]{7,40}\b (?:\([^)]*\) )?(.*)$/.exec(a[i]!)?.[1] ?? '';
        break;
      }
    }
    return (
      `only the commit hashes differ, from ${JSON.stringify(first)} on: that commit's files, message ` +
      'or date changed (for example a file in examples/ that the lesson commits). If the change is ' +
      'intended, run `npm run lessons:update`.'
    );
  }
  return 'if the new history is right, run `npm run lessons:update` to write git\'s output into the lesson.';
}

export async function runLesson(lessonFile: LessonFile, options: RunOptions): Promise<LessonRun> {
  const started = performance.now();
  const engine = options.engine ?? 'git';
  const label = `${lessonFile.lesson} [${lessonFile.locale}]${engine === 'git' ? '' : ` (${engine})`}`;
  const result: LessonRun = {
    label,
    engine,
    locale: lessonFile.locale,
    ran: 0,
    diagrams: 0,
    gitlogs: 0,
    blockTimes: [],
    skipped: [],
    notes: [],
    failures: [],
    gitlogUpdates: [],
    ms: 0,
  };
  // The same object, so that the journal read on the way out (finally, below) is in it.
  const finish = (): LessonRun => {
    result.ms = Math.round(performance.now() - started);
    return result;
  };

  const mdx = lessonFile.mdx ?? (await readFile(lessonFile.file, 'utf8'));
  let items;
  try {
    items = extractLesson(mdx, options.readExample);
  } catch (error) {
    result.failures.push(`${label}: cannot read the lesson: ${(error as Error).message}`);
    return finish();
  }
  for (const item of items) {
    if (item.kind === 'bash' && item.norun) {
      result.skipped.push(
        `skipped (norun): ${lessonFile.lesson} [${lessonFile.locale}] block ${item.index}, first line: ${firstLine(item.code)}`,
      );
    }
  }
  if (!items.some((item) => item.kind === 'bash' && !item.norun)) {
    result.notes.push(`${label}: no bash block to run (nothing checked)`);
    return finish();
  }

  const tmp = await mkdtemp(path.join(os.tmpdir(), `lesson-${lessonFile.lesson}-${lessonFile.locale}-${engine}-`));
  const journalDir = path.join(tmp, 'journal');
  try {
    const home = path.join(tmp, 'home');
    const work = path.join(tmp, 'work');
    const blocks = path.join(tmp, 'blocks');
    await Promise.all([mkdir(home), mkdir(work), mkdir(blocks)]);
    const env = runnerEnv(options.repoRoot, home);
    result.root = tmp;
    if (options.journal || engine !== 'git') {
      // The shim records each command when asked, and runs the lesson's engine.
      env.PATH = `${await createJournal(journalDir, engine)}${path.delimiter}${env.PATH}`;
    }
    const cwdFile = path.join(tmp, 'cwd');
    // Sourced by bash before each block (and only there): remembers where the block ends.
    const bashEnv = path.join(tmp, 'bash-env');
    await writeFile(bashEnv, `unset BASH_ENV\ntrap 'pwd > ${JSON.stringify(cwdFile)}' EXIT\n`);
    let cwd = work;
    /** Branches deleted by the blocks run so far. */
    const deleted = new Set<string>();

    for (const item of items) {
      if (item.kind === 'bash') {
        const where = `${label} bash block ${item.index} (line ${item.line}: ${firstLine(item.code)})`;
        if (item.norun) continue;
        const script = path.join(blocks, `bash-block-${item.index}.sh`);
        await writeFile(script, item.code + '\n');
        const blockStarted = performance.now();
        const run = await runBash(script, cwd, {...env, BASH_ENV: bashEnv}, options.blockTimeoutMs ?? 30_000);
        result.ran++;
        result.blockTimes.push({index: item.index, line: item.line, ms: Math.round(performance.now() - blockStarted)});
        if (run.code !== 0 || run.timedOut) {
          const why = run.timedOut ? 'timed out' : `exited with ${run.code ?? run.signal}`;
          const output = run.stderr.trim() !== '' ? `stderr (last lines):\n${indentBlock(tail(run.stderr, 15))}` : '';
          const out = `stdout (last lines):\n${indentBlock(tail(run.stdout, 8))}`;
          result.failures.push(`${where} ${why}\n${output}\n${out}`);
          return finish();
        }
        cwd = (await readFile(cwdFile, 'utf8')).trim();
        for (const name of deletedBranches(item.code)) deleted.add(name);
        continue;
      }

      const repo = await repositoryRoot(cwd, env);
      if (item.kind === 'gitGraph') {
        result.diagrams++;
        let where = `${label} diagram ${item.index} (line ${item.line})`;
        try {
          const diagram = parseGitGraph(item.source);
          if (diagram.accTitle) where = `${label} diagram ${item.index} "${diagram.accTitle}" (line ${item.line})`;
          if (!repo) {
            result.failures.push(`${where}: no git repository exists at this point of the lesson (cwd ${cwd})`);
            continue;
          }
          const actual = await readGitHistory(repo, env);
          const problems = compareHistories(diagram.history, actual, {
            source: 'the diagram',
            deleted: new Set([...deleted, ...diagram.deleted]),
          });
          for (const problem of problems) result.failures.push(`${where}: ${problem}`);
        } catch (error) {
          if (!(error instanceof GitGraphError)) throw error;
          result.failures.push(`${where}: cannot parse the diagram: ${error.message}`);
        }
        continue;
      }

      // text gitlog
      result.gitlogs++;
      const where = `${label} gitlog block ${item.index} (line ${item.line})`;
      if (!repo) {
        result.failures.push(`${where}: no git repository exists at this point of the lesson`);
        continue;
      }
      const actualLog = await gitLogGraph(repo, env, engine);
      const expectedLog = normalizeLog(item.text);
      if (actualLog !== expectedLog) {
        if (options.update) {
          result.gitlogUpdates.push({
            file: lessonFile.file,
            bodyStart: item.bodyStart,
            bodyEnd: item.bodyEnd,
            indent: item.indent,
            text: actualLog,
          });
        } else {
          const command = 'git log --graph --oneline --all --decorate';
          const patch = createPatch('gitlog', `${expectedLog}\n`, `${actualLog}\n`, 'in the lesson', command)
            .split('\n')
            .slice(2)
            .join('\n');
          result.failures.push(
            `${where} differs from git:\n${indentBlock(patch.trimEnd())}\n    → ${gitlogHint(expectedLog, actualLog)}`,
          );
        }
      }
    }

    const repo = await repositoryRoot(cwd, env);
    if (!repo) {
      result.failures.push(`${label}: the lesson ends outside a git repository (cwd ${cwd})`);
      return finish();
    }
    result.fingerprint = await repositoryFingerprint(repo, env);
    if (options.recordFile) {
      const record = await fileRecord(repo, env);
      const recorded = await readFile(options.recordFile, 'utf8').catch(() => undefined);
      const recordName = path.relative(options.repoRoot, options.recordFile);
      if (options.update) {
        if (recorded !== record) result.recordUpdate = {file: options.recordFile, text: record};
      } else if (recorded === undefined) {
        result.failures.push(`${label}: ${recordName} does not exist yet: run \`npm run lessons:update\` to record the files the lesson creates`);
      } else {
        const phase = options.expectation?.phase;
        for (const problem of compareFileRecords(recorded, record, recordName, phase ? await phaseSources(phase, options.readExample) : undefined)) {
          result.failures.push(
            `${label} end of lesson: ${problem}. A file the lesson creates (from examples/) changed: ` +
              'if that is intended, run `npm run lessons:update`.',
          );
        }
      }
    }
    if (!options.expectation) {
      result.failures.push(
        `${label}: no expectations for the end of the lesson: add scripts/lesson-runner/expectations/` +
          `${lessonFile.lesson}.ts (naming its final phase in examples/ecommerce/phases) and register it in expectations/index.ts`,
      );
    } else if (!options.expectation.phase) {
      result.failures.push(
        `${label}: scripts/lesson-runner/expectations/${lessonFile.lesson}.ts names the phase ` +
          `'${options.expectation.phaseId}', which examples/ecommerce/phases does not define`,
      );
    } else {
      const problems = await checkFinalState(
        repo,
        env,
        options.expectation.phaseId,
        options.expectation.phase,
        options.readExample,
      );
      for (const problem of problems) result.failures.push(`${label} end of lesson: ${problem}`);
    }
    return finish();
  } finally {
    // Failed runs too: the journal is what tells where an engine went another way.
    if (options.journal) result.journal = await readJournal(journalDir);
    await rm(tmp, {recursive: true, force: true});
  }
}

/** Rewrites `text gitlog` block bodies (pure: returns the new file text). */
export function applyGitlogUpdates(mdx: string, updates: Omit<GitlogUpdate, 'file'>[]): string {
  const lines = mdx.split('\n');
  // Bottom-up so earlier line numbers stay valid.
  for (const update of [...updates].sort((a, b) => b.bodyStart - a.bodyStart)) {
    const body = update.text.split('\n').map((line) => (line === '' ? line : update.indent + line));
    lines.splice(update.bodyStart - 1, update.bodyEnd - update.bodyStart + 1, ...body);
  }
  return lines.join('\n');
}
