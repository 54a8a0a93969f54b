// Reads of the GB/T 2260 tree and the units of a jurisdiction (public reference data).
import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { jurisdictions, units } from '../db/schema.ts';

// Written out in full: inside the subquery an unqualified column would bind to the alias `c`.
const childCount = sql<number>`(select count(*)::int from jurisdictions c where c.parent_code = jurisdictions.code)`;
const columns = {
  code: jurisdictions.code,
  name: jurisdictions.name,
  fullName: jurisdictions.fullName,
  level: jurisdictions.level,
  parentCode: jurisdictions.parentCode,
  childCount,
};

/** The jurisdictions under `parent` (the province when absent), by code. */
export function childJurisdictions(exec: Executor, parent?: string) {
  return exec
    .select(columns)
    .from(jurisdictions)
    .where(parent ? eq(jurisdictions.parentCode, parent) : isNull(jurisdictions.parentCode))
    .orderBy(asc(jurisdictions.code));
}

/** One jurisdiction with its units (undefined when the code is unknown). */
export async function jurisdictionWithUnits(exec: Executor, code: string) {
  const [jurisdiction] = await exec.select(columns).from(jurisdictions).where(eq(jurisdictions.code, code));
  if (!jurisdiction) return undefined;
  const unitRows = await exec
    .select({
      id: units.id,
      name: units.name,
      shortName: units.shortName,
      kind: units.kind,
      deptKey: units.deptKey,
      retiredAt: units.retiredAt,
    })
    .from(units)
    .where(eq(units.jurisdictionCode, code))
    .orderBy(asc(units.id));
  return { jurisdiction, unitRows };
}

/** A unit's name (undefined for an unknown id). */
export async function unitName(exec: Executor, id: number): Promise<string | undefined> {
  const [u] = await exec.select({ name: units.name }).from(units).where(eq(units.id, id));
  return u?.name;
}

/** One jurisdiction's row (undefined for an unknown code). */
export async function jurisdictionRow(exec: Executor, code: string) {
  const [j] = await exec.select().from(jurisdictions).where(eq(jurisdictions.code, code));
  return j;
}
