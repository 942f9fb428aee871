import {defineConfig} from 'vitest/config';

// Unit tests: pure logic next to the code it tests, and the examples' tests.
// The browser suite has its own config (e2e/vitest.config.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'examples/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Phase tests import code by its path inside a phase's project (`../src/...`): they run
    // in a materialized phase, not from here.
    exclude: ['**/node_modules/**', 'build/**', 'examples/ecommerce/tests/**'],
  },
});
