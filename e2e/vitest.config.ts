import {defineConfig} from 'vitest/config';

// The browser suite: real Chromium against the BUILT site (BUILD_DIR, default
// `build`), served by e2e/support/server.ts. One worker, files one after the
// other: the machine has two cores and each file drives its own browser.
export default defineConfig({
  test: {
    // Vitest overwrites process.env.BASE_URL with Vite's own base ("/") in
    // the test workers, so hand the site's BASE_URL over under another name.
    env: {E2E_BASE_URL: process.env.E2E_BASE_URL ?? process.env.BASE_URL ?? '/'},
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
