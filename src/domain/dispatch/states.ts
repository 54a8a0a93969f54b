// 周调度: the statuses of a weekly dispatch meeting (调度会) and of its decisions (调度事项), as
// tables; the week of a date; whether a task is overdue (computed, never stored). Pure, no I/O.

export const MEETING_STATUSES = ['draft', 'held'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_NAMES: Record<MeetingStatus, string> = { draft: '草稿', held: '已召开' };
/** draft ─hold→ held; nothing leaves held. */
export const MEETING_TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  draft: ['held'],
  held: [],
};

export const TASK_STATUSES = ['open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** What the list shows: open ones past their due date are 逾期. */
export type TaskShownStatus = TaskStatus | 'overdue';
export const TASK_STATUS_NAMES: Record<TaskShownStatus, string> = {
  open: '办理中',
  done: '已完成',
  overdue: '已逾期',
};
export const TASK_TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = { open: ['done'], done: [] };

export function canMove<S extends string>(table: Record<S, readonly S[]>, from: S, to: S): boolean {
  return table[from]?.includes(to) ?? false;
}

/** Open and past the due date (the whole due day counts as in time). */
export function taskShownStatus(status: TaskStatus, dueDate: string, today: string): TaskShownStatus {
  if (status === 'done') return 'done';
  return dueDate < today ? 'overdue' : 'open';
}

/** Days past the due date (0 when not overdue). */
export function daysOverdue(dueDate: string, today: string): number {
  const d = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, d);
}

/** The Monday of the week of a date 'YYYY-MM-DD' (weeks run Monday to Sunday). */
export function weekStartOf(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  const dow = (new Date(t).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(t - dow * 86_400_000).toISOString().slice(0, 10);
}

export function addDaysTo(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The week [Monday, Sunday] holding the date, and the one before. */
export function weekOf(date: string): { from: string; to: string; prevFrom: string; prevTo: string } {
  const from = weekStartOf(date);
  return { from, to: addDaysTo(from, 6), prevFrom: addDaysTo(from, -7), prevTo: addDaysTo(from, -1) };
}

/** The week's figures on the agenda, in order, with their Chinese names. */
export const WEEK_FIGURES = [
  { key: 'registered', name: '登记' },
  { key: 'accepted', name: '受理' },
  { key: 'closed', name: '办结' },
  { key: 'overdue', name: '超期未办结' },
  { key: 'backlogIdentified', name: '积案认定' },
  { key: 'backlogResolved', name: '积案化解' },
] as const;
export type WeekFigureKey = (typeof WEEK_FIGURES)[number]['key'];

/** Topics to discuss: the top items of the daily monitoring, at most this many. */
export const AGENDA_TOPICS = 10;

export const MAX_ATTENDEES = 50;
export const MAX_DECISIONS = 30;
