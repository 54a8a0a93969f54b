// The answers of the intake routes, as zod schemas (OpenAPI) and the mapping from query results.
import type { z } from 'zod';
import { categoryByCode, categoryLabel } from '../domain/categories.ts';
import { CLASSIFICATION_STATUS_NAMES, LOW_CONFIDENCE } from '../domain/intake/classification.ts';
import type { ClassificationItem, SuggestionQualityItem, UnitHitItem } from './contract.ts';
import type { Classification, UnitHit } from './queries.ts';
import type { SuggestionQualityReport } from './suggestionQuality.ts';

export { ClassificationItem, SuggestionQualityItem, UnitHitItem } from './contract.ts';

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

/** A stored model's version as people read it: v3, or the built-in lexicon. */
export const modelName = (version: string) => (version === 'lexicon' ? '内置关键词表' : `v${version}`);

export function presentSuggestionQuality(q: SuggestionQualityReport): SuggestionQualityItem {
  return {
    ...q,
    byVersion: q.byVersion.map((v) => ({ ...v, modelName: modelName(v.modelVersion) })),
    byCategory: q.byCategory.map((c) => ({
      ...c,
      name: categoryLabel(c.code),
      suggestable: categoryByCode(c.code)?.suggested ?? true,
    })),
    corrections: q.corrections.map((c) => ({
      ...c,
      // A trained label outside the catalogue has no code (docs/classifier.md).
      suggestedName: c.suggestedCode ? categoryLabel(c.suggestedCode) : '目录外类别',
      finalName: categoryLabel(c.finalCode),
    })),
  };
}
