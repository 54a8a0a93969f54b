// 督查督办: the kinds of supervision order as one readable table, and the statuses and actions of an
// order. Pure TS without Node imports: the console reads the same table (names, defaults).
//
// | type       | name     | feedback (days) | 督办函 | reminder after the deadline | escalation after the reminder |
// | ---------- | -------- | --------------- | ------ | --------------------------- | ----------------------------- |
// | online     | 网上督办 | 15              | no     | 1 day                       | 5 days                        |
// | written    | 书面督办 | 15              | yes    | 1 day                       | 5 days                        |
// | onsite     | 实地督查 | 10              | yes    | 1 day                       | 3 days                        |
// | interview  | 约谈     | 7               | no     | 1 day                       | 3 days                        |

export const ORDER_TYPES = ['online', 'written', 'onsite', 'interview'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

/** One step of escalation: `afterDays` counted from the previous point (the deadline, then the reminder). */
export interface EscalationStep {
  level: number;
  kind: 'remind' | 'escalate';
  label: string;
  afterDays: number;
}

export interface OrderTypeRule {
  name: string;
  /** The addressed unit's time to file written feedback, in calendar days from the order. */
  feedbackDays: number;
  /** Whether a 督办函 (Word document addressed to the unit) is produced. */
  letter: boolean;
  /** Reminder to the addressed unit, then escalation to the leaders of the raising bureau. */
  escalation: readonly EscalationStep[];
}

const steps = (remind: number, escalate: number): EscalationStep[] => [
  { level: 1, kind: 'remind', label: '已催办', afterDays: remind },
  { level: 2, kind: 'escalate', label: '已升级', afterDays: escalate },
];

export const ORDER_TYPE_RULES: Record<OrderType, OrderTypeRule> = {
  online: { name: '网上督办', feedbackDays: 15, letter: false, escalation: steps(1, 5) },
  written: { name: '书面督办', feedbackDays: 15, letter: true, escalation: steps(1, 5) },
  onsite: { name: '实地督查', feedbackDays: 10, letter: true, escalation: steps(1, 3) },
  interview: { name: '约谈', feedbackDays: 7, letter: false, escalation: steps(1, 3) },
};

export const ORDER_TARGETS = ['case', 'unit'] as const;
export type OrderTarget = (typeof ORDER_TARGETS)[number];
export const TARGET_NAMES: Record<OrderTarget, string> = { case: '信访事项', unit: '责任单位' };

export const ORDER_STATUSES = ['issued', 'feedback_filed', 'closed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_STATUS_NAMES: Record<OrderStatus, string> = {
  issued: '待反馈',
  feedback_filed: '已反馈待审核',
  closed: '已办结',
};

/** The actions on an order: who moves it where (who may: src/policies/supervision.ts). */
export const ORDER_ACTIONS = {
  file_feedback: { label: '报送反馈', from: ['issued'], to: 'feedback_filed' },
  accept: { label: '审核通过', from: ['feedback_filed'], to: 'closed' },
  return: { label: '退回重报', from: ['feedback_filed'], to: 'issued' },
} as const satisfies Record<string, { label: string; from: readonly OrderStatus[]; to: OrderStatus }>;
export type OrderActionName = keyof typeof ORDER_ACTIONS;
export const ORDER_ACTION_NAMES = Object.keys(ORDER_ACTIONS) as OrderActionName[];

export function nextOrderStatus(action: OrderActionName, status: OrderStatus): OrderStatus | null {
  const a = ORDER_ACTIONS[action];
  return (a.from as readonly OrderStatus[]).includes(status) ? a.to : null;
}

/** Escalation level names as the order list shows them. */
export const ESCALATION_NAMES: Record<number, string> = { 0: '', 1: '已催办', 2: '已升级' };

// ---- Dates (YYYY-MM-DD, Asia/Shanghai calendar dates as strings) -----------------------------------

const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
export const plusDays = (d: string, n: number) => new Date(ms(d) + n * DAY).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((ms(to) - ms(from)) / DAY);

/** The default feedback deadline of an order of `type` raised on `today`. */
export const defaultDeadline = (type: OrderType, today: string) =>
  plusDays(today, ORDER_TYPE_RULES[type].feedbackDays);

/** Not fed back by the deadline: still waiting after it, or the latest feedback filed after it. */
export function isOverdue(
  o: { status: OrderStatus; deadline: string; feedbackDate: string | null },
  today: string,
): boolean {
  if (o.status === 'issued') return today > o.deadline;
  return o.feedbackDate !== null && o.feedbackDate > o.deadline;
}

/**
 * The escalation step due today for an order still waiting for feedback, or null. Level 0 → the
 * reminder is due `afterDays` days after the deadline; level 1 → escalation `afterDays` days after
 * the reminder (`lastStepDate`). One step per call: a pass run daily moves an order at most one
 * level a day, and running it twice the same day changes nothing the second time.
 */
export function dueEscalation(
  o: { type: OrderType; status: OrderStatus; deadline: string; level: number; lastStepDate: string | null },
  today: string,
): EscalationStep | null {
  if (o.status !== 'issued') return null;
  const next = ORDER_TYPE_RULES[o.type].escalation.find((s) => s.level === o.level + 1);
  if (!next) return null;
  const from = o.level === 0 ? o.deadline : (o.lastStepDate ?? o.deadline);
  return daysBetween(from, today) >= next.afterDays ? next : null;
}

/** 〔2026〕督字第7号 */
export const letterNumber = (year: number, seq: number) => `〔${year}〕督字第${seq}号`;
