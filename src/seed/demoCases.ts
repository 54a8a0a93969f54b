// The demo's synthetic petitions (演示数据), as `npm start` and `xinfang seed` load them: not spread
// evenly over Jiangsu's 95 counties (6,000 cases would leave 鼓楼区 with two dozen matters in two
// years and an empty desk), but concentrated where the demo accounts look — 鼓楼区 (gl_*) gets a
// district bureau's weekday workload, the rest of 南京市 (nj_*) a city's, and the province (js_*) the
// remainder spread by population. Each part is one seedCases pass over its own counties, so case
// numbers stay in time order within each county-year.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { keepStatistics } from '../db/statistics.ts';
import type { Pii } from '../security/pii.ts';
import { type SeedCasesOptions, seedCases } from './cases.ts';
import { CITY_WEIGHTS } from './catalog.ts';

export interface DemoCasePart {
  /** What the part is for (the progress line and the docs). */
  label: string;
  count: number;
  places: Readonly<Record<string, number>>;
  recent?: { share: number; days: number };
  lastMinute?: number;
}

/** 鼓楼区 (the demo county) and 南京市 (the demo city). */
export const DEMO_COUNTY = '320106';
export const DEMO_CITY = '3201';

/**
 * 鼓楼区 receives about 4–5 matters a day (a district of 1.3 million) — over the whole two years, so its
 * 12-month trend, 同比 and forecast read like a district's and not like a sudden surge: matters wait
 * for acceptance, are being handled, near or past their limits (a quarter of its replies come in the
 * last days before the limit), replied and waiting for delivery today. The other districts of 南京市
 * get fewer each, as steadily; their city bureau decides the review requests. These parts are fixed —
 * a smaller `total` (tests) shrinks the rest of the province first.
 */
export const DEMO_FOCUS: readonly DemoCasePart[] = [
  { label: '鼓楼区', count: 3300, places: { [DEMO_COUNTY]: 1 }, lastMinute: 0.25 },
  { label: '南京市其他区', count: 900, places: { [DEMO_CITY]: 1, [DEMO_COUNTY]: 0 } },
];

/** The parts of a demo of `total` cases: the focus parts (scaled down only below their sum), then the province. */
export function demoCaseParts(total: number): DemoCasePart[] {
  const focus = DEMO_FOCUS.reduce((n, p) => n + p.count, 0);
  const scale = Math.min(1, total / focus);
  const parts = DEMO_FOCUS.map((p) => ({ ...p, count: Math.floor(p.count * scale) }));
  const rest = total - parts.reduce((n, p) => n + p.count, 0);
  // The rest of Jiangsu by city population, 南京市 left out (it has its own parts).
  const cities = Object.fromEntries(CITY_WEIGHTS.map(([code, w]) => [code, code === DEMO_CITY ? 0 : w]));
  parts.push({ label: '江苏省其他设区市', count: rest, places: cities });
  return parts.filter((p) => p.count > 0);
}

export interface SeedDemoCasesOptions {
  total: number;
  seed: number;
  now?: Date;
  onProgress?: (n: number) => void;
  /** The 二、三级分类 dictionary, for the matters' 细分类 (SeedCasesOptions.subcategories). */
  subcategories?: SeedCasesOptions['subcategories'];
}

/** Seeds the demo's cases part by part; returns how many. */
export async function seedDemoCases(db: Db, pii: Pii, opts: SeedDemoCasesOptions): Promise<number> {
  let n = 0;
  const parts = demoCaseParts(opts.total);
  for (const [k, part] of parts.entries()) {
    n += await seedCases(db, pii, {
      count: part.count,
      // A seed per part: the parts do not repeat each other's petitioners and texts.
      seed: opts.seed + k * 7919,
      now: opts.now,
      onProgress: opts.onProgress,
      places: part.places,
      recent: part.recent,
      lastMinute: part.lastMinute,
      // Where the problem is: a county's breakdown by 街道 has something in it.
      townLevel: true,
      // Two years of history: a matter stuck for ever would stand 500 days overdue on the desks.
      stuck: 'months',
      skipStatistics: true,
      subcategories: opts.subcategories,
    });
  }
  // One refresh of the planner statistics after the bulk load (the embedded database has no autovacuum).
  if (n > 0) await keepStatistics(db);
  return n;
}

/** Open matters of the demo county by state (for tests and the docs). */
export async function demoCountyOpen(db: Db): Promise<Record<string, number>> {
  const res = (await db.execute(
    sql`SELECT state, count(*)::int AS n FROM cases WHERE jurisdiction_code LIKE ${`${DEMO_COUNTY}%`}
        AND closed_at IS NULL GROUP BY state`,
  )) as unknown as { rows: { state: string; n: number }[] };
  return Object.fromEntries(res.rows.map((r) => [r.state, r.n]));
}
