// The places and bureaus an import needs, read once: the source names a place by code (320106),
// full name (江苏省南京市鼓楼区 or 南京市鼓楼区) or, when no other place has it, short name (鼓楼区).
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { jurisdictions, units } from '../db/schema.ts';

export interface Bureau {
  id: number;
  name: string;
  jurisdictionCode: string;
}

export interface PlaceBook {
  place(value: string): string | undefined;
  /** The bureau that registers a matter of this place: the place's own, else the nearest above. */
  bureauOf(code: string): Bureau | undefined;
}

export async function loadPlaces(exec: Executor): Promise<PlaceBook> {
  const rows = await exec
    .select({
      code: jurisdictions.code,
      name: jurisdictions.name,
      fullName: jurisdictions.fullName,
      parentCode: jurisdictions.parentCode,
      level: jurisdictions.level,
    })
    .from(jurisdictions);
  const bureaus = await exec
    .select({
      id: units.id,
      name: units.name,
      jurisdictionCode: units.jurisdictionCode,
      retiredAt: units.retiredAt,
    })
    .from(units)
    .where(eq(units.kind, 'bureau'));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const byName = new Map<string, string | null>();
  const add = (key: string, code: string, unique = true) => {
    const k = key.replace(/\s+/g, '');
    if (!k) return;
    const had = byName.get(k);
    // A short name two places share (鼓楼区 in 南京 and 徐州) names neither.
    byName.set(k, had !== undefined && had !== code && unique ? null : code);
  };
  for (const r of rows) {
    add(r.fullName, r.code);
    const province = r.fullName.match(/^.+?(省|自治区|市)/)?.[0];
    if (province && r.level > 1) add(r.fullName.slice(province.length), r.code);
    add(r.name, r.code);
  }
  const bureauByPlace = new Map(
    bureaus
      .filter((b) => !b.retiredAt)
      .map((b) => [b.jurisdictionCode, { id: b.id, name: b.name, jurisdictionCode: b.jurisdictionCode }]),
  );
  return {
    place(value) {
      const v = value.replace(/\s+/g, '');
      if (byCode.has(v)) return v;
      return byName.get(v) ?? undefined;
    },
    bureauOf(code) {
      // Towns (9 digits) have no bureau: their county's registers (as for online petitions).
      for (let c: string | null | undefined = code; c; c = byCode.get(c)?.parentCode) {
        const b = bureauByPlace.get(c);
        if (b) return b;
      }
      return undefined;
    },
  };
}
