// 联席会议、部门联动: the member bodies of a jurisdiction's joint conference (信访工作联席会议成员单位)
// and the referral of a matter to them by its type, as one readable table. Pure TS without Node
// imports: the API validates against it, the console offers its choices, docs/linkage.md prints it.
//
// | type          | name                 | referred to (成员单位)              | feedback (days) |
// | ------------- | -------------------- | ----------------------------------- | --------------- |
// | report        | 检举揭发             | 纪委监委                            | 30              |
// | legal         | 涉法涉诉             | 政法委、人民法院、人民检察院        | 30              |
// | relief        | 信访救助             | 财政局、民政局                      | 15              |
// | public_order  | 治安风险（警信联动） | 公安局                              | 3               |

/** 成员单位: the bodies every province, city and county conference has by default. */
export const MEMBER_BODIES = [
  'jiwei',
  'zhengfawei',
  'fayuan',
  'jianchayuan',
  'caizheng',
  'minzheng',
  'gongan',
] as const;
export type MemberBody = (typeof MEMBER_BODIES)[number];

export interface MemberBodyDef {
  /** Short name in lists. */
  short: string;
  /** Name at province level (江苏省…) and at city/county level (南京市…), appended to the place. */
  province: string;
  local: string;
  /** The platform unit (units.dept_key) of the same body, whose staff may file its feedback. */
  deptKey: string | null;
}

export const MEMBER_BODY_DEFS: Record<MemberBody, MemberBodyDef> = {
  jiwei: { short: '纪委监委', province: '纪委监委', local: '纪委监委', deptKey: null },
  zhengfawei: { short: '政法委', province: '委政法委', local: '委政法委', deptKey: null },
  fayuan: { short: '法院', province: '高级人民法院', local: '中级人民法院', deptKey: null },
  jianchayuan: { short: '检察院', province: '人民检察院', local: '人民检察院', deptKey: null },
  caizheng: { short: '财政局', province: '财政厅', local: '财政局', deptKey: null },
  minzheng: { short: '民政局', province: '民政厅', local: '民政局', deptKey: 'minzheng' },
  gongan: { short: '公安局', province: '公安厅', local: '公安局', deptKey: 'gongan' },
};

/** The default name of a body in a jurisdiction: 南京市纪委监委, 鼓楼区人民法院, 江苏省高级人民法院. */
export function memberName(body: MemberBody, placeName: string, level: number): string {
  const d = MEMBER_BODY_DEFS[body];
  if (level === 1) return `${placeName}${d.province}`;
  // A county has a basic people's court (人民法院), a city an intermediate one.
  if (body === 'fayuan' && level >= 3) return `${placeName}人民法院`;
  return `${placeName}${d.local}`;
}

export const REFERRAL_TYPES = ['report', 'legal', 'relief', 'public_order'] as const;
export type ReferralType = (typeof REFERRAL_TYPES)[number];

export interface ReferralTypeRule {
  name: string;
  /** The member bodies a matter of this type may be referred to, the usual one first. */
  bodies: readonly MemberBody[];
  /** The body's time to feed back, in calendar days from the referral. */
  feedbackDays: number;
  /** What the referral asks of the body, as the console suggests it. */
  ask: string;
}

export const REFERRAL_RULES: Record<ReferralType, ReferralTypeRule> = {
  report: {
    name: '检举揭发',
    bodies: ['jiwei'],
    feedbackDays: 30,
    ask: '对信访事项中反映的党员干部违纪违法问题线索依规依纪依法处置，并反馈处置情况',
  },
  legal: {
    name: '涉法涉诉',
    bodies: ['zhengfawei', 'fayuan', 'jianchayuan'],
    feedbackDays: 30,
    ask: '按诉访分离导入法律程序处理，并反馈受理和办理情况',
  },
  relief: {
    name: '信访救助',
    bodies: ['caizheng', 'minzheng'],
    feedbackDays: 15,
    ask: '对生活确有困难的信访人核实情况，落实信访救助或社会救助，并反馈救助情况',
  },
  public_order: {
    name: '治安风险（警信联动）',
    bodies: ['gongan'],
    feedbackDays: 3,
    ask: '对可能危害社会秩序的风险及时研判、稳控处置，并反馈处置情况',
  },
};

/** May a matter of `type` go to `body`? */
export const bodyFits = (type: ReferralType, body: MemberBody) =>
  (REFERRAL_RULES[type].bodies as readonly MemberBody[]).includes(body);

export const REFERRAL_STATUSES = ['referred', 'fed_back', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_NAMES: Record<ReferralStatus, string> = {
  referred: '已移交待反馈',
  fed_back: '已反馈待办结',
  closed: '已办结',
};

/** The actions on a referral (who may: src/policies/linkage.ts). `track` keeps the status. */
export const REFERRAL_ACTIONS = {
  track: { label: '跟踪记录', from: ['referred', 'fed_back'], to: null },
  feedback: { label: '登记反馈', from: ['referred'], to: 'fed_back' },
  return: { label: '要求补充反馈', from: ['fed_back'], to: 'referred' },
  close: { label: '办结', from: ['fed_back'], to: 'closed' },
} as const satisfies Record<
  string,
  { label: string; from: readonly ReferralStatus[]; to: ReferralStatus | null }
>;
export type ReferralAction = keyof typeof REFERRAL_ACTIONS;
export const REFERRAL_ACTION_NAMES = Object.keys(REFERRAL_ACTIONS) as ReferralAction[];

/** The status after `action`, the same status for `track`, or null when not allowed from `status`. */
export function nextReferralStatus(action: ReferralAction, status: ReferralStatus): ReferralStatus | null {
  const a = REFERRAL_ACTIONS[action];
  if (!(a.from as readonly ReferralStatus[]).includes(status)) return null;
  return a.to ?? status;
}

// ---- Dates (YYYY-MM-DD, Asia/Shanghai calendar dates) ---------------------------------------------

const DAY = 86_400_000;
export const plusDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

export const defaultReferralDeadline = (type: ReferralType, today: string) =>
  plusDays(today, REFERRAL_RULES[type].feedbackDays);

/** Waiting for the body past the deadline. */
export const referralOverdue = (r: { status: ReferralStatus; deadline: string }, today: string) =>
  r.status === 'referred' && today > r.deadline;
