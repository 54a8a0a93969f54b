// 检举控告's reactions to case events (wired in src/capabilities.ts), first in their transaction:
//   - a registration naming the accused records them and keeps the matter from the accused units;
//   - no action may hand the matter to a unit it is kept from (交办、转送、复查机关…): the whole
//     action is refused (400 accused_is_holder) and nothing of it is stored.
import type { EventBus } from '../commands/events.ts';
import { ACCUSED_HOLDER_MESSAGE } from '../domain/accusations.ts';
import { badRequest } from '../errors.ts';
import type { PlatformEvents } from '../events.ts';
import { accusationPolicy } from '../policies/accusations.ts';
import { recordAccused } from './record.ts';

/** Before every other reaction: a refusal here rolls the command back before any notice is queued. */
export const ACCUSATION_PRIORITY = 1;

export function subscribeAccusations(events: EventBus<PlatformEvents>): void {
  events.on(
    'case.registered',
    'accusations.record',
    async (w, e) => {
      const accused = e.input.accused ?? [];
      if (accused.length) await recordAccused(w, e.actor, e.case, accused, { atIntake: true });
    },
    ACCUSATION_PRIORITY,
  );
  events.on(
    'case.acted',
    'accusations.guard',
    (_w, e) => {
      if (!accusationPolicy.holdersAllowed(e.after))
        throw badRequest('accused_is_holder', ACCUSED_HOLDER_MESSAGE, 'targetUnitId');
    },
    ACCUSATION_PRIORITY,
  );
}
