import {availableParallelism} from 'node:os';
import {defineConfig} from 'vitest/config';
import {SlowestFirstSequencer} from './scripts/test-order';
import {GENERATED_DIR, phaseTestSources, writeAllPhases} from './examples/ecommerce/materialize';

// Many tests spawn git, node or npm; on a loaded 2-core machine vitest's default 5 s per test
// is a flake, not a finding (no test asserts on time). Inline projects don't inherit the root's
// test options, so each project spreads these.
const timeouts = {testTimeout: 60_000, hookTimeout: 60_000};

/** The test that adds a lesson to a copy of the site and builds it (scripts/course). */
const THROWAWAY_LESSON_TEST = 'scripts/course/throwaway-lesson.test.ts';

/** Test files that reach the network (the npm registry). */
const NETWORK_TESTS = ['src/plugins/sandbox-projects/payload-runs.test.ts', 'packages/sandbox-git/test/node22.test.ts'];

// The browser suite has its own config (e2e/vitest.config.ts).
export default defineConfig(async () => {
  // The phase tests import the code by its path inside a phase's project
  // (`../src/payment/paymentProcessor.js`), so they only run inside a materialized phase:
  // every phase is written to examples/.generated/<phase>/ (git-ignored) when this config
  // loads, and each one is a vitest project of its own, as in the sandbox or a zip.
  const phaseFolders = await writeAllPhases(GENERATED_DIR);
  return {
    test: {
      // One worker per core (vitest's default is one less): the slowest files, the lesson runner
      // and the payload installs, mostly wait on git, bash and npm processes, so they can overlap.
      maxWorkers: Math.max(1, availableParallelism()),
      sequence: {sequencer: SlowestFirstSequencer},
      projects: [
        {
          // The site's tsconfig keeps JSX for Docusaurus' bundler (`jsx: preserve`): a unit test
          // that renders a component on the server (as the build does) needs it compiled.
          oxc: {jsx: {runtime: 'automatic' as const}},
          test: {
            ...timeouts,
            name: 'unit',
            include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
            exclude: ['**/node_modules/**', ...NETWORK_TESTS, THROWAWAY_LESSON_TEST],
          },
        },
        // Tests that need the npm registry, apart so that the rest runs offline
        // (`npm run test:offline`): every phase's payload installed and run; Node 22 fetched.
        {
          test: {...timeouts, name: 'network', include: NETWORK_TESTS},
        },
        // A lesson added to a copy of the site, built and run there: one site build.
        {
          test: {...timeouts, name: 'throwaway-lesson', include: [THROWAWAY_LESSON_TEST]},
        },
        {
          test: {
            ...timeouts,
            name: 'examples',
            // Worker threads, shared by the test files (each restores what it mocks): this
            // suite's budget is 3 s wall, and that halves its start-up cost.
            pool: 'threads' as const,
            isolate: false,
            include: ['examples/**/*.test.ts'],
            exclude: ['**/node_modules/**', 'examples/.generated/**', ...phaseTestSources().map((source) => `examples/${source}`)],
          },
        },
        ...Object.entries(phaseFolders).map(([id, folder]) => ({
          test: {...timeouts, name: `phase:${id}`, root: folder, pool: 'threads' as const, isolate: false},
        })),
      ],
    },
  };
});
