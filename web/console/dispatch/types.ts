// Shapes of /api/v1/dispatch and /api/v1/tasks answers used by the console's 周调度 and 我的待办.

export interface Task {
  id: number;
  meetingId: number;
  meetingDate: string;
  bureau: string;
  title: string;
  owner: { id: number; name: string };
  dueDate: string;
  case: { id: number; caseNumber: string } | null;
  status: 'open' | 'done' | 'overdue';
  statusName: string;
  daysOverdue: number;
  doneAt: string | null;
  doneNote: string | null;
}

export interface Topic {
  source: string;
  sourceTitle: string;
  severity: string;
  title: string;
  caseId: number | null;
  caseNumber: string | null;
  unit: string | null;
  days: number | null;
  daysLabel: string;
  action: { label: string; path: string };
}

export interface Agenda {
  bureau: { unitId: number; name: string; jurisdictionCode: string };
  week: { from: string; to: string };
  figures: { key: string; name: string; value: number }[];
  topics: Topic[];
  previous: { meetingId: number; date: string; tasks: Task[] } | null;
  meeting: { id: number; status: string; date: string } | null;
}

export interface Meeting {
  id: number;
  bureau: string;
  date: string;
  weekStart: string;
  status: 'draft' | 'held';
  statusName: string;
  attendees: string[];
  notes: string;
  tasks: Task[];
}

export const TASK_COLORS: Record<string, string> = { open: 'blue', done: 'green', overdue: 'red' };
