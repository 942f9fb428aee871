/**
 * An exercise's checklist as the lesson shows it: the task and the goals, in the page's language,
 * straight from the exercise's data (`examples/ecommerce/exercises`), the same goals
 * `npm run check` verifies, so page and checker cannot disagree.
 */
import {exercises} from '../../../examples/ecommerce/exercises';
import {parseInlineText, type InlineText} from '../../lib/inlineText';

export interface ChecklistGoal {
  id: string;
  text: InlineText;
  /** Checked by running the exercise's tests on the committed code. */
  needsTests: boolean;
}

export interface Checklist {
  task: InlineText;
  goals: ChecklistGoal[];
}

/** The checklist of the exercise that starts from `phase`; an unknown phase fails the build, naming the known ones. */
export function exerciseChecklist(phase: string, locale: string): Checklist {
  const exercise = exercises[phase];
  if (!exercise) throw new Error(`<ExerciseGoals phase="${phase}">: no exercise starts from that phase (exercises: ${Object.keys(exercises).join(', ')})`);
  const lang = locale === 'en' ? 'en' : 'it';
  return {
    task: parseInlineText(exercise.task[lang]),
    goals: exercise.goals.map((goal) => ({id: goal.id, text: parseInlineText(goal.text[lang]), needsTests: goal.needsTests === true})),
  };
}
