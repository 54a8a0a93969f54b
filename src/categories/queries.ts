// The category dictionary as of a version (the latest when none is given): for each code, its row
// with the highest version not above it. Rows are never changed, so an old version reads as it was.
import { and, asc, desc, eq, lte, max } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { categoryEntries, users } from '../db/schema.ts';

export interface EntryView {
  code: string;
  parentCode: string;
  level: number;
  name: string;
  retired: boolean;
  version: number;
  changedAt: string;
}

export async function currentVersion(db: Executor): Promise<number> {
  const [row] = await db.select({ v: max(categoryEntries.version) }).from(categoryEntries);
  return row?.v ?? 0;
}

export async function dictionaryAt(
  db: Executor,
  version?: number,
): Promise<{ version: number; entries: EntryView[] }> {
  const v = version ?? (await currentVersion(db));
  const latest = db
    .select({ code: categoryEntries.code, v: max(categoryEntries.version).as('v') })
    .from(categoryEntries)
    .where(lte(categoryEntries.version, v))
    .groupBy(categoryEntries.code)
    .as('latest');
  const rows = await db
    .select({ e: categoryEntries })
    .from(categoryEntries)
    .innerJoin(latest, and(eq(latest.code, categoryEntries.code), eq(latest.v, categoryEntries.version)))
    .orderBy(asc(categoryEntries.code));
  return { version: v, entries: rows.map((r) => view(r.e)) };
}

export async function historyOf(db: Executor, code: string) {
  const rows = await db
    .select({ e: categoryEntries, by: users.displayName })
    .from(categoryEntries)
    .innerJoin(users, eq(users.id, categoryEntries.changedBy))
    .where(eq(categoryEntries.code, code))
    .orderBy(desc(categoryEntries.version));
  return rows.map((r) => ({ ...view(r.e), changedBy: r.by }));
}

function view(e: typeof categoryEntries.$inferSelect): EntryView {
  return {
    code: e.code,
    parentCode: e.parentCode,
    level: e.level,
    name: e.name,
    retired: e.retired,
    version: e.version,
    changedAt: e.changedAt.toISOString(),
  };
}
