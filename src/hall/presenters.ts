// A visit as staff see it: names and ID numbers in full for those hallPolicy.fullNames allows,
// masked for the others. Pure: the values arrive decrypted from queries.ts.
import { queueLabel, VISIT_STATUS_NAMES, type VisitStatus } from '../domain/hall/queue.ts';
import { maskIdNumber, maskName } from '../domain/masking.ts';
import type { Actor } from '../policies/actor.ts';
import { hallPolicy } from '../policies/hall.ts';
import type { PlainVisit } from './queries.ts';

export { DisplayOut, DutyOut, HistoryOut, VisitOut } from './contract.ts';

export function presentVisit(actor: Actor, v: PlainVisit) {
  const full = hallPolicy.fullNames(actor);
  const { name, idNumber: id, representatives: reps } = v;
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
