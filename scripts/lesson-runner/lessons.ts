/** Finds every lesson of `docs/lessons/` and its English translation. */
import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import type {LessonFile} from './run';

export const LOCALE_DIRS = {
  it: 'docs/lessons',
  en: 'i18n/en/docusaurus-plugin-content-docs/current/lessons',
} as const;

export interface DiscoveredLesson {
  lesson: string;
  files: LessonFile[];
  /** Locales whose file is missing (a lesson must exist in both). */
  missing: string[];
}

export function discoverLessons(repoRoot: string): DiscoveredLesson[] {
  const italian = path.join(repoRoot, LOCALE_DIRS.it);
  return readdirSync(italian)
    .filter((name) => name.endsWith('.mdx') || name.endsWith('.md'))
    .sort()
    .map((name) => {
      const lesson = name.replace(/\.mdx?$/, '');
      const files: LessonFile[] = [];
      const missing: string[] = [];
      for (const [locale, dir] of Object.entries(LOCALE_DIRS)) {
        const file = path.join(repoRoot, dir, name);
        if (existsSync(file)) files.push({lesson, locale, file});
        else missing.push(locale);
      }
      return {lesson, files, missing};
    });
}
