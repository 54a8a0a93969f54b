// Shapes of /api/v1/dispatch and /api/v1/tasks answers used by the console's 周调度 and 我的待办: the
// server's contract.
export type { Agenda, Meeting, OwnerCandidate, Task, Topic } from '../../../src/dispatch/contract.ts';

export const TASK_COLORS: Record<string, string> = { open: 'blue', done: 'green', overdue: 'red' };
