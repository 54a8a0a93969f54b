// `npm run bench -- history`: a case's timeline read with 40 months of partitions kept, without and
// with the bound by the case's registration month (src/cases/history.ts), against a primary-key read
// of `cases` in the same run (the machine is noisy: only ratios within a run compare). On the bench
// targets (bench/targets.ts): PGlite, and PostgreSQL (scratch database) with DATABASE_URL. Figures: docs/performance.md,
// "Partitioned history".
import { sql } from 'drizzle-orm';
import { caseChildrenQuery } from '../src/cases/detailQueries.ts';
import { addMonths, historyFloor, monthOf, monthStart } from '../src/domain/partitions/months.ts';
import { listPartitions, maintainPartitions } from '../src/partitions/maintain.ts';
import { seedCases } from '../src/seed/cases.ts';
import { openTarget, printMedians, type TargetSpec, targetSpecs } from './targets.ts';

const print = (s = '') => process.stdout.write(`${s}\n`);

async function one(spec: TargetSpec, quick: boolean): Promise<void> {
  const t = await openTarget(spec);
  const db = t.ctx.db;
  try {
    const now = new Date();
    for (let i = 40; i > 0; i -= 4) await maintainPartitions(db, monthStart(addMonths(monthOf(now), -i)));
    await seedCases(db, t.ctx.pii, { count: quick ? 200 : 1000, seed: 3 });
    await maintainPartitions(db);
    const parts = (await listPartitions(db, 'case_events')).length;
    // Cases registered in the last two months (recent matters are the ones read most).
    const recent = (
      (await db.execute(sql`select id::int as id, received_at as "receivedAt" from cases
        where received_at >= ${monthStart(addMonths(monthOf(now), -2)).toISOString()}::timestamptz
        order by id limit 50`)) as unknown as { rows: { id: number; receivedAt: string }[] }
    ).rows.map((r) => ({ id: r.id, receivedAt: new Date(r.receivedAt) }));
    if (recent.length === 0) throw new Error('no recent case seeded');
    const reads = quick ? 100 : 400;
    const time = async (fn: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < 20; i++) await fn(i); // warm-up
      const t0 = performance.now();
      for (let i = 0; i < reads; i++) await fn(i);
      return (performance.now() - t0) / reads;
    };
    const pick = (i: number) => recent[i % recent.length] as { id: number; receivedAt: Date };
    const runs: Record<string, number[]> = {};
    const add = (k: string, v: number) => {
      runs[k] ??= [];
      runs[k].push(v);
    };
    for (let round = 0; round < 3; round++) {
      add(
        'primary-key read of cases',
        await time((i) => db.execute(sql`select * from cases where id = ${pick(i).id}`)),
      );
      add(
        'timeline, unbounded',
        await time((i) =>
          db.execute(
            sql`select id, at, action, detail from case_events where case_id = ${pick(i).id} order by id`,
          ),
        ),
      );
      add(
        'timeline, bounded',
        await time((i) =>
          db.execute(sql`select id, at, action, detail from case_events where case_id = ${pick(i).id}
            and at >= ${historyFloor(pick(i).receivedAt).toISOString()}::timestamptz order by id`),
        ),
      );
      add('case detail children (bounded)', await time((i) => db.execute(caseChildrenQuery(pick(i)))));
    }
    printMedians(
      print,
      `${t.kind} (${t.storage}): ${parts} case_events partitions, ${recent.length} cases registered in the last 2 months, ${reads} reads × 3 rounds (median ms per read; ratio = ÷ primary-key read)`,
      runs,
      'primary-key read of cases',
      { labelWidth: 32, ratioDigits: 1 },
    );
  } finally {
    await t.close();
  }
}

export async function runHistoryBench(opts: { quick: boolean }): Promise<void> {
  print(`load average at start: ${(await import('node:os')).loadavg()[0]?.toFixed(2)}`);
  for (const spec of targetSpecs()) await one(spec, opts.quick);
}
