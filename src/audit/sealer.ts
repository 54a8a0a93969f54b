// Seals committed audit rows soon after their commit, outside any business transaction
// (src/audit/chain.ts), on the shared pass-runner (src/jobs/loop.ts): a burst of requests costs a
// few seal transactions, not one each; the periodic pass picks up rows appended outside HTTP
// requests (scheduled jobs) or kicked on another node that stopped. Several nodes
// sealing at once is safe: the head lock serialises them, and a seal that finds nothing writes nothing.
import { isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { shortDbError } from '../db/errors.ts';
import { auditLog } from '../db/schema.ts';
import { PassLoop } from '../jobs/loop.ts';
import { sealAllAudit } from './chain.ts';

export interface AuditSealerOptions {
  /** Wait this long after a kick before sealing, so one pass seals a burst of commits. */
  delayMs?: number;
  /** Periodic pass (started by `start()`). */
  pollMs?: number;
}

export class AuditSealer {
  private readonly loop: PassLoop;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    opts: AuditSealerOptions = {},
  ) {
    this.loop = new PassLoop(() => this.runOnce(), {
      label: '审计日志封链 / audit seal',
      log,
      delayMs: opts.delayMs ?? 50,
      pollMs: opts.pollMs ?? 2000,
      // A cheap look for unsealed rows; a seal only if there are any.
      probe: async () =>
        (await this.db.select({ seq: auditLog.seq }).from(auditLog).where(isNull(auditLog.chainPos)).limit(1))
          .length > 0,
    });
  }

  /** Seals everything committed and pending; returns how many rows. */
  runOnce(): Promise<number> {
    return sealAllAudit(this.db);
  }

  /** Seals soon (after a commit that appended audit rows), without overlapping passes. */
  kick(): void {
    this.loop.kick();
  }

  start(): void {
    this.loop.start();
  }

  /** Waits for a pass already running, then seals whatever is pending. */
  async drain(): Promise<number> {
    await this.loop.idle();
    return this.runOnce();
  }

  /** Stops kicks and the periodic pass, then seals what is left (before the database closes). */
  async stop(): Promise<void> {
    await this.loop.stop();
    await this.runOnce().catch((e) =>
      this.log.warn(`审计日志封链推迟到下次启动 / final seal deferred: ${shortDbError(e)}`),
    );
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Kicks the sealer after every mutating request: its transaction has committed (or rolled back). */
export function sealAfterMutations(app: FastifyInstance, sealer: AuditSealer): void {
  app.addHook('onResponse', async (req) => {
    if (!SAFE_METHODS.has(req.method)) sealer.kick();
  });
}
