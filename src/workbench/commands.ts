// Commands of the workbench, each one transaction (runCommand) with its audit row: claim a matter
// (认领), hand it to a colleague (移交同事) — both an internal event on the matter's timeline naming
// who took it —, save and delete a view. A bulk step runs each matter through the lifecycle engine
// (executeAction, one transaction per matter) and reports each matter's outcome.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { executeAction } from '../cases/engine.ts';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { caseAssignees, caseEvents, users, workbenchViews } from '../db/schema.ts';
import { isRole } from '../domain/roles.ts';
import { zId, zText } from '../domain/validation/fields.ts';
import { BULK_ACTIONS, BULK_MAX } from '../domain/workbench/bulk.ts';
import { QUEUE_KEYS } from '../domain/workbench/queues.ts';
import { ASSIGNMENT_EVENTS } from '../domain/workbench/timeline.ts';
import { AppError, badRequest, conflict, notFound } from '../errors.ts';
import { ensureAllowed } from '../policies/index.ts';
import { type Actor, workbenchPolicy } from '../policies/workbench.ts';
import { assigneeOf, FILTER_KEYS, visibleCase } from './queries.ts';

export const HandOverBody = z.object({
  userId: zId('同事'),
  note: zText({ label: '移交说明', max: 500 }).optional(),
});

async function assign(
  w: Work,
  actor: Actor,
  caseId: number,
  to: { id: number; name: string },
  step: keyof typeof ASSIGNMENT_EVENTS,
  note?: string,
) {
  const now = new Date();
  const unitId = actor.unitId as number;
  await w.tx
    .insert(caseAssignees)
    .values({ caseId, userId: to.id, unitId, assignedBy: actor.userId, assignedAt: now })
    .onConflictDoUpdate({
      target: caseAssignees.caseId,
      set: { userId: to.id, unitId, assignedBy: actor.userId, assignedAt: now },
    });
  await w.tx.insert(caseEvents).values({
    caseId,
    at: now,
    action: ASSIGNMENT_EVENTS[step].event,
    actorUserId: actor.userId,
    actorRole: actor.role,
    actorUnitId: actor.unitId,
    detail: { assignee: to.name, ...(note ? { note } : {}) },
    public: false, // who works a matter inside the unit is the unit's affair, not the petitioner's
  });
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `workbench.${step}`,
    entity: 'case',
    entityId: caseId,
    summary: { assigneeUserId: to.id, unitId },
  });
}

/** 认领: the caller takes the matter. Claiming one's own matter again changes nothing. */
export function claimCase(ctx: AppContext, actor: Actor, caseId: number) {
  return runCommand(ctx, async (w) => {
    const c = await visibleCase(w.tx, actor, caseId, true);
    ensureAllowed(workbenchPolicy.claim(actor, c), '只有当前办理单位中能办理此事项的工作人员可以认领');
    const current = await assigneeOf(w.tx, c);
    if (current?.userId === actor.userId) return { changed: false };
    await assign(w, actor, c.id, { id: actor.userId, name: actor.displayName }, 'claim');
    return { changed: true };
  });
}

/** 移交同事: to an active colleague of the same unit who could act on the matter now. */
export function handOverCase(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
  input: z.infer<typeof HandOverBody>,
) {
  return runCommand(ctx, async (w) => {
    const c = await visibleCase(w.tx, actor, caseId, true);
    ensureAllowed(workbenchPolicy.claim(actor, c), '只有当前办理单位中能办理此事项的工作人员可以移交');
    const [u] = await w.tx
      .select({
        id: users.id,
        role: users.role,
        unitId: users.unitId,
        disabled: users.disabled,
        name: users.displayName,
      })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!u || !isRole(u.role) || u.unitId !== actor.unitId)
      throw badRequest('colleague_not_in_unit', '只能移交给本单位的同事', 'userId');
    if (u.id === actor.userId)
      throw badRequest('colleague_is_self', '不能移交给自己，请使用“认领”', 'userId');
    if (!workbenchPolicy.mayReceive(c, { ...u, role: u.role }))
      throw badRequest('colleague_cannot_act', `${u.name}目前不能办理此事项（账号停用或角色不符）`, 'userId');
    await assign(w, actor, c.id, { id: u.id, name: u.name }, 'hand_over', input.note);
  });
}

export const BulkBody = z.object({
  action: z.enum(BULK_ACTIONS, { error: '批量办理仅限受理、交办' }),
  caseIds: z.array(zId('信访事项编号')).min(1, '请选择信访事项').max(BULK_MAX, `一次最多${BULK_MAX}件`),
  payload: z
    .object({
      targetUnitId: zId('承办单位').optional(),
      instructions: zText({ label: '交办意见', max: 2000 }).optional(),
    })
    .default({}),
});

export interface BulkOutcome {
  caseId: number;
  ok: boolean;
  status: number;
  code?: string;
  message?: string;
}

/**
 * 批量办理: each matter through the engine in its own transaction, so one refusal (another unit's
 * matter, a state moved on) leaves the others done; the answer says which.
 */
export async function runBulk(ctx: AppContext, actor: Actor, input: z.infer<typeof BulkBody>) {
  ensureAllowed(workbenchPolicy.use(actor), '您没有权限使用工作台');
  const ids = [...new Set(input.caseIds)];
  const outcomes: BulkOutcome[] = [];
  for (const caseId of ids) {
    try {
      await executeAction(ctx, actor, caseId, { action: input.action, ...input.payload });
      outcomes.push({ caseId, ok: true, status: 200 });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      outcomes.push({ caseId, ok: false, status: e.status, code: e.code, message: e.message });
    }
  }
  return {
    done: outcomes.filter((o) => o.ok).length,
    failed: outcomes.filter((o) => !o.ok).length,
    items: outcomes,
  };
}

export const ViewBody = z.object({
  name: zText({ label: '视图名称', max: 40, min: 1 }),
  queue: z.enum(QUEUE_KEYS, { error: '未知的待办队列' }),
  scope: z.enum(['mine', 'unit']).default('unit'),
  filters: z
    .object(Object.fromEntries(FILTER_KEYS.map((k) => [k, zText({ label: k, max: 100 }).optional()])))
    .strict()
    .default({}),
});

const MAX_VIEWS = 20;

/** Saves (or replaces, by name) one of the caller's views. */
export function saveView(ctx: AppContext, actor: Actor, input: z.infer<typeof ViewBody>) {
  ensureAllowed(workbenchPolicy.use(actor), '您没有权限使用工作台');
  return runCommand(ctx, async (w) => {
    const filters: Record<string, string | undefined> = {
      ...(input.filters as Record<string, string | undefined>),
      scope: input.scope,
    };
    const clean = Object.fromEntries(Object.entries(filters).filter((e): e is [string, string] => !!e[1]));
    const mine = await w.tx
      .select({ id: workbenchViews.id, name: workbenchViews.name })
      .from(workbenchViews)
      .where(eq(workbenchViews.userId, actor.userId));
    const same = mine.find((v) => v.name === input.name);
    if (!same && mine.length >= MAX_VIEWS) throw conflict('too_many_views', `最多保存${MAX_VIEWS}个视图`);
    const [row] = same
      ? await w.tx
          .update(workbenchViews)
          .set({ queue: input.queue, filters: clean })
          .where(eq(workbenchViews.id, same.id))
          .returning({ id: workbenchViews.id })
      : await w.tx
          .insert(workbenchViews)
          .values({ userId: actor.userId, name: input.name, queue: input.queue, filters: clean })
          .returning({ id: workbenchViews.id });
    if (!row) throw new Error('view not written');
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'workbench.save_view',
      entity: 'workbench_view',
      entityId: row.id,
      summary: { name: input.name, queue: input.queue },
    });
    return { id: row.id };
  });
}

export function deleteView(ctx: AppContext, actor: Actor, id: number) {
  return runCommand(ctx, async (w) => {
    const [row] = await w.tx
      .delete(workbenchViews)
      .where(and(eq(workbenchViews.id, id), eq(workbenchViews.userId, actor.userId)))
      .returning({ id: workbenchViews.id });
    if (!row) throw notFound();
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'workbench.delete_view',
      entity: 'workbench_view',
      entityId: id,
      summary: {},
    });
  });
}
