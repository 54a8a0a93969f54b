// The command layer: every mutation runs as one command — one transaction, the audit rows it
// declares appended last, its events published to the subscribers inside it, and after-commit
// work (dispatcher and sealer kicks, cache invalidation) run only once it has committed.
import type { AuditEntry } from '../audit/chain.ts';
import { recordAudit } from '../audit/chain.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import type { PlatformEvents } from '../events.ts';

export interface Work {
  ctx: AppContext;
  tx: Tx;
  /** Runs after the transaction commits; never on rollback. Errors are logged, not thrown. */
  afterCommit(fn: () => void | Promise<void>): void;
  /** An audit row for this command, appended at the end of the transaction (sealed after commit). */
  audit(entry: AuditEntry): void;
  /** Publishes an event to its subscribers, inside this transaction. */
  publish<K extends keyof PlatformEvents>(type: K, event: PlatformEvents[K]): Promise<void>;
}

/**
 * Thrown inside a command when something must be set up outside any transaction first (a case
 * number's sequence): the command is given up — it has written nothing yet —, `setUp` runs on the
 * base handle, and the command runs again.
 */
export class SetUpFirst extends Error {
  constructor(
    readonly what: string,
    readonly setUp: () => Promise<void>,
  ) {
    super(`set up first: ${what}`);
  }
}

const MAX_ATTEMPTS = 3;

export async function runCommand<T>(ctx: AppContext, body: (w: Work) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const after: (() => void | Promise<void>)[] = [];
    try {
      const result = await ctx.db.transaction(async (tx) => {
        const audits: AuditEntry[] = [];
        const w: Work = {
          ctx,
          tx,
          afterCommit: (fn) => after.push(fn),
          audit: (entry) => audits.push(entry),
          publish: (type, event) => ctx.events.publish(w, type, event),
        };
        const value = await body(w);
        for (const entry of audits) await recordAudit(tx, entry);
        if (audits.length) after.push(() => ctx.auditSealer.kick());
        return value;
      });
      for (const fn of after) {
        try {
          await fn();
        } catch (e) {
          ctx.log.error({ err: e }, '提交后任务失败 / after-commit task failed');
        }
      }
      return result;
    } catch (e) {
      if (!(e instanceof SetUpFirst) || attempt >= MAX_ATTEMPTS) throw e;
      await e.setUp();
    }
  }
}
