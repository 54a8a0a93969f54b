// 积案 flagging: 提请认定 (a candidate proposed), 排除, 认定 or 不予认定 by the bureau above, and
// 撤销标识 (asked, approved or refused). 认定 and 撤销 set or clear the case's backlog flag.
import { eq } from 'drizzle-orm';
import { UnitLookup } from '../cases/units.ts';
import type { Work } from '../commands/command.ts';
import { cases } from '../db/schema.ts';
import { LEVEL_NAMES } from '../domain/backlog/states.ts';
import { AppError, forbidden } from '../errors.ts';
import type { Actor } from '../policies/backlog.ts';
import type { ActionInput, ProposalInput } from './commands.ts';
import { checkDeadline, checkUnit, type EventDetail, type MatterStep } from './matterStep.ts';

type FlaggingInput = Extract<
  ActionInput,
  {
    action:
      | 'propose'
      | 'dismiss'
      | 'approve'
      | 'reject'
      | 'request_unflag'
      | 'approve_unflag'
      | 'reject_unflag';
  }
>;

async function approvingUnitOf(w: Work, actor: Actor): Promise<number> {
  const lookup = new UnitLookup(w.ctx.db);
  const own = await lookup.unit(w.tx, actor.unitId);
  const upper = own ? await lookup.upperBureau(w.tx, own) : undefined;
  if (!upper) throw new AppError(409, 'backlog_no_upper_bureau', '未找到上一级信访部门');
  return upper.id;
}

/** A proposal (提请认定): checked, then what it records — on a new matter or on a system candidate. */
export async function proposalOf(
  w: Work,
  actor: Actor,
  input: ProposalInput,
  jurisdictionCode: string,
  now: Date,
) {
  await checkUnit(w, input.responsibleUnitId, jurisdictionCode, 'responsibleUnitId');
  checkDeadline(input.deadline, now);
  return {
    reason: input.reason,
    level: input.level,
    responsibleUnitId: input.responsibleUnitId,
    deadline: input.deadline,
    proposingUnitId: actor.unitId,
    approvingUnitId: await approvingUnitOf(w, actor),
    proposedBy: actor.userId,
    proposedAt: now,
  };
}

async function setCaseFlag(w: Work, caseId: number, backlog: boolean, at: Date) {
  await w.tx.update(cases).set({ backlog, updatedAt: at }).where(eq(cases.id, caseId));
}

export async function flaggingStep(s: MatterStep, input: FlaggingInput): Promise<EventDetail> {
  const { w, actor, m, now, patch, addNote } = s;
  let eventDetail: EventDetail = null;
  switch (input.action) {
    case 'propose': {
      Object.assign(patch, await proposalOf(w, actor, input, m.jurisdictionCode, now));
      addNote(input.reason);
      eventDetail = { reason: input.reason, level: LEVEL_NAMES[input.level] };
      break;
    }
    case 'dismiss':
      addNote(input.note);
      patch.endedAt = now;
      break;
    case 'approve': {
      if (m.proposedBy === actor.userId) throw forbidden('提请人不能认定自己提请的积案');
      if (input.responsibleUnitId !== undefined) {
        await checkUnit(w, input.responsibleUnitId, m.jurisdictionCode, 'responsibleUnitId');
        patch.responsibleUnitId = input.responsibleUnitId;
      }
      if (input.deadline !== undefined) {
        checkDeadline(input.deadline, now);
        patch.deadline = input.deadline;
      }
      if (input.level !== undefined) patch.level = input.level;
      Object.assign(patch, { identifiedBy: actor.userId, identifiedAt: now });
      addNote(input.note);
      const unit = await new UnitLookup(w.ctx.db).unit(w.tx, patch.responsibleUnitId ?? m.responsibleUnitId);
      eventDetail = {
        note: input.note,
        level: LEVEL_NAMES[(patch.level ?? m.level) as keyof typeof LEVEL_NAMES],
        unit: unit?.name,
        deadline: patch.deadline ?? m.deadline,
      };
      await setCaseFlag(w, m.caseId, true, now);
      break;
    }
    case 'reject':
    case 'reject_unflag':
    case 'request_unflag':
      addNote(input.note);
      if (input.action === 'reject') patch.endedAt = now;
      eventDetail = { note: input.note };
      break;
    case 'approve_unflag':
      patch.endedAt = now;
      addNote(input.note);
      eventDetail = { note: input.note };
      await setCaseFlag(w, m.caseId, false, now);
      break;
  }
  return eventDetail;
}
