// Indicator queries (GET /api/v1/analytics/indicators, /trend, /overdue-by-unit): sums over the
// rollups — whole months from stats_monthly, the days at either end from stats_daily — plus the
// tiny jurisdictions and units tables for names. Never a scan of `cases`.
import { inArray, like, sql } from 'drizzle-orm';
import { dictionaryAt } from '../categories/queries.ts';
import type { Executor } from '../db/client.ts';
import { jurisdictions, units } from '../db/schema.ts';
import { entryLevel, entryPath, firstLevelOf, parentOf } from '../domain/admin/categories.ts';
import { categoryLabel } from '../domain/categories.ts';
import { addDays } from '../domain/deadlines/index.ts';
import {
  COUNTER_NAMES,
  type Counters,
  computeIndicators,
  type DateRange,
  emptyCounters,
  type Indicators,
  minusYear,
  monthOf,
  nextMonth,
  prevPeriodRange,
  prevYearRange,
  splitRange,
} from '../domain/indicators/index.ts';
import { UNCONFIRMED_CATEGORY_LABEL } from '../domain/intake/classification.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { FORM_NAMES, PURPOSE_NAMES } from '../domain/lifecycle/vocabulary.ts';
import { badRequest } from '../errors.ts';
import type { GroupBy } from './contract.ts';
import { COUNTER_COLUMNS, type Dim } from './rollup.ts';

export { GROUP_BYS, type GroupBy } from './contract.ts';

export function checkRange(r: DateRange): void {
  if (r.from > r.to) throw badRequest('invalid_range', '起始日期不能晚于截止日期', 'from');
  if (Number(r.to.slice(0, 4)) - Number(r.from.slice(0, 4)) > 10) {
    throw badRequest('range_too_long', '统计期间不能超过10年', 'from');
  }
}

const SUMS = sql.raw(
  COUNTER_NAMES.map((n, i) => `coalesce(sum(${COUNTER_COLUMNS[i]}), 0)::int AS "${n}"`).join(', '),
);
const COLS = sql.raw(COUNTER_COLUMNS.join(', '));

/** The SQL expression of the group key over the rollup rows `s` (period, jurisdiction_code, key). */
function groupExpr(groupBy: GroupBy, prefix: string) {
  switch (groupBy) {
    case 'none':
      return sql`''`;
    case 'jurisdiction': {
      // Direct children: province '32' → 4 digits (cities), city '3201' → 6 (counties), county → 9 (towns).
      const len = prefix.length === 2 ? 4 : prefix.length === 4 ? 6 : 9;
      return sql`left(s.jurisdiction_code, ${sql.raw(String(len))})`;
    }
    case 'month':
      return sql`to_char(s.period, 'YYYY-MM')`;
    case 'day':
      return sql`to_char(s.period, 'YYYY-MM-DD')`;
    default:
      return sql`s.key`;
  }
}

const dimOf = (groupBy: GroupBy): Dim =>
  groupBy === 'category' ||
  groupBy === 'subcategory' ||
  groupBy === 'form' ||
  groupBy === 'purpose' ||
  groupBy === 'unit'
    ? groupBy
    : 'all';

/** Counter sums per group over [from, to] for the places under `prefix`. */
export async function sumRollups(
  db: Executor,
  q: { range: DateRange; prefix: string; groupBy: GroupBy; category?: string },
): Promise<Map<string, Counters>> {
  let dim = dimOf(q.groupBy);
  let keyCond = sql``;
  if (q.category) {
    if (dim !== 'all') throw badRequest('invalid_filter', '按类别筛选时不能再按其他维度分组', 'category');
    dim = 'category';
    keyCond = sql` AND key LIKE ${`${q.category}%`}`;
  }
  // Day groups need daily rows throughout; otherwise whole months come from the monthly table.
  const split = q.groupBy === 'day' ? { months: null, days: [q.range] } : splitRange(q.range);
  const where = (r: DateRange) =>
    sql`dim = ${dim} AND period BETWEEN ${r.from}::date AND ${r.to}::date AND jurisdiction_code LIKE ${`${q.prefix}%`}${keyCond}`;
  const parts = [
    ...(split.months
      ? [sql`SELECT period, jurisdiction_code, key, ${COLS} FROM stats_monthly WHERE ${where(split.months)}`]
      : []),
    ...split.days.map(
      (d) => sql`SELECT period, jurisdiction_code, key, ${COLS} FROM stats_daily WHERE ${where(d)}`,
    ),
  ];
  const g = groupExpr(q.groupBy, q.prefix);
  const res = (await db.execute(
    sql`SELECT ${g} AS g, ${SUMS} FROM (${sql.join(parts, sql` UNION ALL `)}) s GROUP BY 1`,
  )) as unknown as { rows: ({ g: string } & Counters)[] };
  const out = new Map<string, Counters>();
  for (const r of res.rows) {
    const c = emptyCounters();
    for (const n of COUNTER_NAMES) c[n] = Number(r[n]);
    out.set(r.g, c);
  }
  return out;
}

export interface IndicatorRow extends Indicators {
  key: string;
  label: string;
  drill: boolean;
}

export interface IndicatorResult {
  from: string;
  to: string;
  scope: { code: string; name: string };
  totals: Indicators;
  rows: IndicatorRow[];
}

/** Every 'YYYY-MM' or 'YYYY-MM-DD' bucket of a range, oldest first. */
export function buckets(r: DateRange, interval: 'month' | 'day'): string[] {
  const out: string[] = [];
  if (interval === 'day') for (let d = r.from; d <= r.to; d = addDays(d, 1)) out.push(d);
  else for (let m = monthOf(r.from); m <= r.to; m = nextMonth(m)) out.push(m.slice(0, 7));
  return out;
}

const prevBucket = (k: string) => (k.length === 7 ? shiftMonth(k, -1) : addDays(k, -1));
function shiftMonth(k: string, n: number): string {
  const m = Number(k.slice(0, 4)) * 12 + Number(k.slice(5, 7)) - 1 + n;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}
const prevYearKey = (k: string) => (k.length === 7 ? shiftMonth(k, -12) : minusYear(k));

/** Labels and drill flags of the group keys. */
async function labelsFor(
  db: Executor,
  groupBy: GroupBy,
  keys: string[],
): Promise<Map<string, { label: string; drill: boolean }>> {
  const out = new Map<string, { label: string; drill: boolean }>();
  if (groupBy === 'unit') {
    const ids = keys.filter((k) => /^\d+$/.test(k)).map(Number);
    const rows = ids.length
      ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))
      : [];
    for (const r of rows) out.set(String(r.id), { label: r.name, drill: false });
  } else if (groupBy === 'category') {
    for (const k of keys) if (k) out.set(k, { label: categoryLabel(k), drill: false });
  } else if (groupBy === 'subcategory') {
    // By the dictionary's current names, under the first level: 城乡建设 / 物业管理 / 物业收费.
    // A second level beside its own third levels counts only the matters given it alone: said so.
    const { entries } = await dictionaryAt(db);
    const split = new Set(keys.filter((k) => entryLevel(k) === 3).map((k) => parentOf(k)));
    for (const k of keys) {
      const path = entryPath(entries, k) ?? k;
      const alone = split.has(k) ? '（未再细分）' : '';
      out.set(k, { label: `${categoryLabel(firstLevelOf(k))} / ${path}${alone}`, drill: false });
    }
  } else if (groupBy === 'form') {
    for (const [k, v] of Object.entries(FORM_NAMES)) out.set(k, { label: v, drill: false });
  } else if (groupBy === 'purpose') {
    for (const [k, v] of Object.entries(PURPOSE_NAMES)) out.set(k, { label: v, drill: false });
  }
  return out;
}

/** The direct children of a jurisdiction (code, name, has children). */
async function childrenOf(db: Executor, code: string) {
  const res = (await db.execute(sql`
    SELECT j.code, j.name, EXISTS (SELECT 1 FROM jurisdictions c WHERE c.parent_code = j.code) AS drill
    FROM jurisdictions j WHERE j.parent_code = ${code} ORDER BY j.code`)) as unknown as {
    rows: { code: string; name: string; drill: boolean }[];
  };
  return res.rows;
}

export async function scopeOf(db: Executor, code: string): Promise<{ code: string; name: string }> {
  const [j] = await db
    .select({ code: jurisdictions.code, name: jurisdictions.name })
    .from(jurisdictions)
    .where(inArray(jurisdictions.code, [code]));
  if (!j) throw badRequest('unknown_jurisdiction', '行政区划不存在', 'scope');
  return j;
}

/** GET /api/v1/analytics/indicators (also used by the monthly report). */
export async function indicatorsFor(
  db: Executor,
  q: { range: DateRange; scope: string; groupBy: GroupBy },
): Promise<IndicatorResult> {
  checkRange(q.range);
  const scope = await scopeOf(db, q.scope);
  const prefix = prefixOf(scope.code);
  const base = { prefix };
  const py = prevYearRange(q.range);
  const pp = prevPeriodRange(q.range);
  const [cur, curPy, curPp] = await Promise.all([
    sumRollups(db, { ...base, range: q.range, groupBy: 'none' }),
    sumRollups(db, { ...base, range: py, groupBy: 'none' }),
    sumRollups(db, { ...base, range: pp, groupBy: 'none' }),
  ]);
  const totals = computeIndicators(cur.get('') ?? emptyCounters(), curPy.get(''), curPp.get(''));
  const result: IndicatorResult = { from: q.range.from, to: q.range.to, scope, totals, rows: [] };
  if (q.groupBy === 'none') return result;

  const time = q.groupBy === 'month' || q.groupBy === 'day';
  // Time rows compare with the same bucket a year earlier (同比) and with the bucket just before
  // (环比): the one before the first bucket is read separately.
  const before =
    q.groupBy === 'month' ? monthOf(addDays(monthOf(q.range.from), -1)) : addDays(q.range.from, -1);
  const [groups, groupsPy, groupsPp] = await Promise.all([
    sumRollups(db, { ...base, range: q.range, groupBy: q.groupBy }),
    sumRollups(db, { ...base, range: py, groupBy: q.groupBy }),
    time
      ? sumRollups(db, {
          ...base,
          range: { from: before, to: addDays(q.range.from, -1) },
          groupBy: q.groupBy,
        })
      : sumRollups(db, { ...base, range: pp, groupBy: q.groupBy }),
  ]);
  let keys: { key: string; label: string; drill: boolean }[];
  if (q.groupBy === 'jurisdiction') {
    const kids = await childrenOf(db, scope.code);
    const pad = (k: string) => (k.length === 4 ? `${k}00` : k);
    const known = new Set(kids.map((k) => k.code));
    keys = kids.map((k) => ({ key: k.code, label: k.name, drill: k.drill }));
    // Matters placed at the scope itself (e.g. 南京市 for the city as a whole): "本级".
    for (const g of groups.keys()) {
      if (!known.has(pad(g))) keys.push({ key: pad(g), label: `${scope.name}本级`, drill: false });
    }
    const remap = (m: Map<string, Counters>) => new Map([...m].map(([k, v]) => [pad(k), v]));
    return fill(
      result,
      keys,
      remap(groups),
      remap(groupsPy),
      remap(groupsPp),
      (k) => k,
      (k) => k,
    );
  }
  if (time) {
    const interval = q.groupBy as 'month' | 'day';
    keys = buckets(q.range, interval).map((k) => ({ key: k, label: k, drill: false }));
    return fill(result, keys, groups, groupsPy, new Map([...groupsPp, ...groups]), prevYearKey, prevBucket);
  }
  const labels = await labelsFor(db, q.groupBy, [...groups.keys()]);
  keys = [...groups.keys()].sort().map((k) => ({
    key: k,
    label:
      labels.get(k)?.label ??
      (k === '' ? (q.groupBy === 'category' ? UNCONFIRMED_CATEGORY_LABEL : '未填写') : k),
    drill: false,
  }));
  return fill(
    result,
    keys,
    groups,
    groupsPy,
    groupsPp,
    (k) => k,
    (k) => k,
  );
}

function fill(
  result: IndicatorResult,
  keys: { key: string; label: string; drill: boolean }[],
  cur: Map<string, Counters>,
  py: Map<string, Counters>,
  pp: Map<string, Counters> | null,
  pyKey: (k: string) => string,
  ppKey: (k: string) => string,
): IndicatorResult {
  result.rows = keys.map((k) => ({
    key: k.key,
    label: k.label,
    drill: k.drill,
    ...computeIndicators(cur.get(k.key) ?? emptyCounters(), py.get(pyKey(k.key)), pp?.get(ppKey(k.key))),
  }));
  return result;
}

/** GET /api/v1/analytics/trend: total, same bucket a year earlier, online, per month or day. */
export async function trendFor(
  db: Executor,
  q: { range: DateRange; scope: string; category?: string; interval: 'month' | 'day' },
) {
  checkRange(q.range);
  const prefix = prefixOf((await scopeOf(db, q.scope)).code);
  const [cur, py] = await Promise.all([
    sumRollups(db, { range: q.range, prefix, groupBy: q.interval, category: q.category }),
    sumRollups(db, { range: prevYearRange(q.range), prefix, groupBy: q.interval, category: q.category }),
  ]);
  // A month the range ends inside (this month, to today) is partial: it says up to which day, and
  // its 去年同期 is the same days last year (prevYearRange ends a year before `to`), like with like.
  const lastMonth = q.range.to.slice(0, 7);
  const partial = q.interval === 'month' && addDays(q.range.to, 1).slice(0, 7) === lastMonth;
  return {
    points: buckets(q.range, q.interval).map((period) => ({
      period,
      total: cur.get(period)?.total ?? 0,
      totalPrevYear: py.get(prevYearKey(period))?.total ?? 0,
      online: cur.get(period)?.online ?? 0,
      ...(partial && period === lastMonth ? { through: q.range.to } : {}),
    })),
  };
}

/** GET /api/v1/analytics/overdue-by-unit: open, near-due and overdue matters per holding unit now. */
export async function overdueByUnit(db: Executor, scope: string) {
  const prefix = prefixOf((await scopeOf(db, scope)).code);
  const res = (await db.execute(sql`
    SELECT o.unit_id AS "unitId", u.name AS "unitName", j.name AS "jurisdictionName",
           u.jurisdiction_code AS "unitJurisdictionCode",
           sum(o.open)::int AS open, sum(o.near)::int AS near, sum(o.overdue)::int AS overdue
    FROM stats_open o JOIN units u ON u.id = o.unit_id JOIN jurisdictions j ON j.code = u.jurisdiction_code
    WHERE ${like(sql`o.jurisdiction_code`, `${prefix}%`)}
    GROUP BY o.unit_id, u.name, j.name, u.jurisdiction_code
    HAVING sum(o.open) > 0
    ORDER BY overdue DESC, near DESC, open DESC, o.unit_id`)) as unknown as {
    rows: {
      unitId: number;
      unitName: string;
      jurisdictionName: string;
      /** Where the unit sits: an upper bureau holding a matter of the place sits above it. */
      unitJurisdictionCode: string;
      open: number;
      near: number;
      overdue: number;
    }[];
  };
  return {
    rows: res.rows.map((r) => ({
      ...r,
      unitId: Number(r.unitId),
      open: Number(r.open),
      near: Number(r.near),
      overdue: Number(r.overdue),
    })),
  };
}
