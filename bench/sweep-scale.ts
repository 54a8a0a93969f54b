// The daily deadline sweep (src/jobs/deadlines.ts) over a large PostgreSQL database: times two
// passes at the same `now` — the first finds what the copies left unflagged (a catch-up, as after
// a restore or a long stop), the second is the steady state of a daily run (nothing left to flag,
// every open case still looked at). Uses the database bench/list-scale.ts filled:
//   BENCH_KEEP_DB=xinfang_scale DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/sweep-scale.ts
// The sweep writes (flags, events): run it after the list benchmarks, not before.
//   --open N: first put N cases (the newest by id) in 办理中 with a running 办理 deadline spread over
//   −10…+49 days and no flag — the "1M open cases" case of docs/performance.md — timed, then
//   VACUUM ANALYZE, then the two passes.
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { runDeadlineSweep } from '../src/jobs/deadlines.ts';
import { openTarget } from './targets.ts';

const print = (s = '') => process.stdout.write(`${s}\n`);
const baseUrl = process.env.DATABASE_URL;
if (!baseUrl || !process.env.BENCH_KEEP_DB) throw new Error('DATABASE_URL and BENCH_KEEP_DB are required');
const t = await openTarget({ kind: 'postgres', baseUrl });
try {
  const i = process.argv.indexOf('--open');
  const open = i >= 0 ? Number(process.argv[i + 1]) : 0;
  if (open > 0) {
    let t0 = performance.now();
    // Due at 16:00 UTC (midnight Beijing) of a day from −10 to +49, spread by id; started 60 days before.
    await t.ctx.db.execute(sql`
      with due as (
        select id, date_trunc('day', now()) + make_interval(days => (id % 60)::int - 10, hours => 16) as at
        from cases where id > (select max(id) from cases) - ${open})
      update cases c set state = 'handling', due_flag = null, closed_at = null, due_at = due.at,
        clocks = jsonb_build_object('handling', jsonb_build_object(
          'trigger', to_char((due.at - interval '60 days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'amount', 60, 'unit', 'calendar_days',
          'due', to_char(due.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
      from due where c.id = due.id`);
    print(`   ${open} cases set to 办理中 in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    t0 = performance.now();
    await t.ctx.db.execute(sql`VACUUM ANALYZE cases`);
    print(`   VACUUM ANALYZE cases: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
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
