/**
 * Checks one lesson in all its locales: runs each, compares the repositories they leave
 * (both languages must build the same commits and files), and in update mode rewrites the
 * `text gitlog` blocks with git's output.
 */
import {readFile, writeFile} from 'node:fs/promises';
import {createPatch} from 'diff';
import {describeDivergence, firstDivergence} from '../git-parity/journal';
import {applyGitlogUpdates, runLesson, type LessonFile, type LessonRun, type RunOptions} from './run';

export interface LessonCheck {
  lesson: string;
  runs: LessonRun[];
  failures: string[];
  /** Lines to print: timings, norun blocks, notes, rewritten files. */
  report: string[];
  ms: number;
}

export async function checkLesson(
  lesson: string,
  files: LessonFile[],
  options: RunOptions & {
    /**
     * Also run every locale with the sandbox's git and require the same result as real git for
     * every command (output, exit code, repository state): the parity of the two engines.
     */
    parity?: boolean;
  },
): Promise<LessonCheck> {
  const started = performance.now();
  const {parity, ...runOptions} = options;
  // Locales (and engines) run side by side: each has its own temporary folder.
  const runs = await Promise.all(files.map((file) => runLesson(file, {...runOptions, journal: parity === true})));
  // In update mode the file record is being written by the real-git runs: the engine's runs
  // cannot check against it yet (a new lesson has none), and their repository must equal real git's anyway.
  const engineOptions = {blockTimeoutMs: 120_000, ...runOptions, update: false, engine: 'sandbox-git' as const, journal: true, ...(options.update ? {recordFile: undefined} : {})};
  const engineRuns = parity ? await Promise.all(files.map((file) => runLesson(file, engineOptions))) : [];
  const failures = [...runs, ...engineRuns].flatMap((run) => run.failures);
  for (const [i, engineRun] of engineRuns.entries()) {
    const reference = runs[i]!;
    const found = firstDivergence(reference.journal ?? [], engineRun.journal ?? [], {reference: reference.root ?? '', candidate: engineRun.root ?? ''});
    if (found) failures.push(`${reference.label}: the sandbox's git does not do what real git does at ${describeDivergence(found)}`);
    else if (engineRun.fingerprint !== reference.fingerprint && engineRun.failures.length === 0) {
      failures.push(`${reference.label}: the sandbox's git leaves another repository than real git (refs, HEAD, working tree)`);
    }
  }
  const report: string[] = [];
  for (const run of [...runs, ...engineRuns]) {
    report.push(
      `${run.label}: ${run.ran} bash block(s) run, ${run.diagrams} diagram(s) and ${run.gitlogs} gitlog block(s) ` +
        `checked in ${run.ms} ms`,
    );
    report.push(...run.skipped.map((line) => `  ${line}`), ...run.notes.map((line) => `  ${line}`));
    for (const block of run.blockTimes.filter((b) => b.ms >= 1000)) {
      report.push(`  slow: bash block ${block.index} (line ${block.line}) took ${block.ms} ms`);
    }
    if (run.journal) report.push(`  ${run.journal.length} git command(s) journaled`);
  }

  // Only meaningful when each locale passed on its own: otherwise its failures say more.
  const finished = failures.length > 0 ? [] : runs.filter((run) => run.fingerprint !== undefined);
  for (const run of finished.slice(1)) {
    const reference = finished[0]!;
    if (run.fingerprint !== reference.fingerprint) {
      const patch = createPatch('repository', `${reference.fingerprint!}\n`, `${run.fingerprint!}\n`, reference.label, run.label)
        .split('\n')
        .slice(2)
        .join('\n');
      failures.push(
        `${lesson}: ${reference.label} and ${run.label} leave different repositories ` +
          `(refs, HEAD, working tree):\n${patch.trimEnd()}`,
      );
    }
  }

  if (options.update) {
    for (const file of new Set(runs.flatMap((run) => run.gitlogUpdates.map((update) => update.file)))) {
      const updates = runs.flatMap((run) => run.gitlogUpdates).filter((update) => update.file === file);
      const before = await readFile(file, 'utf8');
      await writeFile(file, applyGitlogUpdates(before, updates));
      report.push(`  rewrote ${updates.length} gitlog block(s) in ${file}`);
    }
    // Locales leave the same files (checked above when not updating): the first record wins.
    const record = runs.find((run) => run.recordUpdate)?.recordUpdate;
    if (record) {
      await writeFile(record.file, record.text);
      report.push(`  recorded the lesson's files in ${record.file}`);
    }
  }
  return {lesson, runs, failures, report, ms: Math.round(performance.now() - started)};
}
