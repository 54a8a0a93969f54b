// 事件推送 (webhooks): the event types a subscription may choose, what in a case's life raises each,
// how a payload is signed, and when a failed delivery is retried or given up (dead letter).
// Dependency-free on purpose: the console imports this file for its labels.

export const WEBHOOK_EVENTS = [
  'case.registered',
  'case.accepted',
  'case.not_accepted',
  'case.forwarded',
  'case.assigned',
  'case.replied',
  'case.closed',
  'case.near_due',
  'case.overdue',
  'warning.raised',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_NAMES: Record<WebhookEvent, string> = {
  'case.registered': '登记',
  'case.accepted': '受理',
  'case.not_accepted': '不予受理',
  'case.forwarded': '转送',
  'case.assigned': '交办',
  'case.replied': '答复（出具处理意见书）',
  'case.closed': '办结（含终结、不予受理、导入法定途径、调解和解）',
  'case.near_due': '临期预警',
  'case.overdue': '逾期',
  'warning.raised': '预警',
};

export function isWebhookEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/** Lifecycle actions (src/domain/lifecycle/actions.ts) that raise an event of their own. */
const ACTION_EVENTS: Readonly<Record<string, WebhookEvent>> = {
  accept: 'case.accepted',
  not_accept: 'case.not_accepted',
  forward: 'case.forwarded',
  assign: 'case.assigned',
  reply: 'case.replied',
};

/**
 * The events of one action on a case: its own, and `case.closed` when the matter reached a terminal
 * state just now (办结 by any path: closed, final, not accepted, channelled, settled).
 */
export function eventsOfAction(action: string, wasOpen: boolean, isOpenNow: boolean): WebhookEvent[] {
  const out: WebhookEvent[] = [];
  const own = ACTION_EVENTS[action];
  if (own) out.push(own);
  if (wasOpen && !isOpenNow) out.push('case.closed');
  return out;
}

/** The daily sweep's changes (near / overdue) as events. */
export const SWEEP_EVENTS: Readonly<Record<'near' | 'overdue', WebhookEvent>> = {
  near: 'case.near_due',
  overdue: 'case.overdue',
};

// ---- Delivery ----------------------------------------------------------------------------------

/** Tries before a delivery is dead-lettered (死信), and the first retry's delay (doubling each time). */
export const DELIVERY_POLICY = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 3_600_000,
  timeoutMs: 10_000,
};

/** When the next try of a delivery that failed its `attempt`-th try is due; null: dead-letter it. */
export function nextAttemptDelay(
  attempt: number,
  policy: Pick<typeof DELIVERY_POLICY, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs'> = DELIVERY_POLICY,
): number | null {
  if (attempt >= policy.maxAttempts) return null;
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

/** The headers of a delivery (docs/interop.md, "Verifying a webhook"). */
export const SIGNATURE_HEADERS = {
  event: 'x-xinfang-event',
  delivery: 'x-xinfang-delivery',
  timestamp: 'x-xinfang-timestamp',
  signature: 'x-xinfang-signature',
} as const;

/** The signed text: `<unix seconds>.<body>`, so a captured body cannot be replayed with a new time. */
export const signedText = (timestamp: number, body: string) => `${timestamp}.${body}`;

/** How far a receiver should accept a timestamp from its own clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
