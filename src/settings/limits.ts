// Per-jurisdiction settings: a value set for a jurisdiction applies to its whole subtree unless a
// lower jurisdiction sets its own. Defaults are the law's (src/domain/lifecycle/limits.ts).
import { inArray } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { settings } from '../db/schema.ts';
import { chainOf } from '../domain/jurisdictions.ts';
import { DEFAULT_LIMITS, type Limits } from '../domain/lifecycle/limits.ts';
import { settingsRows } from './cache.ts';

type SettingRow = Pick<typeof settings.$inferSelect, 'jurisdictionCode' | 'key' | 'value'>;

function limitsFromRows(rows: readonly SettingRow[]): Limits {
  if (rows.length === 0) return DEFAULT_LIMITS;
  const limits: Limits = structuredClone(DEFAULT_LIMITS);
  const sorted = [...rows].sort(
    (a, b) =>
      a.jurisdictionCode.length - b.jurisdictionCode.length ||
      (a.jurisdictionCode < b.jurisdictionCode ? -1 : 1),
  );
  for (const r of sorted.filter((r) => r.key === 'limits')) {
    const v = r.value as Partial<Limits>;
    Object.assign(limits.clocks, v.clocks ?? {});
    for (const k of ['maxExtensionDays', 'nearDueDays', 'maxRepresentatives', 'groupVisitSize'] as const) {
      if (typeof v[k] === 'number') limits[k] = v[k];
    }
  }
  return limits;
}

/** The limits in force for a jurisdiction, read from the database now. */
export async function limitsFor(db: Executor, jurisdictionCode: string): Promise<Limits> {
  const chain = chainOf(jurisdictionCode);
  return limitsFromRows(await db.select().from(settings).where(inArray(settings.jurisdictionCode, chain)));
}

/**
 * The same from the in-process settings cache of `db` (src/settings/cache.ts): for the hot paths
 * (intake, every lifecycle action). `exec` runs the query on a miss (pass the open transaction).
 */
export async function cachedLimitsFor(db: Db, exec: Executor, jurisdictionCode: string): Promise<Limits> {
  const chain = new Set(chainOf(jurisdictionCode));
  const rows = await settingsRows(db, exec);
  return limitsFromRows(rows.filter((r) => chain.has(r.jurisdictionCode)));
}
