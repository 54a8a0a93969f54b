// How common a search's words are, from PostgreSQL's own statistics of cases.search_vector
// (pg_stats.most_common_elems: the lexemes ANALYZE found most often, with the share of rows holding
// each). Read once per database every ten minutes, so deciding that a word is not common costs no
// round trip (src/cases/queries.ts asks before estimating a word search's plan).
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { perDatabase, TtlCache } from '../db/memo.ts';

const TTL_MS = 10 * 60_000;

interface Frequencies {
  share: Map<string, number>;
  /** A lexeme missing from the list is at most this common (the list's rarest entry). */
  floor: number;
}

const cacheOf = perDatabase(() => new TtlCache<'stats', Frequencies>(TTL_MS));

async function frequencies(db: Db): Promise<Frequencies> {
  const stats = await cacheOf(db).get('stats', async () => {
    const r = await db.execute(sql`
      select most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs
      from pg_stats
      where schemaname = current_schema() and tablename = 'cases' and attname = 'search_vector'`);
    const row = (r as unknown as { rows: { elems: string[] | null; freqs: number[] | null }[] }).rows[0];
    const elems = row?.elems ?? [];
    // The array ends with the smallest and largest frequency and the null share (pg_statistic docs).
    const freqs = (row?.freqs ?? []).slice(0, elems.length).map(Number);
    return {
      share: new Map(elems.map((e, i) => [e, freqs[i] ?? 0])),
      // No statistics (never analysed): every word may be common.
      floor: elems.length > 0 ? Math.min(...freqs) : 1,
    };
  });
  return stats ?? { share: new Map(), floor: 1 };
}

/**
 * At most this share of cases holds any of `terms` (their shares summed, each at most 1): an upper
 * bound for the search, whatever AND and OR join them.
 */
export async function termsShareBound(db: Db, terms: string[]): Promise<number> {
  const f = await frequencies(db);
  return Math.min(
    1,
    terms.reduce((sum, t) => sum + (f.share.get(t.toLowerCase()) ?? f.floor), 0),
  );
}
