// The hall API's answers (来访大厅: visits, history, the display, duty; server–web contract,
// docs/architecture.md). Only zod here: the console imports the types with `import type`.
import { z } from 'zod';

export const VisitOut = z.object({
  id: z.number(),
  day: z.string(),
  queueNo: z.number(),
  queueLabel: z.string(),
  name: z.string(),
  idNumber: z.string().nullable(),
  visitors: z.number(),
  representatives: z.array(z.string()),
  purpose: z.string(),
  status: z.string(),
  statusName: z.string(),
  counter: z.string().nullable(),
  calledAt: z.string().nullable(),
  registeredAt: z.string(),
  caseId: z.number().nullable(),
});
export type VisitOut = z.infer<typeof VisitOut>;

export const HistoryOut = z.object({
  idNumber: z.string(),
  matters: z.array(
    z.object({
      id: z.number(),
      caseNumber: z.string(),
      subject: z.string(),
      state: z.string(),
      stateName: z.string(),
      receivedAt: z.string(),
      role: z.string(),
    }),
  ),
  visits: z.array(
    z.object({
      id: z.number(),
      day: z.string(),
      queueLabel: z.string(),
      purpose: z.string(),
      status: z.string(),
      caseId: z.number().nullable(),
    }),
  ),
});
export type HistoryOut = z.infer<typeof HistoryOut>;

export const DisplayOut = z.object({
  hall: z.string(),
  day: z.string(),
  called: z.array(
    z.object({
      queueLabel: z.string(),
      name: z.string(),
      counter: z.string(),
      calledAt: z.string(),
      status: z.string(),
    }),
  ),
  waiting: z.number(),
  nextUp: z.array(z.string()),
});
export type DisplayOut = z.infer<typeof DisplayOut>;

export const DutyOut = z.object({
  id: z.number(),
  day: z.string(),
  lawyerName: z.string(),
  firm: z.string(),
  specialty: z.string().nullable(),
  consultations: z.number(),
});
export type DutyOut = z.infer<typeof DutyOut>;
