// What duplicates keeps in step with the cases: the content signature and the 联名/群体 check of each
// new matter, the link to the earlier matter it repeats, and the other side of a `link_repeat`
// action (the open matter counts one more repeat and shows it on its timeline).
import { eq, sql } from 'drizzle-orm';
import { type EventBus, PRIORITY } from '../commands/events.ts';
import { caseEvents, caseLinks, cases } from '../db/schema.ts';
import type { PlatformEvents } from '../events.ts';
import { afterRegistration } from './service.ts';

export function subscribeDuplicates(events: EventBus<PlatformEvents>): void {
  events.on(
    'case.registered',
    'duplicates.signature',
    (w, e) => afterRegistration(w, e.case, e.repeatOf),
    PRIORITY.links,
  );
  events.on(
    'case.acted',
    'duplicates.link_repeat',
    async (w, e) => {
      const target = e.linkedCase;
      if (e.action !== 'link_repeat' || !target) return;
      const { tx } = w;
      await tx
        .update(cases)
        .set({ repeatCount: sql`${cases.repeatCount} + 1`, updatedAt: e.at })
        .where(eq(cases.id, target.id));
      await tx.insert(caseEvents).values({
        caseId: target.id,
        at: e.at,
        action: 'link_repeat',
        actorUserId: e.actor?.userId ?? null,
        actorRole: e.actor?.role ?? null,
        actorUnitId: e.actor?.unitId ?? null,
        detail: {
          form: e.before.form,
          receivedAt: e.before.receivedAt.toISOString(),
          repeatCaseId: e.before.id,
          repeatCaseNumber: e.before.caseNumber,
        },
        public: true,
      });
      await tx
        .insert(caseLinks)
        .values({ caseId: e.before.id, linkedCaseId: target.id, kind: 'repeat' })
        .onConflictDoNothing();
    },
    PRIORITY.links,
  );
}
