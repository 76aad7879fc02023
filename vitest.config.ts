import { defineConfig } from 'vitest/config';

// Unit tests: the browser-free core in src/ and the thin adapters in extension/ (with happy-dom and
// fake-indexeddb where a test asks for them). End-to-end tests have their own config in test/e2e/.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
  },
});
