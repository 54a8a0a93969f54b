// API shapes of the synonym dictionary and the pickers.
import { z } from 'zod';
import type { searchSynonyms } from '../db/schema.ts';
import { placeLabel } from '../orgs/places.ts';

export const SynonymGroup = z.object({
  id: z.number(),
  terms: z.array(z.string()),
  note: z.string().nullable(),
  version: z.number().meta({ description: '版本号：每次修改加一（修改记录见审计日志）' }),
  updatedAt: z.string(),
});

export const presentSynonymGroup = (r: typeof searchSynonyms.$inferSelect): z.infer<typeof SynonymGroup> => ({
  id: r.id,
  terms: r.terms,
  note: r.note,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
});

export const Place = z.object({
  code: z.string(),
  name: z.string(),
  label: z.string().meta({ description: '全称（不含本省名称），如 南京市鼓楼区挹江门街道' }),
  level: z.number(),
});

export const presentPlace = (p: { code: string; name: string; fullName: string; level: number }) => ({
  code: p.code,
  name: p.name,
  label: placeLabel(p.fullName) || p.name,
  level: p.level,
});

export const UnitOption = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
  jurisdictionCode: z.string(),
});
