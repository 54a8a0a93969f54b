// Commands on stored reports: draft (gather figures + drafted texts), list, read, edit the texts
// while a draft, issue. Each mutation is one transaction with its audit row; no personal data.
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/chain.ts';
import type { AppContext } from '../context.ts';
import { reports } from '../db/schema.ts';
import { AppError, conflict, forbidden, notFound } from '../errors.ts';
import { type Actor, reportPolicy, reportScope } from '../policies/index.ts';
import { checkMonth, collectReportData } from './collect.ts';
import { draftSections, reportTitle } from './sections.ts';
import { type ReportData, type ReportSections, SECTION_KEYS } from './types.ts';

export type ReportRow = typeof reports.$inferSelect;

export interface ReportView {
  id: number;
  kind: string;
  period: string;
  scope: { code: string; name: string };
  title: string;
  status: 'draft' | 'issued';
  createdAt: string;
  updatedAt: string;
  issuedAt: string | null;
}

export function presentReport(r: ReportRow): ReportView {
  const data = r.data as ReportData;
  return {
    id: r.id,
    kind: r.kind,
    period: r.period,
    scope: { code: data.scope.code, name: data.scope.name },
    title: reportTitle(data),
    status: r.status === 'issued' ? 'issued' : 'draft',
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    issuedAt: r.issuedAt?.toISOString() ?? null,
  };
}

function ensureScope(actor: Actor, scopeCode: string): void {
  if (!reportPolicy.use(actor)) throw forbidden('您没有权限编制专报');
  if (!reportPolicy.write(actor, scopeCode))
    throw new AppError(403, 'forbidden_scope', '只能编制本辖区的专报');
}

export async function createMonthlyReport(
  ctx: AppContext,
  actor: Actor,
  input: { month: string; scope?: string },
): Promise<ReportRow> {
  const scopeCode = input.scope ?? actor.jurisdictionCode ?? '';
  ensureScope(actor, scopeCode);
  checkMonth(input.month);
  // Gathering reads a lot and writes nothing: outside the transaction, which stays short.
  const data = await collectReportData(ctx.db, { month: input.month, scopeCode });
  const sections = draftSections(data);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reports)
      .values({ kind: 'monthly', period: input.month, scopeCode, data, sections, createdBy: actor.userId })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, {
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'report.draft',
      entity: 'report',
      entityId: row.id,
      summary: { kind: 'monthly', period: input.month, scope: scopeCode },
    });
    return row;
  });
}

export async function listReports(ctx: AppContext, actor: Actor): Promise<ReportRow[]> {
  if (!reportPolicy.use(actor)) throw forbidden('您没有权限查看专报');
  return ctx.db
    .select()
    .from(reports)
    .where(reportScope(actor))
    .orderBy(desc(reports.period), desc(reports.id))
    .limit(200);
}

/** A report the caller may see, else 404 (no existence leak). */
export async function loadReport(ctx: AppContext, actor: Actor, id: number): Promise<ReportRow> {
  const [r] = await ctx.db
    .select()
    .from(reports)
    .where(and(eq(reports.id, id), reportScope(actor)));
  if (!r || !reportPolicy.write(actor, r.scopeCode)) throw notFound();
  return r;
}

export async function updateReportSections(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: Partial<ReportSections>,
): Promise<ReportRow> {
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(reports)
      .where(and(eq(reports.id, id), reportScope(actor)))
      .for('update');
    if (!r || !reportPolicy.write(actor, r.scopeCode)) throw notFound();
    if (r.status !== 'draft') throw conflict('report_issued', '专报已签发，不能再修改');
    const sections = { ...(r.sections as ReportSections) };
    for (const k of SECTION_KEYS) if (patch[k] !== undefined) sections[k] = patch[k];
    const [row] = await tx
      .update(reports)
      .set({ sections, updatedAt: new Date() })
      .where(eq(reports.id, id))
      .returning();
    await recordAudit(tx, {
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'report.edit',
      entity: 'report',
      entityId: id,
      summary: { sections: SECTION_KEYS.filter((k) => patch[k] !== undefined) },
    });
    return row as ReportRow;
  });
}

export async function issueReport(ctx: AppContext, actor: Actor, id: number): Promise<ReportRow> {
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(reports)
      .where(and(eq(reports.id, id), reportScope(actor)))
      .for('update');
    if (!r || !reportPolicy.write(actor, r.scopeCode)) throw notFound();
    if (!reportPolicy.issue(actor, r.scopeCode)) throw forbidden('专报须由领导或管理员签发');
    if (r.status !== 'draft') throw conflict('report_issued', '专报已签发');
    const now = new Date();
    const [row] = await tx
      .update(reports)
      .set({ status: 'issued', issuedAt: now, issuedBy: actor.userId, updatedAt: now })
      .where(eq(reports.id, id))
      .returning();
    await recordAudit(tx, {
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'report.issue',
      entity: 'report',
      entityId: id,
      summary: { period: r.period, scope: r.scopeCode },
    });
    return row as ReportRow;
  });
}
