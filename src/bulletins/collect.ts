// Gathers a month's BulletinData: per jurisdiction one level down, the month's indicators (the
// analytics rollups), the backlog matters identified and resolved so far (src/backlog's table),
// the open overdue matters now; ranked on the scorecard (src/domain/bulletins/scorecard.ts), with
// the findings and the units with most overdue matters. Stored with the bulletin: counts only.
import { and, asc, eq, gte, like, lt, sql } from 'drizzle-orm';
import { overdueByUnit } from '../analytics/indicators.ts';
import { figuresByJurisdiction, type PlaceFigures } from '../analytics/jurisdictionFigures.ts';
import type { Db } from '../db/client.ts';
import { supervisionOrders, units } from '../db/schema.ts';
import { findings, rankByScore, type ScoredFigures } from '../domain/bulletins/scorecard.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { rate } from '../domain/indicators/index.ts';
import { ownUnitsAndAbove, prefixOf } from '../domain/jurisdictions.ts';
import {
  ESCALATION_NAMES,
  isOverdue,
  letterNumber,
  ORDER_STATUS_NAMES,
  ORDER_TYPE_RULES,
  type OrderStatus,
  type OrderType,
} from '../domain/supervision/orders.ts';
import { checkMonth, monthRange } from '../reports/collect.ts';
import { supervisionCounts } from '../supervision/queries.ts';
import type { BulletinData, BulletinRow, SupervisionSummary } from './types.ts';

/** The month's supervision orders in the scope (src/supervision): counts, and each order in words. */
async function supervisionOf(
  db: Db,
  scopeCode: string,
  range: { from: string; to: string },
  today: string,
): Promise<SupervisionSummary> {
  const { total } = await supervisionCounts({ db }, { jurisdiction: scopeCode }, range.from, range.to, today);
  const o = supervisionOrders;
  const rows = await db
    .select({
      type: o.type,
      status: o.status,
      deadline: o.deadline,
      feedbackAt: o.feedbackAt,
      letterYear: o.letterYear,
      letterSeq: o.letterSeq,
      escalationLevel: o.escalationLevel,
      unitName: units.name,
    })
    .from(o)
    .innerJoin(units, eq(units.id, o.unitId))
    .where(
      and(
        like(o.jurisdictionCode, `${prefixOf(scopeCode)}%`),
        gte(o.raisedAt, sql`(${range.from}::date)::timestamp at time zone 'Asia/Shanghai'`),
        lt(o.raisedAt, sql`(${range.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`),
      ),
    )
    .orderBy(asc(o.raisedAt), asc(o.id))
    .limit(50);
  const items = rows.map((r) => {
    const status = r.status as OrderStatus;
    const late = isOverdue(
      { status, deadline: r.deadline, feedbackDate: r.feedbackAt ? shanghaiDate(r.feedbackAt) : null },
      today,
    );
    const words =
      status === 'issued' && late
        ? '逾期未反馈'
        : late
          ? `${ORDER_STATUS_NAMES[status]}（逾期反馈）`
          : ORDER_STATUS_NAMES[status];
    const escalation = ESCALATION_NAMES[r.escalationLevel] ?? '';
    return {
      // A 网上督办 or 约谈 is not sent as a 督办函: no 文号 (shown as —, as in the console's list).
      number: r.letterYear && r.letterSeq ? letterNumber(r.letterYear, r.letterSeq) : null,
      type: ORDER_TYPE_RULES[r.type as OrderType]?.name ?? r.type,
      unitName: r.unitName,
      status: escalation ? `${words}，${escalation}` : words,
    };
  });
  return {
    raised: total.issued,
    closedOnTime: total.closedOnTime,
    closed: total.closed,
    overdue: total.overdue,
    escalated: total.escalated,
    items,
  };
}

export async function collectBulletinData(
  db: Db,
  opts: { month: string; scopeCode: string },
  now: Date = new Date(),
): Promise<BulletinData> {
  checkMonth(opts.month);
  const range = monthRange(opts.month);
  const { scope, rows: places, total: whole } = await figuresByJurisdiction(db, opts.scopeCode, range);

  const figures = (p: PlaceFigures): ScoredFigures => ({
    total: p.ind.total,
    timelyAcceptanceRate: p.ind.timelyAcceptanceRate,
    onTimeCompletionRate: p.ind.onTimeCompletionRate,
    completed: p.ind.completed,
    satisfactionRate: p.ind.satisfactionRate,
    repeatRate: p.ind.repeatRate,
    backlogIdentified: p.backlogIdentified,
    backlogResolved: p.backlogResolved,
    backlogResolutionRate: rate(p.backlogResolved, p.backlogIdentified),
    overdue: p.overdue,
  });
  const base = places.map((p) => ({ code: p.code, name: p.name, ...figures(p) }));
  const ranked = rankByScore(base, (r) => r.code);
  const rows: BulletinRow[] = ranked.map((r) => ({ ...r.row, score: r.score, rank: r.rank }));
  const totalFigures = { code: scope.code, name: scope.name, ...figures(whole) };
  const [totalRanked] = rankByScore([totalFigures], (r) => r.code);

  // The place's own units only: an upper bureau holding one of its matters is not for this 通报.
  const overdue = ownUnitsAndAbove((await overdueByUnit(db, scope.code)).rows, scope.code);
  return {
    kind: 'bulletin',
    period: opts.month,
    from: range.from,
    to: range.to,
    scope,
    total: { ...totalFigures, score: totalRanked?.score ?? null, rank: null },
    rows,
    findings: findings(ranked),
    overdueUnits: overdue.own
      .filter((u) => u.overdue > 0)
      .slice(0, 10)
      .map((u) => ({
        unitName: u.unitName,
        jurisdictionName: u.jurisdictionName,
        open: u.open,
        overdue: u.overdue,
      })),
    overdueAbove: overdue.overdueAbove,
    // What was late is judged at the month's end (or today, for the month in progress).
    supervision: await supervisionOf(
      db,
      scope.code,
      range,
      [range.to, shanghaiDate(now)].sort()[0] as string,
    ),
  };
}
