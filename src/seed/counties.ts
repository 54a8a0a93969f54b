// The places synthetic cases are spread over: every county-level jurisdiction of Jiangsu with its
// towns (for texts, and their codes), its petition bureau and departments, the bureaus above it and its time limits.
import type { Executor } from '../db/client.ts';
import { jurisdictions, units } from '../db/schema.ts';
import type { Limits } from '../domain/lifecycle/limits.ts';
import { limitsFor } from '../settings/limits.ts';
import type { CountyUnits, UnitInfo } from './timeline.ts';

export interface County {
  code: string;
  name: string;
  towns: string[];
  /** Town (乡镇、街道) name → its code. */
  townCodes: ReadonlyMap<string, string>;
  units: CountyUnits;
  limits: Limits;
}

/** Counties by city (4-digit prefix), in code order. */
export async function loadCounties(db: Executor): Promise<Map<string, County[]>> {
  const places = await db
    .select({
      code: jurisdictions.code,
      name: jurisdictions.name,
      level: jurisdictions.level,
      parent: jurisdictions.parentCode,
    })
    .from(jurisdictions);
  const unitRows = await db
    .select({ id: units.id, name: units.name, code: units.jurisdictionCode, dept: units.deptKey })
    .from(units);
  const byPlace = new Map<string, Map<string, UnitInfo>>();
  for (const u of unitRows) {
    if (u.code.length !== 6) continue;
    let m = byPlace.get(u.code);
    if (!m) {
      m = new Map();
      byPlace.set(u.code, m);
    }
    m.set(u.dept, { id: u.id, name: u.name });
  }
  const bureauOf = (code: string) => {
    const b = byPlace.get(code)?.get('xinfang');
    if (!b) throw new Error(`no petition bureau for ${code}`);
    return b;
  };
  const towns = new Map<string, string[]>();
  const townCodes = new Map<string, Map<string, string>>();
  for (const p of places) {
    if (p.level !== 4 || !p.parent) continue;
    towns.set(p.parent, [...(towns.get(p.parent) ?? []), p.name]);
    const codes = townCodes.get(p.parent) ?? new Map<string, string>();
    codes.set(p.name, p.code);
    townCodes.set(p.parent, codes);
  }
  const byCity = new Map<string, County[]>();
  for (const p of places.filter((p) => p.level === 3).sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const city = p.code.slice(0, 4);
    const county: County = {
      code: p.code,
      name: p.name,
      towns: towns.get(p.code) ?? [],
      townCodes: townCodes.get(p.code) ?? new Map(),
      units: {
        bureau: bureauOf(p.code),
        depts: byPlace.get(p.code) ?? new Map(),
        city: bureauOf(`${city}00`),
        province: bureauOf('320000'),
      },
      limits: await limitsFor(db, p.code),
    };
    byCity.set(city, [...(byCity.get(city) ?? []), county]);
  }
  return byCity;
}
