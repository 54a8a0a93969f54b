// Gathers a month's ReportData from the analytics functions: indicators, breakdowns, trend and
// overdue units (src/analytics/indicators.ts, over the rollups), hotspots (src/hotspots) and the
// forecast (src/analytics/forecast.ts). Stored with the report, so it never changes afterwards.
import { and, eq } from 'drizzle-orm';
import { addMonths, forecastVolume } from '../analytics/forecast.ts';
import { type IndicatorRow, indicatorsFor, overdueByUnit } from '../analytics/indicators.ts';
import type { Db } from '../db/client.ts';
import { jurisdictions, units } from '../db/schema.ts';
import { hotspotTitle } from '../domain/hotspotSubject.ts';
import { change, type Indicators, rate } from '../domain/indicators/index.ts';
import { ownUnitsAndAbove } from '../domain/jurisdictions.ts';
import { badRequest } from '../errors.ts';
import { findHotspots } from '../hotspots/find.ts';
import type {
  BreakdownRow,
  ForecastPoint,
  HotspotItem,
  OverdueUnit,
  RepeatByCategory,
  ReportData,
  ReportForecast,
} from './types.ts';

export interface CollectOptions {
  month: string; // 'YYYY-MM'
  scopeCode: string;
  /** The clock (tests); a report month not yet over is drafted "截至" today. */
  now?: Date;
}

/** Today on the Shanghai calendar, 'YYYY-MM-DD'. */
const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The same day-of-month in another month, or its last day when that month is shorter. */
const sameDayIn = (period: string, day: number) => {
  const last = Number(lastDay(period).slice(8, 10));
  return `${period}-${String(Math.min(day, last)).padStart(2, '0')}`;
};

export function checkMonth(month: string): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw badRequest('invalid_month', '月份格式应为 YYYY-MM', 'month');
}

/** The last day of a month, 'YYYY-MM-DD'. */
const lastDay = (period: string) =>
  new Date(Date.parse(`${addMonths(period, 1)}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
/** The first and last day of a month 'YYYY-MM'. */
export const monthRange = (period: string) => ({ from: `${period}-01`, to: lastDay(period) });
const range = monthRange;

export async function collectReportData(db: Db, opts: CollectOptions): Promise<ReportData> {
  checkMonth(opts.month);
  const [scope] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, opts.scopeCode));
  if (!scope) throw badRequest('invalid_scope', '未找到该行政区划', 'scope');
  const [bureau] = await db
    .select({ name: units.name })
    .from(units)
    .where(and(eq(units.jurisdictionCode, scope.code), eq(units.kind, 'bureau')));
  const period = opts.month;
  const prevMonth = addMonths(period, -1);
  // A month not over yet is partial: its figures run to today, and it is compared like with like
  // (the same days of last month and of the same month last year), never with whole months.
  const today = shanghaiDay(opts.now ?? new Date());
  const through = today >= `${period}-01` && today < lastDay(period) ? today : null;

  // 13 months by month: each row's 环比 is against the calendar month before and its 同比 against
  // the same month a year earlier; the last row is the report month, the first the same month last year.
  const months = await indicatorsFor(db, {
    range: { from: `${addMonths(period, -12)}-01`, to: through ?? lastDay(period) },
    scope: scope.code,
    groupBy: 'month',
  });
  const byMonth = new Map(months.rows.map((r) => [r.key, r]));
  const month = (p: string): Indicators => strip(byMonth.get(p) ?? months.rows[0]);
  const situation = through
    ? await sameDaysSituation(db, scope.code, period, Number(through.slice(8, 10)), month(period))
    : {
        current: month(period),
        previousMonth: month(prevMonth),
        sameMonthLastYear: month(addMonths(period, -12)),
      };

  const [byJurisdiction, byCategory, byForm] = [
    await breakdown(db, scope.code, period, 'jurisdiction'),
    await breakdown(db, scope.code, period, 'category'),
    await breakdown(db, scope.code, period, 'form'),
  ];
  const overdue = await overdueByUnit(db, scope.code);
  const { own: ownOverdue, overdueAbove } = ownUnitsAndAbove(overdue.rows, scope.code);

  return {
    kind: 'monthly',
    period,
    from: `${period}-01`,
    to: lastDay(period),
    scope: {
      code: scope.code,
      name: scope.name,
      fullName: scope.fullName,
      level: scope.level,
      bureauName: bureau?.name,
    },
    through,
    situation,
    breakdowns: {
      byJurisdiction: byJurisdiction.rows,
      byCategory: byCategory.rows,
      byForm: byForm.rows,
    },
    trend: months.rows.map((r) => ({
      period: r.key,
      total: r.total,
      online: r.online,
      ...(through && r.key === period ? { through } : {}),
    })),
    problems: {
      hotspots: await hotspotsOf(db, scope.code, period),
      overdueUnits: ownOverdue
        .filter((u) => u.overdue > 0)
        .slice(0, 10)
        .map(
          (u): OverdueUnit => ({
            unitName: u.unitName.startsWith(u.jurisdictionName)
              ? u.unitName.slice(u.jurisdictionName.length)
              : u.unitName,
            jurisdictionName: u.jurisdictionName,
            open: u.open,
            overdue: u.overdue,
          }),
        ),
      repeatByCategory: repeatsOf(byCategory.raw),
      overdueAbove,
    },
    forecast: await forecastOf(db, scope.code, period),
  };
}

/** A partial month against the same days (1st to `day`) of the month before and of last year. */
async function sameDaysSituation(db: Db, scope: string, period: string, day: number, current: Indicators) {
  const days = async (p: string) =>
    (await indicatorsFor(db, { range: { from: `${p}-01`, to: sameDayIn(p, day) }, scope, groupBy: 'none' }))
      .totals;
  const previousMonth = await days(addMonths(period, -1));
  const sameMonthLastYear = await days(addMonths(period, -12));
  return {
    current: {
      ...current,
      totalPrevPeriod: previousMonth.total,
      totalPrevYear: sameMonthLastYear.total,
      mom: change(current.total, previousMonth.total),
      yoy: change(current.total, sameMonthLastYear.total),
      onlineSharePrev: previousMonth.onlineShare,
    },
    previousMonth,
    sameMonthLastYear,
  };
}

/** The Indicators of a row, without the row's key, label and drill flag. */
function strip(r: IndicatorRow | undefined): Indicators {
  if (!r) throw new Error('indicators: month row missing');
  const { key: _k, label: _l, drill: _d, ...rest } = r;
  return rest;
}

/**
 * Rows of one dimension for the month, with 环比 against the calendar month before (the analytics
 * API's previous period is the same number of days, which for a month is not the month before).
 */
async function breakdown(
  db: Db,
  scope: string,
  period: string,
  groupBy: 'jurisdiction' | 'category' | 'form',
) {
  const [cur, prev] = [
    await indicatorsFor(db, { range: range(period), scope, groupBy }),
    await indicatorsFor(db, { range: range(addMonths(period, -1)), scope, groupBy }),
  ];
  const before = new Map(prev.rows.map((r) => [r.key, r.total]));
  const rows = cur.rows
    .filter((r) => r.total > 0)
    .map(
      (r): BreakdownRow => ({
        key: r.key,
        label: r.label,
        total: r.total,
        totalPrevPeriod: before.get(r.key) ?? 0,
        mom: change(r.total, before.get(r.key) ?? 0),
        yoy: r.yoy,
      }),
    )
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  return { rows, raw: cur.rows };
}

/** 重复信访 by content category: counts only. */
function repeatsOf(rows: IndicatorRow[]): RepeatByCategory[] {
  const all = rows.reduce((s, r) => s + r.repeats, 0);
  return rows
    .filter((r) => r.repeats > 0)
    .map((r) => ({ categoryCode: r.key, label: r.label, repeats: r.repeats, share: rate(r.repeats, all) }))
    .sort((a, b) => b.repeats - a.repeats || a.categoryCode.localeCompare(b.categoryCode));
}

/** Hotspots of the month (src/hotspots): labels, places and sizes — no case ids kept. */
async function hotspotsOf(db: Db, scopeCode: string, period: string): Promise<HotspotItem[]> {
  const r = await findHotspots(db, { ...range(period), scopeCode, limit: 10 });
  return r.items.map((h) => ({
    label: h.label,
    subject: hotspotTitle(h),
    place: h.place.name,
    size: h.size,
    petitioners: h.petitioners,
    growth: h.growth,
  }));
}

/** Forecast of the three months after the report month (src/analytics/forecast.ts). */
async function forecastOf(db: Db, scope: string, period: string): Promise<ReportForecast> {
  const r = await forecastVolume(db, { scope, months: 3, until: period });
  const points = r.forecast;
  const first = points[0];
  // A thin history (a quiet county) has no forecast: the report says so instead of printing one.
  if (!first)
    return { model: r.model, mase: null, note: r.note, points: [], nextMonth: null, nextQuarter: null };
  return {
    model: r.model,
    mase: r.mase,
    note: null,
    points,
    nextMonth: first,
    nextQuarter: quarterOf(points),
  };
}

/** The next quarter as the sum of its months; the bounds add up too (a conservative band). */
export function quarterOf(points: ForecastPoint[]): ForecastPoint {
  const sum = (k: keyof Omit<ForecastPoint, 'period'>) =>
    Math.round(points.reduce((a, p) => a + p[k], 0) * 10) / 10;
  return {
    period: `${points[0]?.period ?? ''}~${points[points.length - 1]?.period ?? ''}`,
    mean: sum('mean'),
    lo80: sum('lo80'),
    hi80: sum('hi80'),
    lo95: sum('lo95'),
    hi95: sum('hi95'),
  };
}
