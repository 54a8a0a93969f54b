// The webhooks API's answers (事件推送: subscriptions and deliveries; server–web contract,
// docs/architecture.md). Only zod here: the console imports the types with `import type`.
import { z } from 'zod';

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
export type SubscriptionItem = z.infer<typeof SubscriptionItem>;

export const SubscriptionList = z.object({
  items: z.array(SubscriptionItem),
  eventTypes: z.array(z.object({ type: z.string(), name: z.string() })),
});
export type SubscriptionList = z.infer<typeof SubscriptionList>;

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
export type DeliveryItem = z.infer<typeof DeliveryItem>;
