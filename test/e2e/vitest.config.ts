import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (dist/) in real headless Chromium and Firefox ESR.
// One file at a time: each starts a browser, and the machine has two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    root: new URL('../..', import.meta.url).pathname,
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    pool: 'forks',
    reporters: ['default'],
  },
});
