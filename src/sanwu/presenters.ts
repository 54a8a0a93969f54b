// What the API answers for 三无县 evaluations: a county's record (evidence per criterion with the
// platform's count and the cases behind it, result, status) or the lack of one.
import { z } from 'zod';
import {
  type CriterionEvidence,
  SANWU_RESULT_NAMES,
  SANWU_STATUS_NAMES,
  type SanwuResult,
  type SanwuStatus,
} from '../domain/linkage/sanwu.ts';
import { type Actor, sanwuPolicy } from '../policies/linkage.ts';
import type { EvaluationRow } from './queries.ts';

export const Evidence = z.object({
  key: z.string(),
  name: z.string(),
  evidence: z.string(),
  count: z.number().nullable(),
  caseIds: z.array(z.number()),
  met: z.boolean().nullable(),
  note: z.string().nullable(),
});

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

export function presentEvaluation(
  actor: Actor,
  county: { code: string; name: string },
  year: number,
  e: EvaluationRow | null,
): z.infer<typeof Evaluation> {
  const status = (e?.status ?? null) as SanwuStatus | null;
  const open = status !== 'decided';
  return {
    id: e?.id ?? null,
    jurisdictionCode: county.code,
    name: county.name,
    year,
    status: status ?? 'none',
    statusName: status ? SANWU_STATUS_NAMES[status] : '未评定',
    result: e?.result ?? null,
    resultName: e?.result ? (SANWU_RESULT_NAMES[e.result as SanwuResult] ?? e.result) : null,
    opinion: e?.opinion ?? null,
    evidence: (e?.evidence ?? []) as CriterionEvidence[],
    decidedAt: e?.decidedAt?.toISOString() ?? null,
    updatedAt: e?.updatedAt.toISOString() ?? null,
    canEvaluate: open && sanwuPolicy.evaluate(actor, county.code),
    canDecide: open && e !== null && e.result !== null && sanwuPolicy.decide(actor, county.code),
  };
}
