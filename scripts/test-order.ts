/** The order the unit run starts its test files in (vitest.config.ts's sequencer). */
import path from 'node:path';
import {BaseSequencer, type TestSpecification} from 'vitest/node';

export const REPO_ROOT = path.resolve(__dirname, '..');

/**
 * The slowest test files, slowest first (seconds each took in CI on two cores, beside the rest).
 * Vitest orders files by the durations it cached on the last run, and with no cache (a fresh
 * clone: CI) by size, largest first; the lesson runner's test is a small file, so it started last
 * and started among the last. Started first, the long files overlap the short ones.
 */
export const SLOWEST_FIRST = [
  'scripts/lesson-runner/lessons.test.ts', // 210
  'scripts/git-parity/scenarios.test.ts', // 195
  'scripts/exercises/exercises.test.ts', // 157
  'src/plugins/sandbox-projects/payload-runs.test.ts', // 143
  'scripts/git-parity/phase-scripts.test.ts', // 50
  'src/plugins/static-mermaid/index.test.ts', // 38
  'packages/sandbox-git/test/node22.test.ts', // 34
  'src/plugins/sandbox-projects/history.test.ts', // 27
  'src/plugins/sandbox-projects/buildProject.test.ts', // 21
  'src/lib/playgroundRepo/seed.test.ts', // 17
];

/** Vitest's order, but the files of SLOWEST_FIRST before all others, in its order. */
export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = SLOWEST_FIRST.indexOf(path.relative(REPO_ROOT, file.moduleId).split(path.sep).join('/'));
      return index < 0 ? SLOWEST_FIRST.length : index;
    };
    return sorted.map((file, order) => ({file, order})).sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order).map(({file}) => file);
  }
}
