// The drafts' reaction to the opinions' actions (wired in src/capabilities.ts), early in the
// action's transaction: where the unit requires 签发, an opinion is issued only with the text a
// leader signed off — the whole action is refused otherwise (409) and nothing of it is stored,
// whether it came from the drafts page or straight to the action API. The draft is marked issued,
// and the document takes the draft's (or the unit's) wording.
import { and, eq, ne, sql } from 'drizzle-orm';
import { UnitLookup } from '../cases/units.ts';
import type { EventBus } from '../commands/events.ts';
import { caseDocuments, documentDrafts } from '../db/schema.ts';
import { isDraftAction, issueBlocker } from '../domain/drafts/rules.ts';
import { conflict } from '../errors.ts';
import type { PlatformEvents } from '../events.ts';
import { rulesOfUnit } from './rules.ts';

/** After 检举控告's guard (1), before every notice and rollup. */
export const DRAFTS_PRIORITY = 2;

export function subscribeDrafts(events: EventBus<PlatformEvents>): void {
  events.on(
    'case.acted',
    'drafts.signoff',
    async (w, e) => {
      if (!isDraftAction(e.action) || !e.actor) return;
      const unit = await new UnitLookup(w.ctx.db).unit(w.tx, e.actor.unitId ?? e.before.currentUnitId);
      if (!unit) return;
      const rules = await rulesOfUnit(w.ctx, w.tx, unit);
      const [draft] = await w.tx
        .select()
        .from(documentDrafts)
        .where(
          and(
            eq(documentDrafts.caseId, e.before.id),
            eq(documentDrafts.action, e.action),
            ne(documentDrafts.status, 'issued'),
          ),
        )
        .for('update');
      const blocker = issueBlocker(rules, e.action, draft, e.detail);
      if (blocker) throw conflict(blocker.code, blocker.message);
      if (draft)
        await w.tx
          .update(documentDrafts)
          .set({ status: 'issued', issuedEventId: e.eventId, issuedAt: e.at })
          .where(eq(documentDrafts.id, draft.id));
      const template = draft?.template ?? rules.template;
      if (template !== 'standard')
        await w.tx
          .update(caseDocuments)
          .set({ data: sql`${caseDocuments.data} || ${JSON.stringify({ template })}::jsonb` })
          .where(eq(caseDocuments.eventId, e.eventId));
    },
    DRAFTS_PRIORITY,
  );
}
