// Webhook deliveries are written by subscribers to the case events (wired in src/capabilities.ts),
// inside the transaction of the change: a rolled-back change delivers nothing, a committed one is
// never lost. The delivery pass (./deliverer.ts) POSTs them later.
import { eq } from 'drizzle-orm';
import type { CaseRow } from '../cases/units.ts';
import type { Work } from '../commands/command.ts';
import type { EventBus } from '../commands/events.ts';
import { changed, onChange } from '../db/cacheBus.ts';
import type { Executor } from '../db/client.ts';
import { perDatabase, TtlCache } from '../db/memo.ts';
import { jurisdictions, webhookDeliveries, webhookSubscriptions } from '../db/schema.ts';
import { type CaseState, isOpen } from '../domain/lifecycle/vocabulary.ts';
import { eventsOfAction, SWEEP_EVENTS, type WebhookEvent } from '../domain/webhooks/events.ts';
import type { PlatformEvents } from '../events.ts';
import { payloadOf } from './payload.ts';

interface Happening {
  type: WebhookEvent;
  /** Unique per event, stable across retries of the command. */
  key: string;
  c: CaseRow;
  at: Date;
}

/**
 * The active subscriptions, cached a few seconds per database (one small query per command
 * otherwise). A change forgets them after its commit (`forgetSubscriptions`), in every process on the
 * database (src/db/cacheBus.ts); one made with psql is seen within SUBSCRIPTION_CACHE_MS.
 */
const SUBSCRIPTION_CACHE_MS = 5_000;
type ActiveSub = { id: number; eventTypes: string[]; prefix: string; createdAt: Date };
const subscriptionCache = perDatabase((db) => {
  const cache = new TtlCache<'active', ActiveSub[]>(SUBSCRIPTION_CACHE_MS, 1);
  onChange(db, 'webhook_subscriptions', () => cache.invalidate());
  return cache;
});

export function forgetSubscriptions(db: Executor): void {
  changed(db, 'webhook_subscriptions');
}

async function loadActive(tx: Executor): Promise<ActiveSub[]> {
  return tx
    .select({
      id: webhookSubscriptions.id,
      eventTypes: webhookSubscriptions.eventTypes,
      prefix: jurisdictions.scopePrefix,
      createdAt: webhookSubscriptions.createdAt,
    })
    .from(webhookSubscriptions)
    .innerJoin(jurisdictions, eq(jurisdictions.code, webhookSubscriptions.jurisdictionCode))
    .where(eq(webhookSubscriptions.active, true));
}

/** The active subscriptions (cached; see `subscriptionCache`). */
export async function activeSubscriptions(db: Executor): Promise<ActiveSub[]> {
  return (await subscriptionCache(db).get('active', () => loadActive(db))) ?? [];
}

async function enqueue(w: Work, happenings: Happening[]): Promise<void> {
  if (happenings.length === 0) return;
  const subs = (await subscriptionCache(w.ctx.db).get('active', () => loadActive(w.tx))) ?? [];
  const rows = [];
  for (const s of subs)
    for (const h of happenings)
      if (s.eventTypes.includes(h.type) && h.c.jurisdictionCode.startsWith(s.prefix)) {
        const { eventKey, ...body } = payloadOf(h.type, h.key, h.c, h.at);
        rows.push({
          subscriptionId: s.id,
          eventType: h.type,
          eventKey,
          caseId: h.c.id,
          payload: { id: `${s.id}:${eventKey}`, ...body },
        });
      }
  if (rows.length === 0) return;
  await w.tx.insert(webhookDeliveries).values(rows).onConflictDoNothing();
}

export function subscribeWebhooks(events: EventBus<PlatformEvents>): void {
  events.on('case.registered', 'webhooks.enqueue', (w, e) =>
    enqueue(w, [{ type: 'case.registered', key: `case_event:${e.eventId}`, c: e.case, at: e.at }]),
  );
  events.on('case.acted', 'webhooks.enqueue', (w, e) =>
    enqueue(
      w,
      eventsOfAction(e.action, isOpen(e.before.state as CaseState), isOpen(e.after.state as CaseState)).map(
        (type) => ({ type, key: `case_event:${e.eventId}:${type}`, c: e.after, at: e.at }),
      ),
    ),
  );
  events.on('cases.swept', 'webhooks.enqueue', (w, e) => {
    const after = new Map(e.changes.map((ch) => [ch.after.id, ch.after]));
    const day = e.at.toISOString().slice(0, 10);
    const list: Happening[] = [];
    for (const kind of ['near', 'overdue'] as const)
      for (const id of e.touched[kind]) {
        const c = after.get(id);
        if (c) list.push({ type: SWEEP_EVENTS[kind], key: `sweep:${kind}:${id}:${day}`, c, at: e.at });
      }
    return enqueue(w, list);
  });
}
