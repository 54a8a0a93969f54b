// The search API's answers (检索同义词, the explanation of a search, the place and unit pickers of
// 案件查询; server–web contract, docs/architecture.md). Only zod here: the console imports the types
// with `import type`.
import { z } from 'zod';

export const SynonymGroup = z.object({
  id: z.number(),
  terms: z.array(z.string()),
  note: z.string().nullable(),
  version: z.number().meta({ description: '版本号：每次修改加一（修改记录见审计日志）' }),
  updatedAt: z.string(),
});
export type SynonymGroup = z.infer<typeof SynonymGroup>;

/** GET /search/synonyms: the groups, and whether the caller may edit them. */
export const SynonymDictionary = z.object({ items: z.array(SynonymGroup), editable: z.boolean() });
export type SynonymDictionary = z.infer<typeof SynonymDictionary>;

/** GET /search/explain: each word of the search and the synonyms it widens to. */
export const Explained = z.object({
  words: z.array(z.object({ word: z.string(), synonyms: z.array(z.string()) })),
  terms: z.array(z.string()),
});
export type Explained = z.infer<typeof Explained>;

export const Place = z.object({
  code: z.string(),
  name: z.string(),
  label: z.string().meta({ description: '全称（不含本省名称），如 南京市鼓楼区挹江门街道' }),
  level: z.number(),
});
export type Place = z.infer<typeof Place>;

export const UnitOption = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
  jurisdictionCode: z.string(),
});
export type UnitOption = z.infer<typeof UnitOption>;

/** GET /search/places. */
export const PlacesAnswer = z.object({ items: z.array(Place) });
export type PlacesAnswer = z.infer<typeof PlacesAnswer>;

/** GET /search/units. */
export const UnitsAnswer = z.object({ items: z.array(UnitOption) });
export type UnitsAnswer = z.infer<typeof UnitsAnswer>;
