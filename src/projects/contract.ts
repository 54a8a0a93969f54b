// The projects API's answers (重点工作: a year's projects, detail, overdue milestones; server–web
// contract, docs/architecture.md). Only zod here: the console imports the types with `import type`.
import { z } from 'zod';
import { PROJECT_STATUSES } from '../domain/projects/status.ts';

export const Milestone = z.object({
  id: z.number(),
  title: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  doneDate: z.string().nullable(),
  evidence: z.string().nullable(),
  overdue: z.boolean(),
});
export type Milestone = z.infer<typeof Milestone>;

export const Project = z.object({
  id: z.number(),
  year: z.number(),
  title: z.string(),
  goal: z.string(),
  leadLeader: z.string(),
  jurisdictionCode: z.string(),
  bureauUnitId: z.number(),
  bureauName: z.string(),
  ownerUnitId: z.number(),
  ownerUnitName: z.string(),
  status: z.enum(PROJECT_STATUSES),
  statusName: z.string(),
  milestonesTotal: z.number(),
  milestonesDone: z.number(),
  milestonesOverdue: z.number(),
  nextDue: z.string().nullable(),
  milestones: z.array(Milestone),
});
export type Project = z.infer<typeof Project>;

export const ProjectList = z.object({
  year: z.number(),
  today: z.string(),
  perYear: z.number().nullable().meta({ description: '本辖区每年项目数上限' }),
  canCreate: z.boolean(),
  items: z.array(Project),
});
export type ProjectList = z.infer<typeof ProjectList>;

export const ProjectDetail = Project.extend({
  progress: z.array(
    z.object({
      id: z.number(),
      milestoneId: z.number().nullable(),
      note: z.string(),
      by: z.string().nullable(),
      at: z.string(),
    }),
  ),
  availableActions: z.array(z.enum(['add_milestone', 'complete_milestone', 'add_progress'])),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

export const OverdueMilestone = z.object({
  projectId: z.number(),
  projectTitle: z.string(),
  year: z.number(),
  jurisdictionCode: z.string(),
  bureauName: z.string(),
  leadLeader: z.string(),
  milestoneId: z.number(),
  title: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  daysOverdue: z.number(),
});
export type OverdueMilestone = z.infer<typeof OverdueMilestone>;
