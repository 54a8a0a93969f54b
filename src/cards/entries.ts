// What is written on a rights card (处理结果记卡): each level's 受理、办理、答复、复查、复核 with its date
// and unit, from the case's events — at issue from the timeline so far, then by the subscriber to
// `case.acted` (wired in src/capabilities.ts), in the same transaction as the step.
import { asc, eq, inArray } from 'drizzle-orm';
import { type CaseSpan, eventsOfCase } from '../cases/history.ts';
import type { EventBus } from '../commands/events.ts';
import type { Executor } from '../db/client.ts';
import { caseEvents, rightsCards, units } from '../db/schema.ts';
import { type CardEntry, STAGE_OF_ACTION } from '../domain/cards/levels.ts';
import { levelOf } from '../domain/jurisdictions.ts';
import type { PlatformEvents } from '../events.ts';

/** The unit a step is written under: the unit it went to (转送、交办), else the unit that took it. */
function unitOfStep(
  action: string,
  detail: Record<string, unknown>,
  actorUnitId: number | null,
): number | null {
  if ((action === 'forward' || action === 'assign') && typeof detail.targetUnitId === 'number')
    return detail.targetUnitId;
  return actorUnitId;
}

async function entryOf(
  tx: Executor,
  action: string,
  at: Date,
  detail: Record<string, unknown>,
  actorUnitId: number | null,
): Promise<CardEntry | null> {
  const stage = STAGE_OF_ACTION[action];
  if (!stage) return null;
  const unitId = unitOfStep(action, detail, actorUnitId);
  const [u] =
    unitId === null
      ? []
      : await tx
          .select({ name: units.name, code: units.jurisdictionCode })
          .from(units)
          .where(eq(units.id, unitId));
  return { stage, at: at.toISOString(), unitId, unit: u?.name ?? '', level: u ? levelOf(u.code) : 0 };
}

/** The entries of a case's timeline so far (for a card issued after some steps). */
export async function entriesFromTimeline(tx: Executor, c: CaseSpan): Promise<CardEntry[]> {
  const events = await tx
    .select()
    .from(caseEvents)
    .where(eventsOfCase(c))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  const out: CardEntry[] = [];
  for (const e of events) {
    const entry = await entryOf(
      tx,
      e.action,
      e.at,
      (e.detail ?? {}) as Record<string, unknown>,
      e.actorUnitId,
    );
    if (entry) out.push(entry);
  }
  return out;
}

export function subscribeCardEntries(events: EventBus<PlatformEvents>): void {
  events.on('case.acted', 'cards.entries', async (w, e) => {
    if (!STAGE_OF_ACTION[e.action]) return;
    const [card] = await w.tx
      .select({ id: rightsCards.id, entries: rightsCards.entries })
      .from(rightsCards)
      .where(inArray(rightsCards.caseId, [e.after.id]))
      .for('update');
    if (!card) return;
    const entry = await entryOf(w.tx, e.action, e.at, e.detail, e.actor?.unitId ?? null);
    if (!entry) return;
    await w.tx
      .update(rightsCards)
      .set({ entries: [...card.entries, entry] })
      .where(eq(rightsCards.id, card.id));
  });
}
