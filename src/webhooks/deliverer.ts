// The webhook delivery pass: POSTs due deliveries outside any business transaction, as the SMS
// dispatcher sends the outbox. A row is claimed FOR UPDATE SKIP LOCKED and leased, so several API
// nodes deliver together and a row whose sender died is retried after the lease. A 2xx answer
// delivers it; anything else backs off (DELIVERY_POLICY) and after the last try dead-letters it
// (死信), to be replayed from the console. Each POST is signed: HMAC-SHA256 of
// `<timestamp>.<body>` with the subscription's secret (docs/interop.md).
import { createHmac } from 'node:crypto';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { webhookDeliveries, webhookSubscriptions } from '../db/schema.ts';
import {
  DELIVERY_POLICY,
  nextAttemptDelay,
  SIGNATURE_HEADERS,
  signedText,
} from '../domain/webhooks/events.ts';
import { leaseBudget } from '../jobs/lease.ts';
import { PassLoop } from '../jobs/loop.ts';
import type { Pii } from '../security/pii.ts';
import { safeErrorMessage } from '../security/redact.ts';
import { enqueueWarningDeliveries } from './warnings.ts';

export type DeliveryPolicy = typeof DELIVERY_POLICY;

export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(signedText(timestamp, body)).digest('hex')}`;
}

export interface DeliveryPassResult {
  delivered: number;
  failed: number;
  dead: number;
}

/** One pass: claims the due deliveries (at most `batch`) and POSTs each. */
export async function runWebhookDeliveries(
  deps: { db: Db; pii: Pii; log: Logger },
  now = new Date(),
  opts: Partial<DeliveryPolicy> & { batch?: number; leaseMs?: number } = {},
): Promise<DeliveryPassResult> {
  const policy = { ...DELIVERY_POLICY, ...opts };
  await enqueueWarningDeliveries(deps.db, now); // 预警: not on the event bus, picked up here
  const leaseUntil = new Date(now.getTime() + (opts.leaseMs ?? 60_000));
  const claimed = await deps.db.transaction(async (tx) => {
    const due = await tx
      .select({
        d: webhookDeliveries,
        url: webhookSubscriptions.url,
        secretEnc: webhookSubscriptions.secretEnc,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
      .orderBy(webhookDeliveries.id)
      .limit(opts.batch ?? 50)
      .for('update', { of: webhookDeliveries, skipLocked: true });
    if (due.length === 0) return due;
    await tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: leaseUntil, attempts: sql`${webhookDeliveries.attempts} + 1` })
      .where(
        inArray(
          webhookDeliveries.id,
          due.map((r) => r.d.id),
        ),
      );
    return due;
  });
  const result: DeliveryPassResult = { delivered: 0, failed: 0, dead: 0 };
  // Past the lease another node may claim these rows: the rest go back unsent (src/jobs/lease.ts).
  const budget = leaseBudget(opts.leaseMs ?? 60_000, policy.timeoutMs);
  const unsent: number[] = [];
  for (const row of claimed) {
    if (unsent.length > 0 || !budget.fits()) {
      unsent.push(row.d.id);
      continue;
    }
    const attempt = row.d.attempts + 1;
    const body = JSON.stringify(row.d.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(row.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'xinfang-webhooks/1',
          [SIGNATURE_HEADERS.event]: row.d.eventType,
          [SIGNATURE_HEADERS.delivery]: String((row.d.payload as { id: string }).id),
          [SIGNATURE_HEADERS.timestamp]: String(timestamp),
          [SIGNATURE_HEADERS.signature]: sign(deps.pii.decrypt(row.secretEnc), timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      status = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (e) {
      error = safeErrorMessage(e).slice(0, 300);
    }
    if (error === null) {
      await deps.db
        .update(webhookDeliveries)
        .set({ status: 'delivered', deliveredAt: new Date(), lastStatus: status, lastError: null })
        .where(eq(webhookDeliveries.id, row.d.id));
      result.delivered++;
      continue;
    }
    const delay = nextAttemptDelay(attempt, policy);
    await deps.db
      .update(webhookDeliveries)
      .set({
        status: delay === null ? 'dead' : 'pending',
        lastStatus: status,
        lastError: error,
        nextAttemptAt: new Date(Date.now() + (delay ?? 0)),
      })
      .where(eq(webhookDeliveries.id, row.d.id));
    if (delay === null) result.dead++;
    else result.failed++;
    deps.log.warn({ deliveryId: row.d.id, attempt, dead: delay === null }, `事件推送失败：${error}`);
  }
  if (unsent.length > 0)
    await deps.db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date(), attempts: sql`${webhookDeliveries.attempts} - 1` })
      .where(and(inArray(webhookDeliveries.id, unsent), eq(webhookDeliveries.status, 'pending')));
  return result;
}

/** Passes until nothing is due (at most `maxPasses` batches), for the daily jobs. */
export async function runDueWebhookDeliveries(
  deps: { db: Db; pii: Pii; log: Logger },
  now = new Date(),
  signal?: AbortSignal,
  maxPasses = 20,
): Promise<DeliveryPassResult> {
  const total: DeliveryPassResult = { delivered: 0, failed: 0, dead: 0 };
  for (let i = 0; i < maxPasses && !signal?.aborted; i++) {
    const r = await runWebhookDeliveries(deps, now);
    total.delivered += r.delivered;
    total.failed += r.failed;
    total.dead += r.dead;
    if (r.delivered + r.failed + r.dead === 0) break;
  }
  return total;
}

/** Webhook deliveries in `xinfang serve`: due rows every `pollMs` on the shared pass-runner. */
export function webhookDeliveryLoop(deps: { db: Db; pii: Pii; log: Logger }, pollMs = 2000): PassLoop {
  return new PassLoop(() => runWebhookDeliveries(deps), {
    label: '事件推送 / webhook delivery',
    log: deps.log,
    pollMs,
  });
}
