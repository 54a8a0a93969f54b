// The daily detectors (预警研判). Each returns the warnings it would raise at `now`; the scan
// inserts them by dedupe key, so running twice adds nothing. Thresholds: ./thresholds.ts, tightened
// inside special periods (factorFor). No detector puts personal data in a title or detail.
import { and, eq, gte, inArray, lte, notInArray, sql } from 'drizzle-orm';
import {
  addMonths,
  HISTORY_MONTHS,
  monthlyCountsBySeries,
  monthStart,
  shanghaiMonth,
  trimLeadingZeros,
} from '../analytics/forecast.ts';
import { receivedWithin } from '../cases/received.ts';
import type { Executor } from '../db/client.ts';
import { caseEvents, caseParties, cases, jurisdictions, units } from '../db/schema.ts';
import { categoryLabel } from '../domain/categories.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { forecastSeries } from '../domain/forecast/index.ts';
import { TERMINAL_STATES } from '../domain/lifecycle/vocabulary.ts';
import { type ActivePeriod, factorFor } from './periods.ts';
import type { NewWarning } from './store.ts';
import { levelFor, THRESHOLDS as T, tightened } from './thresholds.ts';

const DAY = 86_400_000;
const categoryName = categoryLabel;
const ids = (xs: unknown): number[] => (Array.isArray(xs) ? xs.map(Number) : []);

async function names(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: jurisdictions.code, name: jurisdictions.name })
    .from(jurisdictions)
    .where(inArray(jurisdictions.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Who petitioned: the ID number's hash, else the citizen account, else the phone's hash, else the case. */
const petitioner = sql<string>`coalesce('i' || ${caseParties.idNumberHash}, 'u' || ${cases.petitionerUserId}::text, 'p' || ${caseParties.phoneHash}, 'c' || ${cases.id}::text)`;
const partyJoin = and(eq(caseParties.caseId, cases.id), eq(caseParties.role, 'petitioner'));

// ---- (a) growth against the forecast ------------------------------------------------------------

export async function detectGrowth(
  db: Executor,
  now: Date,
  periods: readonly ActivePeriod[],
): Promise<NewWarning[]> {
  const cur = shanghaiMonth(now);
  const next = addMonths(cur, 1);
  const elapsed =
    (now.getTime() - monthStart(cur).getTime()) / (monthStart(next).getTime() - monthStart(cur).getTime());
  if (elapsed < T.growthMinElapsed) return [];
  const from = addMonths(cur, -HISTORY_MONTHS);
  const series = await monthlyCountsBySeries(db, { from, untilExclusive: next });
  const raised: {
    key: string;
    code: string;
    prefix: string;
    category: string;
    w: Omit<NewWarning, 'caseIds'>;
  }[] = [];
  for (const [key, byMonth] of series) {
    const [prefix = '', category = ''] = key.split('|');
    const toDate = byMonth.get(cur) ?? 0;
    if (toDate < T.growthMinCases) continue;
    const history: { total: number }[] = [];
    for (let p = from; p < cur; p = addMonths(p, 1)) history.push({ total: byMonth.get(p) ?? 0 });
    const y = trimLeadingZeros(history).map((h) => h.total);
    if (y.length < 6 || y.reduce((a, b) => a + b, 0) / y.length < T.growthMinMonthlyMean) continue;
    const point = forecastSeries(y, { horizon: 1 }).points[0];
    if (!point) continue;
    const code = prefix.length === 2 ? `${prefix}0000` : `${prefix}00`;
    const factor = factorFor(periods, code);
    const limit = point.mean + (point.hi95 - point.mean) * factor;
    const projected = toDate / elapsed;
    if (projected <= limit) continue;
    const level = toDate > point.hi95 || projected > 1.5 * limit ? 'high' : 'medium';
    raised.push({
      key,
      code,
      prefix,
      category,
      w: {
        kind: 'growth',
        level,
        jurisdictionCode: code,
        title: '',
        detail:
          `本月至今${toDate}件，按进度全月约${Math.round(projected)}件，` +
          `预测${Math.round(point.mean)}件（95%上限${Math.round(point.hi95)}件` +
          `${factor < 1 ? `，保障期阈值系数${factor}` : ''}）。`,
        dedupeKey: `growth:${code}:${category || 'all'}:${cur}:${level}`,
      },
    });
  }
  const placeNames = await names(
    db,
    raised.map((r) => r.code),
  );
  const out: NewWarning[] = [];
  for (const r of raised) {
    const what = r.category ? `${categoryName(r.category)}类信访量` : '信访总量';
    const caseRows = await db
      .select({ id: cases.id })
      .from(cases)
      .where(
        and(
          sql`${cases.jurisdictionCode} like ${`${r.prefix}%`}`,
          receivedWithin(monthStart(cur), monthStart(next)),
          r.category ? eq(cases.categoryCode, r.category) : undefined,
        ),
      )
      .orderBy(sql`${cases.receivedAt} desc`)
      .limit(200);
    out.push({
      ...r.w,
      title: `异常增长：${placeNames.get(r.code) ?? r.code}${what}高于预测区间`,
      caseIds: caseRows.map((c) => c.id),
    });
  }
  return out;
}

// ---- (b) possible group event -------------------------------------------------------------------

export async function detectGroupEvents(
  db: Executor,
  now: Date,
  periods: readonly ActivePeriod[],
): Promise<NewWarning[]> {
  const windowStart = new Date(now.getTime() - T.groupWindowDays * DAY);
  const baselineStart = new Date(windowStart.getTime() - T.groupBaselineWeeks * 7 * DAY);
  const county = sql<string>`substr(${cases.jurisdictionCode}, 1, 6)`;
  const inWindow = sql`${cases.receivedAt} >= ${windowStart}`;
  const rows = await db
    .select({
      county,
      category: cases.categoryCode,
      petitioners: sql<number>`count(distinct ${petitioner}) filter (where ${inWindow})::int`,
      suspect: sql<number>`count(distinct ${petitioner}) filter (where ${inWindow} and ${cases.groupSuspect})::int`,
      baseline: sql<number>`count(*) filter (where not (${inWindow}))::int`,
      caseIds: sql<unknown>`(array_agg(${cases.id} order by ${cases.receivedAt}) filter (where ${inWindow}))`,
    })
    .from(cases)
    .leftJoin(caseParties, partyJoin)
    .where(receivedWithin(baselineStart, now))
    .groupBy(county, cases.categoryCode)
    .having(sql`count(distinct ${petitioner}) filter (where ${inWindow}) >= 2`);
  const out: NewWarning[] = [];
  const placeNames = await names(
    db,
    rows.map((r) => r.county),
  );
  const since = shanghaiDate(windowStart);
  for (const r of rows) {
    const factor = factorFor(periods, r.county);
    const usualWeek = (Number(r.baseline) / T.groupBaselineWeeks) * (T.groupWindowDays / 7);
    const countLimit = Math.max(
      tightened(T.groupPetitioners, factor),
      Math.ceil(T.groupBaselineMultiple * usualWeek * factor),
    );
    const suspectLimit = tightened(T.groupSuspectPetitioners, factor);
    const bySuspect = Number(r.suspect) >= suspectLimit;
    const byCount = Number(r.petitioners) >= countLimit;
    if (!bySuspect && !byCount) continue;
    const level = bySuspect
      ? levelFor(Number(r.suspect), suspectLimit)
      : levelFor(Number(r.petitioners), countLimit);
    const place = placeNames.get(r.county) ?? r.county;
    out.push({
      kind: 'group_event',
      level,
      jurisdictionCode: r.county,
      title: `疑似群体性事件：${place}${categoryName(r.category)}类${T.groupWindowDays}日内${r.petitioners}人反映`,
      detail:
        `${since}以来${T.groupWindowDays}日内${place}${categoryName(r.category)}类信访${r.petitioners}人` +
        `${Number(r.suspect) ? `，其中${r.suspect}人反映内容高度相似` : ''}` +
        `（阈值：相似${suspectLimit}人或合计${countLimit}人）。`,
      caseIds: ids(r.caseIds),
      // One warning per place and matter a week: the scan skips keys of the last window (see scan.ts).
      dedupeKey: `group_event:${r.county}:${r.category ?? 'none'}:${shanghaiDate(now)}`,
    });
  }
  return out;
}

// ---- (c) one petitioner, many petitions -----------------------------------------------------------

export async function detectRepeatPetitioners(
  db: Executor,
  now: Date,
  periods: readonly ActivePeriod[],
): Promise<NewWarning[]> {
  const since = new Date(now.getTime() - T.repeatWindowDays * DAY);
  // Bounded at `now` as well, so a scan of a past day counts only what had come in by then.
  const received = sql`${cases.receivedAt} >= ${since} and ${cases.receivedAt} <= ${now}`;
  const minLimit = Math.min(T.repeatPetitions, ...periods.map((p) => tightened(T.repeatPetitions, p.factor)));
  // Petitions = cases received in the window + repeats linked to an open matter in the window.
  const linked = db
    .select({ caseId: caseEvents.caseId, n: sql<number>`count(*)::int`.as('n') })
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.action, 'link_repeat'),
        gte(caseEvents.at, since),
        lte(caseEvents.at, now),
        inArray(
          caseEvents.caseId,
          db
            .select({ id: cases.id })
            .from(cases)
            .where(and(sql`${cases.repeatCount} > 0`, gte(cases.updatedAt, since))),
        ),
      ),
    )
    .groupBy(caseEvents.caseId)
    .as('linked');
  const rows = await db
    .select({
      who: petitioner,
      petitions: sql<number>`(count(*) filter (where ${received}) + coalesce(sum(${linked.n}), 0))::int`,
      place: sql<string>`(array_agg(${cases.jurisdictionCode} order by ${cases.receivedAt} desc))[1]`,
      caseIds: sql<unknown>`array_agg(${cases.id} order by ${cases.receivedAt} desc)`,
    })
    .from(cases)
    .leftJoin(caseParties, partyJoin)
    .leftJoin(linked, eq(linked.caseId, cases.id))
    .where(sql`(${received}) or ${linked.caseId} is not null`)
    .groupBy(petitioner)
    .having(sql`count(*) filter (where ${received}) + coalesce(sum(${linked.n}), 0) >= ${minLimit}`);
  const month = shanghaiMonth(now);
  const out: NewWarning[] = [];
  const placeNames = await names(
    db,
    rows.map((r) => r.place.slice(0, 6)),
  );
  for (const r of rows) {
    const county = r.place.slice(0, 6);
    const limit = tightened(T.repeatPetitions, factorFor(periods, r.place));
    if (Number(r.petitions) < limit) continue;
    const caseIds = ids(r.caseIds);
    out.push({
      kind: 'repeat_petitioner',
      level: levelFor(Number(r.petitions), limit),
      jurisdictionCode: county,
      title: `重复信访：${placeNames.get(county) ?? county}一名信访人${T.repeatWindowDays}日内信访${r.petitions}次`,
      detail: `同一信访人${T.repeatWindowDays}日内信访${r.petitions}次（阈值${limit}次），涉及${caseIds.length}件信访事项，请关注化解。`,
      caseIds,
      // The key names the person only by a hash prefix (never the ID number), once a month.
      dedupeKey: `repeat_petitioner:${r.who.slice(0, 24)}:${month}`,
    });
  }
  return out;
}

// ---- (d) overdue cases piling up at a unit --------------------------------------------------------

export async function detectOverdueUnits(
  db: Executor,
  now: Date,
  periods: readonly ActivePeriod[],
): Promise<NewWarning[]> {
  const minLimit = Math.min(T.overdueCases, ...periods.map((p) => tightened(T.overdueCases, p.factor)));
  const rows = await db
    .select({
      unitId: units.id,
      unitName: units.name,
      code: units.jurisdictionCode,
      n: sql<number>`count(*)::int`,
      caseIds: sql<unknown>`array_agg(${cases.id} order by ${cases.dueAt})`,
    })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.currentUnitId))
    .where(and(eq(cases.dueFlag, 'overdue'), notInArray(cases.state, [...TERMINAL_STATES])))
    .groupBy(units.id, units.name, units.jurisdictionCode)
    .having(sql`count(*) >= ${minLimit}`);
  const month = shanghaiMonth(now);
  const out: NewWarning[] = [];
  for (const r of rows) {
    const limit = tightened(T.overdueCases, factorFor(periods, r.code));
    const n = Number(r.n);
    if (n < limit) continue;
    const level = levelFor(n, limit);
    out.push({
      kind: 'overdue_unit',
      level,
      jurisdictionCode: r.code,
      title: `超期积压：${r.unitName}超期未办结${n}件`,
      detail: `${r.unitName}当前持有超期未办结信访事项${n}件（阈值${limit}件），请督促办理。`,
      caseIds: ids(r.caseIds),
      dedupeKey: `overdue_unit:${r.unitId}:${month}:${level}`,
    });
  }
  return out;
}
