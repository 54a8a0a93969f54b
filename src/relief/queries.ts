// Reads of 信访救助 applications, scoped by src/policies/linkage.ts (reliefPolicy): one (404 outside
// the scope), the list, and the totals of a jurisdiction by the next level down and year.
import { and, desc, eq, like, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { cases, jurisdictions, reliefApplications } from '../db/schema.ts';
import { levelOf, prefixOf } from '../domain/jurisdictions.ts';
import type { ReliefStatus } from '../domain/linkage/relief.ts';
import { notFound } from '../errors.ts';
import { ensureReadable } from '../policies/index.ts';
import { type Actor, linkageScope, reliefPolicy } from '../policies/linkage.ts';

const t = reliefApplications;
const scope = (a: Actor) => linkageScope(a, t.jurisdictionCode, [t.applyingUnitId]);
export type ApplicationRow = typeof reliefApplications.$inferSelect;

export async function visibleApplication(exec: Executor, actor: Actor, id: number, forUpdate = false) {
  const q = exec
    .select()
    .from(t)
    .where(and(eq(t.id, id), scope(actor)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('未找到该救助申请，或您无权查看');
  ensureReadable(reliefPolicy.read(actor, row));
  return row;
}

export async function listApplications(
  ctx: AppContext,
  actor: Actor,
  f: { caseId?: number; status?: ReliefStatus; jurisdiction?: string; year?: number; id?: number },
) {
  const where: (SQL | undefined)[] = [scope(actor)];
  if (f.id !== undefined) where.push(eq(t.id, f.id));
  if (f.caseId !== undefined) where.push(eq(t.caseId, f.caseId));
  if (f.status) where.push(eq(t.status, f.status));
  if (f.jurisdiction) where.push(like(t.jurisdictionCode, `${prefixOf(f.jurisdiction)}%`));
  if (f.year !== undefined)
    where.push(sql`extract(year from ${t.appliedAt} at time zone 'Asia/Shanghai') = ${f.year}`);
  const rows = await ctx.db
    .select({ a: t, caseNumber: cases.caseNumber, subject: cases.subject })
    .from(t)
    .innerJoin(cases, eq(cases.id, t.caseId))
    .where(and(...where))
    .orderBy(desc(t.appliedAt), desc(t.id))
    .limit(500);
  // The applicant decrypted here; the presenter masks by reliefPolicy.viewApplicant.
  return rows.map((r) => ({
    ...r,
    applicant: {
      name: ctx.pii.decrypt(r.a.applicantNameEnc),
      idNumber: r.a.applicantIdEnc ? ctx.pii.decrypt(r.a.applicantIdEnc) : null,
    },
  }));
}
export type ApplicationListRow = Awaited<ReturnType<typeof listApplications>>[number];

export interface ReliefTotalsRow {
  jurisdictionCode: string;
  name: string;
  applications: number;
  approved: number;
  rejected: number;
  pending: number;
  approvedFen: number;
  paidFen: number;
  closed: number;
}

/**
 * 信访救助 totals of a jurisdiction for a year (by the application date, Asia/Shanghai), one row per
 * jurisdiction one level down (a province by city, a city by county; a county is one row), and the
 * total. Approved: applications whose chain completed (approved, paid or closed); amounts in fen.
 */
export async function reliefTotals(ctx: Pick<AppContext, 'db'>, code: string, year: number) {
  const level = levelOf(code);
  const digits = level === 1 ? 4 : 6;
  const groupCode = sql<string>`rpad(substr(${t.jurisdictionCode}, 1, ${sql.raw(String(digits))}), 6, '0')`;
  const done = sql`${t.status} in ('approved', 'paid', 'closed')`;
  const rows = await ctx.db
    .select({
      jurisdictionCode: groupCode,
      applications: sql<number>`count(*)::int`,
      approved: sql<number>`count(*) filter (where ${done})::int`,
      rejected: sql<number>`count(*) filter (where ${t.status} = 'rejected')::int`,
      pending: sql<number>`count(*) filter (where ${t.status} = 'pending')::int`,
      approvedFen: sql<string>`coalesce(sum(${t.approvedFen}) filter (where ${done}), 0)`,
      paidFen: sql<string>`coalesce(sum(${t.paidFen}), 0)`,
      closed: sql<number>`count(*) filter (where ${t.status} = 'closed')::int`,
    })
    .from(t)
    .where(
      and(
        like(t.jurisdictionCode, `${prefixOf(code)}%`),
        sql`extract(year from ${t.appliedAt} at time zone 'Asia/Shanghai') = ${year}`,
      ),
    )
    .groupBy(groupCode)
    .orderBy(groupCode);
  const names = rows.length
    ? await ctx.db
        .select({ code: jurisdictions.code, name: jurisdictions.name })
        .from(jurisdictions)
        .where(
          sql`${jurisdictions.code} in (${sql.join(
            rows.map((r) => sql`${r.jurisdictionCode}`),
            sql`, `,
          )})`,
        )
    : [];
  const items: ReliefTotalsRow[] = rows.map((r) => ({
    jurisdictionCode: r.jurisdictionCode,
    name: names.find((n) => n.code === r.jurisdictionCode)?.name ?? r.jurisdictionCode,
    applications: Number(r.applications),
    approved: Number(r.approved),
    rejected: Number(r.rejected),
    pending: Number(r.pending),
    approvedFen: Number(r.approvedFen),
    paidFen: Number(r.paidFen),
    closed: Number(r.closed),
  }));
  const total = {
    applications: 0,
    approved: 0,
    rejected: 0,
    pending: 0,
    approvedFen: 0,
    paidFen: 0,
    closed: 0,
  };
  for (const r of items) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
  return { year, jurisdictionCode: code, items, total };
}
