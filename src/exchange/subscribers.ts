// The result goes up by itself (报送办理结果): when a matter that came from a peer platform or a
// 12345 hotline is replied (出具处理意见书) or reaches a terminal state by any action, a
// `matter.result` message is queued to that peer inside the transaction of the action (wired in
// src/capabilities.ts). The case engine knows nothing of it.
import { and, eq, ne } from 'drizzle-orm';
import type { CaseActed } from '../cases/events.ts';
import type { Work } from '../commands/command.ts';
import type { EventBus } from '../commands/events.ts';
import { exchangeLinks } from '../db/schema.ts';
import { type CaseState, isOpen, STATE_NAMES } from '../domain/lifecycle/vocabulary.ts';
import type { PlatformEvents } from '../events.ts';
import { peerOf } from './identity.ts';
import { enqueueMessage } from './outbox.ts';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

async function resultUp(w: Work, e: CaseActed): Promise<void> {
  const closedNow = isOpen(e.before.state as CaseState) && !isOpen(e.after.state as CaseState);
  if (e.action !== 'reply' && !closedNow) return;
  const links = await w.tx
    .select()
    .from(exchangeLinks)
    .where(
      and(
        eq(exchangeLinks.caseId, e.after.id),
        eq(exchangeLinks.direction, 'incoming'),
        ne(exchangeLinks.status, 'objected'),
      ),
    );
  for (const link of links) {
    const peer = peerOf(w.ctx, link.peerId);
    if (!peer || !link.remoteNumber) continue; // a peer no longer configured: nothing to send to
    const state = e.after.state as CaseState;
    await enqueueMessage(
      w,
      e.actor,
      peer,
      link,
      {
        type: 'matter.result',
        ref: { caseNumber: link.remoteNumber },
        handlerCaseNumber: e.after.caseNumber,
        state,
        stateName: STATE_NAMES[state] ?? state,
        outcomeName: text(e.detail.outcomeName),
        opinion: text(e.detail.decision),
        closedAt: closedNow ? e.at.toISOString() : undefined,
      },
      e.at,
    );
  }
}

export function subscribeExchange(events: EventBus<PlatformEvents>): void {
  events.on('case.acted', 'exchange.result_up', resultUp);
}
