// Volume forecast for a jurisdiction (and optionally one content category): monthly counts of
// complete months, then the model in src/domain/forecast. The forecast starts with the current
// (incomplete) month: with horizon 3 on 2026-11-27 it covers 2026-11, 2026-12 and 2027-01.
// Monthly counts come from the monthly rollup (`stats_monthly`, src/analytics/rollup.ts: `total`
// counts every registration, repeats linked to an open matter included, as the indicators do),
// by primary-key range scans; results are kept in memory for an hour.
import { and, eq, gte, inArray, like, lt, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { jurisdictions, statsMonthly } from '../db/schema.ts';
import {
  forecastSeries,
  holdoutMase,
  INSUFFICIENT_TEXT,
  type Insufficient,
  insufficientHistory,
  type ModelName,
} from '../domain/forecast/index.ts';
import { badRequest } from '../errors.ts';

export interface ForecastResult {
  history: { period: string; total: number }[];
  forecast: { period: string; mean: number; lo80: number; hi80: number; lo95: number; hi95: number }[];
  model: ModelName;
  /**
   * MASE of the last 3 complete months forecast without them (error ÷ the seasonal naive
   * forecast's usual error; < 1 beats "same month last year"); null when history is too short.
   */
  mase: number | null;
  /** Why there is no forecast (empty `forecast`): too few months, or mostly zeros; else null. */
  insufficient: Insufficient | null;
  /** The leader's words for `insufficient` (历史数据不足，暂不预测), else null. */
  note: string | null;
}

/** Months of history read (four seasons: enough for Holt–Winters and its hold-out). */
export const HISTORY_MONTHS = 48;
const SHANGHAI_MS = 8 * 3_600_000;

/** 'YYYY-MM' of an instant on the Asia/Shanghai calendar. */
export const shanghaiMonth = (d: Date) => new Date(d.getTime() + SHANGHAI_MS).toISOString().slice(0, 7);

/** The month `n` months after 'YYYY-MM' (n may be negative). */
export function addMonths(period: string, n: number): string {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7)) - 1 + n;
  const d = new Date(Date.UTC(y + Math.floor(m / 12), ((m % 12) + 12) % 12, 1));
  return d.toISOString().slice(0, 7);
}

/** The instant a Shanghai month starts. */
export const monthStart = (period: string) => new Date(Date.parse(`${period}-01T00:00:00+08:00`));

const rollupMonth = sql<string>`to_char(${statsMonthly.period}, 'YYYY-MM')`;

/** Counts per month for months [from, untilExclusive), zeros filled, oldest first. */
export async function monthlyCounts(
  db: Executor,
  opts: { scopePrefix: string; category?: string; from: string; untilExclusive: string },
): Promise<{ period: string; total: number }[]> {
  const rows = await db
    .select({ period: rollupMonth, n: sql<number>`sum(${statsMonthly.total})::int` })
    .from(statsMonthly)
    .where(
      and(
        eq(statsMonthly.dim, opts.category ? 'category' : 'all'),
        eq(statsMonthly.key, opts.category ?? ''),
        like(statsMonthly.jurisdictionCode, `${opts.scopePrefix}%`),
        gte(statsMonthly.period, `${opts.from}-01`),
        lt(statsMonthly.period, `${opts.untilExclusive}-01`),
      ),
    )
    .groupBy(rollupMonth);
  const byMonth = new Map(rows.map((r) => [r.period, Number(r.n)]));
  const out: { period: string; total: number }[] = [];
  for (let p = opts.from; p < opts.untilExclusive; p = addMonths(p, 1)) {
    out.push({ period: p, total: byMonth.get(p) ?? 0 });
  }
  return out;
}

/**
 * Leading months before the first petition are not history (the platform was not in use yet), and
 * the first month in use is usually partial (go-live mid-month): it is dropped when it holds less
 * than half the median of the months after it, so it does not read as a collapse in the season.
 */
export function trimLeadingZeros<T extends { total: number }>(rows: T[]): T[] {
  const first = rows.findIndex((r) => r.total > 0);
  if (first < 0) return [];
  const used = rows.slice(first);
  if (used.length < 3) return used;
  const rest = used
    .slice(1)
    .map((r) => r.total)
    .sort((a, b) => a - b);
  const median = rest[Math.floor(rest.length / 2)] ?? 0;
  return (used[0]?.total ?? 0) < median / 2 ? used.slice(1) : used;
}

/** Forecast from a history (complete months, oldest first) for the months after it. */
export function forecastFromHistory(
  history: { period: string; total: number }[],
  nextPeriod: string,
  months: number,
): ForecastResult {
  const y = history.map((h) => h.total);
  // A thin history (a quiet county, a young category) gets no forecast rather than a confident line.
  const insufficient = insufficientHistory(y);
  if (insufficient) {
    return {
      history,
      forecast: [],
      model: 'none',
      mase: null,
      insufficient,
      note: INSUFFICIENT_TEXT[insufficient],
    };
  }
  const f = forecastSeries(y, { horizon: months });
  const r2 = (v: number) => Math.round(v * 10) / 10;
  return {
    history,
    forecast: f.points.map((p, i) => ({
      period: addMonths(nextPeriod, i),
      mean: r2(p.mean),
      lo80: r2(p.lo80),
      hi80: r2(p.hi80),
      lo95: r2(p.lo95),
      hi95: r2(p.hi95),
    })),
    model: f.model,
    mase: holdoutMase(y, 3).mase,
    insufficient: null,
    note: null,
  };
}

export interface ForecastOptions {
  /** Jurisdiction code (6 or 9 digits). */
  scope: string;
  category?: string;
  /** Horizon in months (1–24). */
  months: number;
  /** Last month of history 'YYYY-MM' (default: the month before the current one). */
  until?: string;
  now?: Date;
}

const memo = new WeakMap<Db, Map<string, { at: number; value: ForecastResult }>>();
const MEMO_MS = 3_600_000;

export async function forecastVolume(db: Db, opts: ForecastOptions): Promise<ForecastResult> {
  const months = Math.floor(opts.months);
  if (!(months >= 1 && months <= 24)) throw badRequest('invalid_horizon', '预测月数应为1至24', 'horizon');
  if (opts.until !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.until))
    throw badRequest('invalid_until', '月份格式应为 YYYY-MM', 'until');
  const now = opts.now ?? new Date();
  const last = opts.until ?? addMonths(shanghaiMonth(now), -1);
  const key = `${opts.scope}|${opts.category ?? ''}|${months}|${last}`;
  let cache = memo.get(db);
  if (!cache) {
    cache = new Map();
    memo.set(db, cache);
  }
  const hit = cache.get(key);
  if (hit && now.getTime() - hit.at < MEMO_MS && !opts.now) return hit.value;

  const [j] = await db
    .select({ prefix: jurisdictions.scopePrefix })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, opts.scope));
  if (!j) throw badRequest('unknown_jurisdiction', '行政区划不存在', 'scope');
  const next = addMonths(last, 1);
  const history = trimLeadingZeros(
    await monthlyCounts(db, {
      scopePrefix: j.prefix,
      category: opts.category,
      from: addMonths(next, -HISTORY_MONTHS),
      untilExclusive: next,
    }),
  );
  const value = forecastFromHistory(history, next, months);
  if (cache.size > 500) cache.clear();
  cache.set(key, { at: now.getTime(), value });
  return value;
}

/**
 * Monthly counts of every (city, category) series at once, for the daily scan: key
 * `${cityPrefix}|${category}` with category '' for the city total and city '32' for the province.
 */
export async function monthlyCountsBySeries(
  db: Executor,
  opts: { from: string; untilExclusive: string },
): Promise<Map<string, Map<string, number>>> {
  const city = sql<string>`substr(${statsMonthly.jurisdictionCode}, 1, 4)`;
  const rows = await db
    .select({
      city,
      dim: statsMonthly.dim,
      key: statsMonthly.key,
      period: rollupMonth,
      n: sql<number>`sum(${statsMonthly.total})::int`,
    })
    .from(statsMonthly)
    .where(
      and(
        inArray(statsMonthly.dim, ['all', 'category']),
        gte(statsMonthly.period, `${opts.from}-01`),
        lt(statsMonthly.period, `${opts.untilExclusive}-01`),
      ),
    )
    .groupBy(city, statsMonthly.dim, statsMonthly.key, rollupMonth);
  const out = new Map<string, Map<string, number>>();
  const add = (key: string, period: string, n: number) => {
    let m = out.get(key);
    if (!m) {
      m = new Map();
      out.set(key, m);
    }
    m.set(period, (m.get(period) ?? 0) + n);
  };
  for (const r of rows) {
    const n = Number(r.n);
    if (r.dim === 'all') add(`${r.city}|`, r.period, n);
    else if (r.key) {
      add(`${r.city}|${r.key}`, r.period, n);
      add(`32|${r.key}`, r.period, n);
    }
  }
  return out;
}
