// Units a case moves between: loading one, and the bureau one level up (复查/复核机关).
//
// Units and jurisdictions change rarely (bootstrap; an administrator's rename or retirement,
// src/orgs/units.ts, which clears these caches after it commits, in every process on the database:
// src/db/cacheBus.ts), so found rows are kept in memory per database (src/db/memo.ts) for
// UNITS_CACHE_TTL_MS; misses always go to the database, so units added later are found at once,
// and an edit made with psql is seen within the TTL.
import { and, eq, inArray } from 'drizzle-orm';
import { changed, onChange } from '../db/cacheBus.ts';
import type { Db, Executor } from '../db/client.ts';
import { perDatabase, TtlCache } from '../db/memo.ts';
import { type cases, jurisdictions, units } from '../db/schema.ts';

export type CaseRow = typeof cases.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type JurisdictionRow = typeof jurisdictions.$inferSelect;

export const UNITS_CACHE_TTL_MS = 60_000;

const cachesOf = perDatabase((db) => {
  const c = {
    unitById: new TtlCache<number, UnitRow>(UNITS_CACHE_TTL_MS),
    bureauOf: new TtlCache<string, UnitRow>(UNITS_CACHE_TTL_MS),
    jurisdiction: new TtlCache<string, JurisdictionRow>(UNITS_CACHE_TTL_MS),
  };
  onChange(db, 'units', () => {
    c.unitById.invalidate();
    c.bureauOf.invalidate();
    c.jurisdiction.invalidate();
  });
  return c;
});

/** After a unit changed (src/orgs/units.ts): every process on the database reads units again. */
export function clearUnitCaches(db: Db): void {
  changed(db, 'units');
}

/**
 * Cached lookups of units and jurisdictions for one database (`ctx.db`); each takes the executor
 * that runs the query on a miss (inside a transaction, the transaction: PGlite has one connection).
 */
export class UnitLookup {
  private readonly c: ReturnType<typeof cachesOf>;
  constructor(db: Db) {
    this.c = cachesOf(db);
  }

  unit(exec: Executor, id: number | null | undefined): Promise<UnitRow | undefined> {
    if (id == null) return Promise.resolve(undefined);
    return this.c.unitById.get(id, async () => (await exec.select().from(units).where(eq(units.id, id)))[0]);
  }

  /** Several units by id (unknown ids are left out). */
  async units(exec: Executor, ids: readonly number[]): Promise<UnitRow[]> {
    const wanted = [...new Set(ids)];
    const found = new Map<number, UnitRow>();
    const missing: number[] = [];
    for (const id of wanted) {
      const hit = this.c.unitById.peek(id);
      if (hit) found.set(id, hit);
      else missing.push(id);
    }
    if (missing.length) {
      const rows = await exec.select().from(units).where(inArray(units.id, missing));
      for (const r of rows) found.set(r.id, r);
      // Store them (each `get` resolves at once from the row just read).
      await Promise.all(rows.map((r) => this.c.unitById.get(r.id, async () => r)));
    }
    return wanted.flatMap((id) => found.get(id) ?? []);
  }

  /** Names of several jurisdictions by code, one query for the ones not cached (lists, exports). */
  async jurisdictionNames(exec: Executor, codes: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const missing: string[] = [];
    for (const code of new Set(codes)) {
      const hit = this.c.jurisdiction.peek(code);
      if (hit) names.set(code, hit.name);
      else missing.push(code);
    }
    if (missing.length) {
      const rows = await exec.select().from(jurisdictions).where(inArray(jurisdictions.code, missing));
      for (const r of rows) names.set(r.code, r.name);
      await Promise.all(rows.map((r) => this.c.jurisdiction.get(r.code, async () => r)));
    }
    return names;
  }

  jurisdiction(exec: Executor, code: string): Promise<JurisdictionRow | undefined> {
    return this.c.jurisdiction.get(
      code,
      async () => (await exec.select().from(jurisdictions).where(eq(jurisdictions.code, code)))[0],
    );
  }

  /** The petition bureau (信访局/信访办) of a jurisdiction. */
  bureauOf(exec: Executor, jurisdictionCode: string): Promise<UnitRow | undefined> {
    return this.c.bureauOf.get(
      jurisdictionCode,
      async () =>
        (
          await exec
            .select()
            .from(units)
            .where(and(eq(units.jurisdictionCode, jurisdictionCode), eq(units.kind, 'bureau')))
        )[0],
    );
  }

  /** The petition bureau one level above a unit's jurisdiction (复查/复核机关); the province reviews itself. */
  async upperBureau(exec: Executor, unit: UnitRow): Promise<UnitRow | undefined> {
    const j = await this.jurisdiction(exec, unit.jurisdictionCode);
    return this.bureauOf(exec, j?.parentCode ?? unit.jurisdictionCode);
  }
}
