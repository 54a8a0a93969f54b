// Which index serves word searches (docs/search.md, "RUM"). On PostgreSQL with the RUM extension
// (Debian: postgresql-15-rum) migration 0041 builds cases_search_rum_idx, which keeps each match's
// received_at beside its lexeme, so "the newest matches of a word" is read in order from the index
// and stops after RANK_WINDOW of them. Where the extension is missing (PGlite, a server without
// the package) the migration leaves it out and the GIN index and the received_at btree serve the
// same query. Looked up, not configured: an operator who installs the package later and creates the
// index (docs/search.md) gets the RUM path within a minute, without a restart.
import { sql } from 'drizzle-orm';
import type { SearchIndex } from '../cases/extensions.ts';
import type { Db } from '../db/client.ts';
import { perDatabase, TtlCache } from '../db/memo.ts';

export const RUM_INDEX = 'cases_search_rum_idx';
const CHECK_TTL_MS = 60_000;

const cacheOf = perDatabase(() => new TtlCache<'index', SearchIndex>(CHECK_TTL_MS));

/**
 * 'rum' when cases_search_rum_idx exists and is valid in this database, else 'gin'.
 * XINFANG_SEARCH_RUM=off keeps the GIN path even with the index (an operator's escape hatch, and
 * how the benchmark compares the two paths on one database).
 */
export async function searchIndex(db: Db): Promise<SearchIndex> {
  if (process.env.XINFANG_SEARCH_RUM === 'off') return 'gin';
  const kind = await cacheOf(db).get('index', async () => {
    const r = await db.execute(sql`
      select exists (
        select 1 from pg_index i join pg_class c on c.oid = i.indexrelid
        where c.relname = ${RUM_INDEX} and c.relnamespace = current_schema()::regnamespace
          and i.indisvalid) as rum`);
    const row = (r as unknown as { rows: { rum: boolean }[] }).rows[0];
    return row?.rum ? 'rum' : 'gin';
  });
  return kind ?? 'gin';
}
