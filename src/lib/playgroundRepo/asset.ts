/**
 * What the playground downloads for a phase after the click: `sandbox/<phase>.playground.json`,
 * written by the sandbox-projects plugin next to the StackBlitz payload. The phase's history as
 * the same script the sandbox replays at install time (files inline), the project's other files
 * (untracked files, tests, package.json: what `ls` shows in the sandbox), and what git leaves out.
 */
import type {InlineStep} from '../../../examples/ecommerce/phaseScript';

export interface PlaygroundAsset {
  phase: string;
  lesson: string;
  /** Changes whenever anything below changes: a stored repository of another version is replaced. */
  version: string;
  /** GIT_AUTHOR_DATE / GIT_COMMITTER_DATE of the replay: the commit ids equal the lesson's. */
  date: string;
  /** The phase's script, from `git init` on (the identity is the lesson's `git config`). */
  steps: InlineStep[];
  /** The project's files the history does not write (path -> text), written before the replay. */
  files: Record<string, string>;
  /** `.git/info/exclude`: the project files that are not the lesson's repository. */
  exclude: string[];
}

/** The file name of a phase's asset inside the site's `sandbox/` folder. */
export const playgroundAssetName = (phase: string) => `${phase}.playground.json`;
