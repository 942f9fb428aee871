/**
 * A lesson is its two MDX files, its phases module (registered in phases/index.ts), its exercise
 * (registered in exercises/index.ts), its example files and their tests; every other list of
 * lessons is derived. This checks, lesson by lesson,
 * that the pieces are there (each failure names the file to add or change) and that every derived
 * list has the lesson. The throwaway-lesson test runs it in a copy of the site with one more lesson.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {exercises} from '../../examples/ecommerce/exercises';
import {phases} from '../../examples/ecommerce/phases';
import type {Phase} from '../../examples/ecommerce/phases/types';
import {COURSE_LOCALES, lessonFileNames, readCourseLessons} from '../../src/plugins/course-lessons/catalog';
import {phaseIds} from '../../src/plugins/sandbox-projects/assets';
import {diagramPages, lessonPaths} from '../../e2e/fixtures/site';
import {endPhaseProblem, expectationFor, phasesModule} from '../lesson-runner/expectations';
import {discoverLessons} from '../lesson-runner/lessons';

const siteDir = path.resolve(__dirname, '../..');
const PHASES_DIR = path.join(siteDir, 'examples/ecommerce/phases');
const EXERCISES_DIR = path.join(siteDir, 'examples/ecommerce/exercises');
const exerciseRegistry = readFileSync(path.join(EXERCISES_DIR, 'index.ts'), 'utf8');
const allPhases = phases as Record<string, Phase>;
const lessonIds = lessonFileNames(siteDir).map((name) => name.replace(/\.mdx?$/, ''));
const registry = readFileSync(path.join(PHASES_DIR, 'index.ts'), 'utf8');

describe('the phases modules', () => {
  it('are each a lesson\'s, and registered in examples/ecommerce/phases/index.ts', () => {
    const problems: string[] = [];
    for (const file of readdirSync(PHASES_DIR).filter((name) => /^\d+.*\.ts$/.test(name) && !name.endsWith('.test.ts'))) {
      const module = file.replace(/\.ts$/, '');
      if (!lessonIds.includes(module)) problems.push(`examples/ecommerce/phases/${file} is named after no lesson of docs/lessons/`);
      if (!registry.includes(`from './${module}'`)) {
        problems.push(`examples/ecommerce/phases/${file} is not registered: import its phases in examples/ecommerce/phases/index.ts`);
      }
    }
    for (const [id, phase] of Object.entries(allPhases)) {
      if (!lessonIds.includes(phase.lesson)) problems.push(`phase ${id} belongs to '${phase.lesson}', which is not a lesson of docs/lessons/`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe.each(lessonIds)('lesson %s', (lesson) => {
  it('is in both languages, with the front matter the lists of lessons show', () => {
    for (const locale of COURSE_LOCALES) {
      // Throws naming the file or the front-matter key to add.
      expect(readCourseLessons(siteDir, locale).map((l) => l.id)).toContain(lesson);
    }
  });

  it('has its phases module, and one phase that ends it', () => {
    expect(existsSync(path.join(siteDir, phasesModule(lesson))), `${phasesModule(lesson)} is missing: describe the lesson's phases there`).toBe(true);
    expect(endPhaseProblem(lesson) ?? 'ok').toBe('ok');
  });

  it('ends with its exercise: the module, its NN-exercise phase, the checklist and the card on both pages', () => {
    const module = `examples/ecommerce/exercises/${lesson}.ts`;
    const phase = `${lesson.slice(0, 2)}-exercise`;
    expect(existsSync(path.join(siteDir, module)), `${module} is missing: describe the lesson's exercise there (see examples/ecommerce/exercises/types.ts)`).toBe(true);
    expect(exerciseRegistry.includes(`from './${lesson}'`), `${module} is not registered: import it in examples/ecommerce/exercises/index.ts`).toBe(true);
    expect(exercises[phase]?.lesson, `examples/ecommerce/exercises/index.ts has no exercise with phase '${phase}' of lesson '${lesson}'`).toBe(lesson);
    expect(allPhases[phase]?.lesson, `${phasesModule(lesson)} has no phase '${phase}' (where the learner takes over)`).toBe(lesson);
    for (const entry of COURSE_LOCALES.flatMap((locale) => readCourseLessons(siteDir, locale).filter((l) => l.id === lesson))) {
      const page = readFileSync(path.join(siteDir, entry.file), 'utf8');
      expect(page, `${entry.file}: end the lesson with <ExerciseGoals phase="${phase}" />`).toContain(`<ExerciseGoals phase="${phase}" />`);
      expect(page, `${entry.file}: show the exercise's sandbox with <Sandbox phase="${phase}">`).toMatch(new RegExp(`<Sandbox phase="${phase}"\\s*/?>`));
    }
  });

  it('is in every derived list: runner, sandbox assets, browser suite', () => {
    const [entry] = readCourseLessons(siteDir, 'it').filter((l) => l.id === lesson);
    expect(discoverLessons(siteDir).map((l) => l.lesson), 'lessons the runner runs').toContain(lesson);
    expect(expectationFor(lesson)?.phase.lesson, 'the end state the runner checks').toBe(lesson);
    const ownPhases = Object.keys(allPhases).filter((id) => allPhases[id]!.lesson === lesson);
    expect(phaseIds(), 'sandbox assets the build writes').toEqual(expect.arrayContaining(ownPhases));
    expect(lessonPaths, 'pages of the sandbox browser tests').toContain(entry!.path);
    expect(diagramPages.map((p) => p.path), 'pages of the diagram browser tests').toContain(entry!.path);
  });
});
