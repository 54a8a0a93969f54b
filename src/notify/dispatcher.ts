// Sends outbox rows through a sink, outside any business transaction.
// A row is claimed with FOR UPDATE SKIP LOCKED and leased (next_attempt_at pushed forward), so
// several API nodes can dispatch together and a row whose sender died is retried after the lease.
// Failures back off exponentially; after maxAttempts the row is dead-lettered ('dead').
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { databaseFailure, shortDbError } from '../db/errors.ts';
import { outbox } from '../db/schema.ts';
import type { Pii } from '../security/pii.ts';
import { type GatewayError, isPermanentGatewayError } from './gateways/errors.ts';
import type { SmsSink } from './sinks.ts';

export interface DispatcherOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  leaseMs?: number;
  batch?: number;
  pollMs?: number;
}

export class Dispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly opts: Required<DispatcherOptions>;

  constructor(
    private readonly db: Db,
    private readonly pii: Pii,
    private readonly sink: SmsSink,
    private readonly log: Logger,
    opts: DispatcherOptions = {},
  ) {
    this.opts = { maxAttempts: 6, baseDelayMs: 2000, leaseMs: 60_000, batch: 50, pollMs: 1000, ...opts };
  }

  /** Claims due rows and sends them; returns how many were handled. */
  async runOnce(now = new Date()): Promise<number> {
    const leaseUntil = new Date(now.getTime() + this.opts.leaseMs);
    const claimed = await this.db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
        .orderBy(outbox.id)
        .limit(this.opts.batch)
        .for('update', { skipLocked: true });
      if (due.length === 0) return due;
      await tx
        .update(outbox)
        .set({ nextAttemptAt: leaseUntil, attempts: sql`${outbox.attempts} + 1` })
        .where(
          inArray(
            outbox.id,
            due.map((r) => r.id),
          ),
        );
      return due;
    });
    // Sent rows are marked together at the end of the pass: one statement instead of one per SMS.
    // If the process dies before that, they are sent again after the lease, with the same
    // idempotency key, so a gateway that honours it delivers once.
    const sent: number[] = [];
    for (const row of claimed) {
      const attempt = row.attempts + 1;
      try {
        await this.sink.send({
          to: this.pii.decrypt(row.recipientEnc),
          toMasked: row.recipientMasked,
          body: row.body,
          idempotencyKey: row.idempotencyKey,
          template: row.template,
        });
        sent.push(row.id);
      } catch (e) {
        const error = (e as Error).message.slice(0, 500);
        // A permanent refusal (bad number, bad credentials) is not retried.
        const dead = attempt >= this.opts.maxAttempts || isPermanentGatewayError(e);
        const delay = Math.max(
          this.opts.baseDelayMs * 2 ** (attempt - 1),
          (e as GatewayError).retryAfterMs ?? 0,
        );
        await this.db
          .update(outbox)
          .set({
            status: dead ? 'dead' : 'pending',
            lastError: error,
            nextAttemptAt: new Date(Date.now() + delay),
          })
          .where(eq(outbox.id, row.id));
        this.log.warn({ outboxId: row.id, attempt, dead }, `短信发送失败：${error}`);
      }
    }
    if (sent.length > 0) {
      await this.db
        .update(outbox)
        .set({ status: 'sent', sentAt: new Date(), lastError: null })
        .where(inArray(outbox.id, sent));
    }
    return claimed.length;
  }

  /** Runs a pass soon (after a commit that enqueued something), without overlapping passes. */
  kick(): void {
    if (this.running) return;
    this.running = this.runOnce()
      .catch((e) => {
        // An outage: the next pass (every pollMs) retries; rows claimed before it are leased and
        // sent again after the lease, with the same idempotency key.
        if (databaseFailure(e))
          this.log.warn(`短信发送推迟，数据库不可用 / outbox deferred: ${shortDbError(e)}`);
        else this.log.error({ err: e }, 'outbox dispatch failed');
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), this.opts.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Waits for a pass already running (e.g. kicked after a commit), then sends whatever is due. */
  async drain(): Promise<number> {
    while (this.running) await this.running;
    return this.runOnce();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
