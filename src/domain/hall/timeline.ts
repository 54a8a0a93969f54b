// The hall's steps on a case's timeline (internal events): a duty lawyer's consultation.

export const HALL_EVENTS = {
  consulted: { event: 'lawyer_consulted', label: '法律顾问接待咨询' },
} as const;

export const HALL_EVENT_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(HALL_EVENTS).map((e) => [e.event, e.label]),
);
