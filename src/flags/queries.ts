// Flags of a matter, upward reports in the caller's case scope, and counts of flagged matters for
// the indicators (same received-date range and place as the totals).
import { and, asc, count, desc, eq, isNull, like, sql } from 'drizzle-orm';
import { receivedWithin } from '../cases/received.ts';
import type { Db } from '../db/client.ts';
import { caseFlags, cases, flagReports, units } from '../db/schema.ts';
import { CASE_FLAGS, type CaseFlag } from '../domain/flags.ts';
import { type Actor, caseScope } from '../policies/index.ts';

export function flagsOf(db: Db, caseId: number) {
  return db.select().from(caseFlags).where(eq(caseFlags.caseId, caseId)).orderBy(asc(caseFlags.setAt));
}

/** Upward reports of matters the caller may read, newest first; `pending`: not yet acknowledged. */
export function reportsFor(db: Db, actor: Actor, opts: { pending?: boolean; caseId?: number } = {}) {
  const from = sql`fu`;
  return db
    .select({
      id: flagReports.id,
      caseId: flagReports.caseId,
      caseNumber: cases.caseNumber,
      subject: cases.subject,
      flag: flagReports.flag,
      fromUnitId: flagReports.fromUnitId,
      fromUnit: sql<string>`(select name from ${units} ${from} where ${from}.id = ${flagReports.fromUnitId})`,
      toUnitId: flagReports.toUnitId,
      toUnit: units.name,
      note: flagReports.note,
      reportedAt: flagReports.reportedAt,
      acknowledgedAt: flagReports.acknowledgedAt,
    })
    .from(flagReports)
    .innerJoin(cases, eq(cases.id, flagReports.caseId))
    .innerJoin(units, eq(units.id, flagReports.toUnitId))
    .where(
      and(
        caseScope(actor),
        opts.pending ? isNull(flagReports.acknowledgedAt) : undefined,
        opts.caseId ? eq(flagReports.caseId, opts.caseId) : undefined,
      ),
    )
    .orderBy(desc(flagReports.reportedAt), desc(flagReports.id))
    .limit(200);
}

const start = (d: string) => new Date(`${d}T00:00:00+08:00`);

/** Matters received in the range, located in the subtree `prefix`, with each flag. */
export async function flagCounts(
  db: Db,
  prefix: string,
  range: { from: string; to: string },
): Promise<Record<CaseFlag, number>> {
  const rows = await db
    .select({ flag: caseFlags.flag, n: count() })
    .from(caseFlags)
    .innerJoin(cases, eq(cases.id, caseFlags.caseId))
    .where(
      and(
        like(cases.jurisdictionCode, `${prefix}%`),
        receivedWithin(start(range.from), new Date(start(range.to).getTime() + 86_400_000)),
      ),
    )
    .groupBy(caseFlags.flag);
  const out = Object.fromEntries(CASE_FLAGS.map((f) => [f, 0])) as Record<CaseFlag, number>;
  for (const r of rows)
    if ((CASE_FLAGS as readonly string[]).includes(r.flag)) out[r.flag as CaseFlag] = Number(r.n);
  return out;
}
