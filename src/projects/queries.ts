// Reads of key projects (重点工作项目化管理), scoped by src/policies/projects.ts: one project (404
// outside the scope), a year's projects with their milestones and computed status, and the overdue
// milestones of a scope — `overdueMilestones(ctx, actor, now)`, exported for the daily monitoring page.
import { and, asc, eq, inArray, isNull, like, lt, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { projectMilestones, projectProgress, projects, units, users } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { DEFAULT_PROJECTS_PER_YEAR, daysOverdue } from '../domain/projects/status.ts';
import { notFound } from '../errors.ts';
import { type Actor, projectPolicy, projectScope } from '../policies/projects.ts';
import { jurisdictionSetting } from '../settings/jurisdictional.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type MilestoneRow = typeof projectMilestones.$inferSelect;

/** A project the caller may see (locked for update inside a command), else 404. */
export async function visibleProject(
  exec: Executor,
  actor: Actor,
  id: number,
  forUpdate = false,
): Promise<ProjectRow> {
  const q = exec
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), projectScope(actor)));
  const [p] = forUpdate ? await q.for('update') : await q;
  if (!p || !projectPolicy.read(actor, p)) throw notFound('未找到该重点工作项目，或您无权查看');
  return p;
}

/** Projects a year for a jurisdiction: settings `projects_per_year` ({count}), nearest wins; default 10. */
export const projectsQuota = jurisdictionSetting<number, { count: number }>({
  key: 'projects_per_year',
  resolve: (values) => {
    let out = DEFAULT_PROJECTS_PER_YEAR;
    for (const v of values) {
      const count = (v as { count?: unknown } | undefined)?.count;
      if (typeof count === 'number' && Number.isInteger(count) && count > 0) out = count;
    }
    return out;
  },
  mayEdit: projectPolicy.setQuota,
  denied: '只有本辖区或上级管理员可以设置重点工作项目数',
  auditAction: 'project.quota',
});

export const projectsPerYear = (exec: Executor, jurisdictionCode: string) =>
  projectsQuota.forCode(exec, jurisdictionCode);

/** A year's projects the caller sees (optionally of one jurisdiction's subtree), with bureau and unit names. */
export async function listProjects(
  ctx: AppContext,
  actor: Actor,
  f: { year: number; jurisdiction?: string },
) {
  const where: (SQL | undefined)[] = [projectScope(actor), eq(projects.year, f.year)];
  if (f.jurisdiction) where.push(like(projects.jurisdictionCode, `${prefixOf(f.jurisdiction)}%`));
  const list = await ctx.db
    .select()
    .from(projects)
    .where(and(...where))
    .orderBy(asc(projects.jurisdictionCode), asc(projects.id))
    .limit(500);
  const ids = list.map((p) => p.id);
  const unitIds = [...new Set(list.flatMap((p) => [p.bureauUnitId, p.ownerUnitId]))];
  const [milestones, unitRows] = await Promise.all([
    ids.length
      ? ctx.db
          .select()
          .from(projectMilestones)
          .where(inArray(projectMilestones.projectId, ids))
          .orderBy(asc(projectMilestones.dueDate), asc(projectMilestones.id))
      : Promise.resolve([] as MilestoneRow[]),
    unitIds.length
      ? ctx.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))
      : Promise.resolve([] as { id: number; name: string }[]),
  ]);
  const unitName = (id: number) => unitRows.find((u) => u.id === id)?.name ?? '';
  return list.map((p) => ({
    p,
    bureauName: unitName(p.bureauUnitId),
    ownerUnitName: unitName(p.ownerUnitId),
    milestones: milestones.filter((m) => m.projectId === p.id),
  }));
}

/** A project's milestones and progress entries (newest first), with the writers' names. */
export async function projectParts(exec: Executor, projectId: number) {
  const [milestones, progress] = await Promise.all([
    exec
      .select()
      .from(projectMilestones)
      .where(eq(projectMilestones.projectId, projectId))
      .orderBy(asc(projectMilestones.dueDate), asc(projectMilestones.id)),
    exec
      .select({ g: projectProgress, userName: users.displayName })
      .from(projectProgress)
      .leftJoin(users, eq(users.id, projectProgress.userId))
      .where(eq(projectProgress.projectId, projectId))
      .orderBy(asc(projectProgress.at), asc(projectProgress.id)),
  ]);
  return { milestones, progress: progress.reverse() };
}

import type { OverdueMilestone } from './contract.ts';

export type { OverdueMilestone };

/**
 * The milestones not done after their due date (Shanghai date of `now`) of the projects the caller
 * sees — optionally of one jurisdiction's subtree — most overdue first. For the daily monitoring page.
 */
export async function overdueMilestones(
  ctx: AppContext,
  actor: Actor,
  now: Date,
  opts: { jurisdiction?: string; limit?: number } = {},
): Promise<OverdueMilestone[]> {
  const today = shanghaiDate(now);
  const where: (SQL | undefined)[] = [
    projectScope(actor),
    isNull(projectMilestones.doneDate),
    lt(projectMilestones.dueDate, today),
  ];
  if (opts.jurisdiction) where.push(like(projects.jurisdictionCode, `${prefixOf(opts.jurisdiction)}%`));
  const rows = await ctx.db
    .select({ p: projects, m: projectMilestones, bureauName: units.name })
    .from(projectMilestones)
    .innerJoin(projects, eq(projects.id, projectMilestones.projectId))
    .leftJoin(units, eq(units.id, projects.bureauUnitId))
    .where(and(...where))
    .orderBy(asc(projectMilestones.dueDate), asc(projectMilestones.id))
    .limit(opts.limit ?? 500);
  return rows.map(({ p, m, bureauName }) => ({
    projectId: p.id,
    projectTitle: p.title,
    year: p.year,
    jurisdictionCode: p.jurisdictionCode,
    bureauName: bureauName ?? '',
    leadLeader: p.leadLeader,
    milestoneId: m.id,
    title: m.title,
    ownerName: m.ownerName,
    dueDate: m.dueDate,
    daysOverdue: daysOverdue(m, today),
  }));
}
