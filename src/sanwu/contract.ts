// The sanwu API's answers (三无 evaluations; server–web contract, docs/architecture.md). Only zod here.
import { z } from 'zod';

export const Evidence = z.object({
  key: z.string(),
  name: z.string(),
  evidence: z.string(),
  count: z.number().nullable(),
  caseIds: z.array(z.number()),
  met: z.boolean().nullable(),
  note: z.string().nullable(),
});
export type Evidence = z.infer<typeof Evidence>;

export const Evaluation = z.object({
  id: z.number().nullable(),
  jurisdictionCode: z.string(),
  name: z.string(),
  year: z.number(),
  status: z.string(),
  statusName: z.string(),
  result: z.string().nullable(),
  resultName: z.string().nullable(),
  opinion: z.string().nullable(),
  evidence: z.array(Evidence),
  decidedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  canEvaluate: z.boolean(),
  canDecide: z.boolean(),
});
export type Evaluation = z.infer<typeof Evaluation>;

/** GET /sanwu/evaluations: the counties' evaluations of a year and how many are decided, qualified. */
export const EvaluationsAnswer = z.object({
  year: z.number(),
  items: z.array(Evaluation),
  summary: z.object({ counties: z.number(), decided: z.number(), qualified: z.number() }),
});
export type EvaluationsAnswer = z.infer<typeof EvaluationsAnswer>;
