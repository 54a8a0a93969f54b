// Sends outbox rows through a sink, outside any business transaction.
// A row is claimed with FOR UPDATE SKIP LOCKED and leased (next_attempt_at pushed forward), so
// several API nodes can dispatch together and a row whose sender died is retried after the lease.
// Failures back off exponentially; after maxAttempts the row is dead-lettered ('dead').
// Retention: `retentionDays` after a row was created and finished (sent or dead), its number and
// text are erased (`purgeOutbox`); what remains says which notice went out, when, to 138****5678.
import { and, eq, inArray, isNotNull, lt, lte, ne, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { outbox } from '../db/schema.ts';
import { leaseBudget } from '../jobs/lease.ts';
import { PassLoop } from '../jobs/loop.ts';
import type { Pii } from '../security/pii.ts';
import { safeErrorMessage } from '../security/redact.ts';
import { GatewayError, isPermanentGatewayError } from './gateways/errors.ts';
import { DEFAULT_GATEWAY_TIMEOUT_MS } from './gateways/http.ts';
import { outboxText } from './outbox.ts';
import type { SmsSink } from './sinks.ts';

export interface DispatcherOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  leaseMs?: number;
  batch?: number;
  pollMs?: number;
  /** Days a finished row keeps its number and text (XINFANG_OUTBOX_RETENTION_DAYS). */
  retentionDays?: number;
  /** How often the retention purge runs (default hourly; it also runs at start). */
  purgeEveryMs?: number;
}

/** Rows purged per statement, so a large backlog never holds one long lock. */
const PURGE_BATCH = 1000;

/**
 * Erases the number and text of rows finished (sent or dead) and created more than `retentionDays`
 * before `now`. Pending rows are never touched. Returns how many rows were purged.
 */
export async function purgeOutbox(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  let total = 0;
  for (;;) {
    const batch = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(isNotNull(outbox.bodyEnc), ne(outbox.status, 'pending'), lt(outbox.createdAt, cutoff)))
      .limit(PURGE_BATCH);
    const purged = await db
      .update(outbox)
      .set({ bodyEnc: null, body: null, recipientEnc: null })
      .where(and(inArray(outbox.id, batch), ne(outbox.status, 'pending')))
      .returning({ id: outbox.id });
    total += purged.length;
    if (purged.length < PURGE_BATCH) return total;
  }
}

export class Dispatcher {
  private lastPurge = 0;
  /** Sinks of channels other than 'sms' (微信模板消息: src/wechat/), by outbox.channel. */
  private readonly channels = new Map<string, SmsSink>();
  private readonly loop: PassLoop;
  private readonly opts: Required<DispatcherOptions>;

  constructor(
    private readonly db: Db,
    private readonly pii: Pii,
    private readonly sink: SmsSink,
    private readonly log: Logger,
    opts: DispatcherOptions = {},
  ) {
    this.opts = {
      maxAttempts: 6,
      baseDelayMs: 2000,
      leaseMs: 60_000,
      batch: 50,
      pollMs: 1000,
      retentionDays: 30,
      purgeEveryMs: 3_600_000,
      ...opts,
    };
    // An outage: the next pass (every pollMs) retries; rows claimed before it are leased and sent
    // again after the lease, with the same idempotency key.
    this.loop = new PassLoop(() => this.passWithPurge(), {
      label: '短信发送 / outbox dispatch',
      log,
      pollMs: this.opts.pollMs,
    });
  }

  /** Rows of this outbox channel go through this sink (the constructor's sink sends 'sms'). */
  route(channel: string, sink: SmsSink): void {
    this.channels.set(channel, sink);
  }

  private sinkOf(channel: string): SmsSink {
    const sink = channel === 'sms' ? this.sink : this.channels.get(channel);
    if (sink) return sink;
    throw new GatewayError(channel, `未配置发送渠道 ${channel}，不发送`, { permanent: true });
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
    // Only while the lease covers a send at its longest: past that, another node may claim the
    // rest of the batch (src/jobs/lease.ts), which is therefore handed back unsent.
    const budget = leaseBudget(this.opts.leaseMs, DEFAULT_GATEWAY_TIMEOUT_MS);
    const unsent: number[] = [];
    for (const row of claimed) {
      if (unsent.length > 0 || !budget.fits()) {
        unsent.push(row.id);
        continue;
      }
      const attempt = row.attempts + 1;
      try {
        const body = outboxText(this.pii, row);
        if (!row.recipientEnc || body === null) throw new Error('outbox row purged before sending');
        await this.sinkOf(row.channel).send({
          to: this.pii.decrypt(row.recipientEnc),
          toMasked: row.recipientMasked,
          body,
          idempotencyKey: row.idempotencyKey,
          template: row.template,
          ...(row.caseId === null ? {} : { caseId: row.caseId }),
        });
        sent.push(row.id);
      } catch (e) {
        // Gateways scrub numbers from their messages; any other failure is cleaned here (log policy).
        const error = safeErrorMessage(e).slice(0, 500);
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
        const what = row.channel === 'sms' ? '短信' : `消息（${row.channel}）`;
        this.log.warn({ outboxId: row.id, channel: row.channel, attempt, dead }, `${what}发送失败：${error}`);
      }
    }
    if (sent.length > 0) {
      await this.db
        .update(outbox)
        .set({ status: 'sent', sentAt: new Date(), lastError: null })
        .where(inArray(outbox.id, sent));
    }
    if (unsent.length > 0) {
      await this.db
        .update(outbox)
        .set({ nextAttemptAt: new Date(), attempts: sql`${outbox.attempts} - 1` })
        .where(and(inArray(outbox.id, unsent), eq(outbox.status, 'pending')));
      this.loop.kick();
    }
    return claimed.length - unsent.length;
  }

  /** Runs a pass soon (after a commit that enqueued something), without overlapping passes. */
  kick(): void {
    this.loop.kick();
  }

  /** A send pass, and the retention purge when it is due (at start, then every purgeEveryMs). */
  private async passWithPurge(): Promise<number> {
    const n = await this.runOnce();
    if (this.loop.started && Date.now() - this.lastPurge >= this.opts.purgeEveryMs) {
      this.lastPurge = Date.now();
      const purged = await purgeOutbox(this.db, this.opts.retentionDays);
      if (purged > 0)
        this.log.info(
          { outbox: { purged, retentionDays: this.opts.retentionDays } },
          `已清除 ${purged} 条超过保留期的短信内容和号码`,
        );
    }
    return n;
  }

  start(): void {
    this.loop.start();
  }

  /** Waits until no pass runs or is due to start (one kicked meanwhile included); sends nothing itself. */
  idle(): Promise<void> {
    return this.loop.idle();
  }

  /** Waits for a pass already running (e.g. kicked after a commit), then sends whatever is due. */
  async drain(): Promise<number> {
    await this.loop.idle();
    return this.runOnce();
  }

  /** No pass starts after this; waits for the one running. */
  async stop(): Promise<void> {
    await this.loop.stop();
  }
}
