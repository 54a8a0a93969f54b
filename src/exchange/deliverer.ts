// The exchange delivery pass: POSTs due outgoing messages to their peers outside any business
// transaction — the webhook deliverer's path (src/webhooks/deliverer.ts) with its retry policy
// (DELIVERY_POLICY: back off from 30 s doubling to 6 h, dead after 8 tries) and the same claim
// (FOR UPDATE SKIP LOCKED with a lease, so several API nodes deliver together). Each POST is signed
// with this platform's Ed25519 key over `<timestamp>.<body>`, timestamped at the try. A 2xx answer
// delivers it, and so does 409 `exchange_replayed`: the peer already has it (our earlier try got
// through but its answer was lost), so receiving stays idempotent and nothing is sent twice.
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { exchangeMessages } from '../db/schema.ts';
import { EXCHANGE_HEADERS, signMessage } from '../domain/exchange/signing.ts';
import { DELIVERY_POLICY, nextAttemptDelay } from '../domain/webhooks/events.ts';
import { leaseBudget } from '../jobs/lease.ts';
import { PassLoop } from '../jobs/loop.ts';
import { safeErrorMessage } from '../security/redact.ts';
import { peerOf, platformKey } from './identity.ts';

export interface ExchangePassResult {
  delivered: number;
  failed: number;
  dead: number;
}

/** One pass: claims the due messages (at most `batch`) and POSTs each. */
export async function runExchangeDeliveries(
  ctx: AppContext,
  now = new Date(),
  opts: Partial<typeof DELIVERY_POLICY> & { batch?: number; leaseMs?: number } = {},
): Promise<ExchangePassResult> {
  const policy = { ...DELIVERY_POLICY, ...opts };
  const leaseUntil = new Date(now.getTime() + (opts.leaseMs ?? 60_000));
  const db: Db = ctx.db;
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(exchangeMessages)
      .where(
        and(
          eq(exchangeMessages.direction, 'out'),
          eq(exchangeMessages.status, 'pending'),
          lte(exchangeMessages.nextAttemptAt, now),
        ),
      )
      .orderBy(exchangeMessages.id)
      .limit(opts.batch ?? 50)
      .for('update', { skipLocked: true });
    if (due.length === 0) return due;
    await tx
      .update(exchangeMessages)
      .set({ nextAttemptAt: leaseUntil, attempts: sql`${exchangeMessages.attempts} + 1` })
      .where(
        inArray(
          exchangeMessages.id,
          due.map((r) => r.id),
        ),
      );
    return due;
  });
  const result: ExchangePassResult = { delivered: 0, failed: 0, dead: 0 };
  const key = platformKey(ctx);
  // Past the lease another node may claim these rows: the rest go back unsent (src/jobs/lease.ts).
  const budget = leaseBudget(opts.leaseMs ?? 60_000, policy.timeoutMs);
  const unsent: number[] = [];
  for (const row of claimed) {
    if (unsent.length > 0 || !budget.fits()) {
      unsent.push(row.id);
      continue;
    }
    const attempt = row.attempts + 1;
    const peer = peerOf(ctx, row.peerId);
    let status: number | null = null;
    let error: string | null = null;
    if (!peer) error = '对端不在交换配置中 / peer not configured';
    else {
      const body = ctx.pii.decrypt(row.bodyEnc);
      const timestamp = Math.floor(Date.now() / 1000);
      try {
        const res = await fetch(peer.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'xinfang-exchange/1',
            [EXCHANGE_HEADERS.platform]: ctx.config.exchange.platformId,
            [EXCHANGE_HEADERS.timestamp]: String(timestamp),
            [EXCHANGE_HEADERS.signature]: signMessage(key, timestamp, body),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(policy.timeoutMs),
        });
        status = res.status;
        const text = await res.text().catch(() => '');
        const already = res.status === 409 && text.includes('"exchange_replayed"');
        if ((res.status < 200 || res.status >= 300) && !already) error = `HTTP ${res.status}`;
      } catch (e) {
        error = safeErrorMessage(e).slice(0, 300);
      }
    }
    if (error === null) {
      await db
        .update(exchangeMessages)
        .set({ status: 'delivered', deliveredAt: new Date(), lastStatus: status, lastError: null })
        .where(eq(exchangeMessages.id, row.id));
      result.delivered++;
      continue;
    }
    const delay = nextAttemptDelay(attempt, policy);
    await db
      .update(exchangeMessages)
      .set({
        status: delay === null ? 'dead' : 'pending',
        lastStatus: status,
        lastError: error,
        nextAttemptAt: new Date(Date.now() + (delay ?? 0)),
      })
      .where(eq(exchangeMessages.id, row.id));
    if (delay === null) result.dead++;
    else result.failed++;
    ctx.log.warn(
      { exchangeMessageId: row.id, attempt, dead: delay === null },
      `平台交换消息发送失败：${error}`,
    );
  }
  if (unsent.length > 0)
    await db
      .update(exchangeMessages)
      .set({ nextAttemptAt: new Date(), attempts: sql`${exchangeMessages.attempts} - 1` })
      .where(and(inArray(exchangeMessages.id, unsent), eq(exchangeMessages.status, 'pending')));
  return result;
}

/** Exchange deliveries in `xinfang serve`: due messages every `pollMs` on the shared pass-runner. */
export function exchangeDeliveryLoop(ctx: AppContext, pollMs = 2000): PassLoop {
  return new PassLoop(() => runExchangeDeliveries(ctx), {
    label: '平台交换 / exchange delivery',
    log: ctx.log,
    pollMs,
  });
}
