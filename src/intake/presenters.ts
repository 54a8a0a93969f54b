// The answers of the intake routes, as zod schemas (OpenAPI) and the mapping from query results.
import { z } from 'zod';
import { categoryLabel } from '../domain/categories.ts';
import {
  CLASSIFICATION_STATUS_NAMES,
  CLASSIFICATION_STATUSES,
  LOW_CONFIDENCE,
} from '../domain/intake/classification.ts';
import type { Classification, UnitHit } from './queries.ts';

const DepartmentItem = z.object({
  key: z.string(),
  name: z.string(),
  unitId: z.number().optional(),
  unitName: z.string().optional(),
});

export const ClassificationItem = z.object({
  caseId: z.number(),
  jurisdictionCode: z.string(),
  categoryCode: z.string().nullable(),
  categoryName: z.string().nullable(),
  status: z.enum(CLASSIFICATION_STATUSES),
  statusName: z.string(),
  stored: z.boolean(),
  suggestion: z.object({
    top3: z.array(
      z.object({
        category: z.string(),
        code: z.string().nullable(),
        probability: z.number(),
        department: DepartmentItem,
      }),
    ),
    why: z.array(z.object({ term: z.string(), weight: z.number() })),
    confidence: z.number(),
    lowConfidence: z.boolean(),
    modelVersion: z.string(),
    suggestedAt: z.string().nullable(),
  }),
  legalHints: z.array(
    z.object({
      ruleId: z.string(),
      channel: z.string(),
      label: z.string(),
      competentBody: z.string(),
      advice: z.string(),
      matched: z.array(z.string()),
    }),
  ),
  routed: z.object({ category: z.string(), department: DepartmentItem }).nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  mayCategorize: z.boolean(),
});

export function presentClassification(c: Classification): z.infer<typeof ClassificationItem> {
  return {
    ...c,
    categoryName: c.categoryCode ? categoryLabel(c.categoryCode) : null,
    statusName: CLASSIFICATION_STATUS_NAMES[c.status],
    suggestion: { ...c.suggestion, lowConfidence: c.suggestion.confidence < LOW_CONFIDENCE },
    legalHints: c.legalHints.map((h) => ({
      ruleId: h.ruleId,
      channel: h.channel,
      label: h.label,
      competentBody: h.competentBody,
      advice: h.advice,
      matched: [...h.matched],
    })),
  };
}

export const UnitHitItem = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
});

export const presentUnit = (u: UnitHit): z.infer<typeof UnitHitItem> => u;
