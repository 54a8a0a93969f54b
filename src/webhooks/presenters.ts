// What the console sees of subscriptions and deliveries: never the secret.
import { z } from 'zod';
import { isWebhookEvent, WEBHOOK_EVENT_NAMES } from '../domain/webhooks/events.ts';
import type { DeliveryRow, SubscriptionRow } from './queries.ts';

const eventName = (t: string) => (isWebhookEvent(t) ? WEBHOOK_EVENT_NAMES[t] : t);

export const SubscriptionItem = z.object({
  id: z.number(),
  name: z.string(),
  url: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }),
  jurisdiction: z.object({ code: z.string(), name: z.string() }),
  eventTypes: z.array(z.object({ type: z.string(), name: z.string() })),
  active: z.boolean(),
  createdAt: z.string(),
  counts: z.object({ pending: z.number(), delivered: z.number(), dead: z.number() }),
});

export function presentSubscription(r: SubscriptionRow): z.infer<typeof SubscriptionItem> {
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

export const DeliveryItem = z.object({
  id: z.number(),
  subscription: z.object({ id: z.number(), name: z.string() }),
  eventType: z.string(),
  eventName: z.string(),
  caseNumber: z.string().nullable(),
  status: z.enum(['pending', 'delivered', 'dead']),
  attempts: z.number(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});

export function presentDelivery(r: DeliveryRow): z.infer<typeof DeliveryItem> {
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
