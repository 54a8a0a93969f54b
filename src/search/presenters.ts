// The synonym groups and places as the API presents them (shapes in contract.ts).
import type { searchSynonyms } from '../db/schema.ts';
import { placeLabel } from '../orgs/places.ts';
import type { Place, SynonymGroup } from './contract.ts';

export const presentSynonymGroup = (r: typeof searchSynonyms.$inferSelect): SynonymGroup => ({
  id: r.id,
  terms: r.terms,
  note: r.note,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
});

export const presentPlace = (p: { code: string; name: string; fullName: string; level: number }): Place => ({
  code: p.code,
  name: p.name,
  label: placeLabel(p.fullName) || p.name,
  level: p.level,
});
