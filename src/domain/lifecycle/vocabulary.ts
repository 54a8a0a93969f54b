// The words of the process: states, forms, purposes, outcomes, reasons (domain.md §3, §6).

export const STATES = [
  'registered', // 已登记，待受理
  'forwarded', // 已转送，待接收单位受理
  'accepted', // 已受理，待交办或自办
  'handling', // 办理中（责任单位）
  'extension_pending', // 延期申请待审批
  'replied', // 已出具处理意见书，待送达
  'delivered', // 已送达（评价期、复查申请期）
  'review_requested', // 复查中
  'reviewed', // 已复查（复核申请期）
  'rereview_requested', // 复核中
  'closed', // 办结
  'final', // 终结（复核后）
  'not_accepted', // 不予受理 / 不再受理
  'channelled', // 已导入法定途径
  'settled', // 已调解 / 和解
] as const;
export type CaseState = (typeof STATES)[number];

export const STATE_NAMES: Record<CaseState, string> = {
  registered: '待受理',
  forwarded: '已转送',
  accepted: '已受理',
  handling: '办理中',
  extension_pending: '延期审批中',
  replied: '已答复',
  delivered: '已送达',
  review_requested: '复查中',
  reviewed: '已复查',
  rereview_requested: '复核中',
  closed: '已办结',
  final: '已终结',
  not_accepted: '不予受理',
  channelled: '已导入法定途径',
  settled: '已调解和解',
};

/**
 * How a state looks on a tag the petitioner reads (状态标签色调): a matter moving as it should is
 * neutral/blue, one waiting on the petitioner or on an approval is orange, and red is kept for
 * refusals (overdue is the days tag's red) — so red means something is wrong.
 */
export type StateTone = 'neutral' | 'normal' | 'attention' | 'refused';
export const STATE_TONES: Record<CaseState, StateTone> = {
  registered: 'normal',
  forwarded: 'normal',
  accepted: 'normal',
  handling: 'normal',
  extension_pending: 'attention',
  replied: 'normal',
  delivered: 'attention', // 评价、申请复查 are open to the petitioner
  review_requested: 'normal',
  reviewed: 'attention', // 申请复核 is open to the petitioner
  rereview_requested: 'normal',
  closed: 'neutral',
  final: 'neutral',
  not_accepted: 'refused',
  channelled: 'neutral',
  settled: 'neutral',
};

/** States in which nothing more happens to the matter. */
export const TERMINAL_STATES: readonly CaseState[] = [
  'closed',
  'final',
  'not_accepted',
  'channelled',
  'settled',
];
export const isOpen = (s: CaseState) => !TERMINAL_STATES.includes(s);

// hotline: a work order of the 12345 government hotline (src/hotline), counted as its own form.
export const FORMS = ['online', 'letter', 'visit', 'phone', 'fax', 'video', 'mailbox', 'hotline'] as const;
export type CaseForm = (typeof FORMS)[number];
export const FORM_NAMES: Record<CaseForm, string> = {
  online: '网上信访',
  letter: '来信',
  visit: '来访',
  phone: '来电',
  fax: '传真',
  video: '视频信访',
  mailbox: '领导信箱',
  hotline: '12345热线',
};

export const PURPOSES = ['claim', 'appeal', 'accusation', 'suggestion', 'consultation', 'other'] as const;
export type Purpose = (typeof PURPOSES)[number];
export const PURPOSE_NAMES: Record<Purpose, string> = {
  claim: '求决',
  appeal: '申诉',
  accusation: '揭发控告',
  suggestion: '意见建议',
  consultation: '咨询',
  other: '其他',
};

export const OUTCOMES = ['supported', 'explained', 'not_supported'] as const;
export const OUTCOME_NAMES: Record<(typeof OUTCOMES)[number], string> = {
  supported: '支持',
  explained: '解释说明',
  not_supported: '不予支持',
};

export const REVIEW_OUTCOMES = ['uphold', 'revoke', 'vary'] as const;
export const REVIEW_OUTCOME_NAMES: Record<(typeof REVIEW_OUTCOMES)[number], string> = {
  uphold: '维持',
  revoke: '撤销',
  vary: '变更',
};

export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_NAMES: Record<Rating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/** Reasons for 不予受理 / 不再受理 (domain.md §6), each with its legal basis. */
export const NON_ACCEPTANCE_REASONS = {
  NOT_IN_REMIT: { name: '不属于本机关职权范围', basis: '《信访工作条例》第二十三条', final: false },
  LEGAL_CHANNEL: { name: '应当通过法定途径解决', basis: '《信访工作条例》第三十一条', final: false },
  BEING_HANDLED_SAME_MATTER: {
    name: '同一事项正在办理期间',
    basis: '《信访工作条例》第十九条',
    final: false,
  },
  SKIPPED_LEVEL_VISIT: { name: '越级走访', basis: '《信访工作条例》第二十条', final: false },
  COURT_PROCURATORATE_MATTER: {
    name: '属人民法院、人民检察院职权范围',
    basis: '《信访工作条例》第二十八条',
    final: false,
  },
  REREVIEW_DONE_SAME_FACTS: {
    name: '已经复核，以同一事实和理由再次提出',
    basis: '《信访工作条例》第三十六条',
    final: true,
  },
  LITIGATION_MATTER_TERMINATED: {
    name: '涉法涉诉事项已依法终结',
    basis: '《信访工作条例》第三十一条',
    final: true,
  },
  REVIEW_WINDOW_LAPSED: { name: '逾期未申请复查、复核', basis: '《信访工作条例》第三十五条', final: true },
} as const;
export type NonAcceptanceReason = keyof typeof NON_ACCEPTANCE_REASONS;
export const NON_ACCEPTANCE_REASON_CODES = Object.keys(NON_ACCEPTANCE_REASONS) as [
  NonAcceptanceReason,
  ...NonAcceptanceReason[],
];

/** Legal channels for 申诉求决 matters (Art 31 items 1–5). */
export const LEGAL_CHANNELS = {
  litigation: '诉讼、检察监督或公安法律程序',
  arbitration: '仲裁',
  party_appeal: '党员申诉或申请复审',
  administrative: '行政复议、裁决、确认、许可、处罚等行政程序',
  duty_performance: '依法履行职责',
} as const;
export const LEGAL_CHANNEL_CODES = Object.keys(LEGAL_CHANNELS) as [
  keyof typeof LEGAL_CHANNELS,
  ...(keyof typeof LEGAL_CHANNELS)[],
];
