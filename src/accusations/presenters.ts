// The accused as staff see them: the person's name in full for those who see the parties in full
// (registrar, handler, reviewer), masked for the others (accusationPolicy.viewName decides `full`).
// Pure: the name arrives decrypted from queries.ts.
import { maskName } from '../domain/masking.ts';
import type { AccusedItem } from './contract.ts';
import type { AccusedRow } from './queries.ts';

export function presentAccused(r: AccusedRow, full: boolean): AccusedItem {
  const name = r.personName;
  return {
    id: r.id,
    personName: name === null ? null : full ? name : maskName(name),
    position: r.position,
    unitId: r.unitId,
    unitName: r.unitName,
    recordedAt: r.recordedAt.toISOString(),
  };
}
