// 事件推送订阅: an admin subscribes an organisation's endpoint to event types of a jurisdiction (the
// signing secret is answered once, stored encrypted because every delivery is signed with it),
// pauses or resumes it, and replays a dead-lettered (or delivered) delivery. One transaction each,
// audited.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { clientRef } from '../apikeys/commands.ts';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { webhookDeliveries, webhookSubscriptions } from '../db/schema.ts';
import { WEBHOOK_EVENTS } from '../domain/webhooks/events.ts';
import { conflict, notFound } from '../errors.ts';
import type { Actor } from '../policies/index.ts';
import { zCode, zIdParam, zText } from '../server/fields.ts';
import { forgetSubscriptions } from './subscribers.ts';

const zUrl = z
  .string()
  .trim()
  .max(500, '地址过长')
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
    } catch {
      return false;
    }
  }, '推送地址应为 http:// 或 https:// 开头的网址，且不含用户名密码');

export const CreateSubscriptionBody = z.object({
  name: zText({ label: '名称', min: 2, max: 60 }),
  unitId: zIdParam('单位'),
  jurisdictionCode: zCode('请选择数据范围（行政区划）').optional(),
  url: zUrl,
  eventTypes: z
    .array(z.enum(WEBHOOK_EVENTS, { error: '未知的事件类型' }))
    .min(1, '请至少选择一种事件')
    .max(WEBHOOK_EVENTS.length),
});
export type CreateSubscriptionInput = z.infer<typeof CreateSubscriptionBody>;

export async function createSubscription(ctx: AppContext, actor: Actor, input: CreateSubscriptionInput) {
  return runCommand(ctx, async (w) => {
    const { unit, place } = await clientRef(w.tx, actor, input.unitId, input.jurisdictionCode);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const eventTypes = [...new Set(input.eventTypes)];
    const [row] = await w.tx
      .insert(webhookSubscriptions)
      .values({
        name: input.name,
        unitId: unit.id,
        jurisdictionCode: place.code,
        url: input.url,
        eventTypes,
        secretEnc: ctx.pii.encrypt(secret),
        createdBy: actor.userId,
      })
      .returning({ id: webhookSubscriptions.id });
    if (!row) throw new Error('subscription not created');
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'webhook.subscribe',
      entity: 'webhook_subscription',
      entityId: row.id,
      summary: {
        name: input.name,
        unitId: unit.id,
        jurisdictionCode: place.code,
        url: input.url,
        eventTypes,
      },
    });
    w.afterCommit(() => forgetSubscriptions(ctx.db));
    return { id: row.id, secret };
  });
}

async function loadSubscription(w: { tx: Parameters<typeof clientRef>[0] }, actor: Actor, id: number) {
  const [s] = await w.tx
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.id, id))
    .for('update');
  if (!s) throw notFound('未找到该订阅');
  await clientRef(w.tx, actor, s.unitId, s.jurisdictionCode, 'revoke');
  return s;
}

export async function setSubscriptionActive(ctx: AppContext, actor: Actor, id: number, active: boolean) {
  await runCommand(ctx, async (w) => {
    const s = await loadSubscription(w, actor, id);
    if (s.active === active) throw conflict('unchanged', active ? '该订阅已在推送' : '该订阅已暂停');
    await w.tx.update(webhookSubscriptions).set({ active }).where(eq(webhookSubscriptions.id, id));
    w.afterCommit(() => forgetSubscriptions(ctx.db));
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: active ? 'webhook.resume' : 'webhook.pause',
      entity: 'webhook_subscription',
      entityId: id,
      summary: { name: s.name },
    });
  });
}

/** 重新推送: the delivery goes back to the queue with its tries reset (same id: receivers dedupe). */
export async function replayDelivery(ctx: AppContext, actor: Actor, deliveryId: number) {
  await runCommand(ctx, async (w) => {
    const [d] = await w.tx
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, deliveryId))
      .for('update');
    if (!d) throw notFound('未找到该推送记录');
    const [s] = await w.tx
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, d.subscriptionId));
    if (!s) throw notFound('未找到该推送记录');
    await clientRef(w.tx, actor, s.unitId, s.jurisdictionCode, 'replay');
    if (d.status === 'pending') throw conflict('already_pending', '该推送正在排队，无需重新推送');
    await w.tx
      .update(webhookDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null })
      .where(eq(webhookDeliveries.id, deliveryId));
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'webhook.replay',
      entity: 'webhook_delivery',
      entityId: deliveryId,
      summary: { subscriptionId: s.id, eventType: d.eventType, was: d.status },
    });
  });
}
