// 销号: the seven standards (evidence by one person, signed off by another), the request to close
// once all are met, and the bureau's approval or return.
import { and, eq } from 'drizzle-orm';
import { backlogChecks } from '../db/schema.ts';
import { isStandard, standardName, unmetStandards } from '../domain/backlog/standards.ts';
import { conflict, forbidden } from '../errors.ts';
import type { ActionInput } from './commands.ts';
import type { EventDetail, MatterStep } from './matterStep.ts';

type ClosingInput = Extract<
  ActionInput,
  { action: 'record_evidence' | 'sign_standard' | 'request_close' | 'approve_close' | 'return_close' }
>;

export async function closingStep(s: MatterStep, input: ClosingInput): Promise<EventDetail> {
  const { w, actor, m, now, patch, addNote } = s;
  const tx = w.tx;
  let eventDetail: EventDetail = null;
  switch (input.action) {
    case 'record_evidence': {
      // New evidence needs a new sign-off.
      const values = {
        evidence: input.evidence,
        evidenceBy: actor.userId,
        evidenceAt: now,
        signedBy: null,
        signedAt: null,
      };
      await tx
        .insert(backlogChecks)
        .values({ matterId: m.id, standard: input.standard, ...values })
        .onConflictDoUpdate({ target: [backlogChecks.matterId, backlogChecks.standard], set: values });
      break;
    }
    case 'sign_standard': {
      const [check] = await tx
        .select()
        .from(backlogChecks)
        .where(and(eq(backlogChecks.matterId, m.id), eq(backlogChecks.standard, input.standard)))
        .for('update');
      const name = isStandard(input.standard) ? standardName(input.standard) : input.standard;
      if (!check) throw conflict('backlog_no_evidence', `“${name}”尚无佐证材料，不能签字`);
      if (check.signedAt) throw conflict('backlog_already_signed', `“${name}”已审核签字`);
      if (check.evidenceBy === actor.userId) throw forbidden('佐证材料须由他人审核签字');
      await tx
        .update(backlogChecks)
        .set({ signedBy: actor.userId, signedAt: now })
        .where(and(eq(backlogChecks.matterId, m.id), eq(backlogChecks.standard, input.standard)));
      break;
    }
    case 'request_close': {
      const checks = await tx.select().from(backlogChecks).where(eq(backlogChecks.matterId, m.id));
      const unmet = unmetStandards(
        checks.map((c) => ({ standard: c.standard, evidence: c.evidence, signed: c.signedAt !== null })),
      );
      if (unmet.length)
        throw conflict(
          'backlog_standards_unmet',
          `七条标准尚未全部达到（缺佐证或审核签字）：${unmet.map(standardName).join('、')}`,
        );
      addNote(input.note);
      eventDetail = { note: input.note };
      break;
    }
    case 'approve_close':
      Object.assign(patch, { resolvedBy: actor.userId, resolvedAt: now, endedAt: now });
      addNote(input.note);
      eventDetail = { note: input.note };
      break;
    case 'return_close':
      addNote(input.note);
      eventDetail = { note: input.note };
      break;
  }
  return eventDetail;
}
