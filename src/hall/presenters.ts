import type { AppContext } from '../context.ts';
import type { hallVisits } from '../db/schema.ts';
import { queueLabel, VISIT_STATUS_NAMES, type VisitStatus } from '../domain/hall/queue.ts';
import { maskIdNumber, maskName } from '../domain/masking.ts';
import type { Actor } from '../policies/actor.ts';
import { hallPolicy } from '../policies/hall.ts';

export { DisplayOut, DutyOut, HistoryOut, VisitOut } from './contract.ts';

type VisitRow = typeof hallVisits.$inferSelect;

export function presentVisit(ctx: AppContext, actor: Actor, v: VisitRow) {
  const full = hallPolicy.fullNames(actor);
  const name = ctx.pii.decrypt(v.nameEnc);
  const id = v.idNumberEnc ? ctx.pii.decrypt(v.idNumberEnc) : null;
  const reps = v.representativesEnc
    ? (JSON.parse(ctx.pii.decrypt(v.representativesEnc)) as { name: string; idNumber?: string }[])
    : [];
  return {
    id: v.id,
    day: v.day,
    queueNo: v.queueNo,
    queueLabel: queueLabel(v.queueNo),
    name: full ? name : maskName(name),
    idNumber: id ? (full ? id : maskIdNumber(id)) : null,
    visitors: v.visitors,
    representatives: reps.map((r) => (full ? r.name : maskName(r.name))),
    purpose: v.purpose,
    status: v.status,
    statusName: VISIT_STATUS_NAMES[v.status as VisitStatus] ?? v.status,
    counter: v.counter,
    calledAt: v.calledAt?.toISOString() ?? null,
    registeredAt: v.registeredAt.toISOString(),
    caseId: v.caseId,
  };
}
