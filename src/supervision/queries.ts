// Reads of supervision orders, scoped by src/policies/supervision.ts: one order (404 outside the
// scope), the list with its filters, and the counts of a jurisdiction or unit for a period
// (`supervisionCounts`, for the monthly bulletin: issued, overdue, closed on time).
import { and, desc, eq, gte, inArray, like, lt, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { cases, supervisionOrders, units, users } from '../db/schema.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import type { OrderStatus } from '../domain/supervision/orders.ts';
import { notFound } from '../errors.ts';
import { ensureReadable } from '../policies/index.ts';
import { type Actor, supervisionPolicy, supervisionScope } from '../policies/supervision.ts';

export type OrderRow = typeof supervisionOrders.$inferSelect;

/** An order the caller may read (locked for update inside a command), else 404. */
export async function visibleOrder(exec: Executor, actor: Actor, id: number, forUpdate = false) {
  const q = exec
    .select()
    .from(supervisionOrders)
    .where(and(eq(supervisionOrders.id, id), supervisionScope(actor)));
  const [o] = forUpdate ? await q.for('update') : await q;
  if (!o) throw notFound('未找到该督办事项，或您无权查看');
  ensureReadable(supervisionPolicy.read(actor, o));
  return o;
}

/** The names an order's detail shows: who raised, answered and closed it, both units, its matter. */
export async function orderNames(exec: Executor, o: OrderRow) {
  const unitIds = [o.unitId, o.raisingUnitId];
  const userIds = [o.raisedBy, o.feedbackBy, o.closedBy].filter((x): x is number => x !== null);
  const [people, unitNames, matter] = await Promise.all([
    exec.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)),
    exec.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)),
    o.caseId !== null
      ? exec
          .select({ caseNumber: cases.caseNumber, subject: cases.subject })
          .from(cases)
          .where(eq(cases.id, o.caseId))
      : Promise.resolve([]),
  ]);
  return { people, units: unitNames, matter: matter[0] ?? null };
}
export type OrderNames = Awaited<ReturnType<typeof orderNames>>;

export interface OrderListFilter {
  /** These orders only (those in scope among them). */
  ids?: number[];
  status?: OrderStatus[];
  caseId?: number;
  unitId?: number;
  /** Only orders waiting for feedback past their deadline (true), or not (false). */
  overdue?: boolean;
  jurisdiction?: string;
  today: string;
  limit?: number;
}

const overdueSql = (today: string) =>
  sql`(${supervisionOrders.status} = 'issued' and ${supervisionOrders.deadline} < ${today}::date)`;

const raising = alias(units, 'raising_unit');

/**
 * Orders in the caller's scope with the case's number and subject, the supervised unit's name and
 * the raising unit's (a bureau's list holds orders it raised and orders raised on it), newest first.
 */
export async function listOrders(ctx: AppContext, actor: Actor, f: OrderListFilter) {
  const where: (SQL | undefined)[] = [supervisionScope(actor)];
  if (f.ids) where.push(inArray(supervisionOrders.id, f.ids));
  if (f.status?.length) where.push(inArray(supervisionOrders.status, f.status));
  if (f.caseId !== undefined) where.push(eq(supervisionOrders.caseId, f.caseId));
  if (f.unitId !== undefined) where.push(eq(supervisionOrders.unitId, f.unitId));
  if (f.jurisdiction) where.push(like(supervisionOrders.jurisdictionCode, `${f.jurisdiction}%`));
  if (f.overdue !== undefined) where.push(f.overdue ? overdueSql(f.today) : sql`not ${overdueSql(f.today)}`);
  return ctx.db
    .select({
      o: supervisionOrders,
      caseNumber: cases.caseNumber,
      subject: cases.subject,
      unit: units.name,
      raisingUnit: raising.name,
    })
    .from(supervisionOrders)
    .innerJoin(units, eq(units.id, supervisionOrders.unitId))
    .innerJoin(raising, eq(raising.id, supervisionOrders.raisingUnitId))
    .leftJoin(cases, eq(cases.id, supervisionOrders.caseId))
    .where(and(...where))
    .orderBy(desc(supervisionOrders.raisedAt), desc(supervisionOrders.id))
    .limit(f.limit ?? 500);
}

export interface SupervisionScope {
  /** Jurisdiction code (its subtree), e.g. '320100' for 南京市. */
  jurisdiction?: string;
  /** One addressed unit. */
  unitId?: number;
}

export interface CountRow {
  /** Orders raised in the period. */
  issued: number;
  /** Of those, still waiting for feedback past the deadline, or fed back after it. */
  overdue: number;
  /** Closed with the accepted feedback filed by the deadline. */
  closedOnTime: number;
  closed: number;
  /** Reminded (催办) or escalated (升级) by the daily pass. */
  escalated: number;
}

/**
 * Counts of the orders raised from `from` to `to` (Asia/Shanghai dates, inclusive) on matters or
 * units of a jurisdiction (or addressed to one unit), in total and per addressed unit. Not scoped by
 * a caller: the route checks `supervisionPolicy.counts`; the bulletin calls it for its own scope.
 * `today` decides what is overdue while still waiting (default: the date `to`).
 */
export async function supervisionCounts(
  ctx: Pick<AppContext, 'db'>,
  scope: SupervisionScope,
  from: string,
  to: string,
  today: string = to,
): Promise<{ total: CountRow; byUnit: (CountRow & { unitId: number; unit: string })[] }> {
  const o = supervisionOrders;
  const where: SQL[] = [
    gte(o.raisedAt, sql`(${from}::date)::timestamp at time zone 'Asia/Shanghai'`),
    lt(o.raisedAt, sql`(${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`),
  ];
  if (scope.jurisdiction) where.push(like(o.jurisdictionCode, `${prefixOf(scope.jurisdiction)}%`));
  if (scope.unitId !== undefined) where.push(eq(o.unitId, scope.unitId));
  const feedbackDate = sql`(${o.feedbackAt} at time zone 'Asia/Shanghai')::date`;
  const rows = await ctx.db
    .select({
      unitId: o.unitId,
      unit: units.name,
      issued: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where (${o.status} = 'issued' and ${o.deadline} < ${today}::date)
        or (${o.status} <> 'issued' and ${feedbackDate} > ${o.deadline}))::int`,
      closedOnTime: sql<number>`count(*) filter (where ${o.status} = 'closed' and ${feedbackDate} <= ${o.deadline})::int`,
      closed: sql<number>`count(*) filter (where ${o.status} = 'closed')::int`,
      escalated: sql<number>`count(*) filter (where ${o.escalationLevel} > 0)::int`,
    })
    .from(o)
    .innerJoin(units, eq(units.id, o.unitId))
    .where(and(...where))
    .groupBy(o.unitId, units.name)
    .orderBy(o.unitId);
  const byUnit = rows.map((r) => ({
    unitId: r.unitId,
    unit: r.unit,
    issued: Number(r.issued),
    overdue: Number(r.overdue),
    closedOnTime: Number(r.closedOnTime),
    closed: Number(r.closed),
    escalated: Number(r.escalated),
  }));
  const total: CountRow = { issued: 0, overdue: 0, closedOnTime: 0, closed: 0, escalated: 0 };
  for (const r of byUnit) for (const k of Object.keys(total) as (keyof CountRow)[]) total[k] += r[k];
  return { total, byUnit };
}

/** Orders waiting for feedback whose deadline passed before `today` (the escalation pass). */
export function pendingPastDeadline(exec: Executor, today: string, afterId: number, limit: number) {
  return exec
    .select({ id: supervisionOrders.id })
    .from(supervisionOrders)
    .where(
      and(
        eq(supervisionOrders.status, 'issued'),
        lt(supervisionOrders.deadline, today),
        sql`${supervisionOrders.id} > ${afterId}`,
        lte(supervisionOrders.escalationLevel, 1),
      ),
    )
    .orderBy(supervisionOrders.id)
    .limit(limit);
}
