import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // test/web/*.test.tsx: component tests of the web forms, each file in jsdom (see test/web/setup.ts).
    include: ['test/**/*.test.ts', 'test/web/**/*.test.tsx'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One file at a time: the browser tests (Chromium + server + database on two cores) time out
    // when they share the machine with other test files.
    maxWorkers: 1,
  },
});
