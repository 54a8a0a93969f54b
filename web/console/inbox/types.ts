// The inbox's answers: the server's contract.
export type { InboxItem, PreferenceRow, Preferences } from '../../../src/inbox/contract.ts';

/** The bell's query: the unread count, shared by the bell and the inbox page. */
export const COUNT_KEY = ['inbox', 'count'] as const;

export const KIND_COLORS: Record<string, string> = {
  assignment: 'blue',
  review_request: 'purple',
  supervision: 'volcano',
  due_soon: 'gold',
  overdue: 'red',
};
