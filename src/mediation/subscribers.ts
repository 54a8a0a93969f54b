// The lifecycle action 调解和解 (`settle`, kind mediation) on a matter whose whole was referred to
// mediation and ended in an agreement: the referral is marked settled (已据协议办结) with the event
// that settled the matter, in the same transaction. Whether the handler settles from the referral's
// page (据协议办结) or from the case's own action form, the link is the same. Wired in
// src/capabilities.ts.
import { and, desc, eq } from 'drizzle-orm';
import type { EventBus } from '../commands/events.ts';
import { mediationReferrals } from '../db/schema.ts';
import type { HistoryEntry } from '../domain/history.ts';
import type { PlatformEvents } from '../events.ts';

export function subscribeMediation(events: EventBus<PlatformEvents>): void {
  events.on('case.acted', 'mediation.settled', async (w, e) => {
    if (e.action !== 'settle' || e.detail.kind !== 'mediation') return;
    const [r] = await w.tx
      .select()
      .from(mediationReferrals)
      .where(
        and(
          eq(mediationReferrals.caseId, e.after.id),
          eq(mediationReferrals.status, 'agreement'),
          eq(mediationReferrals.scope, 'whole'),
        ),
      )
      .orderBy(desc(mediationReferrals.concludedAt))
      .limit(1)
      .for('update');
    if (!r) return;
    const history: HistoryEntry[] = [
      ...r.history,
      {
        step: 'settle_case',
        label: '据协议办结',
        at: e.at.toISOString(),
        by: e.actor?.displayName ?? null,
        text: '信访事项已按调解协议办结（调解和解）',
      },
    ];
    await w.tx
      .update(mediationReferrals)
      .set({ status: 'settled', settledEventId: e.eventId, history, updatedAt: e.at })
      .where(eq(mediationReferrals.id, r.id));
  });
}
