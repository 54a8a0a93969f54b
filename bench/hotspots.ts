// Hotspot benchmark (docs/hotspots.md): findHotspots over a province-wide 30-day window holding
// 20,000 cases (5,000 with --quick) with as many in the previous 30 days (both windows are
// clustered together, so 40,000 messages), and over the busiest county of the same window; as a
// ratio to a primary-key case lookup measured in the same run. The windows are copies of seeded
// cases (subject, content, place) moved to 2030, so no other case falls in them.
// First query: segments every case and stores its features (hotspot_terms); later queries read
// the stored features. Runs inside `npm run bench`; alone: `npx tsx bench/hotspots.ts [--quick]`.
import { pathToFileURL } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { cases } from '../src/db/schema.ts';
import { findHotspots } from '../src/hotspots/find.ts';
import { seedCases } from '../src/seed/cases.ts';
import { formatTable, type Row } from './report.ts';
import type { Target } from './targets.ts';

const print = (s = '') => process.stdout.write(`${s}\n`);
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** The benchmark's windows: 30 days each, in the future of any seeded case. */
export const HOTSPOT_WINDOW = { from: '2030-01-01', to: '2030-01-30', previousFrom: '2029-12-02' };
const WINDOW_SECONDS = 30 * 86_400;

/**
 * Copies `perWindow` seeded cases into each window (seeding more when there are too few), spread
 * over the 30 days; returns the busiest county of the current window.
 */
export async function prepareHotspotCases(t: Target, perWindow: number): Promise<string> {
  const db = t.ctx.db;
  const [{ n } = { n: 0 }] = rows<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM cases`));
  if (n < 2 * perWindow) await seedCases(db, t.ctx.pii, { count: 2 * perWindow - n, seed: 5 });
  for (const [k, start] of [
    [0, HOTSPOT_WINDOW.from],
    [1, HOTSPOT_WINDOW.previousFrom],
  ] as const) {
    await db.execute(sql`
      INSERT INTO cases (case_number, jurisdiction_code, registering_unit_id, bureau_unit_id, form,
        purpose, category_code, subject, content, search_tokens, state, received_at, created_at)
      SELECT 'HS' || ${k} || '-' || s.id, s.jurisdiction_code, s.registering_unit_id, s.bureau_unit_id,
        s.form, s.purpose, s.category_code, s.subject, s.content, s.search_tokens, s.state,
        ${`${start}T00:00:00+08:00`}::timestamptz + make_interval(secs => (s.rn * 7919) % ${WINDOW_SECONDS}),
        ${`${start}T00:00:00+08:00`}::timestamptz
      FROM (SELECT c.*, row_number() OVER (ORDER BY c.id) AS rn FROM cases c
            WHERE c.case_number NOT LIKE 'HS%' ORDER BY c.id OFFSET ${k * perWindow} LIMIT ${perWindow}) s`);
  }
  await db.execute(sql`ANALYZE cases`);
  const [busiest] = rows<{ code: string }>(
    await db.execute(sql`SELECT left(jurisdiction_code, 6) AS code FROM cases
      WHERE case_number LIKE 'HS0-%' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`),
  );
  return busiest?.code ?? '320106';
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Rows of the hotspot benchmark on a target whose windows are prepared. */
export async function timeHotspots(
  t: Target,
  county: string,
  find: typeof findHotspots = findHotspots,
): Promise<Row[]> {
  const db = t.ctx.db;
  const { from, to } = HOTSPOT_WINDOW;
  const ids = rows<{ id: number }>(await db.execute(sql`SELECT id FROM cases ORDER BY id LIMIT 200`)).map(
    (r) => Number(r.id),
  );
  const lookup = async () => {
    for (const id of ids) await db.select().from(cases).where(eq(cases.id, id));
  };
  await lookup(); // warm-up: plans, JIT
  const base = (await timeMs(lookup)) / ids.length;
  const province = { from, to, scopeCode: '320000' };
  let read = 0;
  const first = await timeMs(async () => {
    read = (await find(db, province)).read.current;
  });
  const warm: number[] = [];
  for (let k = 0; k < 3; k++) warm.push(await timeMs(() => find(db, province)));
  const local: number[] = [];
  for (let k = 0; k < 5; k++) local.push(await timeMs(() => find(db, { from, to, scopeCode: county })));
  const row = (benchmark: string, ms: number, count: number): Row => ({
    benchmark,
    value: ms,
    unit: 'ms',
    ratio: ms / base,
    count,
  });
  return [
    row('case by primary key (hotspots baseline)', base, ids.length),
    row(`hotspots, province 30 days, ${read} cases + previous, first query (segments)`, first, 1),
    row(`hotspots, province 30 days, ${read} cases + previous, median`, median(warm), warm.length),
    row(`hotspots, county ${county} 30 days, median`, median(local), local.length),
  ];
}

export async function hotspotBenchmarks(t: Target, opts: { quick: boolean }): Promise<Row[]> {
  const county = await prepareHotspotCases(t, opts.quick ? 5_000 : 20_000);
  return timeHotspots(t, county);
}

// Alone: prepare the windows (seeding as needed), then run only these benchmarks.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const { openTarget, targetSpecs } = await import('./targets.ts');
  for (const spec of targetSpecs()) {
    const t = await openTarget(spec);
    try {
      const t0 = performance.now();
      const county = await prepareHotspotCases(t, quick ? 5_000 : 20_000);
      print(`\n== ${t.kind}: windows prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      print(formatTable(await timeHotspots(t, county)));
    } finally {
      await t.close();
    }
  }
}
