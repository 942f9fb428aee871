/**
 * The course's lessons in the page's locale, for components (see index.ts). A module of its own,
 * in the chunks of the pages that list lessons, not in every page's JavaScript.
 */
import lessons from '@generated/course-lessons/default/lessons.json';
import type {CourseLesson} from './catalog';

export type {CourseLesson, InlineText} from './catalog';

export function useCourseLessons(): readonly CourseLesson[] {
  return lessons as CourseLesson[];
}
