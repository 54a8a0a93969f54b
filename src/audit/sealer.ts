// Seals committed audit rows soon after their commit, outside any business transaction
// (src/audit/chain.ts). One pass at a time per process: a kick during a pass asks for one more pass
// after it, and a kick while a pass is already scheduled is absorbed, so a burst of requests costs
// a few seal transactions, not one timer and one seal each. A periodic pass picks up rows appended
// outside HTTP requests (scheduled jobs) or kicked on another node that stopped. Several nodes
// sealing at once is safe: the head lock serialises them, and a seal that finds nothing writes nothing.
import { isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { databaseFailure, shortDbError } from '../db/errors.ts';
import { auditLog } from '../db/schema.ts';
import { sealAllAudit } from './chain.ts';

export interface AuditSealerOptions {
  /** Wait this long after a kick before sealing, so one pass seals a burst of commits. */
  delayMs?: number;
  /** Periodic pass (started by `start()`). */
  pollMs?: number;
}

/** A database outage is expected to end: one short line, not a stack per pass (retried by the next). */
function logSealError(log: Logger, e: unknown): void {
  if (databaseFailure(e))
    log.warn(`审计日志封链推迟，数据库不可用 / audit seal deferred: ${shortDbError(e)}`);
  else log.error({ err: e }, '审计日志封链失败 / audit seal failed');
}

export class AuditSealer {
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private probing: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly opts: Required<AuditSealerOptions>;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    opts: AuditSealerOptions = {},
  ) {
    this.opts = { delayMs: 50, pollMs: 2000, ...opts };
  }

  /** Seals everything committed and pending; returns how many rows. */
  runOnce(): Promise<number> {
    return sealAllAudit(this.db);
  }

  /** Seals soon (after a commit that appended audit rows), without overlapping passes. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      this.pass();
    }, this.opts.delayMs);
    this.soon.unref();
  }

  private pass(): void {
    this.running = this.runOnce()
      .catch((e) => {
        logSealError(this.log, e);
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Periodic pass: a cheap look for unsealed rows, and a seal only if there are any. */
  private async tick(): Promise<void> {
    if (this.running || this.soon) return;
    const pending = await this.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(isNull(auditLog.chainPos))
      .limit(1);
    if (pending.length > 0) this.kick();
  }

  start(): void {
    if (this.timer || this.stopped) return;
    const tick = () => {
      if (this.probing) return;
      this.probing = this.tick()
        .catch((e) => logSealError(this.log, e))
        .finally(() => {
          this.probing = null;
        });
    };
    this.timer = setInterval(tick, this.opts.pollMs);
    this.timer.unref();
    tick();
  }

  /** Waits for a pass already running, then seals whatever is pending. */
  async drain(): Promise<number> {
    while (this.running) await this.running;
    return this.runOnce();
  }

  /** Stops kicks and the periodic pass, then seals what is left (before the database closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    this.timer = null;
    this.soon = null;
    await this.probing;
    while (this.running) await this.running;
    await this.runOnce().catch((e) => logSealError(this.log, e));
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Kicks the sealer after every mutating request: its transaction has committed (or rolled back). */
export function sealAfterMutations(app: FastifyInstance, sealer: AuditSealer): void {
  app.addHook('onResponse', async (req) => {
    if (!SAFE_METHODS.has(req.method)) sealer.kick();
  });
}
