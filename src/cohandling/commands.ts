// 会办意见: a co-handling unit files (or amends, until the lead replies) its part of a co-handled
// matter. One transaction, one audit row.
import { and, eq } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { caseCohandlingUnits, cases } from '../db/schema.ts';
import { conflict } from '../errors.ts';
import { cohandlingPolicy } from '../policies/cohandling.ts';
import { type Actor, casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';

/** While the lead unit handles the matter, the co-units' parts may be filed. */
const FILING_STATES = ['handling', 'extension_pending'];

export async function fileFeedback(ctx: AppContext, actor: Actor, caseId: number, feedback: string) {
  await runCommand(ctx, async (w) => {
    const [c] = await w.tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
    ensureReadable(c !== undefined && casePolicy.read(actor, c));
    if (!c || actor.unitId === null) return;
    ensureAllowed(cohandlingPolicy.file(actor, c), '只有会办单位可以反馈会办意见');
    if (!FILING_STATES.includes(c.state))
      throw conflict('cohandling_closed', '牵头单位已出具处理意见，会办意见不能再提交');
    await w.tx
      .update(caseCohandlingUnits)
      .set({ feedback, feedbackBy: actor.userId, feedbackAt: new Date() })
      .where(and(eq(caseCohandlingUnits.caseId, caseId), eq(caseCohandlingUnits.unitId, actor.unitId)));
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'case.cohandling_feedback',
      entity: 'case',
      entityId: String(caseId),
      summary: { unitId: actor.unitId },
    });
  });
}
