// The internal timeline events of an assignment within the holding unit (认领, 移交同事): staff only,
// never the petitioner's. The case timeline reads the labels through src/domain/lifecycle/timeline.ts.

export const ASSIGNMENT_EVENTS = {
  claim: { event: 'workbench_claimed', label: '认领' },
  hand_over: { event: 'workbench_handed_over', label: '移交同事' },
} as const;

export const ASSIGNMENT_EVENT_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(ASSIGNMENT_EVENTS).map((e) => [e.event, e.label]),
);
