// The settings table (time limits per jurisdiction, SMS templates) held in memory for the hot paths:
// every intake and lifecycle action needs the limits and most send an SMS, and the table changes a
// few times a year. Invalidated after each committed change (settings commands) in every process on
// the database (src/db/cacheBus.ts); a change made with psql is seen within the TTL.

import { changed, onChange } from '../db/cacheBus.ts';
import type { Db, Executor } from '../db/client.ts';
import { perDatabase, TtlCache } from '../db/memo.ts';
import { settings } from '../db/schema.ts';

export const SETTINGS_CACHE_TTL_MS = 5_000;

export type CachedSetting = Pick<typeof settings.$inferSelect, 'jurisdictionCode' | 'key' | 'value'>;

const cacheOf = perDatabase((db) => {
  const cache = new TtlCache<'all', readonly CachedSetting[]>(SETTINGS_CACHE_TTL_MS);
  onChange(db, 'settings', () => cache.invalidate());
  return cache;
});

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
  changed(db, 'settings');
}
