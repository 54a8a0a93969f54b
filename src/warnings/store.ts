// Warnings (预警) as stored: insert once per dedupe key, list within the caller's scope, acknowledge.
import { and, desc, eq, inArray, isNotNull, isNull, like, type SQL } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { cases, jurisdictions, users, warnings } from '../db/schema.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { conflict, notFound } from '../errors.ts';
import { type Actor, analyticsPolicy, ensureAllowed, warningScope } from '../policies/index.ts';
import type { WarningKind } from './contract.ts';

export { WARNING_KINDS, type WarningKind } from './contract.ts';
export type WarningLevel = 'high' | 'medium';

export const WARNING_KIND_NAMES: Record<WarningKind, string> = {
  growth: '异常增长',
  group_event: '疑似群体性事件',
  repeat_petitioner: '重复信访',
  overdue_unit: '超期积压',
  extreme_risk: '极端风险',
  storage_low: '存储空间不足',
};

export interface NewWarning {
  kind: WarningKind;
  level: WarningLevel;
  jurisdictionCode: string;
  title: string;
  /** No personal data: counts, places, categories, case numbers at most. */
  detail: string;
  caseIds: number[];
  dedupeKey: string;
}

/** Cases linked per warning, at most (the first ones; the detail says how many in all). */
export const MAX_LINKED_CASES = 200;

/**
 * Inserts unless the dedupe key exists; returns the new id, or null when it was already there.
 * `at`: when it was raised — the scan's clock (`warnings scan --now` catching up a missed day dates
 * its warnings that day, as the dedupe window reads them); the database's now without it.
 */
export async function insertWarning(tx: Executor, w: NewWarning, at?: Date): Promise<number | null> {
  const [row] = await tx
    .insert(warnings)
    .values({ ...w, caseIds: w.caseIds.slice(0, MAX_LINKED_CASES), ...(at ? { createdAt: at } : {}) })
    .onConflictDoNothing({ target: warnings.dedupeKey })
    .returning({ id: warnings.id });
  return row?.id ?? null;
}

export interface WarningItem {
  id: number;
  kind: WarningKind;
  level: WarningLevel;
  title: string;
  detail: string;
  caseIds: number[];
  /** The first linked cases by their 信访件编号, as people name them (the page links these). */
  cases: { id: number; caseNumber: string }[];
  jurisdiction: { code: string; name: string };
  createdAt: string;
  acknowledgedAt: string | null;
  /** Display name of who acknowledged it. */
  acknowledgedBy: string | null;
  note: string | null;
}

export interface WarningFilter {
  status?: 'open' | 'acknowledged';
  /** Jurisdiction code inside the caller's subtree (already checked by analyticsScope). */
  scope?: string;
  kind?: WarningKind;
  level?: WarningLevel;
  limit?: number;
}

const select = {
  w: warnings,
  jurisdictionName: jurisdictions.name,
  ackName: users.displayName,
};

/** Linked cases named per warning (the page shows the first ones and says how many in all). */
export const NAMED_CASES = 20;

/** The warnings as items, with the case numbers of their first linked cases (one query). */
async function items(
  db: Executor,
  rows: { w: typeof warnings.$inferSelect; jurisdictionName: string | null; ackName: string | null }[],
): Promise<WarningItem[]> {
  const ids = [...new Set(rows.flatMap((r) => r.w.caseIds.slice(0, NAMED_CASES)))];
  const numbers = new Map(
    ids.length
      ? (
          await db
            .select({ id: cases.id, caseNumber: cases.caseNumber })
            .from(cases)
            .where(inArray(cases.id, ids))
        ).map((c) => [c.id, c.caseNumber])
      : [],
  );
  return rows.map((r) => ({
    ...item(r),
    cases: r.w.caseIds
      .slice(0, NAMED_CASES)
      .flatMap((id) => (numbers.has(id) ? [{ id, caseNumber: numbers.get(id) as string }] : [])),
  }));
}

function item(r: {
  w: typeof warnings.$inferSelect;
  jurisdictionName: string | null;
  ackName: string | null;
}): Omit<WarningItem, 'cases'> {
  return {
    id: r.w.id,
    kind: r.w.kind as WarningKind,
    level: r.w.level as WarningLevel,
    title: r.w.title,
    detail: r.w.detail,
    caseIds: r.w.caseIds,
    jurisdiction: { code: r.w.jurisdictionCode, name: r.jurisdictionName ?? r.w.jurisdictionCode },
    createdAt: r.w.createdAt.toISOString(),
    acknowledgedAt: r.w.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: r.w.acknowledgedAt ? (r.ackName ?? '') : null,
    note: r.w.note,
  };
}

export async function listWarnings(db: Executor, actor: Actor, f: WarningFilter): Promise<WarningItem[]> {
  const where: SQL[] = [warningScope(actor)];
  if (f.scope) where.push(like(warnings.jurisdictionCode, `${prefixOf(f.scope)}%`));
  if (f.status === 'open') where.push(isNull(warnings.acknowledgedAt));
  if (f.status === 'acknowledged') where.push(isNotNull(warnings.acknowledgedAt));
  if (f.kind) where.push(eq(warnings.kind, f.kind));
  if (f.level) where.push(eq(warnings.level, f.level));
  const rows = await db
    .select(select)
    .from(warnings)
    .leftJoin(jurisdictions, eq(jurisdictions.code, warnings.jurisdictionCode))
    .leftJoin(users, eq(users.id, warnings.acknowledgedBy))
    .where(and(...where))
    .orderBy(desc(warnings.createdAt), desc(warnings.id))
    .limit(f.limit ?? 500);
  return items(db, rows);
}

export async function acknowledgeWarning(
  ctx: AppContext,
  actor: Actor,
  id: number,
  note: string,
): Promise<WarningItem> {
  return runCommand(ctx, async ({ tx, audit }) => {
    const [w] = await tx
      .select()
      .from(warnings)
      .where(and(eq(warnings.id, id), warningScope(actor)))
      .for('update');
    if (!w) throw notFound('未找到该预警，或您无权查看');
    ensureAllowed(
      analyticsPolicy.acknowledgeWarning(actor, w.jurisdictionCode),
      '只有督查员或领导可以签收预警',
    );
    if (w.acknowledgedAt) throw conflict('already_acknowledged', '该预警已签收');
    const now = new Date();
    await tx
      .update(warnings)
      .set({ acknowledgedAt: now, acknowledgedBy: actor.userId, note })
      .where(eq(warnings.id, id));
    audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'warning.acknowledge',
      entity: 'warning',
      entityId: id,
      summary: { kind: w.kind, level: w.level, jurisdictionCode: w.jurisdictionCode },
    });
    const [r] = await tx
      .select(select)
      .from(warnings)
      .leftJoin(jurisdictions, eq(jurisdictions.code, warnings.jurisdictionCode))
      .leftJoin(users, eq(users.id, warnings.acknowledgedBy))
      .where(eq(warnings.id, id));
    if (!r) throw notFound();
    const [answer] = await items(tx, [r]);
    return answer as WarningItem;
  });
}
