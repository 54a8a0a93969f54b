// The intake API's answers (classification, departments, unit hits; server–web contract,
// docs/architecture.md). Only zod here: the console imports the types with `import type`.
import { z } from 'zod';
import { LegalHint } from '../classify/contract.ts';
import { CLASSIFICATION_STATUSES } from '../domain/intake/classification.ts';

export const DepartmentItem = z.object({
  key: z.string(),
  name: z.string(),
  unitId: z.number().optional(),
  unitName: z.string().optional(),
});
export type DepartmentItem = z.infer<typeof DepartmentItem>;

export const ClassificationItem = z.object({
  caseId: z.number(),
  jurisdictionCode: z.string(),
  categoryCode: z.string().nullable(),
  categoryName: z.string().nullable(),
  subcategoryCode: z.string().nullable().meta({ description: '细分类（二、三级分类代码）' }),
  subcategoryName: z.string().nullable().meta({ description: '如“住房保障 / 棚户区改造”' }),
  subcategoryChoices: z
    .array(z.object({ code: z.string(), label: z.string() }))
    .meta({ description: '该内容分类下可选的二、三级分类（在用）' }),
  subcategorySuggestion: z
    .object({ code: z.string(), label: z.string(), matched: z.string() })
    .nullable()
    .meta({ description: '按事项文字中出现的分类名称建议的细分类（未选细分类时）' }),
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
  legalHints: z.array(LegalHint),
  routed: z.object({ category: z.string(), department: DepartmentItem }).nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  mayCategorize: z.boolean(),
});
export type ClassificationItem = z.infer<typeof ClassificationItem>;

export const UnitHitItem = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
});
export type UnitHitItem = z.infer<typeof UnitHitItem>;

const Share = {
  matters: z.number(),
  firstRight: z.number().nullable().meta({ description: '归入首选建议类别的比例（无事项时为 null）' }),
};

export const SuggestionQualityItem = z.object({
  scope: z.string(),
  since: z.string(),
  pending: z.number().meta({ description: '建议尚待确认的事项（不计入）' }),
  ...Share,
  inTopThree: z.number().nullable().meta({ description: '归入前三项建议之一的比例' }),
  givenAtRegistration: z.object(Share).meta({ description: '登记时已填写类别的事项（未受建议提示）' }),
  byVersion: z.array(
    z.object({
      modelVersion: z.string(),
      modelName: z.string(),
      ...Share,
      inTopThree: z.number().nullable(),
    }),
  ),
  byCategory: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      suggestable: z.boolean().meta({ description: 'false：该类（其他）不作建议，由登记人选择' }),
      ...Share,
      suggested: z.number(),
      precision: z.number().nullable().meta({ description: '首选建议为该类时，事项确归该类的比例' }),
    }),
  ),
  bands: z.array(
    z.object({ key: z.string(), label: z.string(), ...Share, meanConfidence: z.number().nullable() }),
  ),
  corrections: z.array(
    z.object({
      suggestedCode: z.string().nullable(),
      suggestedName: z.string(),
      finalCode: z.string(),
      finalName: z.string(),
      matters: z.number(),
    }),
  ),
});
export type SuggestionQualityItem = z.infer<typeof SuggestionQualityItem>;
