// The composition root of the capabilities' reactions: who subscribes to which event, and what
// each adds to cases. The only module that knows them all (docs/architecture.md, "Events").
import { subscribeAccusations } from './accusations/subscribers.ts';
import { subscribeRollups } from './analytics/subscribers.ts';
import { subscribeCaseAudit } from './audit/subscribers.ts';
import { subscribeCardEntries } from './cards/entries.ts';
import type { CaseExtensions } from './cases/extensions.ts';
import { subscribeCohandling } from './cohandling/subscribers.ts';
import { EventBus } from './commands/events.ts';
import { subscribeDrafts } from './drafts/subscribers.ts';
import { relatedOf } from './duplicates/service.ts';
import { subscribeDuplicates } from './duplicates/subscribers.ts';
import type { PlatformEvents } from './events.ts';
import { subscribeExchange } from './exchange/subscribers.ts';
import { subscribeFlags } from './flags/subscribers.ts';
import { subscribeInbox } from './inbox/subscribers.ts';
import { subscribeIntake } from './intake/suggestion.ts';
import { subscribeMediation } from './mediation/subscribers.ts';
import { subscribeCaseNotices } from './notify/caseNotices.ts';
import { subscribeRetiredUnits } from './orgs/units.ts';
import { searchColumns } from './search/columns.ts';
import { highlight } from './search/highlight.ts';
import { caseSearch } from './search/query.ts';
import { searchIndex } from './search/rum.ts';
import { synonymDictionary } from './search/synonyms.ts';
import { termsShareBound } from './search/wordStats.ts';
import { subscribeFirstUnits } from './supervision/firstUnit.ts';
import { subscribeVideoBookings } from './video/bookings.ts';
import { subscribeWarnings } from './warnings/subscribers.ts';
import { subscribeWebhooks } from './webhooks/subscribers.ts';

export function wireCapabilities(): { events: EventBus<PlatformEvents>; caseExtensions: CaseExtensions } {
  const events = new EventBus<PlatformEvents>();
  subscribeAccusations(events);
  subscribeRetiredUnits(events);
  subscribeDrafts(events);
  subscribeFlags(events);
  subscribeIntake(events);
  subscribeCohandling(events);
  subscribeDuplicates(events);
  subscribeWarnings(events);
  subscribeCaseNotices(events);
  subscribeFirstUnits(events);
  subscribeCardEntries(events);
  subscribeVideoBookings(events);
  subscribeMediation(events);
  subscribeWebhooks(events);
  subscribeExchange(events);
  subscribeInbox(events);
  subscribeRollups(events);
  subscribeCaseAudit(events);
  return {
    events,
    caseExtensions: {
      columns: [searchColumns],
      textSearch: {
        query: caseSearch,
        highlight,
        synonyms: synonymDictionary,
        index: searchIndex,
        shareBound: termsShareBound,
      },
      related: relatedOf,
    },
  };
}
