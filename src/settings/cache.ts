// The settings table (time limits per jurisdiction, SMS templates) held in memory for the hot paths:
// every intake and lifecycle action needs the limits and most send an SMS, and the table changes a
// few times a year. Invalidated by this process after each committed change (settings routes);
// changes made elsewhere (another API node on the same PostgreSQL, psql) are seen within the TTL.
import type { Db, Executor } from '../db/client.ts';
import { perDatabase, TtlCache } from '../db/memo.ts';
import { settings } from '../db/schema.ts';

export const SETTINGS_CACHE_TTL_MS = 5_000;

export type CachedSetting = Pick<typeof settings.$inferSelect, 'jurisdictionCode' | 'key' | 'value'>;

const cacheOf = perDatabase(() => new TtlCache<'all', readonly CachedSetting[]>(SETTINGS_CACHE_TTL_MS));

/** Every settings row (a small table: at most a few keys per jurisdiction). */
export function settingsRows(db: Db, exec: Executor): Promise<readonly CachedSetting[]> {
  return cacheOf(db)
    .get('all', () =>
      exec
        .select({ jurisdictionCode: settings.jurisdictionCode, key: settings.key, value: settings.value })
        .from(settings),
    )
    .then((rows) => rows ?? []);
}

/** Call after a transaction that changed `settings` has committed. */
export function invalidateSettings(db: Db): void {
  cacheOf(db).invalidate();
}
