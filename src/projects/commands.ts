// Commands on key projects (重点工作项目化管理), each one transaction (runCommand) with one audit row:
// create a project (with its first milestones: 任务书/路线图/时间表), add a milestone, complete one
// (done date and evidence note), record progress; set the number of projects a year. Refusals: not
// visible (404), wrong state (409), not allowed (403), bad payload (400) — a refusal changes nothing.
import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { UnitLookup } from '../cases/units.ts';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { projectMilestones, projectProgress, projects } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { PROJECT_ACTIONS } from '../domain/projects/status.ts';
import { zDate, zId, zText } from '../domain/validation/fields.ts';
import { badRequest, conflict } from '../errors.ts';
import { ensureAllowed } from '../policies/index.ts';
import { type Actor, projectPolicy } from '../policies/projects.ts';
import { projectsPerYear, visibleProject } from './queries.ts';

const text = (label: string, max = 2000) => zText({ label, max, min: 1 });

const MilestoneFields = z.object({
  title: text('节点任务', 300),
  ownerName: text('责任人', 100),
  dueDate: zDate('完成时限'),
});

export const ProjectFields = z.object({
  year: z
    .number({ error: '年度应为整数' })
    .int('年度应为整数')
    .min(2000, '年度不能早于2000')
    .max(2100, '年度不能晚于2100'),
  title: text('项目名称', 100),
  goal: text('工作目标', 5000),
  leadLeader: text('牵头领导', 50),
  ownerUnitId: zId('责任单位'),
  milestones: z.array(MilestoneFields).max(50, '节点不能超过50个').optional(),
});
export type ProjectInput = z.infer<typeof ProjectFields>;

export const ProjectActionBody = z.discriminatedUnion('action', [
  MilestoneFields.extend({ action: z.literal('add_milestone') }),
  z.object({
    action: z.literal('complete_milestone'),
    milestoneId: zId('节点'),
    doneDate: zDate('完成日期').optional(),
    evidence: text('完成情况及佐证', 5000),
  }),
  z.object({
    action: z.literal('add_progress'),
    note: text('进展情况', 5000),
    milestoneId: zId('节点').optional(),
  }),
]);
export type ProjectActionInput = z.infer<typeof ProjectActionBody>;

function audit(w: Work, actor: Actor, action: string, id: number, summary: Record<string, unknown>) {
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `project.${action}`,
    entity: 'project',
    entityId: id,
    summary,
  });
}

export async function createProject(ctx: AppContext, actor: Actor, input: ProjectInput): Promise<number> {
  ensureAllowed(projectPolicy.create(actor), '只有信访部门的督查员或领导可以立项重点工作');
  const bureauCode = actor.jurisdictionCode ?? '';
  return runCommand(ctx, async (w) => {
    const unit = await new UnitLookup(ctx.db).unit(w.tx, input.ownerUnitId);
    if (!unit?.jurisdictionCode.startsWith(prefixOf(bureauCode)))
      throw badRequest('project_unit_invalid', '责任单位应为本辖区的单位', 'ownerUnitId');
    const quota = await projectsPerYear(w.tx, bureauCode);
    const [had] = await w.tx
      .select({ n: count() })
      .from(projects)
      .where(and(eq(projects.bureauUnitId, actor.unitId ?? 0), eq(projects.year, input.year)));
    if ((had?.n ?? 0) >= quota)
      throw conflict('project_quota_reached', `${input.year}年度的重点工作已有${quota}项，已达上限`);
    const now = new Date();
    const [row] = await w.tx
      .insert(projects)
      .values({
        bureauUnitId: actor.unitId ?? 0,
        jurisdictionCode: bureauCode,
        year: input.year,
        title: input.title,
        goal: input.goal,
        leadLeader: input.leadLeader,
        ownerUnitId: unit.id,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: projects.id });
    if (!row) throw new Error('project insert returned nothing');
    if (input.milestones?.length)
      await w.tx
        .insert(projectMilestones)
        .values(
          input.milestones.map((m) => ({ projectId: row.id, ...m, createdBy: actor.userId, createdAt: now })),
        );
    audit(w, actor, 'create', row.id, {
      year: input.year,
      title: input.title,
      milestones: input.milestones?.length ?? 0,
    });
    return row.id;
  });
}

export async function actOnProject(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: ProjectActionInput,
): Promise<void> {
  await runCommand(ctx, async (w) => {
    const p = await visibleProject(w.tx, actor, id, true);
    const now = new Date();
    const today = shanghaiDate(now);
    const milestone = async (milestoneId: number) => {
      const [m] = await w.tx
        .select()
        .from(projectMilestones)
        .where(and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.projectId, p.id)))
        .for('update');
      if (!m) throw badRequest('project_milestone_unknown', '该项目没有这个节点', 'milestoneId');
      return m;
    };
    if (input.action === 'complete_milestone') {
      const m = await milestone(input.milestoneId);
      if (m.doneDate) throw conflict('project_milestone_done', `节点“${m.title}”已于${m.doneDate}完成`);
    }
    ensureAllowed(
      projectPolicy.act(actor, p, input.action),
      `只有项目所属信访部门或责任单位可以${PROJECT_ACTIONS[input.action]}`,
    );
    const summary: Record<string, unknown> = {};
    switch (input.action) {
      case 'add_milestone': {
        const [m] = await w.tx
          .insert(projectMilestones)
          .values({
            projectId: p.id,
            title: input.title,
            ownerName: input.ownerName,
            dueDate: input.dueDate,
            createdBy: actor.userId,
            createdAt: now,
          })
          .returning({ id: projectMilestones.id });
        summary.milestoneId = m?.id;
        break;
      }
      case 'complete_milestone': {
        const doneDate = input.doneDate ?? today;
        if (doneDate > today) throw badRequest('project_date_future', '完成日期不能晚于今天', 'doneDate');
        await w.tx
          .update(projectMilestones)
          .set({ doneDate, evidence: input.evidence })
          .where(eq(projectMilestones.id, input.milestoneId));
        await w.tx.insert(projectProgress).values({
          projectId: p.id,
          milestoneId: input.milestoneId,
          note: `完成节点：${input.evidence}`,
          userId: actor.userId,
          at: now,
        });
        Object.assign(summary, { milestoneId: input.milestoneId, doneDate });
        break;
      }
      case 'add_progress': {
        if (input.milestoneId !== undefined) await milestone(input.milestoneId);
        await w.tx.insert(projectProgress).values({
          projectId: p.id,
          milestoneId: input.milestoneId ?? null,
          note: input.note,
          userId: actor.userId,
          at: now,
        });
        if (input.milestoneId !== undefined) summary.milestoneId = input.milestoneId;
        break;
      }
    }
    await w.tx.update(projects).set({ updatedAt: now }).where(eq(projects.id, p.id));
    audit(w, actor, input.action, p.id, summary);
  });
}
