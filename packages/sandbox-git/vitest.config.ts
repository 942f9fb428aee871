import {defineConfig} from 'vitest/config';

// The package's own tests, on their own: what `test/node22.test.ts` runs under Node 22 (the
// WebContainers' Node). The course's root config runs the same files under the machine's Node.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/node22.test.ts'],
    testTimeout: 120_000,
  },
});
