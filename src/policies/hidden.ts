// 回避 (issue 11 item 7): a matter is never shown to a unit it must be kept from — the accused unit
// (被反映单位) of an accusation (检举控告). The rule every case read and every case query obeys: the
// row check for one case (`hiddenFrom`) and the WHERE condition for lists (`notHiddenFrom`), both
// read `cases.hidden_from_unit_ids` (kept by src/accusations). Used by casePolicy and caseScope.
import { type SQL, sql } from 'drizzle-orm';
import { cases } from '../db/schema.ts';
import type { Actor } from './actor.ts';

/** Is this matter kept from the actor's unit? */
export function hiddenFrom(
  a: Pick<Actor, 'unitId'>,
  c: { hiddenFromUnitIds?: readonly number[] | null },
): boolean {
  return a.unitId !== null && (c.hiddenFromUnitIds ?? []).includes(a.unitId);
}

/** WHERE condition: matters not kept from this unit (an empty array keeps from none). */
export function notHiddenFrom(unitId: number): SQL {
  return sql`not (${unitId}::integer = any(${cases.hiddenFromUnitIds}))`;
}

/** May this unit hold the matter (be its current, responsible, bureau or review unit)? */
export function mayHold(
  unitId: number | null | undefined,
  c: { hiddenFromUnitIds?: readonly number[] | null },
): boolean {
  return unitId == null || !(c.hiddenFromUnitIds ?? []).includes(unitId);
}
