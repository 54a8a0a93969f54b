// Loads the reference data every installation needs: jurisdictions and their units.
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { jurisdictions, units } from '../db/schema.ts';
import { BUREAU, DEPARTMENTS, TOWN_OFFICE_NAME } from './departments.ts';
import { type Division, loadJiangsuDivisions } from './divisions.ts';

type UnitRow = typeof units.$inferInsert;

export function unitsFor(d: Division): UnitRow[] {
  if (d.level === 4) {
    return [
      {
        jurisdictionCode: d.code,
        kind: 'bureau',
        deptKey: BUREAU.key,
        name: d.name + TOWN_OFFICE_NAME,
        shortName: TOWN_OFFICE_NAME,
      },
    ];
  }
  const defs = [BUREAU, ...DEPARTMENTS];
  return defs.flatMap((def) => {
    const suffix = d.level === 1 ? def.province : def.local;
    if (!suffix) return [];
    return [
      {
        jurisdictionCode: d.code,
        kind: def === BUREAU ? 'bureau' : 'department',
        deptKey: def.key,
        name: d.name + suffix,
        shortName: def.short,
      },
    ];
  });
}

/** Inserts jurisdictions and units once (multi-row inserts: PGlite is slow per statement). */
export async function bootstrapOrgs(tx: Executor): Promise<{ jurisdictions: number; units: number }> {
  const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(jurisdictions)) as [{ n: number }];
  if (n > 0) return { jurisdictions: 0, units: 0 };
  const divisions = loadJiangsuDivisions();
  for (let i = 0; i < divisions.length; i += 500) {
    await tx.insert(jurisdictions).values(divisions.slice(i, i + 500));
  }
  const unitRows = divisions.flatMap(unitsFor);
  for (let i = 0; i < unitRows.length; i += 500) {
    await tx.insert(units).values(unitRows.slice(i, i + 500));
  }
  return { jurisdictions: divisions.length, units: unitRows.length };
}
