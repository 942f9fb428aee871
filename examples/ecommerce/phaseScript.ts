/**
 * The one interpreter of phase histories: a phase's steps (`phases/`) as the git command lines a
 * learner would type, with the files each step writes. Real git runs them (the lesson runner's
 * parity check of every phase) and so does the sandbox's git (`packages/sandbox-git`: in the
 * sandbox at install time, in memory for the materializer and the lesson runner's expectations).
 *
 * Pure: files are named by their source under `examples/`; `inlineScript` reads them.
 */
import type {FileMap, HistoryStep, Phase} from './phases/types';

/** Write a file of the repository (from its source), or run git with these arguments. */
export type ScriptStep =
  | {write: string; source: string}
  /** `status`: the exit code git gives (1 for a merge that stops on a conflict); 0 when absent. */
  | {git: string[]; status?: number};

/** The same, with each file's content instead of its source: what the sandbox's replay reads. */
export type InlineStep = {write: string; content: string} | {git: string[]; status?: number};

const writes = (files: FileMap): ScriptStep[] => Object.entries(files).map(([write, source]) => ({write, source}));

/** The commands of one history step. */
function stepScript(step: HistoryStep): ScriptStep[] {
  switch (step.op) {
    case 'commit':
      return [
        ...writes(step.files),
        {git: ['add', ...Object.keys(step.files)]},
        {git: ['commit', '-q', ...(step.author ? [`--author=${step.author}`] : []), '-m', step.message]},
      ];
    case 'branch':
      return [{git: ['switch', '-q', '-c', step.name]}];
    case 'switch':
      return [{git: ['switch', '-q', step.name]}];
    case 'merge': {
      const noFf = step.noFastForward ? ['--no-ff'] : [];
      if (step.resolved) {
        // The merge stops on the conflict; the resolution is written, added and committed.
        return [
          {git: ['merge', ...noFf, '--no-edit', step.branch], status: 1},
          ...writes(step.resolved),
          {git: ['add', ...Object.keys(step.resolved)]},
          {git: ['commit', '-q', '-m', step.message]},
        ];
      }
      // No message: a fast-forward, which git must be able to do (`--ff-only` says so if not);
      // else the merge commit's message.
      return [{git: ['merge', ...noFf, ...(step.message === '' ? ['--ff-only'] : ['-m', step.message]), step.branch]}];
    }
    case 'tag':
      return [{git: ['tag', '-a', step.name, ...(step.target ? [step.target] : []), '-m', step.message]}];
    case 'deleteBranch':
      return [{git: ['branch', '-q', step.force ? '-D' : '-d', step.name]}];
  }
}

/** A phase's whole history as commands, from `git init` on: the repository a learner of the lesson has. */
export function phaseScript(phase: Pick<Phase, 'history' | 'identity'>): ScriptStep[] {
  return [
    {git: ['init', '-q', '-b', 'main']},
    {git: ['config', 'user.name', phase.identity.name]},
    {git: ['config', 'user.email', phase.identity.email]},
    ...phase.history.flatMap(stepScript),
  ];
}

/** The script with every file's content read (`read`: a source under `examples/` -> its text). */
export function inlineScript(steps: ScriptStep[], read: (source: string) => string): InlineStep[] {
  return steps.map((step) => ('write' in step ? {write: step.write, content: read(step.source)} : step));
}

/** A command as it would be typed (for messages). */
export function commandText(argv: string[]): string {
  return ['git', ...argv.map((arg) => (/^[\w./@=:+,-]+$/.test(arg) ? arg : JSON.stringify(arg)))].join(' ');
}
