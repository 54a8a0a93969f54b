// 访调对接 (mediation linkage): the kinds of mediation body as one readable table, the statuses and
// steps of a referral (移交调解), and the counts (调解成功率). Pure TS without Node imports: the
// console reads the same tables.
//
// | kind           | name     | body                       | deadline (days) | basis                         |
// | -------------- | -------- | -------------------------- | --------------- | ----------------------------- |
// | people         | 人民调解 | 人民调解委员会             | 30              | 《人民调解法》第二十八条      |
// | administrative | 行政调解 | 行政机关（行政调解委员会） | 30              | 各地行政调解办法              |
// | judicial       | 司法调解 | 人民法院（诉调对接）       | 15              | 《民事诉讼法》诉前调解        |

export const MEDIATION_KINDS = ['people', 'administrative', 'judicial'] as const;
export type MediationKind = (typeof MEDIATION_KINDS)[number];

export interface MediationKindRule {
  /** 调解类型 */
  name: string;
  /** What the bodies of this kind are called. */
  bodyName: string;
  /** The default time the body has to conclude, in calendar days from the referral. */
  deadlineDays: number;
  basis: string;
}

export const MEDIATION_KIND_RULES: Record<MediationKind, MediationKindRule> = {
  people: { name: '人民调解', bodyName: '人民调解委员会', deadlineDays: 30, basis: '《人民调解法》' },
  administrative: {
    name: '行政调解',
    bodyName: '行政调解委员会',
    deadlineDays: 30,
    basis: '行政调解工作办法',
  },
  judicial: { name: '司法调解', bodyName: '人民法院诉调对接中心', deadlineDays: 15, basis: '《民事诉讼法》' },
};

/** 整体移交 / 部分移交: the whole matter, or a part of it described in words. */
export const REFERRAL_SCOPES = ['whole', 'part'] as const;
export type ReferralScope = (typeof REFERRAL_SCOPES)[number];
export const SCOPE_NAMES: Record<ReferralScope, string> = { whole: '整体移交', part: '部分移交' };

// A referral: referred (调解中) → agreement (达成协议) → settled (已据协议办结) | no_agreement
// (未达成协议, the matter back to handling) | withdrawn (撤回).
export const REFERRAL_STATUSES = ['referred', 'agreement', 'no_agreement', 'settled', 'withdrawn'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_NAMES: Record<ReferralStatus, string> = {
  referred: '调解中',
  agreement: '达成协议',
  no_agreement: '未达成协议',
  settled: '已据协议办结',
  withdrawn: '已撤回',
};

/** The steps on a referral after it is made: who may take them is src/policies/mediation.ts. */
export const REFERRAL_ACTIONS = {
  record_session: { label: '记录调解', from: ['referred'], to: 'referred' },
  record_agreement: { label: '达成调解协议', from: ['referred'], to: 'agreement' },
  record_no_agreement: { label: '调解不成', from: ['referred'], to: 'no_agreement' },
  withdraw: { label: '撤回调解', from: ['referred'], to: 'withdrawn' },
  settle_case: { label: '据协议办结', from: ['agreement'], to: 'settled' },
} as const satisfies Record<string, { label: string; from: readonly ReferralStatus[]; to: ReferralStatus }>;
export type ReferralActionName = keyof typeof REFERRAL_ACTIONS;
export const REFERRAL_ACTION_NAMES = Object.keys(REFERRAL_ACTIONS) as ReferralActionName[];

export function nextReferralStatus(
  action: ReferralActionName,
  status: ReferralStatus,
): ReferralStatus | null {
  const a = REFERRAL_ACTIONS[action];
  return (a.from as readonly ReferralStatus[]).includes(status) ? a.to : null;
}

/**
 * 据协议办结 settles the petition (lifecycle action `settle`, kind mediation) only when the whole
 * matter was referred: an agreement on a part is recorded and the handler answers the rest.
 */
export const settlesMatter = (scope: ReferralScope) => scope === 'whole';

/** The steps that appear on the case's timeline (internal events) and their labels. */
export const MEDIATION_EVENTS = {
  refer: { event: 'mediation_referred', label: '移交调解' },
  record_session: { event: 'mediation_session', label: '调解记录' },
  record_agreement: { event: 'mediation_agreement', label: '达成调解协议' },
  record_no_agreement: { event: 'mediation_failed', label: '调解不成，退回办理' },
  withdraw: { event: 'mediation_withdrawn', label: '撤回调解' },
  intervention: { event: 'third_party_intervention', label: '第三方参与' },
} as const;
export type MediationStep = keyof typeof MEDIATION_EVENTS;
export const MEDIATION_EVENT_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(MEDIATION_EVENTS).map((e) => [e.event, e.label]),
);

// ---- Third parties (第三方参与) ---------------------------------------------------------------------

export const INTERVENTION_KINDS = ['lawyer', 'counselling', 'social_work'] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];
export const INTERVENTION_NAMES: Record<InterventionKind, string> = {
  lawyer: '律师参与',
  counselling: '心理疏导',
  social_work: '社会工作服务',
};

// ---- Dates and numbers --------------------------------------------------------------------------

const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
export const plusDays = (d: string, n: number) => new Date(ms(d) + n * DAY).toISOString().slice(0, 10);

/** The default deadline of a referral to a body of `kind` made on `today`. */
export const defaultReferralDeadline = (kind: MediationKind, today: string) =>
  plusDays(today, MEDIATION_KIND_RULES[kind].deadlineDays);

/** Still mediating past the deadline. */
export const referralOverdue = (r: { status: string; deadline: string }, today: string) =>
  r.status === 'referred' && today > r.deadline;

/** 调解协议书 number: 〔2026〕调协字第N号, per body and year. */
export const agreementNumber = (year: number, seq: number) => `〔${year}〕调协字第${seq}号`;

/**
 * 调解成功率: agreements over concluded referrals (agreement, settled or no agreement); null when
 * none concluded. Withdrawn and ongoing referrals are not in the denominator. Percent, one decimal.
 */
export function agreementRate(c: { agreements: number; failed: number }): number | null {
  const concluded = c.agreements + c.failed;
  return concluded === 0 ? null : Math.round((c.agreements / concluded) * 1000) / 10;
}
