// 极端风险 at intake: the words of every new petition, and of every repeat linked to an open matter,
// are checked in the registration's transaction (src/warnings/risk.ts).
import type { EventBus } from '../commands/events.ts';
import type { PlatformEvents } from '../events.ts';
import { placeLabel } from '../orgs/places.ts';
import { checkExtremeRisk } from './risk.ts';

export function subscribeWarnings(events: EventBus<PlatformEvents>): void {
  events.on('case.registered', 'warnings.extreme_risk', async (w, e) => {
    await checkExtremeRisk(w.ctx, w.tx, {
      caseId: e.case.id,
      caseNumber: e.case.caseNumber,
      jurisdictionCode: e.place.code,
      placeName: placeLabel(e.place.fullName),
      subject: e.input.subject,
      content: e.input.content,
      occasion: 'register',
    });
  });
  events.on('case.repeat_received', 'warnings.extreme_risk', async (w, e) => {
    await checkExtremeRisk(w.ctx, w.tx, {
      caseId: e.after.id,
      caseNumber: e.after.caseNumber,
      jurisdictionCode: e.place.code,
      placeName: placeLabel(e.place.fullName),
      subject: e.input.subject,
      content: e.input.content,
      occasion: `link:${e.at.getTime()}`,
    });
  });
}
