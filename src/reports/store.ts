// Commands on stored reports — the monthly 专报 and the monthly 通报 (src/bulletins), one table
// with a kind: draft (gather figures + drafted texts), list, read, edit the texts while a draft,
// issue. Each mutation is one transaction with its audit row; no personal data.
import { and, desc, eq } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { reports } from '../db/schema.ts';
import { AppError, conflict, forbidden, notFound } from '../errors.ts';
import { type Actor, reportPolicy, reportScope } from '../policies/index.ts';
import { checkMonth, collectReportData } from './collect.ts';
import { draftSections, reportTitle } from './sections.ts';
import { type ReportData, SECTION_KEYS } from './types.ts';

export type ReportRow = typeof reports.$inferSelect;

/** What differs between kinds of stored report: the name in messages, the sections, the title. */
export interface ReportKindSpec {
  kind: string;
  /** 专报 / 通报, in refusals. */
  label: string;
  sectionKeys: readonly string[];
  title: (data: unknown) => string;
}

export const MONTHLY_REPORT: ReportKindSpec = {
  kind: 'monthly',
  label: '专报',
  sectionKeys: SECTION_KEYS,
  title: (data) => reportTitle(data as ReportData),
};

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

export function presentReport(r: ReportRow, spec: ReportKindSpec = MONTHLY_REPORT): ReportView {
  const data = r.data as ReportData;
  return {
    id: r.id,
    kind: r.kind,
    period: r.period,
    scope: { code: data.scope.code, name: data.scope.name },
    title: spec.title(data),
    status: r.status === 'issued' ? 'issued' : 'draft',
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    issuedAt: r.issuedAt?.toISOString() ?? null,
  };
}

function ensureScope(actor: Actor, scopeCode: string, label: string): void {
  if (!reportPolicy.use(actor)) throw forbidden(`您没有权限编制${label}`);
  if (!reportPolicy.write(actor, scopeCode))
    throw new AppError(403, 'forbidden_scope', `只能编制本辖区的${label}`);
}

/**
 * Stores a new draft of any kind: `gather` reads the figures (outside the transaction, which
 * stays short) and drafts the texts.
 */
export async function createStoredReport(
  ctx: AppContext,
  actor: Actor,
  spec: ReportKindSpec,
  input: { month: string; scope?: string },
  gather: (scopeCode: string) => Promise<{ data: object; sections: Record<string, string> }>,
): Promise<ReportRow> {
  const scopeCode = input.scope ?? actor.jurisdictionCode ?? '';
  ensureScope(actor, scopeCode, spec.label);
  checkMonth(input.month);
  const { data, sections } = await gather(scopeCode);
  return runCommand(ctx, async (w) => {
    const { tx } = w;
    const [row] = await tx
      .insert(reports)
      .values({ kind: spec.kind, period: input.month, scopeCode, data, sections, createdBy: actor.userId })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'report.draft',
      entity: 'report',
      entityId: row.id,
      summary: { kind: spec.kind, period: input.month, scope: scopeCode },
    });
    return row;
  });
}

/** `figuresFrom`: where the month's figures are read — a replica may serve them (src/server/readDb.ts). */
export async function createMonthlyReport(
  ctx: AppContext,
  actor: Actor,
  input: { month: string; scope?: string },
  figuresFrom: Db = ctx.db,
): Promise<ReportRow> {
  return createStoredReport(ctx, actor, MONTHLY_REPORT, input, async (scopeCode) => {
    const data = await collectReportData(figuresFrom, { month: input.month, scopeCode });
    return { data, sections: draftSections(data) };
  });
}

export async function listReports(
  ctx: AppContext,
  actor: Actor,
  spec: ReportKindSpec = MONTHLY_REPORT,
): Promise<ReportRow[]> {
  if (!reportPolicy.use(actor)) throw forbidden(`您没有权限查看${spec.label}`);
  return ctx.db
    .select()
    .from(reports)
    .where(and(eq(reports.kind, spec.kind), reportScope(actor)))
    .orderBy(desc(reports.period), desc(reports.id))
    .limit(200);
}

/** A report the caller may see, else 404 (no existence leak). */
export async function loadReport(
  ctx: AppContext,
  actor: Actor,
  id: number,
  spec: ReportKindSpec = MONTHLY_REPORT,
): Promise<ReportRow> {
  const [r] = await ctx.db
    .select()
    .from(reports)
    .where(and(eq(reports.id, id), eq(reports.kind, spec.kind), reportScope(actor)));
  if (!r || !reportPolicy.write(actor, r.scopeCode)) throw notFound();
  return r;
}

export async function updateReportSections(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: Partial<Record<string, string>>,
  spec: ReportKindSpec = MONTHLY_REPORT,
): Promise<ReportRow> {
  return runCommand(ctx, async (w) => {
    const { tx } = w;
    const [r] = await tx
      .select()
      .from(reports)
      .where(and(eq(reports.id, id), eq(reports.kind, spec.kind), reportScope(actor)))
      .for('update');
    if (!r || !reportPolicy.write(actor, r.scopeCode)) throw notFound();
    if (r.status !== 'draft') throw conflict('report_issued', `${spec.label}已签发，不能再修改`);
    const sections = { ...(r.sections as Record<string, string>) };
    for (const k of spec.sectionKeys) {
      const v = patch[k];
      if (v !== undefined) sections[k] = v;
    }
    const [row] = await tx
      .update(reports)
      .set({ sections, updatedAt: new Date() })
      .where(eq(reports.id, id))
      .returning();
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'report.edit',
      entity: 'report',
      entityId: id,
      summary: { sections: spec.sectionKeys.filter((k) => patch[k] !== undefined) },
    });
    return row as ReportRow;
  });
}

export async function issueReport(
  ctx: AppContext,
  actor: Actor,
  id: number,
  spec: ReportKindSpec = MONTHLY_REPORT,
): Promise<ReportRow> {
  return runCommand(ctx, async (w) => {
    const { tx } = w;
    const [r] = await tx
      .select()
      .from(reports)
      .where(and(eq(reports.id, id), eq(reports.kind, spec.kind), reportScope(actor)))
      .for('update');
    if (!r || !reportPolicy.write(actor, r.scopeCode)) throw notFound();
    if (!reportPolicy.issue(actor, r.scopeCode)) throw forbidden(`${spec.label}须由领导或管理员签发`);
    if (r.status !== 'draft') throw conflict('report_issued', `${spec.label}已签发`);
    const now = new Date();
    const [row] = await tx
      .update(reports)
      .set({ status: 'issued', issuedAt: now, issuedBy: actor.userId, updatedAt: now })
      .where(eq(reports.id, id))
      .returning();
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'report.issue',
      entity: 'report',
      entityId: id,
      summary: { kind: spec.kind, period: r.period, scope: r.scopeCode },
    });
    return row as ReportRow;
  });
}
