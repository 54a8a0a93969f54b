// The breakdown by 细分类 (rollup dim 'subcategory') came after matters could carry one: on the first
// start after the upgrade, the matters that have one get their contributions to that breakdown alone
// (src/analytics/rollup.ts), in chunks of one transaction each. Runs under the startup lock; there is
// nothing to do once any row of the breakdown exists, or while no matter has a 细分类.
import { and, asc, gt, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { cases } from '../db/schema.ts';
import { rollupCases } from './rollup.ts';

const CHUNK = 2_000;

export async function backfillSubcategoryRollups(db: Executor): Promise<number> {
  const res = (await db.execute(sql`SELECT
      EXISTS (SELECT 1 FROM cases WHERE subcategory_code IS NOT NULL) AS "some",
      EXISTS (SELECT 1 FROM stats_monthly WHERE dim = 'subcategory') AS "done"`)) as unknown as {
    rows: { some: boolean; done: boolean }[];
  };
  const state = res.rows[0];
  if (!state?.some || state.done) return 0;
  let n = 0;
  let after = 0;
  for (;;) {
    const ids = (
      await db
        .select({ id: cases.id })
        .from(cases)
        .where(and(isNotNull(cases.subcategoryCode), gt(cases.id, after)))
        .orderBy(asc(cases.id))
        .limit(CHUNK)
    ).map((r) => r.id);
    if (ids.length === 0) return n;
    await db.transaction((tx) => rollupCases(tx, { ids }, { dims: ['subcategory'] }));
    n += ids.length;
    after = ids[ids.length - 1] as number;
  }
}
