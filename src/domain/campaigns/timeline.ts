// The steps of a campaign register entry that appear on its case's timeline (internal events), and
// their labels: the case timeline reads these through src/domain/lifecycle/timeline.ts.
export const CAMPAIGN_EVENTS = {
  entry_added: { event: 'campaign_entry_added', label: '列入专项行动排查台账' },
  entry_status: { event: 'campaign_entry_status', label: '专项行动排查台账状态更新' },
} as const;

export const CAMPAIGN_EVENT_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(CAMPAIGN_EVENTS).map((e) => [e.event, e.label]),
);
