import { availableParallelism } from 'node:os';
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
    // Two files at a time even on a 2-core machine (Vitest's default there is one): an integration
    // file waits on its database as much as it computes. XINFANG_TEST_WORKERS overrides.
    maxWorkers: Number(process.env.XINFANG_TEST_WORKERS) || Math.max(2, availableParallelism() - 1),
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
          // One module graph per worker, not per file: each file still boots its own platform on its
          // own database, but no longer re-imports the whole server (≈ 2–3 s a file). Process-wide
          // state (the supplied holiday calendar) is reloaded by every platform at boot.
          isolate: false,
          globalSetup: ['test/helpers/snapshot.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          isolate: false,
          globalSetup: ['test/helpers/snapshot.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
