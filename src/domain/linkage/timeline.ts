// The steps of 部门联动 on a case that appear on its timeline (办理过程, internal events): referrals
// to joint-conference members, 信访救助 and 跨省协作. The case timeline reads these labels through
// src/domain/lifecycle/timeline.ts.

export const LINKAGE_EVENTS = {
  referral_refer: { event: 'linkage_referred', label: '移交联席会议成员单位' },
  referral_track: { event: 'linkage_tracked', label: '联动跟踪' },
  referral_feedback: { event: 'linkage_feedback', label: '成员单位反馈' },
  referral_return: { event: 'linkage_feedback_returned', label: '要求补充反馈' },
  referral_close: { event: 'linkage_closed', label: '联动办结' },
  relief_apply: { event: 'relief_applied', label: '信访救助申请' },
  relief_approve: { event: 'relief_approved', label: '信访救助审批' },
  relief_reject: { event: 'relief_rejected', label: '不予信访救助' },
  relief_pay: { event: 'relief_paid', label: '信访救助金发放' },
  relief_close: { event: 'relief_closed', label: '信访救助结案' },
  coop_open: { event: 'cooperation_opened', label: '跨省协作' },
  coop_letter: { event: 'cooperation_letter', label: '跨省协作函件' },
  coop_close: { event: 'cooperation_closed', label: '跨省协作结束' },
} as const;
export type LinkageStep = keyof typeof LINKAGE_EVENTS;

export const LINKAGE_EVENT_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(LINKAGE_EVENTS).map((e) => [e.event, e.label]),
);
