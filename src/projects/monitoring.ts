// What 重点工作项目 contribute to the daily monitoring (src/monitoring/registry.ts): milestones of
// the scope's projects past their due date and not done (节点逾期), most overdue first.
import { and, asc, count, eq, isNull, like, lt } from 'drizzle-orm';
import { projectMilestones, projects } from '../db/schema.ts';
import { daysBetween } from '../domain/monitoring/sources.ts';
import type { SourceCollector } from '../monitoring/types.ts';

export const overdueProjectMilestones: SourceCollector = async (q) => {
  const where = and(
    like(projects.jurisdictionCode, `${q.prefix}%`),
    isNull(projectMilestones.doneDate),
    lt(projectMilestones.dueDate, q.today),
  );
  const [c] = await q.exec
    .select({ n: count() })
    .from(projectMilestones)
    .innerJoin(projects, eq(projects.id, projectMilestones.projectId))
    .where(where);
  const total = Number(c?.n ?? 0);
  if (total === 0 || q.limit === 0) return { total, items: [] };
  const rows = await q.exec
    .select({
      id: projectMilestones.id,
      projectId: projects.id,
      project: projects.title,
      title: projectMilestones.title,
      owner: projectMilestones.ownerName,
      due: projectMilestones.dueDate,
    })
    .from(projectMilestones)
    .innerJoin(projects, eq(projects.id, projectMilestones.projectId))
    .where(where)
    .orderBy(asc(projectMilestones.dueDate), asc(projectMilestones.id))
    .limit(q.limit);
  return {
    total,
    items: rows.map((r) => ({
      key: `milestone:${r.id}`,
      title: `${r.project}：${r.title}`,
      caseId: null,
      caseNumber: null,
      unit: r.owner,
      days: daysBetween(r.due, q.today),
      daysLabel: '逾期天数',
      action: { label: '打开项目', path: `/projects/${r.projectId}` },
    })),
  };
};
