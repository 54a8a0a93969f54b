import { defineConfig } from 'vitest/config';

// Three projects (docs/testing.md):
// - `pure`: domain, unit and jsdom web tests — no database, so one run covers them.
// - `integration`: a real platform per file (PGlite in memory, or a fresh PostgreSQL database when
//   DATABASE_URL is set), files in parallel.
// - `browser`: the Chromium tests (test/e2e), one file at a time after the rest, because Chromium,
//   the server and the database of one file already fill two cores.
// `npm test` runs all three; CI runs pure + integration on PGlite, then integration + browser on
// PostgreSQL (.ci/run), so nothing that does not depend on the database runs twice.
const shared = { pool: 'forks' as const, testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'pure',
          include: ['test/{domain,unit}/**/*.test.ts', 'test/web/**/*.test.tsx'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
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
