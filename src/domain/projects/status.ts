// 重点工作项目化管理: the status of a key project from its milestones (任务书/路线图/时间表), and
// which milestones are overdue. Pure: the console imports it too.
// A milestone is overdue the day after its due date while not done; a project is 已完成 when it has
// milestones and all are done, 有逾期节点 when one is overdue, else 按计划推进 (no milestone yet: 待制定).

export interface MilestoneFacts {
  dueDate: string; // YYYY-MM-DD
  doneDate: string | null;
}

export const PROJECT_STATUSES = ['planning', 'on_track', 'overdue', 'done'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_NAMES: Record<ProjectStatus, string> = {
  planning: '待制定节点',
  on_track: '按计划推进',
  overdue: '有逾期节点',
  done: '已完成',
};

export const isOverdue = (m: MilestoneFacts, today: string): boolean =>
  m.doneDate === null && m.dueDate < today;

/** Whole days past the due date (0 when not overdue). */
export function daysOverdue(m: MilestoneFacts, today: string): number {
  if (!isOverdue(m, today)) return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${m.dueDate}T00:00:00Z`)) / 86_400_000);
}

export interface ProjectProgressSummary {
  status: ProjectStatus;
  total: number;
  done: number;
  overdue: number;
  /** The next milestone not done (earliest due date), or null. */
  nextDue: string | null;
}

export function projectStatus(milestones: readonly MilestoneFacts[], today: string): ProjectProgressSummary {
  const done = milestones.filter((m) => m.doneDate !== null).length;
  const overdue = milestones.filter((m) => isOverdue(m, today)).length;
  const open = milestones
    .filter((m) => m.doneDate === null)
    .map((m) => m.dueDate)
    .sort();
  const status: ProjectStatus =
    milestones.length === 0
      ? 'planning'
      : done === milestones.length
        ? 'done'
        : overdue > 0
          ? 'overdue'
          : 'on_track';
  return { status, total: milestones.length, done, overdue, nextDue: open[0] ?? null };
}

/** Default number of key projects a bureau runs a year ([SEED]: 10 项重点工作); settings `projects_per_year`. */
export const DEFAULT_PROJECTS_PER_YEAR = 10;

export const PROJECT_ACTIONS = {
  add_milestone: '添加节点',
  complete_milestone: '完成节点',
  add_progress: '记录进展',
} as const;
export type ProjectAction = keyof typeof PROJECT_ACTIONS;
