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
