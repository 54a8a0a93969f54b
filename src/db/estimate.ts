// The planner's row estimate of a query (EXPLAIN, not run): how many rows it expects to return.
// Planning only, ≈ 1 ms; used where the cheaper of two plans depends on how many rows match.
import { type SQLWrapper, sql } from 'drizzle-orm';
import type { Executor } from './client.ts';
import { perDatabase, TtlCache } from './memo.ts';

interface PlanNode {
  'Plan Rows'?: number;
}

/** The estimated rows of `query` (0 when the plan says nothing). */
export async function estimatedRows(db: Executor, query: SQLWrapper): Promise<number> {
  const r = await db.execute(sql`explain (format json) ${query}`);
  const first = (r as unknown as { rows: Record<string, unknown>[] }).rows[0];
  const cell = first ? Object.values(first)[0] : undefined;
  // node-postgres parses the json column; PGlite may hand back the text.
  const plans = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan?: PlanNode }[] | undefined;
  return Number(plans?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

const remembered = perDatabase(() => new TtlCache<string, number>(10 * 60_000, 10_000));

/**
 * `estimatedRows`, remembered ten minutes per database under `key`: for counts that move slowly
 * (a table's rows, a scope's rows), so a search asks the planner about them once, not every time.
 */
export async function cachedEstimate(db: Executor, key: string, query: SQLWrapper): Promise<number> {
  return (await remembered(db).get(key, () => estimatedRows(db, query))) ?? 0;
}
