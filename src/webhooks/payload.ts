// What a webhook carries: the matter's number, state, place, category and dates — never a party, a
// phone, an ID number, the content or the title (which a petitioner may have written a name into).
import type { CaseRow } from '../cases/units.ts';
import { type CaseState, STATE_NAMES } from '../domain/lifecycle/vocabulary.ts';
import type { WebhookEvent } from '../domain/webhooks/events.ts';

export interface WebhookPayload {
  /** Unique per event and subscription: receivers drop repeats by it. */
  id: string;
  type: WebhookEvent;
  occurredAt: string;
  case: {
    caseNumber: string;
    state: string;
    stateName: string;
    form: string;
    categoryCode: string | null;
    jurisdictionCode: string;
    receivedAt: string;
    dueAt: string | null;
  };
}

export function payloadOf(
  type: WebhookEvent,
  eventKey: string,
  c: CaseRow,
  at: Date,
): Omit<WebhookPayload, 'id'> & { eventKey: string } {
  return {
    eventKey,
    type,
    occurredAt: at.toISOString(),
    case: {
      caseNumber: c.caseNumber,
      state: c.state,
      stateName: STATE_NAMES[c.state as CaseState] ?? c.state,
      form: c.form,
      categoryCode: c.categoryCode,
      jurisdictionCode: c.jurisdictionCode,
      receivedAt: c.receivedAt.toISOString(),
      dueAt: c.dueAt?.toISOString() ?? null,
    },
  };
}
