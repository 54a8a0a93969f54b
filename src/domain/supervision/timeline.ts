// The steps of a supervision order on a case that appear on the case's timeline (办理过程, internal
// events), and their labels: the case timeline reads these through src/domain/lifecycle/timeline.ts.

export const SUPERVISION_EVENTS = {
  raise: { event: 'supervision_raised', label: '督查督办' },
  file_feedback: { event: 'supervision_feedback', label: '督办反馈' },
  accept: { event: 'supervision_closed', label: '督办办结' },
  return: { event: 'supervision_returned', label: '督办反馈退回' },
  remind: { event: 'supervision_reminded', label: '督办催办' },
  escalate: { event: 'supervision_escalated', label: '督办升级' },
} as const;
export type SupervisionStep = keyof typeof SUPERVISION_EVENTS;

export const SUPERVISION_EVENT_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(SUPERVISION_EVENTS).map((e) => [e.event, e.label]),
);
