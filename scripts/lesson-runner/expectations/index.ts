/**
 * The end state each lesson promises, by lesson file name (without `.mdx`). One module per
 * lesson; add a line here when a lesson lands (the runner fails and says so otherwise).
 */
import {phases} from '../../../examples/ecommerce/phases';
import type {Phase} from '../../../examples/ecommerce/phases/types';
import type {LessonExpectation} from '../final-state';
import hotfixWorkflow from './02-hotfix-workflow';

export const expectations: Record<string, LessonExpectation> = {
  '02-hotfix-workflow': hotfixWorkflow,
};

/** The lesson's expectation with its phase resolved, or undefined when the lesson declares none. */
export function expectationFor(lesson: string): {phaseId: string; phase: Phase} | undefined {
  const expectation = expectations[lesson];
  if (!expectation) return undefined;
  const phase = (phases as Record<string, Phase>)[expectation.phase];
  if (!phase) throw new Error(`expectations/${lesson}: unknown phase '${expectation.phase}'`);
  return {phaseId: expectation.phase, phase};
}
