// The workbench API's answers (GET /api/v1/workbench/…; server–web contract, docs/architecture.md):
// queues with counts, a matter's assignee and candidates, bulk outcomes, saved views. Only zod here:
// the console imports the types with `import type`.
import { z } from 'zod';

export const QueueItem = z.object({
  key: z.string(),
  label: z.string(),
  hint: z.string(),
  params: z.record(z.string(), z.string()).meta({ description: '该队列在 GET /api/v1/cases 中的查询参数' }),
  count: z.number(),
  countCapped: z.boolean(),
});

export const QueuesAnswer = z.object({
  landing: z.string().nullable().meta({ description: '该角色默认进入的队列' }),
  scope: z.enum(['mine', 'unit']),
  items: z.array(QueueItem),
});

export const Person = z.object({ id: z.number(), name: z.string(), role: z.string(), roleName: z.string() });

export const AssigneeAnswer = z.object({
  assignee: z.object({ id: z.number(), name: z.string(), since: z.string() }).nullable(),
  canClaim: z.boolean(),
  colleagues: z.array(Person).meta({ description: '可以移交的本单位同事（能办理该事项）' }),
});

export const BulkAnswer = z.object({
  done: z.number(),
  failed: z.number(),
  items: z.array(
    z.object({
      caseId: z.number(),
      ok: z.boolean(),
      status: z.number(),
      code: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
});

export const ViewItem = z.object({
  id: z.number(),
  name: z.string(),
  queue: z.string(),
  filters: z.record(z.string(), z.string()),
});

export type QueueItem = z.infer<typeof QueueItem>;
export type QueuesAnswer = z.infer<typeof QueuesAnswer>;
export type Person = z.infer<typeof Person>;
export type AssigneeAnswer = z.infer<typeof AssigneeAnswer>;
export type BulkAnswer = z.infer<typeof BulkAnswer>;
export type ViewItem = z.infer<typeof ViewItem>;
