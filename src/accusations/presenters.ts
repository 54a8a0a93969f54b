// The accused as staff see them: the person's name in full for those who see the parties in full
// (registrar, handler, reviewer), masked for the others.
import { z } from 'zod';
import { maskName } from '../domain/masking.ts';
import type { Pii } from '../security/pii.ts';
import type { AccusedRow } from './queries.ts';

export const AccusedItem = z.object({
  id: z.number(),
  personName: z.string().nullable().meta({ description: '被反映人姓名（按角色脱敏）' }),
  position: z.string().nullable().meta({ description: '职务' }),
  unitId: z.number().nullable().meta({ description: '被反映单位（平台内）' }),
  unitName: z.string().nullable().meta({ description: '被反映单位名称' }),
  recordedAt: z.string(),
});

export function presentAccused(pii: Pii, r: AccusedRow, full: boolean): z.infer<typeof AccusedItem> {
  const name = r.personNameEnc ? pii.decrypt(r.personNameEnc) : null;
  return {
    id: r.id,
    personName: name === null ? null : full ? name : maskName(name),
    position: r.position,
    unitId: r.unitId,
    unitName: r.unitName,
    recordedAt: r.recordedAt.toISOString(),
  };
}
