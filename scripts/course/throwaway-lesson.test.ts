/**
 * Adding a lesson takes its two MDX files, its example files, its phases and its exercise
 * (README: "Adding a lesson"). This proves it: in a temporary copy of the site it adds a
 * throwaway lesson exactly so (both locales, one bash block, one diagram, two phases registered in
 * phases/index.ts, an exercise registered in exercises/index.ts and shown on both pages), then
 * - runs, inside the copy, the lesson runner on it (first recording its files, as
 *   `npm run lessons:update` does, then checking) and the lesson-pieces check, which asserts the
 *   lesson is in the runner's, the sandbox assets' and the browser suite's lists;
 * - builds the copy (both locales, unminified: the check reads the HTML, not its size) and finds
 *   the lesson in the home page's cards, the course index's table, the footer, the sidebar, the
 *   sitemap, the sandbox assets and the pages the bench measures.
 * It costs one build of the site; it runs in a vitest project of its own (`throwaway-lesson`).
 */
import {execFile} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify, stripVTControlCharacters} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {discoverPages} from '../bench/lib.mjs';

const run = promisify(execFile);
const siteDir = path.resolve(__dirname, '../..');
const LESSON = '99-throwaway';
const PHASE = '99-throwaway-end';
const EXERCISE_PHASE = '99-exercise';
const URL_PATH = '/docs/lessons/throwaway';
const TITLE = {it: '99 - Lezione usa e getta', en: '99 - Throwaway lesson'};

/** The files a lesson author writes, and what a test run has to find of them. */
const LESSON_FILES: Record<string, string> = {
  'docs/lessons/99-throwaway.mdx': lessonMdx('it'),
  'i18n/en/docusaurus-plugin-content-docs/current/lessons/99-throwaway.mdx': lessonMdx('en'),
  'examples/ecommerce/files/throwaway/README.md': 'Throwaway\n',
  'examples/ecommerce/phases/99-throwaway.ts': `import type {Phase} from './types';

export const throwawayPhases = {
  /** The end of the throwaway lesson: one commit on main. */
  '${PHASE}': {
    lesson: '${LESSON}',
    identity: {name: 'Learner', email: 'learner@example.com'},
    endsLesson: true,
    history: [{op: 'commit', message: 'Initial commit', files: {'README.md': 'ecommerce/files/throwaway/README.md'}}],
    untracked: {},
    tests: {},
    openFile: 'README.md',
  },
  /** Where the learner takes over: the same commit. */
  '${EXERCISE_PHASE}': {
    lesson: '${LESSON}',
    identity: {name: 'Learner', email: 'learner@example.com'},
    history: [{op: 'commit', message: 'Initial commit', files: {'README.md': 'ecommerce/files/throwaway/README.md'}}],
    untracked: {},
    tests: {},
    openFile: 'README.md',
  },
} satisfies Record<string, Phase>;
`,
  'examples/ecommerce/exercises/99-throwaway.ts': `import type {Exercise} from './types';

export const throwawayExercise: Exercise = {
  lesson: '${LESSON}',
  phase: '${EXERCISE_PHASE}',
  task: {it: 'Tieni un solo branch, \`main\`.', en: 'Keep a single branch, \`main\`.'},
  start: {},
  tests: {},
  goals: [
    {
      id: 'only-main',
      text: {it: 'Resta solo \`main\`', en: 'Only \`main\` is left'},
      hint: {it: 'git branch -d', en: 'git branch -d'},
      solution: [],
      check: {kind: 'only-branches', branches: ['main']},
    },
  ],
};
`,
};

function lessonMdx(locale: 'it' | 'en'): string {
  const it = locale === 'it';
  return `---
title: ${TITLE[locale]}
description: ${it ? 'Una lezione di prova, creata e buttata dal test.' : 'A test lesson, created and thrown away by the test.'}
course:
  workflow: ${it ? 'Workflow di prova' : 'Test workflow'}
  when: ${it ? 'mai, in un corso vero.' : 'never, in a real course.'}
  learn: ${it ? 'Fare un commit con `git commit`.' : 'Make a commit with `git commit`.'}
---

# ${TITLE[locale]}

${it ? 'Un commit, e il suo diagramma.' : 'One commit, and its diagram.'}

\`\`\`bash
mkdir throwaway && cd throwaway
git init -q -b main
git config user.name "Learner"
git config user.email "learner@example.com"
printf 'Throwaway\\n' > README.md
git add README.md
git commit -q -m "Initial commit"
\`\`\`

\`\`\`mermaid
gitGraph
  accTitle: ${it ? 'La storia dopo il primo commit' : 'The history after the first commit'}
  accDescr: ${it ? 'Il branch main con un solo commit.' : 'The main branch with a single commit.'}
  commit id: "Initial commit"
\`\`\`

import ExerciseGoals from '@site/src/components/ExerciseGoals';
import Sandbox from '@site/src/components/Sandbox';

<ExerciseGoals phase="${EXERCISE_PHASE}" />

<Sandbox phase="${EXERCISE_PHASE}" />
`;
}

/** Registers the lesson's exercise as an author does: an import and a line in the list of examples/ecommerce/exercises/index.ts. */
function registerExercise(index: string): string {
  const imports = [...index.matchAll(/^import \{\w+\} from '\.\/\d+[^']*';$/gm)];
  const entries = [...index.matchAll(/^ {2}\w+Exercise,$/gm)];
  const lastImport = imports.at(-1);
  const lastEntry = entries.at(-1);
  if (!lastImport || !lastEntry) throw new Error('examples/ecommerce/exercises/index.ts: no list of exercises to add the lesson to');
  const afterImport = lastImport.index + lastImport[0].length;
  const withImport = `${index.slice(0, afterImport)}\nimport {throwawayExercise} from './${LESSON}';${index.slice(afterImport)}`;
  const entryAt = withImport.indexOf(lastEntry[0]) + lastEntry[0].length;
  return `${withImport.slice(0, entryAt)}\n  throwawayExercise,${withImport.slice(entryAt)}`;
}

/** Registers the lesson's phases as an author does, by a line in each of the two lists of phases/index.ts. */
function registerPhases(index: string): string {
  const imports = [...index.matchAll(/^import \{\w+\} from '\.\/\d+[^']*';$/gm)];
  const spreads = [...index.matchAll(/^ {2}\.\.\.\w+Phases,$/gm)];
  const lastImport = imports.at(-1);
  const lastSpread = spreads.at(-1);
  if (!lastImport || !lastSpread) throw new Error('examples/ecommerce/phases/index.ts: no list of phase modules to add the lesson to');
  const afterImport = lastImport.index + lastImport[0].length;
  const withImport = `${index.slice(0, afterImport)}\nimport {throwawayPhases} from './${LESSON}';${index.slice(afterImport)}`;
  const spreadAt = withImport.indexOf(lastSpread[0]) + lastSpread[0].length;
  return `${withImport.slice(0, spreadAt)}\n  ...throwawayPhases,${withImport.slice(spreadAt)}`;
}

let work: string;
let copy: string;
let build: string;

/** Runs a command in the copy; on failure, its output's tail is the error. */
async function inCopy(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const {stdout, stderr} = await run(command, args, {
      cwd: copy,
      env: {...process.env, ...env, NO_COLOR: '1'},
      maxBuffer: 64 * 1024 * 1024,
    });
    return stripVTControlCharacters(`${stdout}\n${stderr}`);
  } catch (error) {
    const {stdout = '', stderr = ''} = error as {stdout?: string; stderr?: string};
    throw new Error(`${command} ${args.join(' ')} failed in the copy:\n${stripVTControlCharacters(`${stdout}\n${stderr}`).trim().split('\n').slice(-40).join('\n')}`);
  }
}

const builtPage = (locale: 'it' | 'en', page: string): string =>
  readFileSync(path.join(build, locale === 'it' ? '' : 'en', `${page}.html`), 'utf8');
/** Hrefs of the links inside the first element matching `open` (a tag's opening text) … its closing tag. */
function linksIn(html: string, open: RegExp, close: string): string[] {
  const start = html.search(open);
  if (start < 0) return [];
  const end = html.indexOf(close, start);
  return [...html.slice(start, end).matchAll(/href="?([^"\s>]+)/g)].map((m) => m[1]!);
}

describe('a throwaway lesson added to a copy of the site', {timeout: 20 * 60_000}, () => {
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'throwaway-lesson-'));
    copy = path.join(work, 'site');
    build = path.join(work, 'build');
    const skipped = new Set(['node_modules', '.git', 'build', '.docusaurus', 'bench-results', 'test-results', 'build-base-url']);
    cpSync(siteDir, copy, {
      recursive: true,
      filter: (source) => {
        const rel = path.relative(siteDir, source);
        return !skipped.has(rel.split(path.sep)[0]!) && !rel.startsWith(path.join('examples', '.generated'));
      },
    });
    symlinkSync(path.join(siteDir, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    for (const [file, text] of Object.entries(LESSON_FILES)) {
      mkdirSync(path.dirname(path.join(copy, file)), {recursive: true});
      writeFileSync(path.join(copy, file), text);
    }
    const index = path.join(copy, 'examples/ecommerce/phases/index.ts');
    writeFileSync(index, registerPhases(readFileSync(index, 'utf8')));
    const exerciseIndex = path.join(copy, 'examples/ecommerce/exercises/index.ts');
    writeFileSync(exerciseIndex, registerExercise(readFileSync(exerciseIndex, 'utf8')));
  });

  afterAll(() => {
    if (work) rmSync(work, {recursive: true, force: true});
  });

  it('is run by the lesson runner, and has every piece in every derived list', async () => {
    const tests = ['scripts/lesson-runner/lessons.test.ts', 'scripts/course/lesson-pieces.test.ts'];
    const only = ['-t', `${LESSON}|phases modules`];
    // As `npm run lessons:update`: the first run records the files the lesson leaves.
    await inCopy('npx', ['vitest', 'run', '--project', 'unit', ...tests, ...only], {LESSONS_UPDATE: '1'});
    expect(existsSync(path.join(copy, `scripts/lesson-runner/expectations/${LESSON}.files.txt`))).toBe(true);
    const output = await inCopy('npx', ['vitest', 'run', '--project', 'unit', ...tests, ...only]);
    for (const locale of ['it', 'en']) {
      expect(output).toContain(`${LESSON} [${locale}]: 1 bash block(s) run, 1 diagram(s)`);
    }
    // The lesson's own checks ran, and passed (a failure ends the run above with its output).
    expect(output).toMatch(/Tests\s+\d+ passed/);
  });

  it('builds, in both locales, and is in the cards, the index, the footer, the sidebar, the sitemap and the bench', async () => {
    // Nothing of the real site's bundler cache: the copy builds on its own.
    await inCopy('npx', ['docusaurus', 'build', '--no-minify', '--out-dir', build], {DOCUSAURUS_NO_PERSISTENT_CACHE: '1'});
    for (const locale of ['it', 'en'] as const) {
      const href = `${locale === 'it' ? '' : '/en'}${URL_PATH}`;
      const lesson = builtPage(locale, URL_PATH.slice(1));
      expect(lesson, `${locale} lesson page`).toContain(TITLE[locale]);
      expect(lesson.match(/class="?static-diagram["> ]/g)?.length ?? lesson.match(/data-mermaid/g)?.length, `${locale} diagram`).toBe(1);
      expect(linksIn(builtPage(locale, 'index'), /<ol class="?cards/, '</ol>'), `${locale} home cards`).toContain(href);
      expect(linksIn(builtPage(locale, 'docs'), /<table/, '</table>'), `${locale} course index`).toContain(href);
      expect(linksIn(builtPage(locale, 'diagrams'), /<footer/, '</footer>'), `${locale} footer`).toContain(href);
      expect(linksIn(lesson, /<nav[^>]*aria-label="?(Barra laterale|Docs sidebar)/, '</nav>'), `${locale} sidebar`).toContain(href);
      const sitemap = readFileSync(path.join(build, locale === 'it' ? '' : 'en', 'sitemap.xml'), 'utf8');
      expect(sitemap, `${locale} sitemap`).toContain(`${href}</loc>`);
      for (const ext of ['json', 'zip']) {
        for (const phase of [PHASE, EXERCISE_PHASE]) {
          expect(existsSync(path.join(build, locale === 'it' ? '' : 'en', 'sandbox', `${phase}.${ext}`)), `${locale} sandbox ${phase}.${ext}`).toBe(true);
        }
      }
      // The HTML minifier drops the quotes of attribute values that need none.
      expect(lesson, `${locale} exercise checklist`).toMatch(/data-goal="?only-main[" >]/);
    }
    expect(discoverPages(build, ['it', 'en']).map((p: {path: string}) => p.path), 'pages the bench measures').toEqual(
      expect.arrayContaining([URL_PATH, `/en${URL_PATH}`]),
    );
  });
});
