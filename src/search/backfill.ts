// Tokenises cases that have no search tokens yet: rows from before the search migration, or
// inserted by a path that does not tokenise (imports, direct SQL). Runs at start after migration,
// in batches, each its own short transaction; only rows still NULL are touched, so it is idempotent
// and two nodes starting together at worst compute the same tokens twice.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { caseSearchTokens } from './tokenize.ts';

const BATCH = 500;

export async function backfillSearchTokens(
  db: Db,
  opts: { batch?: number; onProgress?: (n: number) => void } = {},
): Promise<number> {
  const batch = opts.batch ?? BATCH;
  let done = 0;
  let after = 0;
  for (;;) {
    const res = (await db.execute(sql`
      SELECT id::int8::text AS id, subject, content FROM cases
      WHERE search_tokens IS NULL AND id > ${after}
      ORDER BY id LIMIT ${batch}`)) as unknown as {
      rows: { id: string; subject: string; content: string }[];
    };
    if (res.rows.length === 0) break;
    const rows = res.rows.map((r) => ({ id: r.id, t: caseSearchTokens(r.subject, r.content) }));
    // One statement per batch; `IS NULL` again so a row tokenised meanwhile is left alone.
    await db.execute(sql`
      UPDATE cases SET search_tokens = x.t
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(id bigint, t text)
      WHERE cases.id = x.id AND cases.search_tokens IS NULL`);
    done += rows.length;
    after = Number(res.rows[res.rows.length - 1]?.id);
    opts.onProgress?.(rows.length);
    if (res.rows.length < batch) break;
  }
  return done;
}
