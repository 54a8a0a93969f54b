import { defineConfig } from 'vitest/config';

// Two groups, one after the other (docs/testing.md):
// - `fast`: domain, unit, integration and jsdom web tests, files in parallel. Every integration file
//   has its own database (PGlite in memory, or a fresh PostgreSQL database when DATABASE_URL is set).
// - `browser`: the Chromium tests (test/e2e), one file at a time after the rest, because Chromium,
//   the server and the database of one file already fill two cores.
const shared = { pool: 'forks' as const, testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'fast',
          include: ['test/{domain,unit,integration}/**/*.test.ts', 'test/web/**/*.test.tsx'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
