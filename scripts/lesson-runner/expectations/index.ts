/**
 * The end state each lesson promises, by lesson file name (without `.mdx`). One module per
 * lesson; add a line here when a lesson lands (the runner fails and says so otherwise).
 */
import {phases} from '../../../examples/ecommerce/phases';
import type {Phase} from '../../../examples/ecommerce/phases/types';
import type {LessonExpectation} from '../final-state';
import featureBranch from './01-feature-branch';
import hotfixWorkflow from './02-hotfix-workflow';
import experimentation from './03-experimentation';

export const expectations: Record<string, LessonExpectation> = {
  '01-feature-branch': featureBranch,
  '02-hotfix-workflow': hotfixWorkflow,
  '03-experimentation': experimentation,
};

/**
 * The lesson's expectation with its phase resolved (`phase` undefined when the phase does not
 * exist: the runner says so if the lesson runs), or undefined when the lesson declares none.
 */
export function expectationFor(lesson: string): {phaseId: string; phase?: Phase} | undefined {
  const expectation = expectations[lesson];
  if (!expectation) return undefined;
  return {phaseId: expectation.phase, phase: (phases as Record<string, Phase>)[expectation.phase]};
}
