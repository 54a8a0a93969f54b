// The life of a backlog matter (积案), as a table: statuses, and the actions that move it.
//   candidate ─propose→ proposed ─approve→ identified ─request_close→ closing ─approve_close→ resolved
//   candidate ─dismiss→ dismissed          proposed ─reject→ rejected      closing ─return_close→ identified
//   identified ─request_unflag→ unflagging ─approve_unflag→ unflagged  (─reject_unflag→ identified)
// A manual proposal (no candidate) starts at proposed. Plan steps, progress and checklist evidence
// are recorded while identified.

export const BACKLOG_STATUSES = [
  'candidate',
  'proposed',
  'identified',
  'closing',
  'unflagging',
  'resolved',
  'unflagged',
  'rejected',
  'dismissed',
] as const;
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];

export const STATUS_NAMES: Record<BacklogStatus, string> = {
  candidate: '候选',
  proposed: '待认定',
  identified: '化解中',
  closing: '待审核销号',
  unflagging: '待审批撤销',
  resolved: '已化解',
  unflagged: '已撤销标识',
  rejected: '未予认定',
  dismissed: '已排除',
};

/** At most one matter per case in these (a unique index keeps it so). */
export const ACTIVE_STATUSES: readonly BacklogStatus[] = [
  'candidate',
  'proposed',
  'identified',
  'closing',
  'unflagging',
];

/** Identified (认定) matters: the denominator of 化解率. Unflagged ones were not backlog after all. */
export const IDENTIFIED_STATUSES: readonly BacklogStatus[] = [
  'identified',
  'closing',
  'unflagging',
  'resolved',
];

export const LEVELS = ['province', 'city', 'county'] as const;
export type BacklogLevel = (typeof LEVELS)[number];
export const LEVEL_NAMES: Record<BacklogLevel, string> = { province: '省级', city: '市级', county: '县级' };

/** The level of a jurisdiction code's own level (province 320000, city 320100, county 320106). */
export function levelOfCode(code: string): BacklogLevel {
  if (code.slice(2, 6) === '0000') return 'province';
  if (code.slice(4, 6) === '00') return 'city';
  return 'county';
}

export const BACKLOG_ACTIONS = {
  propose: { label: '提请认定', from: ['candidate'], to: 'proposed' },
  dismiss: { label: '排除候选', from: ['candidate'], to: 'dismissed' },
  approve: { label: '认定积案', from: ['proposed'], to: 'identified' },
  reject: { label: '不予认定', from: ['proposed'], to: 'rejected' },
  add_step: { label: '添加方案步骤', from: ['identified'], to: 'same' },
  complete_step: { label: '完成步骤', from: ['identified'], to: 'same' },
  add_progress: { label: '记录进展', from: ['identified'], to: 'same' },
  record_evidence: { label: '填写标准佐证', from: ['identified'], to: 'same' },
  sign_standard: { label: '审核签字', from: ['identified'], to: 'same' },
  request_close: { label: '申请销号', from: ['identified'], to: 'closing' },
  approve_close: { label: '审核同意销号', from: ['closing'], to: 'resolved' },
  return_close: { label: '退回销号申请', from: ['closing'], to: 'identified' },
  request_unflag: { label: '申请撤销标识', from: ['identified'], to: 'unflagging' },
  approve_unflag: { label: '同意撤销标识', from: ['unflagging'], to: 'unflagged' },
  reject_unflag: { label: '不同意撤销', from: ['unflagging'], to: 'identified' },
  take_package: { label: '领导包案', from: ['identified', 'closing'], to: 'same' },
  package_plan: { label: '填写包案方案', from: ['identified', 'closing'], to: 'same' },
  package_record: { label: '记录包案活动', from: ['identified', 'closing'], to: 'same' },
} as const satisfies Record<
  string,
  { label: string; from: readonly BacklogStatus[]; to: BacklogStatus | 'same' }
>;

export type BacklogActionName = keyof typeof BACKLOG_ACTIONS;
export const BACKLOG_ACTION_NAMES = Object.keys(BACKLOG_ACTIONS) as BacklogActionName[];

/** The status after `action` from `status`, or null when the action does not apply there. */
export function nextStatus(action: BacklogActionName, status: BacklogStatus): BacklogStatus | null {
  const a = BACKLOG_ACTIONS[action];
  if (!(a.from as readonly BacklogStatus[]).includes(status)) return null;
  return a.to === 'same' ? status : a.to;
}

/** Ended statuses: the matter left the active ones. */
export const isEnded = (s: BacklogStatus) => !ACTIVE_STATUSES.includes(s);
