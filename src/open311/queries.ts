// Open311 reads: the matters a caller may see (casePolicy's scope), filtered the GeoReport v2 way,
// with what their presentation needs — place and unit names, the latest decision, and the parties'
// names (decrypted only to be masked out of the text).
import { and, desc, eq, inArray, like, type SQL } from 'drizzle-orm';
import { eventsSinceEarliest } from '../cases/history.ts';
import { receivedFrom, receivedUpTo } from '../cases/received.ts';
import type { AppContext } from '../context.ts';
import { caseEvents, caseParties, cases, jurisdictions, units } from '../db/schema.ts';
import type { DecisionNote } from '../domain/open311/mapping.ts';
import { type Actor, caseScope } from '../policies/index.ts';

export const MAX_REQUESTS = 1000;
const DEFAULT_DAYS = 90;

export interface RequestFilters {
  caseNumbers?: string[];
  serviceCodes?: string[];
  states?: string[];
  start?: Date;
  end?: Date;
  /** The subtree prefix of the `jurisdiction_id` asked for (jurisdictions.scope_prefix). */
  jurisdictionPrefix?: string;
}

export async function findRequests(ctx: AppContext, actor: Actor, f: RequestFilters, now = new Date()) {
  const where: (SQL | undefined)[] = [caseScope(actor)];
  if (f.caseNumbers) where.push(inArray(cases.caseNumber, f.caseNumbers));
  else {
    // The standard's default window: the last 90 days, unless a date is given.
    const start = f.start ?? (f.end ? undefined : new Date(now.getTime() - DEFAULT_DAYS * 86_400_000));
    if (start) where.push(receivedFrom(start));
    if (f.end) where.push(receivedUpTo(f.end));
  }
  if (f.serviceCodes) where.push(inArray(cases.categoryCode, f.serviceCodes));
  if (f.states) where.push(inArray(cases.state, f.states));
  if (f.jurisdictionPrefix) where.push(like(cases.jurisdictionCode, `${f.jurisdictionPrefix}%`));
  const rows = await ctx.db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      state: cases.state,
      categoryCode: cases.categoryCode,
      subject: cases.subject,
      receivedAt: cases.receivedAt,
      updatedAt: cases.updatedAt,
      dueAt: cases.dueAt,
      placeName: jurisdictions.fullName,
      unitName: units.name,
    })
    .from(cases)
    .innerJoin(jurisdictions, eq(jurisdictions.code, cases.jurisdictionCode))
    .leftJoin(units, eq(units.id, cases.currentUnitId))
    .where(and(...where))
    .orderBy(desc(cases.receivedAt), desc(cases.id))
    .limit(MAX_REQUESTS);
  const ids = rows.map((r) => r.id);
  const notes = new Map<number, DecisionNote>();
  const names = new Map<number, string[]>();
  if (ids.length > 0) {
    const decisions = await ctx.db
      .select({ caseId: caseEvents.caseId, action: caseEvents.action, detail: caseEvents.detail })
      .from(caseEvents)
      .where(
        and(
          inArray(caseEvents.caseId, ids),
          eventsSinceEarliest(rows),
          inArray(caseEvents.action, ['reply', 'decide_review', 'decide_rereview']),
          eq(caseEvents.public, true),
        ),
      )
      .orderBy(desc(caseEvents.id));
    for (const d of decisions) {
      if (notes.has(d.caseId)) continue;
      const detail = d.detail as { outcomeName?: string; decision?: string; opinion?: string };
      notes.set(d.caseId, {
        action: d.action,
        outcomeName: detail.outcomeName,
        decision: detail.decision ?? detail.opinion,
      });
    }
    const parties = await ctx.db
      .select({ caseId: caseParties.caseId, nameEnc: caseParties.nameEnc })
      .from(caseParties)
      .where(inArray(caseParties.caseId, ids));
    for (const p of parties)
      names.set(p.caseId, [...(names.get(p.caseId) ?? []), ctx.pii.decrypt(p.nameEnc)]);
  }
  return rows.map((r) => ({ ...r, note: notes.get(r.id), names: names.get(r.id) ?? [] }));
}
export type RequestRow = Awaited<ReturnType<typeof findRequests>>[number];
