/**
 * The end state each lesson promises: the phase of `examples/ecommerce/phases` marked
 * `endsLesson: true` for that lesson. Nothing to register: a lesson's phases module says it.
 * Next to this file, `<lesson>.files.txt` records the files the lesson leaves (written by
 * `npm run lessons:update`).
 */
import {phases as coursePhases} from '../../../examples/ecommerce/phases';
import type {Phase} from '../../../examples/ecommerce/phases/types';

/** The phases module a lesson's phases belong in. */
export const phasesModule = (lesson: string): string => `examples/ecommerce/phases/${lesson}.ts`;

/** The ids of the phases that end `lesson` (exactly one when the lesson is complete). */
export function endPhaseIds(lesson: string, phases: Record<string, Phase> = coursePhases): string[] {
  return Object.entries(phases)
    .filter(([, phase]) => phase.lesson === lesson && phase.endsLesson)
    .map(([id]) => id);
}

/** What is wrong with the lesson's end phase, in words naming the file to change; undefined if nothing. */
export function endPhaseProblem(lesson: string, phases: Record<string, Phase> = coursePhases): string | undefined {
  const ids = endPhaseIds(lesson, phases);
  if (ids.length === 1) return undefined;
  if (ids.length === 0) {
    return (
      `${lesson}: no phase ends the lesson: in ${phasesModule(lesson)} (registered in examples/ecommerce/phases/index.ts), ` +
      `describe the repository the lesson leaves as a phase with \`lesson: '${lesson}', endsLesson: true\``
    );
  }
  return `${lesson}: several phases end the lesson (${ids.join(', ')}): keep \`endsLesson: true\` on one, in ${phasesModule(lesson)}`;
}

/**
 * The lesson's end phase, for the runner, or undefined when there is not exactly one
 * (`endPhaseProblem` says why).
 */
export function expectationFor(
  lesson: string,
  phases: Record<string, Phase> = coursePhases,
): {phaseId: string; phase: Phase} | undefined {
  const [id, ...others] = endPhaseIds(lesson, phases);
  return id === undefined || others.length > 0 ? undefined : {phaseId: id, phase: phases[id]!};
}
