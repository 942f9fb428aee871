/**
 * The exercise that ends each lesson: the phase where the learner takes over (`NN-exercise`) and
 * its goals, described once. The lesson's checklist (both locales), `npm run check` and
 * `npm run solution` in the exercise's sandbox, and the in-page playground's checklist all read
 * these goals, so page and checker cannot disagree.
 *
 * Goals are about the repository's final state, never about the commands typed: any correct
 * route passes.
 */

/** A text in both of the course's languages. */
export interface Localized {
  it: string;
  en: string;
}

export interface ExerciseGoal {
  /** Stable id, e.g. `release-tag`: tests and the page name goals by it. */
  id: string;
  /** The checklist line: what must be true at the end. */
  text: Localized;
  /** For the first unmet goal: the kind of command to use, never the whole solution. */
  hint: Localized;
  /**
   * The lesson's own commands that meet this goal, verbatim (what `npm run solution` prints; a
   * test finds each in the lesson's bash blocks). A heredoc's body may be an `%include <path
   * under examples/>` line, as in the lesson's fences: `expandSolution` puts the file in.
   */
  solution: string[];
  /**
   * The goal is checked by running the phase's tests on the learner's code (Node only): where
   * tests cannot run (the page's playground), the checklist says to run them in the sandbox.
   */
  needsTests?: true;
  /** What the checker verifies, as data its evaluator interprets (`examples/tooling/exercise-check.mjs`). */
  check: GoalCheck;
}

/**
 * The release of a hotfix: the commit `tag` names when it is on `branch`, else `branch`'s tip
 * once it has moved from where the learner took over. (The lesson tags the hotfix branch before
 * a fast-forward; git-flow tags `main` after a `--no-ff` merge: both name a commit of `main`.)
 */
export interface ReleaseRef {
  tag: string;
  branch: string;
}

/** The commit a `tests` goal runs the exercise's tests on. */
export type TestedCommit = {branch: string} | {release: ReleaseRef};

/**
 * The kinds of state a goal can ask for, interpreted by `examples/tooling/exercise-check.mjs`.
 * Each kind is a pure reading of the repository (refs, objects, ancestry) through the sandbox
 * git's core, so it runs in Node and in the browser alike. Branch names are the exercise's
 * (`start` has their tips where the learner took over); paths are repository paths.
 */
export type GoalCheck =
  /** No merge, cherry-pick or rebase left half done, and HEAD on a branch. */
  | {kind: 'clean-state'}
  /** No branch is left but these (the work branches were deleted once merged or archived). */
  | {kind: 'only-branches'; branches: string[]}
  /** `branch` is still where the learner took over. */
  | {kind: 'unchanged'; branch: string}
  /** The exercise's tests pass on the code of that commit (`needsTests`). */
  | {kind: 'tests'; at: TestedCommit}
  /**
   * `path` entered `into` through a merge commit (`--no-ff`): on `into`'s first-parent line, a
   * merge whose first parent lacks `path` and whose second parent has it.
   */
  | {kind: 'merged-no-ff'; into: string; path: string}
  /**
   * The branch that brought `path` into `into` contained `into`'s tip of the take-over first:
   * it was brought up to date (and its conflicts resolved) before it was merged.
   */
  | {kind: 'synced-before-merge'; into: string; path: string}
  /** The release exists and has none of `branch`'s work in progress: not its commits, not these paths. */
  | {kind: 'release-excludes'; release: ReleaseRef; branch: string; paths: string[]}
  /** `release.tag` is an annotated tag on a commit of `release.branch` that changes `changes`. */
  | {kind: 'annotated-release-tag'; release: ReleaseRef; changes: string}
  /** `branch` contains the release. */
  | {kind: 'contains-release'; branch: string; release: ReleaseRef}
  /** `branch` still has its commits of the take-over, and these paths. */
  | {kind: 'keeps-work'; branch: string; paths: string[]}
  /**
   * For each path, a commit adds it on a line that starts from `from`'s tip of the take-over,
   * without the other paths: one independent experiment per approach.
   */
  | {kind: 'independent-experiments'; from: string; paths: string[]}
  /** `branch` has no `path`. */
  | {kind: 'absent'; branch: string; path: string}
  /** An annotated tag named `prefix...` on a commit that has `path`. */
  | {kind: 'archive-tag'; prefix: string; path: string};

export type GoalKind = GoalCheck['kind'];

export interface Exercise {
  /** The lesson it ends, e.g. `02-hotfix-workflow`. */
  lesson: string;
  /** The phase the learner starts from: `NN-exercise`. */
  phase: string;
  /** The task, as the lesson states it. */
  task: Localized;
  goals: ExerciseGoal[];
  /**
   * Each branch's commit (full id) where the learner takes over: the phase's history as the
   * sandbox's git and real git build it (a test replays the phase and compares).
   */
  start: Record<string, string>;
  /**
   * The tests `needsTests` goals run (project path -> source under `examples/`): in the
   * exercise's project they are in `tests/`, so `npm test` shows them failing until the work is
   * done; the checker runs its own copy, on the committed code of the goal's commit.
   */
  tests: Record<string, string>;
}

/**
 * One goal as the checker found it: `found` says what it saw (a sentence in each language), met
 * or not, so a learner with an odd repository (no commits, detached HEAD, a merge in progress) is
 * told what is there, never shown a stack trace.
 */
export interface GoalResult {
  id: string;
  /** `'skipped'`: a `needsTests` goal where no test runner was given (the page's playground). */
  status: 'met' | 'unmet' | 'skipped';
  found: Localized;
}
