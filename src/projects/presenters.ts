// What the API answers for key projects: the project with its computed status (按计划推进 / 有逾期节点 /
// 已完成), its milestones (任务书/路线图/时间表, each overdue or not) and progress, and what the caller
// may do now.
import {
  isOverdue,
  PROJECT_ACTIONS,
  PROJECT_STATUS_NAMES,
  projectStatus,
} from '../domain/projects/status.ts';
import { type Actor, projectPolicy } from '../policies/projects.ts';
import type { Milestone, Project, ProjectDetail } from './contract.ts';
import type { MilestoneRow, ProjectRow } from './queries.ts';

export function presentMilestone(m: MilestoneRow, today: string): Milestone {
  return {
    id: m.id,
    title: m.title,
    ownerName: m.ownerName,
    dueDate: m.dueDate,
    doneDate: m.doneDate,
    evidence: m.evidence,
    overdue: isOverdue(m, today),
  };
}

export function presentProject(
  r: { p: ProjectRow; bureauName: string; ownerUnitName: string; milestones: MilestoneRow[] },
  today: string,
): Project {
  const s = projectStatus(r.milestones, today);
  return {
    id: r.p.id,
    year: r.p.year,
    title: r.p.title,
    goal: r.p.goal,
    leadLeader: r.p.leadLeader,
    jurisdictionCode: r.p.jurisdictionCode,
    bureauUnitId: r.p.bureauUnitId,
    bureauName: r.bureauName,
    ownerUnitId: r.p.ownerUnitId,
    ownerUnitName: r.ownerUnitName,
    status: s.status,
    statusName: PROJECT_STATUS_NAMES[s.status],
    milestonesTotal: s.total,
    milestonesDone: s.done,
    milestonesOverdue: s.overdue,
    nextDue: s.nextDue,
    milestones: r.milestones.map((m) => presentMilestone(m, today)),
  };
}

export function availableProjectActions(actor: Actor, p: ProjectRow): ProjectDetail['availableActions'] {
  return (Object.keys(PROJECT_ACTIONS) as (keyof typeof PROJECT_ACTIONS)[]).filter((a) =>
    projectPolicy.act(actor, p, a),
  );
}
