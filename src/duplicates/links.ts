// `link_repeat` (关联重复件): a registrar links a registered case to the open matter it repeats
// (Art 19 ¶3). The repeat is not accepted (同一事项正在办理期间); the open matter counts one more
// repeat petition and shows it on its timeline, and the link is kept in case_links (both show it in
// `related`). The generic part — state, clocks, the event on this case, audit — is the engine's.
import { eq, sql } from 'drizzle-orm';
import type { Effects } from '../cases/transitions.ts';
import type { CaseRow } from '../cases/units.ts';
import type { Executor } from '../db/client.ts';
import { caseEvents, caseLinks, cases } from '../db/schema.ts';
import { type CaseState, isOpen, NON_ACCEPTANCE_REASONS } from '../domain/lifecycle/vocabulary.ts';
import { badRequest, conflict } from '../errors.ts';
import { type Actor, casePolicy } from '../policies/index.ts';

export async function linkRepeatEffects(
  tx: Executor,
  i: { c: CaseRow; actor: Actor; payload: Record<string, unknown>; now: Date },
): Promise<Effects> {
  const { c, actor, now } = i;
  const targetId = i.payload.targetCaseId as number;
  if (targetId === c.id) throw badRequest('same_case', '不能关联到本件', 'targetCaseId');
  const [target] = await tx.select().from(cases).where(eq(cases.id, targetId)).for('update');
  // Unknown and out-of-scope answer the same, so the existence of other matters does not leak.
  if (!target || !casePolicy.read(actor, target)) {
    throw badRequest('unknown_case', '要关联的信访事项不存在，或您无权查看', 'targetCaseId');
  }
  if (!isOpen(target.state as CaseState)) {
    throw conflict('target_not_open', `信访件 ${target.caseNumber} 已办结，只能关联到正在办理的事项`);
  }
  await tx
    .update(cases)
    .set({ repeatCount: sql`${cases.repeatCount} + 1`, updatedAt: now })
    .where(eq(cases.id, target.id));
  await tx.insert(caseEvents).values({
    caseId: target.id,
    at: now,
    action: 'link_repeat',
    actorUserId: actor.userId,
    actorRole: actor.role,
    actorUnitId: actor.unitId,
    detail: {
      form: c.form,
      receivedAt: c.receivedAt.toISOString(),
      repeatCaseId: c.id,
      repeatCaseNumber: c.caseNumber,
    },
    public: true,
  });
  await tx
    .insert(caseLinks)
    .values({ caseId: c.id, linkedCaseId: target.id, kind: 'repeat' })
    .onConflictDoNothing();
  const reason = NON_ACCEPTANCE_REASONS.BEING_HANDLED_SAME_MATTER;
  return {
    patch: { reasonCode: 'BEING_HANDLED_SAME_MATTER', firstTime: false, closedAt: now, currentUnitId: null },
    detail: {
      targetCaseId: target.id,
      targetCaseNumber: target.caseNumber,
      reasonCode: 'BEING_HANDLED_SAME_MATTER',
      reason: reason.name,
      basis: reason.basis,
      note: i.payload.note,
    },
    auditSummary: { targetCaseId: target.id },
  };
}
