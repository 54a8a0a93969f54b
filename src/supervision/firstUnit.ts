// 首接首办 (first receiver handles): the first unit a matter is forwarded or assigned to (转送/交办)
// is its 首办单位. Cases keep only the current and the assigned unit (both change on reassignment),
// so this capability records the first one from `case.acted` (subscriber wired in
// src/capabilities.ts), once per case. And the indicator 初信初访一次性化解率 per unit and
// jurisdiction: of the first-time matters (本机构初次) received in a period, accepted and answered,
// the share with no repeat petition and no review request.
import { and, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import { receivedWithin } from '../cases/received.ts';
import type { EventBus } from '../commands/events.ts';
import type { AppContext } from '../context.ts';
import { caseEvents, caseFirstUnits, cases, units } from '../db/schema.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import type { PlatformEvents } from '../events.ts';

const FIRST_ACTIONS = new Set(['forward', 'assign']);

export function subscribeFirstUnits(events: EventBus<PlatformEvents>): void {
  events.on('case.acted', 'supervision.first_unit', async (w, e) => {
    if (!FIRST_ACTIONS.has(e.action)) return;
    const unitId = e.action === 'assign' ? e.after.assignedUnitId : e.after.currentUnitId;
    if (unitId === null) return;
    await w.tx
      .insert(caseFirstUnits)
      .values({ caseId: e.after.id, unitId, action: e.action, at: e.at })
      .onConflictDoNothing();
  });
}

/** The 首办单位 of a case, if it was ever forwarded or assigned. */
export async function firstUnitOf(ctx: Pick<AppContext, 'db'>, caseId: number) {
  const [r] = await ctx.db
    .select({
      unitId: caseFirstUnits.unitId,
      unit: units.name,
      action: caseFirstUnits.action,
      at: caseFirstUnits.at,
    })
    .from(caseFirstUnits)
    .innerJoin(units, eq(units.id, caseFirstUnits.unitId))
    .where(eq(caseFirstUnits.caseId, caseId));
  return r ?? null;
}

const ANSWERED = [
  'delivered',
  'review_requested',
  'reviewed',
  'rereview_requested',
  'closed',
  'final',
  'settled',
];
const REVIEW_ACTIONS = ['request_review', 'request_rereview'];

export interface FirstTimeRow {
  unitId: number;
  unit: string;
  /** First-time matters received in the period, accepted and answered. */
  answered: number;
  /** Of those, no repeat petition and no review request. */
  resolvedOnce: number;
  rate: number | null;
}

/**
 * 初信初访一次性化解率 = resolvedOnce ÷ answered, for first-time matters received from `from` to
 * `to` (Asia/Shanghai dates, inclusive) in a jurisdiction's subtree, per 首办单位 (the matters a
 * bureau handled itself count for that bureau) and in total.
 */
export async function firstTimeResolution(
  ctx: Pick<AppContext, 'db'>,
  jurisdiction: string,
  from: string,
  to: string,
): Promise<{ total: Omit<FirstTimeRow, 'unitId' | 'unit'>; byUnit: FirstTimeRow[] }> {
  const unitOf = sql<number>`coalesce(${caseFirstUnits.unitId}, ${cases.bureauUnitId}, ${cases.registeringUnitId})`;
  // `e.at >= received_at`: a case's events are not older than its registration (src/cases/history.ts),
  // which lets PostgreSQL skip the partitions before it for each case.
  const reviewed = sql`exists (select 1 from ${caseEvents} e where e.case_id = ${cases.id}
    and e.at >= ${cases.receivedAt} and e.action in ${sql.raw(`(${REVIEW_ACTIONS.map((a) => `'${a}'`).join(', ')})`)})`;
  const where: SQL[] = [
    eq(cases.firstTime, true),
    sql`${cases.acceptedAt} is not null`,
    sql`${cases.state} in ${sql.raw(`(${ANSWERED.map((s) => `'${s}'`).join(', ')})`)}`,
    like(cases.jurisdictionCode, `${prefixOf(jurisdiction)}%`),
    receivedWithin(
      sql`(${from}::date)::timestamp at time zone 'Asia/Shanghai'`,
      sql`(${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`,
    ),
  ];
  const rows = await ctx.db
    .select({
      unitId: unitOf,
      answered: sql<number>`count(*)::int`,
      resolvedOnce: sql<number>`count(*) filter (where ${cases.repeatCount} = 0 and not ${reviewed})::int`,
    })
    .from(cases)
    .leftJoin(caseFirstUnits, eq(caseFirstUnits.caseId, cases.id))
    .where(and(...where))
    .groupBy(unitOf);
  const names = rows.length
    ? await ctx.db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(
          inArray(
            units.id,
            rows.map((r) => Number(r.unitId)),
          ),
        )
    : [];
  const rate = (a: number, r: number) => (a === 0 ? null : Math.round((r / a) * 1000) / 10);
  const byUnit = rows
    .map((r) => {
      const answered = Number(r.answered);
      const resolvedOnce = Number(r.resolvedOnce);
      const unitId = Number(r.unitId);
      return {
        unitId,
        unit: names.find((n) => n.id === unitId)?.name ?? '',
        answered,
        resolvedOnce,
        rate: rate(answered, resolvedOnce),
      };
    })
    .sort((a, b) => a.unitId - b.unitId);
  const answered = byUnit.reduce((s, r) => s + r.answered, 0);
  const resolvedOnce = byUnit.reduce((s, r) => s + r.resolvedOnce, 0);
  return { total: { answered, resolvedOnce, rate: rate(answered, resolvedOnce) }, byUnit };
}
