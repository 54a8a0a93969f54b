// Reads of backlog matters, scoped by src/policies/backlog.ts: one matter (404 outside the scope),
// lists (candidates, a case's matters), and what the detail needs (plan, progress, checklist).
import { and, asc, desc, eq, inArray, like, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import {
  backlogChecks,
  backlogMatters,
  backlogProgress,
  backlogSteps,
  cases,
  units,
  users,
} from '../db/schema.ts';
import type { BacklogStatus } from '../domain/backlog/states.ts';
import { notFound } from '../errors.ts';
import { type Actor, backlogPolicy, backlogScope } from '../policies/backlog.ts';
import { ensureReadable } from '../policies/index.ts';
import { packagesOf } from './packages.ts';

export type MatterRow = typeof backlogMatters.$inferSelect;
export type StepRow = typeof backlogSteps.$inferSelect;
export type ProgressRow = typeof backlogProgress.$inferSelect;
export type CheckRow = typeof backlogChecks.$inferSelect;

/** A matter the caller may read (locked for update inside a command), else 404. */
export async function visibleMatter(
  exec: Executor,
  actor: Actor,
  id: number,
  forUpdate = false,
): Promise<MatterRow> {
  const q = exec
    .select()
    .from(backlogMatters)
    .where(and(eq(backlogMatters.id, id), backlogScope(actor)));
  const [m] = forUpdate ? await q.for('update') : await q;
  if (!m) throw notFound('未找到该积案，或您无权查看');
  ensureReadable(backlogPolicy.read(actor, m));
  return m;
}

export interface MatterListFilter {
  status?: BacklogStatus[];
  caseId?: number;
  jurisdiction?: string;
  limit?: number;
}

/** Matters in the caller's scope with their case's number and subject, newest first. */
export async function listMatters(ctx: AppContext, actor: Actor, f: MatterListFilter) {
  const where: (SQL | undefined)[] = [backlogScope(actor)];
  if (f.status?.length) where.push(inArray(backlogMatters.status, f.status));
  if (f.caseId !== undefined) where.push(eq(backlogMatters.caseId, f.caseId));
  if (f.jurisdiction) where.push(like(backlogMatters.jurisdictionCode, `${f.jurisdiction}%`));
  return ctx.db
    .select({
      m: backlogMatters,
      caseNumber: cases.caseNumber,
      subject: cases.subject,
      caseState: cases.state,
      receivedAt: cases.receivedAt,
      repeatCount: cases.repeatCount,
    })
    .from(backlogMatters)
    .innerJoin(cases, eq(cases.id, backlogMatters.caseId))
    .where(and(...where))
    .orderBy(desc(backlogMatters.updatedAt), desc(backlogMatters.id))
    .limit(f.limit ?? 500);
}

/** The plan, progress and checklist of a matter. */
export async function matterParts(exec: Executor, matterId: number) {
  const [steps, progress, checks] = await Promise.all([
    exec
      .select()
      .from(backlogSteps)
      .where(eq(backlogSteps.matterId, matterId))
      .orderBy(asc(backlogSteps.dueDate), asc(backlogSteps.id)),
    exec
      .select({ p: backlogProgress, userName: users.displayName })
      .from(backlogProgress)
      .leftJoin(users, eq(users.id, backlogProgress.userId))
      .where(eq(backlogProgress.matterId, matterId))
      .orderBy(desc(backlogProgress.at), desc(backlogProgress.id)),
    exec.select().from(backlogChecks).where(eq(backlogChecks.matterId, matterId)),
  ]);
  return { steps, progress, checks };
}

/** Display names of users and units by id (for the detail). */
export async function namesOf(exec: Executor, userIds: number[], unitIds: number[]) {
  const us = userIds.length
    ? await exec
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, [...new Set(userIds)]))
    : [];
  const ns = unitIds.length
    ? await exec
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(inArray(units.id, [...new Set(unitIds)]))
    : [];
  return {
    user: (id: number | null) => (id == null ? null : (us.find((u) => u.id === id)?.name ?? null)),
    unit: (id: number | null) => (id == null ? null : (ns.find((u) => u.id === id)?.name ?? null)),
  };
}

/** Everything a matter's detail shows beyond its row: plan, progress, checklist, packages, names. */
export async function matterDetailOf(exec: Executor, m: MatterRow) {
  const { steps, progress, checks } = await matterParts(exec, m.id);
  const packs = await packagesOf(exec, m.id);
  const names = await namesOf(
    exec,
    [m.proposedBy, m.identifiedBy, m.resolvedBy, ...checks.flatMap((c) => [c.evidenceBy, c.signedBy])].filter(
      (x): x is number => x != null,
    ),
    [m.responsibleUnitId, m.proposingUnitId, m.approvingUnitId, ...steps.map((s) => s.ownerUnitId)].filter(
      (x): x is number => x != null,
    ),
  );
  return { steps, progress, checks, packs, names };
}
export type MatterDetailData = Awaited<ReturnType<typeof matterDetailOf>>;

/** The matter a backlog entry is about (undefined for an unknown id; unscoped: the caller checks). */
export async function caseIdOfMatter(exec: Executor, matterId: number): Promise<number | undefined> {
  const [b] = await exec
    .select({ caseId: backlogMatters.caseId })
    .from(backlogMatters)
    .where(eq(backlogMatters.id, matterId));
  return b?.caseId;
}
