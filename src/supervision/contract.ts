// The supervision API's answers (督查督办 orders; server–web contract, docs/architecture.md). Only
// zod here: the console imports the types with `import type`.
import { z } from 'zod';
import { HistoryEntries } from '../domain/history.ts';

export const OrderItem = z.object({
  id: z.number(),
  type: z.string(),
  typeName: z.string(),
  target: z.string(),
  targetName: z.string(),
  caseId: z.number().nullable(),
  caseNumber: z.string().nullable(),
  subject: z.string().nullable(),
  unitId: z.number(),
  unit: z.string(),
  raisingUnit: z.string().meta({ description: '督办机关（发出督办的单位）' }),
  jurisdictionCode: z.string(),
  number: z.string().nullable(),
  deadline: z.string(),
  status: z.string(),
  statusName: z.string(),
  overdue: z.boolean(),
  escalationLevel: z.number(),
  escalationName: z.string(),
  raisedAt: z.string(),
  feedbackAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type OrderItem = z.infer<typeof OrderItem>;

export const OrderDetail = OrderItem.extend({
  facts: z.string(),
  requirements: z.string(),
  raisedBy: z.string().nullable(),
  feedback: z.string().nullable(),
  feedbackAttachments: z.string().nullable(),
  feedbackBy: z.string().nullable(),
  closedBy: z.string().nullable(),
  remindedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  letterUrl: z.string().nullable(),
  history: HistoryEntries,
  availableActions: z.array(z.object({ action: z.string(), label: z.string() })),
});
export type OrderDetail = z.infer<typeof OrderDetail>;
