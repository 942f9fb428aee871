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
  /** The lesson's own commands that meet this goal (what `npm run solution` prints). */
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
 * The kinds of state a goal can ask for. Defined with the evaluator; each kind is a pure reading
 * of the repository (refs, objects, ancestry) through the sandbox git's core, so it runs in
 * Node and in the browser alike.
 */
export type GoalCheck = {kind: string; [parameter: string]: unknown};

export interface Exercise {
  /** The lesson it ends, e.g. `02-hotfix-workflow`. */
  lesson: string;
  /** The phase the learner starts from: `NN-exercise`. */
  phase: string;
  /** The task, as the lesson states it. */
  task: Localized;
  goals: ExerciseGoal[];
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
