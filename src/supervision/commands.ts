// Commands on supervision orders (督查督办), each one transaction (runCommand) with one audit row:
// raise an order on a case or a unit, and the actions of src/domain/supervision/orders.ts (file
// feedback, accept, return). Refusals in the engine's order: not visible (404), wrong status (409),
// not allowed (403), bad payload (400) — a refusal changes nothing. On a case, each step is an
// internal event of its timeline.
import { and, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { UnitLookup } from '../cases/units.ts';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { caseEvents, cases, supervisionOrders, units } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { historyEntry } from '../domain/history.ts';
import { TERMINAL_STATES } from '../domain/lifecycle/vocabulary.ts';
import {
  defaultDeadline,
  letterNumber,
  nextOrderStatus,
  ORDER_ACTIONS,
  ORDER_STATUS_NAMES,
  ORDER_TARGETS,
  ORDER_TYPE_RULES,
  ORDER_TYPES,
  type OrderStatus,
  type OrderType,
} from '../domain/supervision/orders.ts';
import { SUPERVISION_EVENTS, type SupervisionStep } from '../domain/supervision/timeline.ts';
import { zDate, zId, zText } from '../domain/validation/fields.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { type Actor, supervisionPolicy } from '../policies/supervision.ts';
import { type OrderRow, visibleOrder } from './queries.ts';

const text = (label: string, max = 2000) => zText({ label, max, min: 1 });

export const RaiseBody = z.object({
  type: z.enum(ORDER_TYPES, { error: '督办方式应为 online、written、onsite 或 interview' }),
  target: z.enum(ORDER_TARGETS, { error: '督办对象应为 case（信访事项）或 unit（单位）' }),
  caseId: zId('信访事项编号').optional(),
  unitId: zId('被督办单位').optional(),
  facts: text('督办事项', 5000),
  requirements: text('督办要求', 5000),
  deadline: zDate('反馈期限').optional(),
});
export type RaiseInput = z.infer<typeof RaiseBody>;

export const ActionBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('file_feedback'),
    feedback: text('反馈内容', 5000),
    attachments: zText({ label: '附件说明', max: 1000 }).optional(),
  }),
  z.object({ action: z.literal('accept'), note: zText({ label: '审核意见', max: 2000 }).optional() }),
  z.object({
    action: z.literal('return'),
    reason: text('退回理由'),
    deadline: zDate('新的反馈期限').optional(),
  }),
]);
export type ActionInput = z.infer<typeof ActionBody>;

/** The internal timeline event of a step of an order on a case. */
export async function orderCaseEvent(
  w: Work,
  actor: Actor | null,
  o: Pick<OrderRow, 'id' | 'caseId'>,
  step: SupervisionStep,
  at: Date,
  detail: Record<string, unknown>,
) {
  if (o.caseId === null) return;
  await w.tx.insert(caseEvents).values({
    caseId: o.caseId,
    at,
    action: SUPERVISION_EVENTS[step].event,
    actorUserId: actor?.userId ?? null,
    actorRole: actor?.role ?? null, // the platform's own steps (催办, 升级) have no actor, as the sweep's
    actorUnitId: actor?.unitId ?? null,
    detail: { supervisionId: o.id, ...detail },
    public: false,
  });
}

export function auditOrder(w: Work, actor: Actor | null, action: string, id: number, summary: object) {
  w.audit({
    actorUserId: actor?.userId,
    actorRole: actor?.role,
    action: `supervision.${action}`,
    entity: 'supervision',
    entityId: id,
    summary: summary as Record<string, unknown>,
  });
}

/** 督办: a supervisor or leader of a petition bureau raises an order. Returns its id. */
export async function raiseOrder(ctx: AppContext, actor: Actor, input: RaiseInput): Promise<number> {
  return runCommand(ctx, async (w) => {
    const lookup = new UnitLookup(ctx.db);
    const now = new Date();
    const today = shanghaiDate(now);
    let jurisdictionCode: string;
    let unitId = input.unitId;
    let caseRow: typeof cases.$inferSelect | undefined;
    if (input.target === 'case') {
      if (input.caseId === undefined)
        throw badRequest('supervision_case_required', '督办信访事项时须指明信访事项', 'caseId');
      [caseRow] = await w.tx.select().from(cases).where(eq(cases.id, input.caseId));
      if (!caseRow) throw notFound();
      ensureReadable(casePolicy.read(actor, caseRow));
      if ((TERMINAL_STATES as readonly string[]).includes(caseRow.state))
        throw conflict('supervision_case_ended', '该信访事项已办结，不能再督办');
      jurisdictionCode = caseRow.jurisdictionCode;
      ensureAllowed(
        supervisionPolicy.raise(actor, jurisdictionCode),
        '只有辖区信访部门的督查员或领导可以督办',
      );
      unitId ??= caseRow.assignedUnitId ?? caseRow.currentUnitId ?? undefined;
      if (unitId === undefined)
        throw badRequest('supervision_unit_required', '该事项尚无承办单位，请指定被督办单位', 'unitId');
    } else {
      if (unitId === undefined)
        throw badRequest('supervision_unit_required', '督办单位时须指明被督办单位', 'unitId');
      const u = await lookup.unit(w.tx, unitId);
      if (!u) throw badRequest('supervision_unit_unknown', '被督办单位不存在', 'unitId');
      jurisdictionCode = u.jurisdictionCode;
      ensureAllowed(
        supervisionPolicy.raise(actor, jurisdictionCode),
        '只有辖区信访部门的督查员或领导可以督办',
      );
    }
    const unit = await lookup.unit(w.tx, unitId);
    if (!unit) throw badRequest('supervision_unit_unknown', '被督办单位不存在', 'unitId');
    if (actor.scopePrefix === null || !unit.jurisdictionCode.startsWith(actor.scopePrefix))
      throw badRequest('supervision_unit_out_of_scope', '只能督办本辖区的单位', 'unitId');
    if (unit.id === actor.unitId) throw badRequest('supervision_own_unit', '不能督办本单位', 'unitId');
    const deadline = input.deadline ?? defaultDeadline(input.type, today);
    if (deadline <= today) throw badRequest('supervision_deadline_past', '反馈期限应晚于今天', 'deadline');
    const raisingUnitId = actor.unitId as number;

    let letter: { letterYear: number; letterSeq: number } | undefined;
    if (ORDER_TYPE_RULES[input.type].letter) {
      // The raising bureau's row is the lock of its number sequence.
      await w.tx.select({ id: units.id }).from(units).where(eq(units.id, raisingUnitId)).for('update');
      const year = Number(today.slice(0, 4));
      const [m] = await w.tx
        .select({ seq: max(supervisionOrders.letterSeq) })
        .from(supervisionOrders)
        .where(
          and(eq(supervisionOrders.raisingUnitId, raisingUnitId), eq(supervisionOrders.letterYear, year)),
        );
      letter = { letterYear: year, letterSeq: Number(m?.seq ?? 0) + 1 };
    }
    const typeName = ORDER_TYPE_RULES[input.type].name;
    const number = letter ? letterNumber(letter.letterYear, letter.letterSeq) : null;
    const [row] = await w.tx
      .insert(supervisionOrders)
      .values({
        type: input.type,
        target: input.target,
        caseId: caseRow?.id ?? null,
        unitId: unit.id,
        jurisdictionCode,
        ...letter,
        facts: input.facts,
        requirements: input.requirements,
        deadline,
        status: 'issued',
        raisingUnitId,
        raisedBy: actor.userId,
        raisedAt: now,
        history: [
          historyEntry('raise', typeName, now, actor.displayName, `督办${unit.name}，${deadline}前反馈`),
        ],
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: supervisionOrders.id, caseId: supervisionOrders.caseId });
    if (!row) throw new Error('insert returned nothing');
    // The case's 督办 flag (the workbench's filter), as the lifecycle action 督办 sets it.
    if (caseRow && !caseRow.supervised)
      await w.tx.update(cases).set({ supervised: true, updatedAt: now }).where(eq(cases.id, caseRow.id));
    await orderCaseEvent(w, actor, row, 'raise', now, {
      orderType: typeName,
      ...(number ? { letterNumber: number } : {}),
      unit: unit.name,
      requirements: input.requirements,
      feedbackDeadline: deadline,
    });
    await w.publish('supervision.raised', {
      actor,
      orderId: row.id,
      caseId: caseRow?.id ?? null,
      caseNumber: caseRow?.caseNumber ?? null,
      unitId: unit.id,
      typeName,
      deadline,
      at: now,
    });
    auditOrder(w, actor, 'raise', row.id, {
      type: input.type,
      target: input.target,
      caseId: caseRow?.id,
      unitId: unit.id,
      deadline,
      number,
    });
    return row.id;
  });
}

export async function actOnOrder(ctx: AppContext, actor: Actor, id: number, input: ActionInput) {
  await runCommand(ctx, async (w) => {
    const o = await visibleOrder(w.tx, actor, id, true);
    const status = o.status as OrderStatus;
    const meta = ORDER_ACTIONS[input.action];
    const to = nextOrderStatus(input.action, status);
    if (to === null)
      throw conflict(
        'supervision_wrong_status',
        `督办事项当前状态为“${ORDER_STATUS_NAMES[status]}”，不能${meta.label}`,
      );
    ensureAllowed(supervisionPolicy.act(actor, o, input.action), `您没有权限${meta.label}`);
    const now = new Date();
    const today = shanghaiDate(now);
    const patch: Partial<typeof supervisionOrders.$inferInsert> = { status: to, updatedAt: now };
    let note: string;
    let detail: Record<string, unknown>;
    switch (input.action) {
      case 'file_feedback':
        Object.assign(patch, {
          feedback: input.feedback,
          feedbackAttachments: input.attachments ?? null,
          feedbackBy: actor.userId,
          feedbackAt: now,
        });
        note = input.attachments ? `${input.feedback}（附件：${input.attachments}）` : input.feedback;
        detail = { unit: actor.unitName, note: input.feedback };
        break;
      case 'accept':
        Object.assign(patch, { closedBy: actor.userId, closedAt: now });
        note = input.note ?? '反馈审核通过';
        detail = { note };
        break;
      case 'return':
        if (input.deadline !== undefined) {
          if (input.deadline <= today)
            throw badRequest('supervision_deadline_past', '反馈期限应晚于今天', 'deadline');
          // A new deadline starts the reminders over.
          Object.assign(patch, { deadline: input.deadline, escalationLevel: 0 });
        }
        note = input.deadline ? `${input.reason}（重新反馈期限：${input.deadline}）` : input.reason;
        detail = { reason: input.reason, ...(input.deadline ? { feedbackDeadline: input.deadline } : {}) };
        break;
    }
    patch.history = [...o.history, historyEntry(input.action, meta.label, now, actor.displayName, note)];
    await w.tx.update(supervisionOrders).set(patch).where(eq(supervisionOrders.id, o.id));
    const step: SupervisionStep = input.action;
    await orderCaseEvent(w, actor, o, step, now, detail);
    auditOrder(w, actor, input.action, o.id, { from: status, to, caseId: o.caseId, unitId: o.unitId });
  });
}

export type { OrderType };
