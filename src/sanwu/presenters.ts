// What the API answers for 三无县 evaluations: a county's record (evidence per criterion with the
// platform's count and the cases behind it, result, status) or the lack of one.
import type { z } from 'zod';
import {
  type CriterionEvidence,
  SANWU_RESULT_NAMES,
  SANWU_STATUS_NAMES,
  type SanwuResult,
  type SanwuStatus,
} from '../domain/linkage/sanwu.ts';
import { type Actor, sanwuPolicy } from '../policies/linkage.ts';
import type { Evaluation } from './contract.ts';
import type { EvaluationRow } from './queries.ts';

export { Evaluation, Evidence } from './contract.ts';

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
