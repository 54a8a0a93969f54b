// The internal timeline event of a step of 部门联动 on a case (referral, 信访救助, 跨省协作), and the
// audit row of every step. Shared by src/linkage and src/relief.
import type { Work } from '../commands/command.ts';
import { caseEvents } from '../db/schema.ts';
import { LINKAGE_EVENTS, type LinkageStep } from '../domain/linkage/timeline.ts';
import type { Actor } from '../policies/actor.ts';

export async function linkageCaseEvent(
  w: Work,
  actor: Actor,
  caseId: number,
  step: LinkageStep,
  at: Date,
  detail: Record<string, unknown>,
) {
  await w.tx.insert(caseEvents).values({
    caseId,
    at,
    action: LINKAGE_EVENTS[step].event,
    actorUserId: actor.userId,
    actorRole: actor.role,
    actorUnitId: actor.unitId,
    detail,
    public: false,
  });
}

export function auditLinkage(
  w: Work,
  actor: Actor,
  entity: string,
  action: string,
  id: number,
  summary: Record<string, unknown>,
) {
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `${entity}.${action}`,
    entity,
    entityId: id,
    summary,
  });
}

/** An Asia/Shanghai calendar date of an instant. */
export const dateOf = (d: Date | null) =>
  d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : null;
