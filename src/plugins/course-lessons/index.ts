/**
 * Docusaurus plugin: the course's lessons (see catalog.ts) as one generated module per locale,
 * `@generated/course-lessons/default/lessons.json`, which only the components that list the
 * lessons import (client.ts): the home page's cards and the course index's table. The footer's
 * links come from the same catalog, in docusaurus.config.ts.
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {COURSE_LOCALES, LESSON_DIRS, readCourseLessons, type CourseLocale} from './catalog';

export const LESSONS_MODULE = 'lessons.json';

export default function courseLessons(context: LoadContext): Plugin {
  const locale = context.i18n.currentLocale as CourseLocale;
  if (!COURSE_LOCALES.includes(locale)) throw new Error(`course-lessons: no lesson folder for locale ${locale}`);
  return {
    name: 'course-lessons',
    async contentLoaded({actions}) {
      await actions.createData(LESSONS_MODULE, JSON.stringify(readCourseLessons(context.siteDir, locale)));
    },
    getPathsToWatch() {
      return [path.join(context.siteDir, LESSON_DIRS[locale], '*.mdx')];
    },
  };
}
