/**
 * Types of the course's e-commerce repository at each phase a learner can open, described once.
 *
 * A phase lists the repository's files (path in the learner's repo -> source file under
 * `examples/`) and the git history that leads there, as steps a script can replay
 * (isomorphic-git in the sandbox; the lesson runner checks the lesson's real history).
 * Lessons, sandboxes, zips and tests all read the files named here: each distinct
 * version of a file exists once under `examples/ecommerce/files/`.
 */

/** Path inside the learner's repository -> path relative to `examples/`. */
export type FileMap = Record<string, string>;

/** The committer every phase's history is written with, and the lesson's `git config user.*`. */
export interface Identity {
  name: string;
  email: string;
}

/**
 * The date of every commit and tag of the course (GIT_AUTHOR_DATE / GIT_COMMITTER_DATE): the
 * lesson runner, the sandbox's replay and the phase scripts use it, so their object ids agree.
 */
export const COURSE_DATE = '2026-11-27T18:00:00+01:00';

export type HistoryStep =
  /**
   * Stage exactly these files (added or changed) and commit them on the current branch;
   * `author` (`Name <email>`) as `git commit --author` gives it, when not the phase's identity.
   */
  | {op: 'commit'; message: string; files: FileMap; author?: string}
  /** `git switch -c name` from the current commit. */
  | {op: 'branch'; name: string}
  /** `git switch name`. */
  | {op: 'switch'; name: string}
  /**
   * `git merge branch`: fast-forward when possible, else a merge commit with `message`.
   * `noFastForward`: `git merge --no-ff`, always a merge commit (even when a fast-forward was possible).
   * `resolved`: the merge stops on a conflict in these files; the merge commit takes them with this
   * content (path in the repo -> source under `examples/`), as `git add` + `git commit --no-edit` do.
   */
  | {op: 'merge'; branch: string; message: string; noFastForward?: boolean; resolved?: FileMap}
  /**
   * `git tag -a name -m message` (an annotated tag) on the current commit, or on `target`
   * (a branch name) when given: `git tag -a name target -m message`.
   */
  | {op: 'tag'; name: string; message: string; target?: string}
  /**
   * `git branch -d name`; with `force: true`, `git branch -D name` (deletes a branch whose
   * commits are not merged: lesson 03 tags them first so they stay reachable).
   */
  | {op: 'deleteBranch'; name: string; force?: boolean};

export interface Phase {
  /** The lesson the phase belongs to, e.g. `02-hotfix-workflow`. */
  lesson: string;
  /** Who commits: the lesson's `git config user.name` / `user.email`. */
  identity: Identity;
  /**
   * The repository exactly as the lesson leaves it: the lesson runner checks the learner's end
   * state against this phase. One phase of each lesson says so.
   */
  endsLesson?: true;
  /** The repository's history up to this phase, replayed from an empty repo on `main`. */
  history: HistoryStep[];
  /** Files in the working tree that are not committed (the lesson leaves them untracked). */
  untracked: FileMap;
  /**
   * The phase's vitest tests: path inside the phase's project (e.g. `tests/payment.test.ts`)
   * -> source under `examples/`. They import the code by its repo path
   * (`../src/payment/paymentProcessor.js`), so the same bytes run in the sandbox, in a zip and
   * in the root suite (which materializes each phase to a folder first).
   */
  tests: FileMap;
  /**
   * The script `npm run demo` runs with `node` (a path of the phase's project, e.g.
   * `test-payment.js`). Omit it only when the phase has nothing to demo: its package.json
   * then has no `demo` script.
   */
  demo?: string;
  /**
   * Arguments `npm run demo` passes to the demo script, e.g. the approach files lesson 03's
   * benchmark compares (`node bench-recommendations.js src/recommendations/popularity.js`).
   * Each one is written unquoted into the npm script, so it is a plain word (letters, digits,
   * `. / _ - @ =`): a path of the phase's project or an option.
   */
  demoArgs?: readonly string[];
  /** The file the sandbox opens first. */
  openFile: string;
}
