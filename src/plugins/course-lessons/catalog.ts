/**
 * The course's lessons, read from their MDX files: the one list every other list of lessons is
 * derived from (home-page cards, the course index's table, the footer, the lesson runner, the
 * browser suite's page lists). A lesson is `docs/lessons/NN-name.mdx` and its English twin; its
 * front matter says what the lists show:
 *
 * ```yaml
 * title: 04 - Release Branch            # "NN - Name", NN being the file's number
 * course:
 *   workflow: Workflow di rilascio      # the kind of workflow (card kicker, index column)
 *   when: una versione da stabilizzare mentre develop va avanti.   # when that workflow fits
 *   learn: Preparare la versione su un branch `release/...` ...     # what the learner will do
 * ```
 *
 * `when` and `learn` may hold `code` spans. Anything missing fails with the file and the key to add.
 * The `course` key is read here only: the site's front-matter parser drops it, so pages do not
 * ship it in their JavaScript (see `withoutCourseFrontMatter`).
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parse as parseYaml} from 'yaml';
import {parseInlineText, type InlineText} from '../../lib/inlineText';

export type CourseLocale = 'it' | 'en';
export const COURSE_LOCALES: readonly CourseLocale[] = ['it', 'en'];

/** Where each locale's lessons live, relative to the site. */
export const LESSON_DIRS: Record<CourseLocale, string> = {
  it: 'docs/lessons',
  en: 'i18n/en/docusaurus-plugin-content-docs/current/lessons',
};

/** The URL path of the lessons' folder inside a locale (the docs live under /docs). */
export const LESSONS_URL_PATH = '/docs/lessons';

// Pure, in src/lib, so that components parse the same way (the exercises' checklists).
export {parseInlineText, type InlineText};

export interface CourseLesson {
  /** The file name without extension, e.g. `01-feature-branch` (the lesson runner's id). */
  id: string;
  /** `01` */
  number: string;
  /** The title without its number: `Feature Branch`. */
  name: string;
  /** The page's title: `01 - Feature Branch`. */
  title: string;
  /** The page's path inside its locale: `/docs/lessons/feature-branch`. */
  path: string;
  workflow: string;
  when: InlineText;
  learn: InlineText;
  /** The MDX file, relative to the site. */
  file: string;
}

const LESSON_FILE = /^(\d+)[-_.]+(.+)\.mdx?$/;


/** The YAML front matter of an MDX file's text (empty when it has none). */
export function frontMatterOf(source: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  return match ? ((parseYaml(match[1]!) as Record<string, unknown> | null) ?? {}) : {};
}

/** The lesson files of the default locale (the source language), in course order. */
export function lessonFileNames(siteDir: string): string[] {
  const dir = path.join(siteDir, LESSON_DIRS.it);
  return readdirSync(dir)
    .filter((name) => LESSON_FILE.test(name))
    .sort();
}

/** One lesson file's entry; throws naming the file and what to add. */
export function readLesson(siteDir: string, locale: CourseLocale, fileName: string): CourseLesson {
  const file = path.join(LESSON_DIRS[locale], fileName);
  const absolute = path.join(siteDir, file);
  if (!existsSync(absolute)) {
    throw new Error(
      `${path.join(LESSON_DIRS.it, fileName)} has no ${locale === 'en' ? 'English' : 'Italian'} twin: add ${file}`,
    );
  }
  const [, number, slug] = LESSON_FILE.exec(fileName)!;
  const frontMatter = frontMatterOf(readFileSync(absolute, 'utf8'));
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}`);
  };
  const title = typeof frontMatter.title === 'string' ? frontMatter.title : fail('the front matter has no `title`');
  const prefix = `${number} - `;
  if (!title.startsWith(prefix)) fail(`the title ${JSON.stringify(title)} must start with "${prefix}" (the file's number)`);
  const course = (frontMatter.course ?? fail(
    'the front matter has no `course:` block (workflow, when, learn): the home page, the course index and the footer show it',
  )) as Record<string, unknown>;
  const field = (key: 'workflow' | 'when' | 'learn'): string => {
    const value = course[key];
    return typeof value === 'string' && value.trim() ? value.trim() : fail(`the front matter has no \`course.${key}\``);
  };
  if (frontMatter.slug !== undefined) fail('lessons take their URL from the file name: remove `slug`');
  const inline = (key: 'when' | 'learn'): InlineText => {
    const text = field(key);
    try {
      return parseInlineText(text);
    } catch (error) {
      return fail(`course.${key}: ${(error as Error).message}`);
    }
  };
  return {
    id: fileName.replace(/\.mdx?$/, ''),
    number: number!,
    name: title.slice(prefix.length),
    title,
    path: `${LESSONS_URL_PATH}/${slug}`,
    workflow: field('workflow'),
    when: inline('when'),
    learn: inline('learn'),
    file,
  };
}

/** Every lesson of the course in a locale, in course order. */
export function readCourseLessons(siteDir: string, locale: CourseLocale): CourseLesson[] {
  return lessonFileNames(siteDir).map((name) => readLesson(siteDir, locale, name));
}

/**
 * For `markdown.parseFrontMatter`: the front matter as Docusaurus parses it, without the
 * `course` block (read here, never shown by the page itself).
 */
export function withoutCourseFrontMatter<T extends {frontMatter: Record<string, unknown>}>(result: T): T {
  if (!('course' in result.frontMatter)) return result;
  const {course: _course, ...frontMatter} = result.frontMatter;
  return {...result, frontMatter};
}
