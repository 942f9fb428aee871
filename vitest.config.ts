import {availableParallelism} from 'node:os';
import {defineConfig} from 'vitest/config';
import {GENERATED_DIR, phaseTestSources, writeAllPhases} from './examples/ecommerce/materialize';

// Many tests spawn git, node or npm; on a loaded 2-core machine vitest's default 5 s per test
// is a flake, not a finding (no test asserts on time). Inline projects don't inherit the root's
// test options, so each project spreads these.
const timeouts = {testTimeout: 60_000, hookTimeout: 60_000};

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
      projects: [
        {
          test: {
            ...timeouts,
            name: 'unit',
            include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
            exclude: ['**/node_modules/**'],
          },
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
