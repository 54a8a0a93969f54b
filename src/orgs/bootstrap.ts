// Loads the reference data every installation needs: jurisdictions and their units.
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { jurisdictions, units } from '../db/schema.ts';
import { BUREAU, DEPARTMENTS, ORGANS, TOWN_OFFICE_NAME } from './departments.ts';
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
  const departments = defs.flatMap((def) => {
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
  return [...departments, ...organsFor(d)];
}

/** 纪委监委, 人大, 政法委, 法院, 检察院 of a province, city or county (none for towns). */
export function organsFor(d: Division): UnitRow[] {
  if (d.level > 3) return [];
  return ORGANS.map((o) => ({
    jurisdictionCode: d.code,
    kind: 'department',
    deptKey: o.key,
    name: d.name + o.names[d.level - 1],
    shortName: o.short,
  }));
}

/** Inserts jurisdictions and units once (multi-row inserts: PGlite is slow per statement). */
export async function bootstrapOrgs(tx: Executor): Promise<{ jurisdictions: number; units: number }> {
  const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(jurisdictions)) as [{ n: number }];
  if (n > 0) return { jurisdictions: 0, units: await ensureOrgans(tx) };
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

/** An installation bootstrapped before the organs existed gets them once (idempotent). */
async function ensureOrgans(tx: Executor): Promise<number> {
  const [{ n }] = (await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(sql`${units.deptKey} = ${ORGANS[0]?.key}`)) as [{ n: number }];
  if (n > 0) return 0;
  const rows = loadJiangsuDivisions().flatMap(organsFor);
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(units)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  }
  return rows.length;
}
