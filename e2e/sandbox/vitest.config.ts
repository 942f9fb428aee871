import path from 'node:path';
import {defineConfig} from 'vitest/config';

// TEMPORARY: runs e2e/sandbox.e2e.ts alone until the site's e2e/vitest.config.ts (which includes
// e2e/**/*.e2e.ts) is on main; delete this file then.
export default defineConfig({
  root: path.resolve(__dirname, '../..'),
  test: {
    include: ['e2e/sandbox.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
