// `warning.raised` deliveries: warnings (预警) are written by the warnings capability (at intake and
// by the daily scan) without an event on the bus, so the delivery pass picks up the warnings of the
// last two days for the subscriptions that want them. The unique (subscription, event key) makes it
// idempotent; a subscription gets only warnings raised after it was created. The payload names the
// kind, level, place and case numbers — never a title or detail in free text.
import { gte, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases, warnings, webhookDeliveries } from '../db/schema.ts';
import { WARNING_KIND_NAMES, type WarningKind } from '../warnings/store.ts';
import { activeSubscriptions } from './subscribers.ts';

const WINDOW_MS = 2 * 86_400_000;

export async function enqueueWarningDeliveries(db: Db, now = new Date()): Promise<number> {
  const subs = (await activeSubscriptions(db)).filter((s) => s.eventTypes.includes('warning.raised'));
  if (subs.length === 0) return 0;
  const recent = await db
    .select()
    .from(warnings)
    .where(gte(warnings.createdAt, new Date(now.getTime() - WINDOW_MS)))
    .orderBy(warnings.id)
    .limit(1000);
  if (recent.length === 0) return 0;
  const caseIds = [...new Set(recent.flatMap((w) => w.caseIds))];
  const numbers = new Map<number, string>();
  if (caseIds.length > 0)
    for (const c of await db
      .select({ id: cases.id, caseNumber: cases.caseNumber })
      .from(cases)
      .where(inArray(cases.id, caseIds)))
      numbers.set(c.id, c.caseNumber);
  const rows = [];
  for (const s of subs)
    for (const w of recent) {
      if (!w.jurisdictionCode.startsWith(s.prefix) || w.createdAt < s.createdAt) continue;
      const eventKey = `warning:${w.id}`;
      rows.push({
        subscriptionId: s.id,
        eventType: 'warning.raised',
        eventKey,
        caseId: w.caseIds[0] ?? null,
        payload: {
          id: `${s.id}:${eventKey}`,
          type: 'warning.raised',
          occurredAt: w.createdAt.toISOString(),
          warning: {
            kind: w.kind,
            kindName: WARNING_KIND_NAMES[w.kind as WarningKind] ?? w.kind,
            level: w.level,
            jurisdictionCode: w.jurisdictionCode,
            caseNumbers: w.caseIds.map((id) => numbers.get(id)).filter((n): n is string => n !== undefined),
          },
        },
      });
    }
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(webhookDeliveries)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  return inserted.length;
}
