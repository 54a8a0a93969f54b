// Commands of 检举控告: recording an accused party on a matter already registered (one transaction,
// one audit row). Refusals: not visible 404, not the holder or bureau in charge 403, bad input 400
// (an accused unit that holds the matter, a matter not of purpose 揭发控告) — nothing is stored.
import { eq } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { cases } from '../db/schema.ts';
import type { AccusedInput } from '../domain/accusations.ts';
import { accusationPolicy } from '../policies/accusations.ts';
import { type Actor, casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { recordAccused } from './record.ts';

export async function addAccused(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
  accused: AccusedInput[],
): Promise<void> {
  await runCommand(ctx, async (w) => {
    const [c] = await w.tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
    ensureReadable(c !== undefined && casePolicy.read(actor, c));
    if (!c) return;
    ensureAllowed(accusationPolicy.record(actor, c), '只有承办单位或负责的信访部门可以补录被反映人');
    await recordAccused(w, actor, c, accused, { atIntake: false });
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'case.accused_recorded',
      entity: 'case',
      entityId: String(caseId),
      summary: { count: accused.length, units: accused.flatMap((a) => (a.unitId ? [a.unitId] : [])) },
    });
  });
}
