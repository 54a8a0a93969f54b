// The classify API's answers (内容分类, the registrar's suggestion and the category → department
// routing; server–web contract, docs/architecture.md). Only zod here: the console imports the types
// with `import type`.
import { z } from 'zod';

/** A legal-channel hint (依法分类处理: the matter belongs to another body; src/domain/legalChannels.ts). */
export const LegalHint = z.object({
  ruleId: z.string(),
  channel: z.string(),
  label: z.string(),
  competentBody: z.string(),
  advice: z.string(),
  matched: z.array(z.string()).meta({ description: '触发规则的词语' }),
});
export type LegalHint = z.infer<typeof LegalHint>;

/** POST /classify: the three likeliest categories, the words behind the first, the legal hints. */
export const Suggestion = z.object({
  top3: z.array(
    z.object({
      category: z.string(),
      code: z.string().nullable().meta({ description: '内容分类代码；训练标签不在分类表中时为 null' }),
      probability: z.number(),
      department: z.object({
        key: z.string(),
        name: z.string(),
        unitId: z.number().optional(),
        unitName: z.string().optional(),
      }),
    }),
  ),
  why: z.array(z.object({ term: z.string(), weight: z.number() })),
  modelVersion: z.union([z.number(), z.literal('lexicon')]),
  legalHints: z.array(LegalHint).meta({ description: '依法分类处理：文本指向的法定途径' }),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const Catalogue = z.object({
  categories: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      description: z.string(),
      suggested: z.boolean().meta({ description: '默认分类器是否会建议此类别' }),
      defaultDepartment: z.string(),
      keywordCount: z.number(),
      keywords: z.array(z.string()).meta({ description: '默认分类器的部分关键词' }),
    }),
  ),
  departments: z.array(z.object({ key: z.string(), name: z.string() })),
});
export type Catalogue = z.infer<typeof Catalogue>;

export const RoutingAnswer = z.object({
  routing: z.record(z.string(), z.string()).meta({ description: '内容分类代码 → 承办部门' }),
});
export type RoutingAnswer = z.infer<typeof RoutingAnswer>;

/** A stored classifier version (GET /classify/models), or the built-in lexicon. */
export const ModelItem = z.object({
  version: z.union([z.number(), z.literal('lexicon')]),
  name: z.string().meta({ description: '如 v3、内置关键词表' }),
  active: z.boolean(),
  createdAt: z.string().nullable(),
  file: z.string().nullable().meta({ description: '训练文件名' }),
  rows: z.number().nullable().meta({ description: '训练事项数' }),
  labels: z.array(z.string()).meta({ description: '模型能建议的类别' }),
  taxonomy: z.string().nullable().meta({ description: '参与训练的分类体系先验（文件或分类词典版本）' }),
  estimate: z.number().nullable().meta({ description: '训练时内层折估计的 macro-F1（首选建议）' }),
});
export type ModelItem = z.infer<typeof ModelItem>;

export const ModelList = z.object({ items: z.array(ModelItem) });
export type ModelList = z.infer<typeof ModelList>;
