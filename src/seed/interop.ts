// Demo machine clients, so the 接口密钥 and 事件推送 pages have content on first start: 鼓楼区信访局's
// 12345 hotline link (read + register, active), a revoked key of 鼓楼区住建局, and a paused
// subscription of 鼓楼区信访局 to registered / replied / closed events whose endpoint failed, with
// two dead letters of recent 鼓楼区 matters to replay. Secrets are random and never shown: a demo
// key is for looking at, an admin makes a real one. Deterministic in what it creates; does nothing
// when keys exist already or the demo accounts are missing.

import { createHash, randomBytes } from 'node:crypto';
import { desc, eq, like } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { apiKeys, cases, units, users, webhookDeliveries, webhookSubscriptions } from '../db/schema.ts';
import type { WebhookEvent } from '../domain/webhooks/events.ts';
import { payloadOf } from '../webhooks/payload.ts';
import { forgetSubscriptions } from '../webhooks/subscribers.ts';

const hashed = () => createHash('sha256').update(randomBytes(32)).digest('base64url');

export async function seedInterop(
  ctx: AppContext,
  opts: { now?: Date } = {},
): Promise<{ keys: number; deadLetters: number }> {
  const now = opts.now ?? new Date();
  return runCommand(ctx, async (w) => {
    const tx = w.tx;
    const [any] = await tx.select({ id: apiKeys.id }).from(apiKeys).limit(1);
    if (any) return { keys: 0, deadLetters: 0 };
    const unitRows = await tx.select().from(units).where(eq(units.jurisdictionCode, '320106'));
    const bureau = unitRows.find((u) => u.deptKey === 'xinfang');
    const zhujian = unitRows.find((u) => u.deptKey === 'zhujian');
    const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'gl_admin'));
    if (!bureau || !zhujian || !admin) return { keys: 0, deadLetters: 0 };
    const keys = [
      {
        name: '12345热线对接',
        unit: bureau,
        role: 'registrar',
        scopes: ['read', 'register'],
        prefix: 'demo12345a',
        revoked: false,
      },
      {
        name: '住建局业务系统（已停用）',
        unit: zhujian,
        role: 'handler',
        scopes: ['read', 'act'],
        prefix: 'demozhujia',
        revoked: true,
      },
    ];
    for (const k of keys) {
      const [svc] = await tx
        .insert(users)
        .values({
          username: `api-${k.prefix}`,
          role: k.role,
          unitId: k.unit.id,
          displayName: `接口：${k.name}`,
          disabled: true,
        })
        .returning({ id: users.id });
      if (!svc) continue;
      await tx.insert(apiKeys).values({
        name: k.name,
        unitId: k.unit.id,
        serviceUserId: svc.id,
        role: k.role,
        jurisdictionCode: '320106',
        scopes: k.scopes,
        prefix: k.prefix,
        secretHash: hashed(),
        createdBy: admin.id,
        createdAt: new Date(now.getTime() - 30 * 86_400_000),
        revokedAt: k.revoked ? new Date(now.getTime() - 3 * 86_400_000) : null,
        revokedBy: k.revoked ? admin.id : null,
      });
    }
    const [sub] = await tx
      .insert(webhookSubscriptions)
      .values({
        name: '鼓楼区融媒体中心',
        unitId: bureau.id,
        jurisdictionCode: '320106',
        url: 'https://hooks.example.invalid/xinfang',
        eventTypes: ['case.registered', 'case.replied', 'case.closed'],
        secretEnc: ctx.pii.encrypt(`whsec_${randomBytes(24).toString('base64url')}`),
        active: false,
        createdBy: admin.id,
      })
      .returning({ id: webhookSubscriptions.id });
    const recent = await tx
      .select()
      .from(cases)
      .where(like(cases.jurisdictionCode, '320106%'))
      .orderBy(desc(cases.receivedAt), desc(cases.id))
      .limit(2);
    let deadLetters = 0;
    for (const c of recent) {
      if (!sub) break;
      const type: WebhookEvent = 'case.registered';
      const { eventKey, ...body } = payloadOf(type, `seed:${c.id}`, c, c.receivedAt);
      await tx.insert(webhookDeliveries).values({
        subscriptionId: sub.id,
        eventType: type,
        eventKey,
        caseId: c.id,
        payload: { id: `${sub.id}:${eventKey}`, ...body },
        status: 'dead',
        attempts: 8,
        lastError: 'getaddrinfo ENOTFOUND hooks.example.invalid',
        createdAt: c.receivedAt,
      });
      deadLetters++;
    }
    w.afterCommit(() => forgetSubscriptions(ctx.db));
    return { keys: keys.length, deadLetters };
  });
}
