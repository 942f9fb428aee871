/** Finds every lesson of `docs/lessons/` and its English translation (the course's catalog). */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {COURSE_LOCALES, LESSON_DIRS, lessonFileNames} from '../../src/plugins/course-lessons/catalog';
import type {LessonFile} from './run';

export interface DiscoveredLesson {
  lesson: string;
  files: LessonFile[];
  /** Locales whose file is missing (a lesson must exist in both). */
  missing: string[];
}

export function discoverLessons(repoRoot: string): DiscoveredLesson[] {
  return lessonFileNames(repoRoot).map((name) => {
    const lesson = name.replace(/\.mdx?$/, '');
    const files: LessonFile[] = [];
    const missing: string[] = [];
    for (const locale of COURSE_LOCALES) {
      const file = path.join(repoRoot, LESSON_DIRS[locale], name);
      if (existsSync(file)) files.push({lesson, locale, file});
      else missing.push(locale);
    }
    return {lesson, files, missing};
  });
}
