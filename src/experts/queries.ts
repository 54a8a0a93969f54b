// Reads of the expert library, scoped by src/policies/experts.ts: the experts a caller may use
// (with their load: open assignments and opinions given), one expert, one assignment (404 outside
// the scope), and the assignments of an expert, a matter or a backlog matter.
import { and, asc, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { cases, expertAssignments, experts, units } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { type Actor, assignmentScope, expertPolicy, expertScope } from '../policies/experts.ts';
import { ensureReadable } from '../policies/index.ts';

export type ExpertRow = typeof experts.$inferSelect;
export type AssignmentRow = typeof expertAssignments.$inferSelect;

export async function visibleAssignment(exec: Executor, actor: Actor, id: number, forUpdate = false) {
  const q = exec
    .select()
    .from(expertAssignments)
    .where(and(eq(expertAssignments.id, id), assignmentScope(actor)));
  const [a] = forUpdate ? await q.for('update') : await q;
  if (!a) throw notFound('未找到该专家指派，或您无权查看');
  ensureReadable(expertPolicy.readAssignment(actor, a));
  return a;
}

export async function visibleExpert(exec: Executor, actor: Actor, id: number) {
  const [e] = await exec
    .select()
    .from(experts)
    .where(and(eq(experts.id, id), expertScope(actor)));
  if (!e) throw notFound('未找到该专家，或不在您可用的专家库中');
  return e;
}

const load = {
  open: sql<number>`(select count(*)::int from ${expertAssignments} ea where ea.expert_id = ${experts.id} and ea.status = 'assigned')`,
  opinions: sql<number>`(select count(*)::int from ${expertAssignments} ea where ea.expert_id = ${experts.id} and ea.status = 'opinion_filed')`,
};

export interface ExpertFilter {
  field?: string;
  level?: string;
  availability?: string;
  q?: string;
  all?: boolean;
}

/** The experts the caller may use, with their load, by jurisdiction then name. */
export async function listExperts(ctx: AppContext, actor: Actor, f: ExpertFilter) {
  const where: (SQL | undefined)[] = [expertScope(actor)];
  if (f.field) where.push(eq(experts.field, f.field));
  if (f.level) where.push(eq(experts.level, f.level));
  if (f.availability) where.push(eq(experts.availability, f.availability));
  if (!f.all) where.push(eq(experts.active, true));
  if (f.q) where.push(like(experts.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return ctx.db
    .select({ e: experts, unit: units.name, ...load })
    .from(experts)
    .leftJoin(units, eq(units.id, experts.unitId))
    .where(and(...where))
    .orderBy(asc(experts.jurisdictionCode), asc(experts.id))
    .limit(500);
}

export async function expertWithLoad(exec: Executor, id: number) {
  const [row] = await exec
    .select({ e: experts, unit: units.name, ...load })
    .from(experts)
    .leftJoin(units, eq(units.id, experts.unitId))
    .where(eq(experts.id, id));
  if (!row) throw notFound();
  return row;
}

export interface AssignmentFilter {
  expertId?: number;
  caseId?: number;
  backlogMatterId?: number;
  status?: string[];
}

/** Assignments newest first; `unscoped` when the caller reads the matter (the case panel). */
export async function listAssignments(ctx: AppContext, actor: Actor, f: AssignmentFilter, unscoped = false) {
  const where: (SQL | undefined)[] = unscoped ? [] : [assignmentScope(actor)];
  if (f.expertId !== undefined) where.push(eq(expertAssignments.expertId, f.expertId));
  if (f.caseId !== undefined) where.push(eq(expertAssignments.caseId, f.caseId));
  if (f.backlogMatterId !== undefined) where.push(eq(expertAssignments.backlogMatterId, f.backlogMatterId));
  if (f.status?.length) where.push(inArray(expertAssignments.status, f.status));
  return ctx.db
    .select({
      a: expertAssignments,
      expert: experts.name,
      field: experts.field,
      caseNumber: cases.caseNumber,
      subject: cases.subject,
      assigningUnit: units.name,
    })
    .from(expertAssignments)
    .innerJoin(experts, eq(experts.id, expertAssignments.expertId))
    .innerJoin(cases, eq(cases.id, expertAssignments.caseId))
    .innerJoin(units, eq(units.id, expertAssignments.assigningUnitId))
    .where(and(...where))
    .orderBy(desc(expertAssignments.assignedAt), desc(expertAssignments.id))
    .limit(500);
}
export type AssignmentListRow = Awaited<ReturnType<typeof listAssignments>>[number];
