// The dispatch API's answers (周调度: the week's agenda, meetings and their decisions; 我的待办;
// server–web contract, docs/architecture.md). Only zod here: the console imports the types with
// `import type`.
import { z } from 'zod';
import { MEETING_STATUSES } from '../domain/dispatch/states.ts';

export const Task = z.object({
  id: z.number(),
  meetingId: z.number(),
  meetingDate: z.string(),
  bureau: z.string(),
  title: z.string(),
  owner: z.object({ id: z.number(), name: z.string() }),
  dueDate: z.string(),
  case: z.object({ id: z.number(), caseNumber: z.string() }).nullable(),
  status: z.enum(['open', 'done', 'overdue']).meta({ description: 'overdue：办理中且已过期限（计算所得）' }),
  statusName: z.string(),
  daysOverdue: z.number(),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
});
export type Task = z.infer<typeof Task>;

export const Topic = z.object({
  source: z.string().meta({ description: '日监测来源' }),
  sourceTitle: z.string(),
  severity: z.enum(['high', 'medium', 'low']),
  title: z.string(),
  caseId: z.number().nullable(),
  caseNumber: z.string().nullable(),
  unit: z.string().nullable(),
  days: z.number().nullable(),
  daysLabel: z.string(),
  action: z.object({ label: z.string(), path: z.string() }),
});
export type Topic = z.infer<typeof Topic>;

export const Agenda = z.object({
  bureau: z.object({ unitId: z.number(), name: z.string(), jurisdictionCode: z.string() }),
  week: z.object({ from: z.string(), to: z.string() }),
  figures: z.array(z.object({ key: z.string(), name: z.string(), value: z.number() })),
  topics: z.array(Topic),
  previous: z.object({ meetingId: z.number(), date: z.string(), tasks: z.array(Task) }).nullable(),
  meeting: z.object({ id: z.number(), status: z.string(), date: z.string() }).nullable(),
});
export type Agenda = z.infer<typeof Agenda>;

export const Meeting = z.object({
  id: z.number(),
  bureau: z.string(),
  jurisdictionCode: z.string(),
  weekStart: z.string(),
  date: z.string(),
  status: z.enum(MEETING_STATUSES),
  statusName: z.string(),
  attendees: z.array(z.string()),
  notes: z.string(),
  heldAt: z.string().nullable(),
  tasks: z.array(Task),
});
export type Meeting = z.infer<typeof Meeting>;

export const OwnerCandidate = z.object({
  id: z.number(),
  name: z.string(),
  role: z.string(),
  unit: z.string(),
});
export type OwnerCandidate = z.infer<typeof OwnerCandidate>;

export const TaskDone = z.object({ id: z.number(), status: z.string(), doneAt: z.string().nullable() });
