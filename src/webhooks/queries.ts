// 事件推送 lists: subscriptions of the admin's subtree with their delivery counts, and deliveries
// (the dead-letter view: status 'dead'), newest first.
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { jurisdictions, units, webhookDeliveries, webhookSubscriptions } from '../db/schema.ts';
import type { Actor } from '../policies/actor.ts';
import { webhookScope } from '../policies/apikeys.ts';

export async function listSubscriptions(db: Executor, actor: Actor) {
  const count = (status: string) =>
    sql<number>`(select count(*)::int from ${webhookDeliveries} d where d.subscription_id = ${webhookSubscriptions.id} and d.status = ${status})`;
  return db
    .select({
      s: webhookSubscriptions,
      unitName: units.name,
      jurisdictionName: jurisdictions.fullName,
      pending: count('pending'),
      delivered: count('delivered'),
      dead: count('dead'),
    })
    .from(webhookSubscriptions)
    .innerJoin(units, eq(units.id, webhookSubscriptions.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, webhookSubscriptions.jurisdictionCode))
    .where(webhookScope(actor))
    .orderBy(desc(webhookSubscriptions.id))
    .limit(500);
}
export type SubscriptionRow = Awaited<ReturnType<typeof listSubscriptions>>[number];

export async function listDeliveries(
  db: Executor,
  actor: Actor,
  f: { status?: string; subscriptionId?: number },
) {
  const where: (SQL | undefined)[] = [webhookScope(actor)];
  if (f.status) where.push(eq(webhookDeliveries.status, f.status));
  if (f.subscriptionId) where.push(eq(webhookDeliveries.subscriptionId, f.subscriptionId));
  return db
    .select({
      d: webhookDeliveries,
      subscriptionName: webhookSubscriptions.name,
      url: webhookSubscriptions.url,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(and(...where))
    .orderBy(desc(webhookDeliveries.id))
    .limit(200);
}
export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number];
