// One wait for the process's background work (issue 19): the outbox's due messages sent, the
// committed audit rows sealed, the embedded database's statistics pass done. Tests call it instead
// of sleeping or polling after a request; a CLI command that sends (`xinfang warnings scan`) calls it
// before it exits, so that its SMS are not left for the next start.
import type { AppContext } from '../context.ts';

/** Passes of each kind at most: a send may enqueue a follow-up (a refused WeChat notice → its SMS). */
const MAX_ROUNDS = 5;

export interface Settled {
  /** Outbox messages attempted (sent or failed) while settling. */
  sent: number;
  /** Audit rows sealed while settling. */
  sealed: number;
}

/**
 * Waits for the passes running or kicked, then runs the dispatcher and the sealer until a round finds
 * nothing due. A message that failed and waits for its retry time stays pending: what is due now is
 * done, what is due later is not waited for.
 */
export async function settle(
  ctx: Pick<AppContext, 'dispatcher' | 'auditSealer' | 'statistics'>,
): Promise<Settled> {
  const done: Settled = { sent: 0, sealed: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const sent = await ctx.dispatcher.drain();
    // Sealed after the sends: a send's own audit rows (none today, but a gateway change may add them).
    const sealed = await ctx.auditSealer.drain();
    done.sent += sent;
    done.sealed += sealed;
    if (sent === 0 && sealed === 0) break;
  }
  await ctx.statistics?.idle();
  return done;
}
