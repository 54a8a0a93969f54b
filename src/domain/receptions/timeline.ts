// The steps of receptions and rights cards that appear on a case's timeline (internal events), and
// their labels: the case timeline reads these through src/domain/lifecycle/timeline.ts.

export const RECEPTION_EVENTS = {
  held: { event: 'reception_held', label: '领导接访' },
  card_issued: { event: 'rights_card_issued', label: '发放权益保障卡' },
} as const;

export const RECEPTION_EVENT_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(RECEPTION_EVENTS).map((e) => [e.event, e.label]),
);
