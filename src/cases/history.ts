// The conditions that keep a read of one case's history (case_events, and audit_log rows about the
// case) inside the monthly partitions its life spans: by case id AND `at >= historyFloor(received_at)`
// (src/domain/partitions/months.ts). Without the bound a read by case probes every partition kept —
// 4–9 × a plain table with 41 months (docs/performance.md, "Partitioned history"). Correlated
// subqueries over many cases write `e.at >= cases.received_at` instead (pruned per case at run time).
import { and, eq, gte, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditLog, caseEvents, cases } from '../db/schema.ts';
import { historyFloor } from '../domain/partitions/months.ts';

/** A case as far as its history's bounds go. */
export interface CaseSpan {
  id: number;
  receivedAt: Date;
}

/** `at` of the case's events from its registration month on (a constant: planning prunes on it). */
export function eventsSince(c: CaseSpan): SQL {
  return gte(caseEvents.at, historyFloor(c.receivedAt));
}

/** The events of one case, bounded so that only the partitions since its registration are read. */
export function eventsOfCase(c: CaseSpan): SQL {
  return and(eq(caseEvents.caseId, c.id), eventsSince(c)) as SQL;
}

/** `at` bound for the events of several cases: from the earliest registration month among them. */
export function eventsSinceEarliest(list: readonly CaseSpan[]): SQL | undefined {
  if (list.length === 0) return undefined;
  const earliest = new Date(Math.min(...list.map((c) => c.receivedAt.getTime())));
  return gte(caseEvents.at, historyFloor(earliest));
}

/** A case's span by id (one primary-key read), or undefined if there is no such case. */
export async function caseSpan(db: Executor, id: number): Promise<CaseSpan | undefined> {
  const [c] = await db
    .select({ id: cases.id, receivedAt: cases.receivedAt })
    .from(cases)
    .where(eq(cases.id, id));
  return c;
}

/** Audit rows about a case (`entity = 'case'`) from its registration month on. */
export function auditOfCaseSince(c: CaseSpan): SQL {
  return gte(auditLog.at, historyFloor(c.receivedAt));
}
