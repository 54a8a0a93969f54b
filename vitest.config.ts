import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One file at a time: the browser tests (Chromium + server + database on two cores) time out
    // when they share the machine with other test files.
    maxWorkers: 1,
  },
});
