// The synonym dictionary in force (table search_synonyms), compiled for queries and held in memory:
// every text search needs it and it changes rarely. Invalidated after each committed edit
// (src/search/commands.ts) in every process on the database (src/db/cacheBus.ts).
import { asc } from 'drizzle-orm';
import { changed, onChange } from '../db/cacheBus.ts';
import type { Db } from '../db/client.ts';
import { perDatabase, TtlCache } from '../db/memo.ts';
import { searchSynonyms } from '../db/schema.ts';
import { compileDictionary, type SynonymDictionary } from '../domain/search/synonyms.ts';
import { queryTokens } from './tokenize.ts';

export const SYNONYM_CACHE_TTL_MS = 10_000;

const cacheOf = perDatabase((db) => {
  const cache = new TtlCache<'all', SynonymDictionary>(SYNONYM_CACHE_TTL_MS);
  onChange(db, 'synonyms', () => cache.invalidate());
  return cache;
});

/** The dictionary for query expansion (cached). */
export async function synonymDictionary(db: Db): Promise<SynonymDictionary> {
  const dict = await cacheOf(db).get('all', async () => {
    const rows = await db
      .select({ terms: searchSynonyms.terms })
      .from(searchSynonyms)
      .orderBy(asc(searchSynonyms.id));
    return compileDictionary(
      rows.map((r) => r.terms),
      queryTokens,
    );
  });
  return dict ?? compileDictionary([], queryTokens);
}

/** Call after a transaction that changed search_synonyms has committed. */
export function invalidateSynonyms(db: Db): void {
  changed(db, 'synonyms');
}
