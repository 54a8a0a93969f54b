// The inbox's answers (src/inbox/presenters.ts).
export interface InboxItem {
  id: number;
  kind: string;
  kindLabel: string;
  title: string;
  body: string;
  caseId: number | null;
  supervisionId: number | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface PreferenceRow {
  kind: string;
  label: string;
  trigger: string;
  recipients: string;
  smsAllowed: boolean;
  inAppDefault: boolean;
  smsDefault: boolean;
  inApp: boolean;
  sms: boolean;
}

/** The bell's query: the unread count, shared by the bell and the inbox page. */
export const COUNT_KEY = ['inbox', 'count'] as const;

export const KIND_COLORS: Record<string, string> = {
  assignment: 'blue',
  review_request: 'purple',
  supervision: 'volcano',
  due_soon: 'gold',
  overdue: 'red',
};
