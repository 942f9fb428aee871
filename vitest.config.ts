import {defineConfig} from 'vitest/config';

// Unit tests: pure logic next to the code it tests, and the examples' tests.
// The browser suite has its own config (e2e/vitest.config.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'examples/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'build/**'],
  },
});
