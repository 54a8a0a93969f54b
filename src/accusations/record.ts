// Recording the accused of a matter (被反映人/被反映单位), at registration or later: inside the
// caller's transaction, one row per accused and the matter kept from the accused units (回避).
import { eq } from 'drizzle-orm';
import type { CaseRow } from '../cases/units.ts';
import { UnitLookup } from '../cases/units.ts';
import type { Work } from '../commands/command.ts';
import { caseAccused, cases } from '../db/schema.ts';
import {
  ACCUSED_HOLDER_MESSAGE,
  ACCUSED_REGISTRAR_MESSAGE,
  type AccusedInput,
  accusedRefusal,
  keptFrom,
} from '../domain/accusations.ts';
import { badRequest } from '../errors.ts';
import { accusationPolicy } from '../policies/accusations.ts';
import type { Actor } from '../policies/index.ts';

export async function recordAccused(
  w: Work,
  actor: Actor | null,
  c: CaseRow,
  accused: readonly AccusedInput[],
  opts: { atIntake: boolean },
): Promise<CaseRow> {
  const refusal = accusedRefusal(c.purpose, accused);
  if (refusal) throw badRequest(refusal.code, refusal.message, 'accused');
  if (accused.length === 0) return c;
  const lookup = new UnitLookup(w.ctx.db);
  const ids = accused.flatMap((a) => (a.unitId ? [a.unitId] : []));
  const found = await lookup.units(w.tx, ids);
  if (found.length !== new Set(ids).size)
    throw badRequest('unknown_unit', '被反映单位不存在，请从单位列表中选择', 'accused');
  const hidden = keptFrom(accused, c.hiddenFromUnitIds);
  const kept = { ...c, hiddenFromUnitIds: hidden };
  if (opts.atIntake && hidden.includes(c.registeringUnitId))
    throw badRequest('accused_is_registrar', ACCUSED_REGISTRAR_MESSAGE, 'accused');
  if (!accusationPolicy.holdersAllowed(kept))
    throw badRequest('accused_is_holder', ACCUSED_HOLDER_MESSAGE, 'accused');
  const names = new Map(found.map((u) => [u.id, u.name]));
  const now = new Date();
  await w.tx.insert(caseAccused).values(
    accused.map((a) => ({
      caseId: c.id,
      personNameEnc: a.personName ? w.ctx.pii.encrypt(a.personName) : null,
      position: a.position ?? null,
      unitId: a.unitId ?? null,
      unitName: a.unitId ? (names.get(a.unitId) ?? null) : (a.unitName ?? null),
      recordedBy: actor && actor.userId > 0 ? actor.userId : null,
      recordedAt: now,
    })),
  );
  const [row] = await w.tx
    .update(cases)
    .set({ hiddenFromUnitIds: hidden })
    .where(eq(cases.id, c.id))
    .returning();
  return row ?? kept;
}
