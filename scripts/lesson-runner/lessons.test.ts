/**
 * Every lesson of the course, in both languages, runs as written: see README.md here.
 * `npm run lessons:update` (LESSONS_UPDATE=1) rewrites the `text gitlog` blocks instead of
 * failing on them.
 */
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readExampleFile} from '../../src/plugins/remark-examples';
import {checkLesson} from './check';
import {endPhaseProblem, expectationFor} from './expectations';
import {discoverLessons} from './lessons';

const repoRoot = path.resolve(__dirname, '../..');
const update = process.env.LESSONS_UPDATE === '1';
const lessons = discoverLessons(repoRoot);
const summary: string[] = [];
let started = 0;

// Lessons run side by side: each has its own temporary folders.
describe.concurrent('every lesson runs as written, in every locale', () => {
  beforeAll(() => {
    started = performance.now();
  });

  it('finds the lessons', () => {
    expect(lessons.length).toBeGreaterThan(0);
  });

  for (const {lesson, files, missing} of lessons) {
    it(lesson, {timeout: 600_000}, async () => {
      const check = await checkLesson(lesson, files, {
        repoRoot,
        readExample: readExampleFile,
        expectation: expectationFor(lesson),
        recordFile: path.join(__dirname, 'expectations', `${lesson}.files.txt`),
        update,
        // Each locale also runs with the sandbox's git, which must do what real git does.
        parity: true,
        // Both runs journal every command; beside the rest of the suite on two cores a block of
        // ten commands has taken over 30 s (the runner's default): a hang, not slowness, should fail.
        blockTimeoutMs: 120_000,
      });
      summary.push(`${lesson}: ${check.ms} ms`, ...check.report);
      const failures = [...missing.map((locale) => `${lesson}: no ${locale} version of the lesson`)];
      const endPhase = endPhaseProblem(lesson);
      if (endPhase) failures.push(endPhase);
      failures.push(...check.failures);
      if (failures.length > 0) throw new Error(`\n${failures.join('\n\n')}\n`);
    });
  }

  afterAll(() => {
    const total = Math.round(performance.now() - started);
    console.log(`Lesson runner${update ? ' (update mode)' : ''}\n  ${summary.join('\n  ')}\n  total (wall): ${total} ms`);
  });
});
