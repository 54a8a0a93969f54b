// Query plans read in a transaction that is rolled back: planner switches (`set local …`) and a
// dropped index apply to the plans and to nothing else. One connection on both databases (Drizzle's
// transaction holds one pooled client on PostgreSQL).
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';

/** `EXPLAIN (FORMAT JSON)` of each query after the `setup` statements, as one JSON text. */
export async function plansInRollback(db: Db, setup: SQL[], queries: SQLWrapper[]): Promise<string> {
  const out: string[] = [];
  await db
    .transaction(async (tx) => {
      for (const s of setup) await tx.execute(s);
      for (const q of queries) out.push(JSON.stringify(await tx.execute(sql`explain (format json) ${q}`)));
      throw new Error('rollback');
    })
    .catch((e: Error) => {
      if (e.message !== 'rollback') throw e;
    });
  return out.join('\n');
}
