// The experts API's answers (专家库 and 专家指派; server–web contract, docs/architecture.md). Only zod
// here: the console imports the types with `import type`.
import { z } from 'zod';

export const ExpertItem = z.object({
  id: z.number(),
  name: z.string(),
  field: z.string(),
  fieldName: z.string(),
  level: z.string(),
  levelName: z.string(),
  title: z.string().nullable(),
  unitId: z.number().nullable(),
  unit: z.string().nullable(),
  affiliation: z.string(),
  jurisdictionCode: z.string(),
  availability: z.string(),
  availabilityName: z.string(),
  expertise: z.string().nullable(),
  active: z.boolean(),
  openAssignments: z.number(),
  opinions: z.number(),
});
export type ExpertItem = z.infer<typeof ExpertItem>;

export const AssignmentItem = z.object({
  id: z.number(),
  expertId: z.number(),
  expert: z.string(),
  fieldName: z.string(),
  caseId: z.number(),
  caseNumber: z.string(),
  subject: z.string(),
  backlogMatterId: z.number().nullable(),
  purpose: z.string(),
  purposeName: z.string(),
  question: z.string(),
  status: z.string(),
  statusName: z.string(),
  assigningUnit: z.string(),
  assignedAt: z.string(),
  opinion: z.string().nullable(),
  opinionDate: z.string().nullable(),
  availableActions: z.array(z.object({ action: z.string(), label: z.string() })),
});
export type AssignmentItem = z.infer<typeof AssignmentItem>;

export const ExpertDetail = ExpertItem.extend({ assignments: z.array(AssignmentItem) });
export type ExpertDetail = z.infer<typeof ExpertDetail>;

export const AssignmentList = z.object({ items: z.array(AssignmentItem), canAssign: z.boolean() });
export type AssignmentList = z.infer<typeof AssignmentList>;
