// The answers of the intake routes, as zod schemas (OpenAPI) and the mapping from query results.
import type { z } from 'zod';
import { categoryLabel } from '../domain/categories.ts';
import { CLASSIFICATION_STATUS_NAMES, LOW_CONFIDENCE } from '../domain/intake/classification.ts';
import type { ClassificationItem, UnitHitItem } from './contract.ts';
import type { Classification, UnitHit } from './queries.ts';

export { ClassificationItem, UnitHitItem } from './contract.ts';

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

export const presentUnit = (u: UnitHit): z.infer<typeof UnitHitItem> => u;
