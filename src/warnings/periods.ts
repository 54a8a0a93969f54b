// 重大活动保障期 (special periods): an administrator declares a name, dates and a jurisdiction; inside
// the dates and the jurisdiction's subtree every warning threshold is multiplied by the factor
// (0.5 halves them) and supervisors get a daily digest of open warnings.
import { and, eq, gte, like, lte, or, sql } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { jurisdictions, specialPeriods } from '../db/schema.ts';
import { badRequest, notFound } from '../errors.ts';
import { type Actor, analyticsPolicy, ensureAllowed } from '../policies/index.ts';

export interface SpecialPeriodView {
  id: number;
  name: string;
  from: string;
  to: string;
  scope: { code: string; name: string };
  thresholdFactor: number;
  createdAt: string;
}

/** A period in force on a date, with the prefix its subtree's codes start with. */
export interface ActivePeriod {
  id: number;
  name: string;
  prefix: string;
  factor: number;
}

const columns = {
  id: specialPeriods.id,
  name: specialPeriods.name,
  from: specialPeriods.fromDate,
  to: specialPeriods.toDate,
  code: specialPeriods.jurisdictionCode,
  scopeName: jurisdictions.name,
  prefix: jurisdictions.scopePrefix,
  thresholdFactor: specialPeriods.thresholdFactor,
  createdAt: specialPeriods.createdAt,
};

function view(r: {
  id: number;
  name: string;
  from: string;
  to: string;
  code: string;
  scopeName: string;
  thresholdFactor: number;
  createdAt: Date;
}): SpecialPeriodView {
  return {
    id: r.id,
    name: r.name,
    from: r.from,
    to: r.to,
    scope: { code: r.code, name: r.scopeName },
    thresholdFactor: r.thresholdFactor,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Periods declared inside the caller's subtree and those above it that apply to it, newest first. */
export async function listPeriods(db: Executor, actor: Actor): Promise<SpecialPeriodView[]> {
  if (!analyticsPolicy.read(actor) || actor.scopePrefix === null || actor.jurisdictionCode === null)
    return [];
  const rows = await db
    .select(columns)
    .from(specialPeriods)
    .innerJoin(jurisdictions, eq(jurisdictions.code, specialPeriods.jurisdictionCode))
    .where(
      or(
        like(specialPeriods.jurisdictionCode, `${actor.scopePrefix}%`),
        sql`${actor.jurisdictionCode} like ${jurisdictions.scopePrefix} || '%'`,
      ),
    )
    .orderBy(sql`${specialPeriods.fromDate} desc`, sql`${specialPeriods.id} desc`);
  return rows.map(view);
}

export async function createPeriod(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; from: string; to: string; scope: string; thresholdFactor: number },
): Promise<SpecialPeriodView> {
  ensureAllowed(
    analyticsPolicy.manageSpecialPeriods(actor, input.scope),
    '只有管理员可以为本辖区设置重大活动保障期',
  );
  if (input.to < input.from) throw badRequest('invalid_period', '结束日期不能早于开始日期', 'to');
  return runCommand(ctx, async (w) => {
    const { tx } = w;
    const [j] = await tx.select().from(jurisdictions).where(eq(jurisdictions.code, input.scope));
    if (!j) throw badRequest('unknown_jurisdiction', '行政区划不存在', 'scope');
    const [row] = await tx
      .insert(specialPeriods)
      .values({
        name: input.name,
        fromDate: input.from,
        toDate: input.to,
        jurisdictionCode: input.scope,
        thresholdFactor: input.thresholdFactor,
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error('special period insert returned nothing');
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'special_period.create',
      entity: 'special_period',
      entityId: row.id,
      summary: { ...input },
    });
    return view({
      ...row,
      from: row.fromDate,
      to: row.toDate,
      code: row.jurisdictionCode,
      scopeName: j.name,
    });
  });
}

export async function deletePeriod(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await runCommand(ctx, async (w) => {
    const { tx } = w;
    const [row] = await tx.select().from(specialPeriods).where(eq(specialPeriods.id, id)).for('update');
    // Outside the caller's subtree it does not exist for them.
    if (!row || actor.scopePrefix === null || !row.jurisdictionCode.startsWith(actor.scopePrefix))
      throw notFound();
    ensureAllowed(
      analyticsPolicy.manageSpecialPeriods(actor, row.jurisdictionCode),
      '只有管理员可以删除保障期',
    );
    await tx.delete(specialPeriods).where(eq(specialPeriods.id, id));
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'special_period.delete',
      entity: 'special_period',
      entityId: id,
      summary: { name: row.name, from: row.fromDate, to: row.toDate, scope: row.jurisdictionCode },
    });
  });
}

/** Periods in force on a Shanghai date 'YYYY-MM-DD'. */
export async function activePeriods(db: Executor, date: string): Promise<ActivePeriod[]> {
  const rows = await db
    .select({
      id: specialPeriods.id,
      name: specialPeriods.name,
      prefix: jurisdictions.scopePrefix,
      factor: specialPeriods.thresholdFactor,
    })
    .from(specialPeriods)
    .innerJoin(jurisdictions, eq(jurisdictions.code, specialPeriods.jurisdictionCode))
    .where(and(lte(specialPeriods.fromDate, date), gte(specialPeriods.toDate, date)));
  return rows;
}

/** The factor in force for a jurisdiction: the smallest of the periods covering it, else 1. */
export function factorFor(periods: readonly ActivePeriod[], jurisdictionCode: string): number {
  let f = 1;
  for (const p of periods) if (jurisdictionCode.startsWith(p.prefix)) f = Math.min(f, p.factor);
  return f;
}
