import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SlowestFirst } from './test/helpers/sequencer.ts';

// Four projects (docs/testing.md):
// - `pure`: domain, unit and Happy DOM web tests — no database, so one run covers them.
// - `integration`: a real platform per file (PGlite in memory, or a fresh PostgreSQL database when
//   DATABASE_URL is set), files in parallel.
// - `standalone`: integration files whose database is their own (or none), the same on both steps.
// - `browser`: the Chromium tests (test/e2e), one file at a time after the rest, because Chromium,
//   the server and the database of one file already fill two cores.
// `npm test` runs all four; CI runs pure + standalone + integration on PGlite, then integration + browser on
// PostgreSQL (.ci/run), so nothing that does not depend on the database runs twice.
// Integration files that bring their own database (a throwaway PostgreSQL cluster, or an embedded
// one in a child process) or use none: DATABASE_URL does not change what they do, so CI runs them
// once (with the PGlite step), not in both database steps.
const STANDALONE = [
  'test/integration/classify-cli.test.ts',
  'test/integration/db-outage.test.ts',
  'test/integration/disk-full.test.ts',
  'test/integration/hotspots-eval.test.ts',
  'test/integration/read-replicas.test.ts',
  'test/integration/sms-gateways.test.ts',
  'test/integration/workers.test.ts',
];

const shared = { pool: 'forks' as const, testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    // Two files at a time even on a 2-core machine (Vitest's default there is one): an integration
    // file waits on its database as much as it computes. XINFANG_TEST_WORKERS overrides.
    maxWorkers: Number(process.env.XINFANG_TEST_WORKERS) || Math.max(2, availableParallelism() - 1),
    // The longest files first (test/durations.json), whatever their project: no slow file left to the end.
    sequence: { sequencer: SlowestFirst },
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
          exclude: STANDALONE,
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
          name: 'standalone',
          include: STANDALONE,
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
          // One file at a time; XINFANG_BROWSER_PARALLEL=1 tries two (docs/testing.md: not yet robust).
          fileParallelism: process.env.XINFANG_BROWSER_PARALLEL === '1',
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
