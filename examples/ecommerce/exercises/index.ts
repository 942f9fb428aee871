/**
 * The exercise that ends each lesson, by its phase id (`NN-exercise`). One module per lesson,
 * named like it (as the phases modules); add a lesson's exercise here. The lesson page's
 * checklist, the exercise sandbox's `npm run check` / `npm run solution` and the in-page
 * playground all read these.
 */
import {featureExercise} from './01-feature-branch';
import {hotfixExercise} from './02-hotfix-workflow';
import {experimentationExercise} from './03-experimentation';
import type {Exercise} from './types';

export const exercises: Record<string, Exercise> = {
  [featureExercise.phase]: featureExercise,
  [hotfixExercise.phase]: hotfixExercise,
  [experimentationExercise.phase]: experimentationExercise,
};

/** The exercise of a lesson (`02-hotfix-workflow`), if it has one. */
export function lessonExercise(lesson: string): Exercise | undefined {
  return Object.values(exercises).find((exercise) => exercise.lesson === lesson);
}

export type {Exercise, ExerciseGoal, GoalCheck, GoalResult, Localized} from './types';
