// What the API answers for supervision orders: a list item and the detail (history, feedback, the
// letter's link, the actions the caller may take now). No personal data: a case is named by number
// and subject, as in the case lists.
import type { z } from 'zod';
import {
  ESCALATION_NAMES,
  isOverdue,
  letterNumber,
  nextOrderStatus,
  ORDER_ACTION_NAMES,
  ORDER_ACTIONS,
  ORDER_STATUS_NAMES,
  ORDER_TYPE_RULES,
  type OrderStatus,
  type OrderTarget,
  type OrderType,
  TARGET_NAMES,
} from '../domain/supervision/orders.ts';
import { type Actor, supervisionPolicy } from '../policies/supervision.ts';
import type { OrderDetail, OrderItem } from './contract.ts';
import type { OrderNames, OrderRow } from './queries.ts';

export { OrderDetail, OrderItem } from './contract.ts';

export type OrderItemView = z.infer<typeof OrderItem>;

const dateOf = (d: Date | null) =>
  d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : null;

export const orderNumber = (o: Pick<OrderRow, 'letterYear' | 'letterSeq'>) =>
  o.letterYear !== null && o.letterSeq !== null ? letterNumber(o.letterYear, o.letterSeq) : null;

export function presentItem(
  r: { o: OrderRow; caseNumber: string | null; subject: string | null; unit: string; raisingUnit: string },
  today: string,
): OrderItemView {
  const o = r.o;
  const status = o.status as OrderStatus;
  return {
    id: o.id,
    type: o.type,
    typeName: ORDER_TYPE_RULES[o.type as OrderType]?.name ?? o.type,
    target: o.target,
    targetName: TARGET_NAMES[o.target as OrderTarget] ?? o.target,
    caseId: o.caseId,
    caseNumber: r.caseNumber,
    subject: r.subject,
    unitId: o.unitId,
    unit: r.unit,
    raisingUnit: r.raisingUnit,
    jurisdictionCode: o.jurisdictionCode,
    number: orderNumber(o),
    deadline: o.deadline,
    status,
    statusName: ORDER_STATUS_NAMES[status] ?? status,
    overdue: isOverdue({ status, deadline: o.deadline, feedbackDate: dateOf(o.feedbackAt) }, today),
    escalationLevel: o.escalationLevel,
    escalationName: ESCALATION_NAMES[o.escalationLevel] ?? '',
    raisedAt: o.raisedAt.toISOString(),
    feedbackAt: o.feedbackAt?.toISOString() ?? null,
    closedAt: o.closedAt?.toISOString() ?? null,
  };
}

export type OrderDetailView = z.infer<typeof OrderDetail>;

/** `names`: from queries.orderNames. */
export function presentDetail(actor: Actor, o: OrderRow, names: OrderNames, today: string): OrderDetailView {
  const { people: us, units: ns, matter } = names;
  const user = (id: number | null) => (id === null ? null : (us.find((u) => u.id === id)?.name ?? null));
  const unit = (id: number) => ns.find((u) => u.id === id)?.name ?? '';
  const item = presentItem(
    {
      o,
      caseNumber: matter?.caseNumber ?? null,
      subject: matter?.subject ?? null,
      unit: unit(o.unitId),
      raisingUnit: unit(o.raisingUnitId),
    },
    today,
  );
  const status = o.status as OrderStatus;
  return {
    ...item,
    facts: o.facts,
    requirements: o.requirements,
    raisedBy: user(o.raisedBy),
    feedback: o.feedback,
    feedbackAttachments: o.feedbackAttachments,
    feedbackBy: user(o.feedbackBy),
    closedBy: user(o.closedBy),
    remindedAt: o.remindedAt?.toISOString() ?? null,
    escalatedAt: o.escalatedAt?.toISOString() ?? null,
    letterUrl: item.number ? `/api/v1/supervision/${o.id}/letter.docx` : null,
    history: o.history,
    availableActions: ORDER_ACTION_NAMES.filter(
      (a) => nextOrderStatus(a, status) !== null && supervisionPolicy.act(actor, o, a),
    ).map((a) => ({ action: a, label: ORDER_ACTIONS[a].label })),
  };
}
