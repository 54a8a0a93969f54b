// The daily deadline sweep (src/jobs/deadlines.ts) over a large PostgreSQL database: times two
// passes at the same `now` — the first finds what the copies left unflagged (a catch-up, as after
// a restore or a long stop), the second is the steady state of a daily run (nothing left to flag,
// every open case still looked at). Uses the database bench/list-scale.ts filled:
//   BENCH_KEEP_DB=xinfang_scale DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/sweep-scale.ts
// The sweep writes (flags, events): run it after the list benchmarks, not before.
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { runDeadlineSweep } from '../src/jobs/deadlines.ts';
import { openTarget } from './targets.ts';

const print = (s = '') => process.stdout.write(`${s}\n`);
const baseUrl = process.env.DATABASE_URL;
if (!baseUrl || !process.env.BENCH_KEEP_DB) throw new Error('DATABASE_URL and BENCH_KEEP_DB are required');
const t = await openTarget({ kind: 'postgres', baseUrl });
try {
  const [c] = (
    (await t.ctx.db.execute(sql`
      select count(*)::int as total,
             count(*) filter (where closed_at is null)::int as open,
             count(*) filter (where due_at is not null)::int as with_due
      from cases`)) as unknown as { rows: { total: number; open: number; with_due: number }[] }
  ).rows;
  print(`== ${t.storage}: ${c?.total} cases, ${c?.open} open, ${c?.with_due} with a running deadline`);
  const now = new Date();
  for (const label of ['first pass (catch-up)', 'second pass (steady state)']) {
    const load = os.loadavg()[0]?.toFixed(1);
    const t0 = performance.now();
    const r = await runDeadlineSweep(t.ctx, now);
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    print(`   ${label}: ${s} s (load ${load} at start) ${JSON.stringify(r)}`);
  }
} finally {
  await t.close();
}
