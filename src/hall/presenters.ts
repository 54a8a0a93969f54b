// What the hall's API returns: a visit (names in full for counter staff, masked for the rest), the
// visitor's history, the display and the roster — as zod schemas for the OpenAPI document.
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { hallVisits } from '../db/schema.ts';
import { queueLabel, VISIT_STATUS_NAMES, type VisitStatus } from '../domain/hall/queue.ts';
import { maskIdNumber, maskName } from '../domain/masking.ts';
import type { Actor } from '../policies/actor.ts';
import { hallPolicy } from '../policies/hall.ts';

export const VisitOut = z.object({
  id: z.number(),
  day: z.string(),
  queueNo: z.number(),
  queueLabel: z.string(),
  name: z.string(),
  idNumber: z.string().nullable(),
  visitors: z.number(),
  representatives: z.array(z.string()),
  purpose: z.string(),
  status: z.string(),
  statusName: z.string(),
  counter: z.string().nullable(),
  calledAt: z.string().nullable(),
  registeredAt: z.string(),
  caseId: z.number().nullable(),
});

export const HistoryOut = z.object({
  idNumber: z.string(),
  matters: z.array(
    z.object({
      id: z.number(),
      caseNumber: z.string(),
      subject: z.string(),
      state: z.string(),
      stateName: z.string(),
      receivedAt: z.string(),
      role: z.string(),
    }),
  ),
  visits: z.array(
    z.object({
      id: z.number(),
      day: z.string(),
      queueLabel: z.string(),
      purpose: z.string(),
      status: z.string(),
      caseId: z.number().nullable(),
    }),
  ),
});

export const DisplayOut = z.object({
  hall: z.string(),
  day: z.string(),
  called: z.array(
    z.object({
      queueLabel: z.string(),
      name: z.string(),
      counter: z.string(),
      calledAt: z.string(),
      status: z.string(),
    }),
  ),
  waiting: z.number(),
  nextUp: z.array(z.string()),
});

export const DutyOut = z.object({
  id: z.number(),
  day: z.string(),
  lawyerName: z.string(),
  firm: z.string(),
  specialty: z.string().nullable(),
  consultations: z.number(),
});

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
