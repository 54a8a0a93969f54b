// Reads of referrals, scoped by src/policies/linkage.ts: one (404 outside the scope), the list with
// its filters, and the counts of a scope by type and member body.
import { and, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { cases, linkageMembers, linkageReferrals } from '../db/schema.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import type { ReferralStatus, ReferralType } from '../domain/linkage/referrals.ts';
import { notFound } from '../errors.ts';
import { ensureReadable } from '../policies/index.ts';
import { type Actor, linkagePolicy, linkageScope } from '../policies/linkage.ts';

const r = linkageReferrals;
const scope = (a: Actor) => linkageScope(a, r.jurisdictionCode, [r.referringUnitId, linkageMembers.unitId]);

const columns = {
  r: linkageReferrals,
  memberName: linkageMembers.name,
  memberBody: linkageMembers.body,
  memberUnitId: linkageMembers.unitId,
  caseNumber: cases.caseNumber,
  subject: cases.subject,
};
export type ReferralListRow = {
  r: typeof linkageReferrals.$inferSelect;
  memberName: string;
  memberBody: string;
  memberUnitId: number | null;
  caseNumber: string;
  subject: string;
};
export type ReferralRow = typeof linkageReferrals.$inferSelect & {
  memberName: string;
  memberUnitId: number | null;
};

/** A referral the caller may read (locked inside a command), else 404. */
export async function visibleReferral(exec: Executor, actor: Actor, id: number, forUpdate = false) {
  const q = exec
    .select({ r: linkageReferrals, memberName: linkageMembers.name, memberUnitId: linkageMembers.unitId })
    .from(r)
    .innerJoin(linkageMembers, eq(linkageMembers.id, r.memberId))
    .where(and(eq(r.id, id), scope(actor)));
  const [row] = forUpdate ? await q.for('update', { of: linkageReferrals }) : await q;
  if (!row) throw notFound('未找到该移交事项，或您无权查看');
  const out: ReferralRow = { ...row.r, memberName: row.memberName, memberUnitId: row.memberUnitId };
  ensureReadable(linkagePolicy.read(actor, out));
  return out;
}

export interface ReferralFilter {
  caseId?: number;
  type?: ReferralType;
  status?: ReferralStatus[];
  jurisdiction?: string;
  overdue?: boolean;
  today: string;
}

export async function listReferrals(ctx: AppContext, actor: Actor, f: ReferralFilter) {
  const where: (SQL | undefined)[] = [scope(actor)];
  if (f.caseId !== undefined) where.push(eq(r.caseId, f.caseId));
  if (f.type) where.push(eq(r.type, f.type));
  if (f.status?.length) where.push(inArray(r.status, f.status));
  if (f.jurisdiction) where.push(like(r.jurisdictionCode, `${prefixOf(f.jurisdiction)}%`));
  const overdue = sql`(${r.status} = 'referred' and ${r.deadline} < ${f.today}::date)`;
  if (f.overdue !== undefined) where.push(f.overdue ? overdue : sql`not ${overdue}`);
  return ctx.db
    .select(columns)
    .from(r)
    .innerJoin(linkageMembers, eq(linkageMembers.id, r.memberId))
    .innerJoin(cases, eq(cases.id, r.caseId))
    .where(and(...where))
    .orderBy(desc(r.referredAt), desc(r.id))
    .limit(500);
}

/** Referrals of a scope by type and member body: referred, fed back, closed, overdue. */
export async function referralCounts(ctx: AppContext, code: string, today: string) {
  const rows = await ctx.db
    .select({
      type: r.type,
      body: linkageMembers.body,
      referred: sql<number>`count(*)::int`,
      fedBack: sql<number>`count(*) filter (where ${r.status} <> 'referred')::int`,
      closed: sql<number>`count(*) filter (where ${r.status} = 'closed')::int`,
      overdue: sql<number>`count(*) filter (where ${r.status} = 'referred' and ${r.deadline} < ${today}::date)::int`,
    })
    .from(r)
    .innerJoin(linkageMembers, eq(linkageMembers.id, r.memberId))
    .where(like(r.jurisdictionCode, `${prefixOf(code)}%`))
    .groupBy(r.type, linkageMembers.body)
    .orderBy(r.type, linkageMembers.body);
  return rows.map((x) => ({
    ...x,
    referred: Number(x.referred),
    fedBack: Number(x.fedBack),
    closed: Number(x.closed),
    overdue: Number(x.overdue),
  }));
}

/** The list row of one referral (after `visibleReferral` checked the caller may read it). */
export async function referralRow(exec: Executor, id: number): Promise<ReferralListRow> {
  const [row] = await exec
    .select(columns)
    .from(r)
    .innerJoin(linkageMembers, eq(linkageMembers.id, r.memberId))
    .innerJoin(cases, eq(cases.id, r.caseId))
    .where(eq(r.id, id));
  if (!row) throw notFound('未找到该移交事项，或您无权查看');
  return row;
}
