// The daily escalation pass (催办 → 升级): orders still waiting for feedback past their deadline get
// the next step of their type's table (src/domain/supervision/orders.ts) — first a reminder to the
// addressed unit, then, after the further delay, escalation to the leaders of the raising bureau.
// Run by the daily jobs (src/jobs/scheduler.ts) after the backlog candidate pass. Each step is one
// command (its audit row, the case's timeline event, SMS through the outbox to the staff concerned
// who have a mobile number on file); the step is recorded on the order (level, date), so the list
// shows 已催办 / 已升级 whether or not anyone had a number. Idempotent: a second run the same day
// finds nothing due (the step is conditional on the level it read; SMS keys are per order and level).
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { supervisionOrders, units, users } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { historyEntry } from '../domain/history.ts';
import {
  dueEscalation,
  ORDER_TYPE_RULES,
  type OrderStatus,
  type OrderType,
} from '../domain/supervision/orders.ts';
import { enqueueSms } from '../notify/outbox.ts';
import { auditOrder, orderCaseEvent } from './commands.ts';
import { pendingPastDeadline } from './queries.ts';

export interface EscalationPassResult {
  reminded: number;
  escalated: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runSupervisionEscalationPass(
  ctx: AppContext,
  now: Date = new Date(),
  opts: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<EscalationPassResult> {
  const today = shanghaiDate(now);
  const batchSize = opts.batchSize ?? 200;
  const result: EscalationPassResult = { reminded: 0, escalated: 0 };
  let afterId = 0;
  while (!opts.signal?.aborted) {
    const batch = await pendingPastDeadline(ctx.db, today, afterId, batchSize);
    for (const { id } of batch) {
      const step = await escalateOne(ctx, id, now, today);
      if (step === 'remind') result.reminded++;
      if (step === 'escalate') result.escalated++;
    }
    await yieldToEventLoop();
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) break;
    afterId = last.id;
  }
  return result;
}

async function escalateOne(ctx: AppContext, id: number, now: Date, today: string) {
  return runCommand(ctx, async (w) => {
    const [o] = await w.tx.select().from(supervisionOrders).where(eq(supervisionOrders.id, id)).for('update');
    if (!o) return null;
    const last = o.escalationLevel === 1 ? o.remindedAt : o.escalatedAt;
    const step = dueEscalation(
      {
        type: o.type as OrderType,
        status: o.status as OrderStatus,
        deadline: o.deadline,
        level: o.escalationLevel,
        lastStepDate: last ? shanghaiDate(last) : null,
      },
      today,
    );
    if (!step) return null;
    const [unit] = await w.tx.select({ name: units.name }).from(units).where(eq(units.id, o.unitId));
    const [raising] = await w.tx
      .select({ name: units.name })
      .from(units)
      .where(eq(units.id, o.raisingUnitId));
    const typeName = ORDER_TYPE_RULES[o.type as OrderType].name;
    const what = `${typeName}事项（督办编号${o.id}，反馈期限${o.deadline}）`;
    const note =
      step.kind === 'remind'
        ? `逾期未反馈，已向${unit?.name ?? '被督办单位'}催办`
        : `催办后仍未反馈，已报${raising?.name ?? '督办机关'}领导督促`;
    await w.tx
      .update(supervisionOrders)
      .set({
        escalationLevel: step.level,
        ...(step.kind === 'remind' ? { remindedAt: now } : { escalatedAt: now }),
        history: [...o.history, historyEntry(step.kind, step.label, now, null, note)],
        updatedAt: now,
      })
      .where(and(eq(supervisionOrders.id, o.id), eq(supervisionOrders.escalationLevel, o.escalationLevel)));
    // Who is told: the addressed unit's staff (reminder), the raising bureau's leaders (escalation).
    const recipients = await w.tx
      .select({ userId: users.id, phoneEnc: users.phoneEnc })
      .from(users)
      .where(
        and(
          eq(users.unitId, step.kind === 'remind' ? o.unitId : o.raisingUnitId),
          eq(users.disabled, false),
          isNotNull(users.phoneEnc),
          inArray(
            users.role,
            step.kind === 'remind' ? ['handler', 'reviewer', 'supervisor', 'leader'] : ['leader'],
          ),
        ),
      );
    const body =
      step.kind === 'remind'
        ? `【阳光信访】${unit?.name ?? ''}：${raising?.name ?? ''}${what}已逾期未反馈，请尽快登录工作台报送反馈。`
        : `【阳光信访】${raising?.name ?? ''}${what}经催办仍未反馈（被督办单位：${unit?.name ?? ''}），请领导督促。`;
    for (const r of recipients) {
      if (!r.phoneEnc) continue;
      await enqueueSms(w.tx, ctx.pii, {
        phone: ctx.pii.decrypt(r.phoneEnc),
        template: `supervision_${step.kind}`,
        body,
        idempotencyKey: `supervision:${o.id}:${step.level}:${o.deadline}:${r.userId}`,
        caseId: o.caseId ?? undefined,
        stage: `supervision_${step.kind}`,
      });
    }
    await orderCaseEvent(w, null, o, step.kind, now, { note, unit: unit?.name });
    auditOrder(w, null, step.kind, o.id, { level: step.level, caseId: o.caseId, sms: recipients.length });
    return step.kind;
  });
}
