// 专项行动 (campaigns) as tables: kinds, the statuses of a register entry (排查台账) and how they move,
// risk levels, and the 三跨三分离 kinds (domain.md §10, §12). Pure: the console imports it too.

export const CAMPAIGN_KINDS = ['hundred_days', 'screening', 'special', 'other'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_KIND_NAMES: Record<CampaignKind, string> = {
  hundred_days: '百日攻坚',
  screening: '大排查大化解',
  special: '专项治理',
  other: '其他专项行动',
};

export const CAMPAIGN_STATUSES = ['active', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_NAMES: Record<CampaignStatus, string> = { active: '进行中', closed: '已结束' };

/** 排查登记 → 化解中 → 已化解 / 未化解(稳控). */
export const ENTRY_STATUSES = ['registered', 'resolving', 'resolved', 'unresolved'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const ENTRY_STATUS_NAMES: Record<EntryStatus, string> = {
  registered: '排查登记',
  resolving: '化解中',
  resolved: '已化解',
  unresolved: '未化解（稳控）',
};

/** Where an entry may go from each status. 已化解 is final; a stabilised one may still be resolved. */
export const ENTRY_TRANSITIONS: Record<EntryStatus, readonly EntryStatus[]> = {
  registered: ['resolving', 'resolved', 'unresolved'],
  resolving: ['resolved', 'unresolved'],
  unresolved: ['resolving', 'resolved'],
  resolved: [],
};

export const canMoveEntry = (from: EntryStatus, to: EntryStatus): boolean =>
  ENTRY_TRANSITIONS[from].includes(to);

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_NAMES: Record<RiskLevel, string> = { high: '高', medium: '中', low: '低' };

/** 三跨 (跨地区、跨部门、跨行业) and 三分离 (人户分离、人事分离、人事户分离). */
export const CROSS_KINDS = [
  'cross_region',
  'cross_department',
  'cross_sector',
  'person_household',
  'person_work',
  'person_work_household',
] as const;
export type CrossKind = (typeof CROSS_KINDS)[number];
export const CROSS_KIND_NAMES: Record<CrossKind, string> = {
  cross_region: '跨地区',
  cross_department: '跨部门',
  cross_sector: '跨行业',
  person_household: '人户分离',
  person_work: '人事分离',
  person_work_household: '人事户分离',
};

/** Categories offered for a dispute not yet petitioned (free text is accepted too). */
export const ENTRY_CATEGORIES = [
  '征地拆迁',
  '劳动社保',
  '城乡建设',
  '涉法涉诉',
  '农村农业',
  '环境保护',
  '企业改制',
  '教育卫生',
  '其他',
] as const;

export const CAMPAIGN_ACTIONS = {
  set_targets: '调整目标',
  close: '结束专项行动',
  reopen: '重新开启',
} as const;
export type CampaignAction = keyof typeof CAMPAIGN_ACTIONS;
