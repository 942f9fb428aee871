/**
 * The page `npm run bench` compares every page with: a plain doc page, with the docs layout and a
 * sidebar as long as the course's, and no diagram, code block or component. It exists only in the
 * bench's builds (BENCH_REFERENCE_PAGE=1, set by bench.mjs): a docs instance of its own at
 * /bench-reference, so it is never in the course's docs, sidebar or search.
 */
import path from 'node:path';
import type {PluginConfig} from '@docusaurus/types';
import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';
import {readCourseLessons, type CourseLocale} from '../../../src/plugins/course-lessons/catalog';

const SITE_DIR = path.resolve(__dirname, '../../..');
export const BENCH_REFERENCE_PATH = '/bench-reference';

export function benchReferenceWanted(): boolean {
  return process.env.BENCH_REFERENCE_PAGE === '1';
}

/** The course's sidebar in shape and length: the index and every lesson, as links. */
export function referenceSidebar(locale: CourseLocale, indexLabel: string, lessonsLabel: string): SidebarsConfig {
  return {
    reference: [
      'reference',
      {type: 'link' as const, label: indexLabel, href: '/docs'},
      {
        type: 'category' as const,
        label: lessonsLabel,
        collapsed: false,
        items: readCourseLessons(SITE_DIR, locale).map((lesson) => ({type: 'link' as const, label: lesson.title, href: lesson.path})),
      },
    ],
  };
}

export function benchReferenceDocs(): PluginConfig {
  return [
    '@docusaurus/plugin-content-docs',
    {
      id: 'bench-reference',
      path: path.join(__dirname),
      include: ['*.mdx'],
      routeBasePath: BENCH_REFERENCE_PATH.slice(1),
      sidebarPath: path.join(__dirname, 'sidebars.ts'),
    },
  ];
}
