// What the console sees of subscriptions and deliveries: never the secret.
import { isWebhookEvent, WEBHOOK_EVENT_NAMES } from '../domain/webhooks/events.ts';
import type { DeliveryItem, SubscriptionItem } from './contract.ts';
import type { DeliveryRow, SubscriptionRow } from './queries.ts';

const eventName = (t: string) => (isWebhookEvent(t) ? WEBHOOK_EVENT_NAMES[t] : t);

export function presentSubscription(r: SubscriptionRow): SubscriptionItem {
  return {
    id: r.s.id,
    name: r.s.name,
    url: r.s.url,
    unit: { id: r.s.unitId, name: r.unitName },
    jurisdiction: { code: r.s.jurisdictionCode, name: r.jurisdictionName },
    eventTypes: r.s.eventTypes.map((t) => ({ type: t, name: eventName(t) })),
    active: r.s.active,
    createdAt: r.s.createdAt.toISOString(),
    counts: { pending: r.pending, delivered: r.delivered, dead: r.dead },
  };
}

export function presentDelivery(r: DeliveryRow): DeliveryItem {
  const d = r.d;
  const payload = d.payload as { case?: { caseNumber?: string } };
  return {
    id: d.id,
    subscription: { id: d.subscriptionId, name: r.subscriptionName },
    eventType: d.eventType,
    eventName: eventName(d.eventType),
    caseNumber: payload.case?.caseNumber ?? null,
    status: d.status as 'pending' | 'delivered' | 'dead',
    attempts: d.attempts,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  };
}
