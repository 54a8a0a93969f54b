// What the API answers for the inbox: an item with the kind's name and where it leads in the
// console, and the preference table (the kinds of src/domain/inbox/kinds.ts with the user's choice).
import { effectivePreference, INBOX_KINDS, type InboxKind, isInboxKind } from '../domain/inbox/kinds.ts';
import { kindsFor } from '../domain/inbox/recipients.ts';
import type { Role } from '../domain/roles.ts';
import type { InboxItem, PreferenceRow } from './contract.ts';
import type { InboxRow } from './queries.ts';

export function presentItem(r: InboxRow): InboxItem {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: isInboxKind(r.kind) ? INBOX_KINDS[r.kind].label : r.kind,
    title: r.title,
    body: r.body,
    caseId: r.caseId,
    supervisionId: r.supervisionId,
    link:
      r.caseId !== null
        ? `/cases/${r.caseId}`
        : r.supervisionId !== null
          ? `/supervision/${r.supervisionId}`
          : isInboxKind(r.kind)
            ? ((INBOX_KINDS[r.kind] as InboxKind).link ?? null)
            : null,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt ? r.readAt.toISOString() : null,
  };
}

/** The kinds the caller's role can receive (src/domain/inbox/recipients.ts), with their choices. */
export function presentPreferences(
  stored: { kind: string; inApp: boolean; sms: boolean }[],
  role: Role,
): PreferenceRow[] {
  const byKind = new Map(stored.map((s) => [s.kind, s]));
  return kindsFor(role).map((kind) => {
    const k = INBOX_KINDS[kind];
    const p = effectivePreference(kind, byKind.get(kind));
    return {
      kind,
      label: k.label,
      trigger: k.trigger,
      recipients: k.recipients,
      smsAllowed: k.smsAllowed,
      inAppDefault: k.inAppDefault,
      smsDefault: k.smsDefault,
      ...p,
    };
  });
}
