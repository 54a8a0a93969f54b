// Reads of 责任落实: the letters of a year under a scope (and who lacks one), accountability records
// in the caller's scope with the matters and orders behind them, and a unit's history at a glance.
import { and, asc, desc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import {
  accountabilityLinks,
  accountabilityRecords,
  cases,
  jurisdictions,
  responsibilityLetters,
  units,
} from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { notFound } from '../errors.ts';
import { assessmentPolicy, recordScope } from '../policies/assessment.ts';
import { type Actor, ensureAllowed } from '../policies/index.ts';
import { presentItem as presentOrder } from '../supervision/presenters.ts';
import { listOrders } from '../supervision/queries.ts';

export type LetterRow = typeof responsibilityLetters.$inferSelect;
export type RecordRow = typeof accountabilityRecords.$inferSelect;

/** The year's letters issued by `scope` (to the level below) and its own; the children without one. */
export async function lettersOf(db: Executor, year: number, scope: string) {
  const letters = await db
    .select({ l: responsibilityLetters, name: jurisdictions.name })
    .from(responsibilityLetters)
    .innerJoin(jurisdictions, eq(jurisdictions.code, responsibilityLetters.jurisdictionCode))
    .where(
      and(
        eq(responsibilityLetters.year, year),
        or(eq(responsibilityLetters.issuerCode, scope), eq(responsibilityLetters.jurisdictionCode, scope)),
      ),
    )
    .orderBy(asc(responsibilityLetters.jurisdictionCode));
  const children = await db
    .select({ code: jurisdictions.code, name: jurisdictions.name })
    .from(jurisdictions)
    .where(eq(jurisdictions.parentCode, scope))
    .orderBy(asc(jurisdictions.code));
  const has = new Set(letters.map((r) => r.l.jurisdictionCode));
  return { letters, missing: children.filter((c) => !has.has(c.code)), children: children.length };
}

export async function visibleLetter(db: Executor, actor: Actor, id: number) {
  const [r] = await db
    .select({ l: responsibilityLetters, name: jurisdictions.name })
    .from(responsibilityLetters)
    .innerJoin(jurisdictions, eq(jurisdictions.code, responsibilityLetters.jurisdictionCode))
    .where(eq(responsibilityLetters.id, id));
  if (!r || !assessmentPolicy.can(actor, 'read', r.l)) throw notFound('未找到该责任书，或您无权查看');
  const [issuer] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, r.l.issuerCode));
  return { ...r, issuerName: issuer?.name ?? '' };
}

export interface RecordFilter {
  kind?: string;
  unitId?: number;
  jurisdiction?: string;
  status?: string;
  /** Records linked to this matter / this supervision order. */
  caseId?: number;
  orderId?: number;
}

/** Records in the caller's scope, newest first, with the unit's and issuing bureau's names. */
export async function listRecords(db: Executor, actor: Actor, f: RecordFilter) {
  const where: (SQL | undefined)[] = [recordScope(actor)];
  if (f.kind) where.push(eq(accountabilityRecords.kind, f.kind));
  if (f.status) where.push(eq(accountabilityRecords.status, f.status));
  if (f.unitId !== undefined) where.push(eq(accountabilityRecords.unitId, f.unitId));
  if (f.jurisdiction)
    where.push(like(accountabilityRecords.jurisdictionCode, `${prefixOf(f.jurisdiction)}%`));
  const linked = (cond: SQL) =>
    inArray(
      accountabilityRecords.id,
      db.select({ id: accountabilityLinks.recordId }).from(accountabilityLinks).where(cond),
    );
  if (f.caseId !== undefined) where.push(linked(eq(accountabilityLinks.caseId, f.caseId)));
  if (f.orderId !== undefined) where.push(linked(eq(accountabilityLinks.orderId, f.orderId)));
  const rows = await db
    .select({ r: accountabilityRecords, unit: units.name })
    .from(accountabilityRecords)
    .innerJoin(units, eq(units.id, accountabilityRecords.unitId))
    .where(and(...where))
    .orderBy(desc(accountabilityRecords.decidedOn), desc(accountabilityRecords.id))
    .limit(500);
  const issuers = await unitNames(
    db,
    rows.map((r) => r.r.issuingUnitId),
  );
  return rows.map((r) => ({ ...r, issuer: issuers.get(r.r.issuingUnitId) ?? '' }));
}

async function unitNames(db: Executor, ids: number[]) {
  const list = [...new Set(ids)];
  const rows = list.length
    ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, list))
    : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function visibleRecord(db: Executor, actor: Actor, id: number) {
  const [r] = await db
    .select({ r: accountabilityRecords, unit: units.name })
    .from(accountabilityRecords)
    .innerJoin(units, eq(units.id, accountabilityRecords.unitId))
    .where(and(eq(accountabilityRecords.id, id), recordScope(actor)));
  if (!r) throw notFound('未找到该记录，或您无权查看');
  const issuers = await unitNames(db, [r.r.issuingUnitId]);
  return { ...r, issuer: issuers.get(r.r.issuingUnitId) ?? '' };
}

/** The matters and orders behind a record (those the caller may see). */
export async function linksOf(ctx: AppContext, actor: Actor, recordId: number) {
  const links = await ctx.db
    .select()
    .from(accountabilityLinks)
    .where(eq(accountabilityLinks.recordId, recordId));
  const caseIds = links.map((l) => l.caseId).filter((x): x is number => x !== null);
  const orderIds = links.map((l) => l.orderId).filter((x): x is number => x !== null);
  const caseRows = caseIds.length ? await ctx.db.select().from(cases).where(inArray(cases.id, caseIds)) : [];
  const orderRows = orderIds.length
    ? await listOrders(ctx, actor, { ids: orderIds, today: shanghaiDate(new Date()) })
    : [];
  return { caseRows, orderRows };
}

/** 单位档案: a unit's records, the supervision orders addressed to it, its jurisdiction's letters. */
export async function unitHistory(ctx: AppContext, actor: Actor, unitId: number) {
  const [unit] = await ctx.db
    .select({ u: units, jurisdictionName: jurisdictions.name })
    .from(units)
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(eq(units.id, unitId));
  if (!unit) throw notFound('未找到该单位');
  ensureAllowed(
    assessmentPolicy.unitHistory(actor, unitId, unit.u.jurisdictionCode),
    '您没有权限查看该单位的责任落实档案',
  );
  const today = shanghaiDate(new Date());
  const [records, orders, letters] = await Promise.all([
    listRecords(ctx.db, actor, { unitId }),
    listOrders(ctx, actor, { unitId, today, limit: 100 }),
    ctx.db
      .select()
      .from(responsibilityLetters)
      .where(eq(responsibilityLetters.jurisdictionCode, unit.u.jurisdictionCode))
      .orderBy(desc(responsibilityLetters.year)),
  ]);
  return {
    unit: unit.u,
    jurisdictionName: unit.jurisdictionName,
    records,
    orders: orders.map((o) => presentOrder(o, today)),
    letters,
  };
}
