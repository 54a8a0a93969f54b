// Reads of the reception hall: the day's queue (names in full for counter staff, masked for the
// rest), the waiting-room display (numbers and masked surnames only), the visitor's earlier matters
// and visits by the ID number typed or read (keyed hash, scoped like the case list), and the
// lawyers' duty roster.
import { and, asc, desc, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { caseParties, cases, hallVisits, lawyerConsultations, lawyerDuties, units } from '../db/schema.ts';
import { displayName, queueLabel } from '../domain/hall/queue.ts';
import { type CaseState, STATE_NAMES } from '../domain/lifecycle/vocabulary.ts';
import { maskIdNumber } from '../domain/masking.ts';
import type { Actor } from '../policies/actor.ts';
import { caseScope } from '../policies/index.ts';

export async function dayQueue(ctx: AppContext, unitId: number, day: string) {
  return ctx.db
    .select()
    .from(hallVisits)
    .where(and(eq(hallVisits.unitId, unitId), eq(hallVisits.day, day)))
    .orderBy(asc(hallVisits.queueNo));
}

/** A visit with the visitor's name, ID number and representatives decrypted (the presenter masks). */
export type PlainVisit = ReturnType<typeof plainVisit>;

function plainVisit(ctx: AppContext, v: typeof hallVisits.$inferSelect) {
  const { nameEnc, idNumberEnc, representativesEnc, ...rest } = v;
  return {
    ...rest,
    name: ctx.pii.decrypt(nameEnc),
    idNumber: idNumberEnc ? ctx.pii.decrypt(idNumberEnc) : null,
    representatives: representativesEnc
      ? (JSON.parse(ctx.pii.decrypt(representativesEnc)) as { name: string; idNumber?: string }[])
      : [],
  };
}

/** The day's queue of a hall, decrypted for the counter's list. */
export async function visitsOfDay(ctx: AppContext, unitId: number, day: string): Promise<PlainVisit[]> {
  return (await dayQueue(ctx, unitId, day)).map((v) => plainVisit(ctx, v));
}

export async function visitById(ctx: AppContext, unitId: number, id: number): Promise<PlainVisit | null> {
  const [v] = await ctx.db
    .select()
    .from(hallVisits)
    .where(and(eq(hallVisits.id, id), eq(hallVisits.unitId, unitId)));
  return v ? plainVisit(ctx, v) : null;
}

/** 候诊屏: the numbers called (latest first, with the window) and how many still wait. */
export async function display(ctx: AppContext, unitId: number, day: string) {
  const rows = await dayQueue(ctx, unitId, day);
  const [hall] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  const called = rows
    .filter((v) => v.calledAt !== null && v.status !== 'waiting')
    .sort((a, b) => (b.calledAt?.getTime() ?? 0) - (a.calledAt?.getTime() ?? 0))
    .slice(0, 8)
    .map((v) => ({
      queueLabel: queueLabel(v.queueNo),
      name: displayName(ctx.pii.decrypt(v.nameEnc)),
      counter: v.counter ?? '',
      calledAt: v.calledAt?.toISOString() ?? '',
      status: v.status,
    }));
  const waiting = rows.filter((v) => v.status === 'waiting');
  return {
    hall: hall?.name ?? '',
    day,
    called,
    waiting: waiting.length,
    nextUp: waiting.slice(0, 5).map((v) => queueLabel(v.queueNo)),
  };
}

/** The visitor's earlier matters (in the caller's scope) and visits to this hall, by ID number. */
export async function visitorHistory(
  ctx: AppContext,
  actor: Actor,
  unitId: number,
  idNumber: string,
  exceptVisit?: number,
) {
  const hash = ctx.pii.hash(idNumber);
  const matters = await ctx.db
    .selectDistinct({
      id: cases.id,
      caseNumber: cases.caseNumber,
      subject: cases.subject,
      state: cases.state,
      form: cases.form,
      receivedAt: cases.receivedAt,
      role: caseParties.role,
    })
    .from(caseParties)
    .innerJoin(cases, eq(cases.id, caseParties.caseId))
    .where(and(eq(caseParties.idNumberHash, hash), caseScope(actor)))
    .orderBy(desc(cases.receivedAt))
    .limit(50);
  const visits = await ctx.db
    .select()
    .from(hallVisits)
    .where(
      and(
        eq(hallVisits.unitId, unitId),
        eq(hallVisits.idNumberHash, hash),
        exceptVisit === undefined ? undefined : ne(hallVisits.id, exceptVisit),
      ),
    )
    .orderBy(desc(hallVisits.registeredAt))
    .limit(50);
  return {
    idNumber: maskIdNumber(idNumber),
    matters: matters.map((m) => ({
      id: m.id,
      caseNumber: m.caseNumber,
      subject: m.subject,
      state: m.state,
      stateName: STATE_NAMES[m.state as CaseState] ?? m.state,
      receivedAt: m.receivedAt.toISOString(),
      role: m.role,
    })),
    visits: visits.map((v) => ({
      id: v.id,
      day: v.day,
      queueLabel: queueLabel(v.queueNo),
      purpose: v.purpose,
      status: v.status,
      caseId: v.caseId,
    })),
  };
}

/** 法律顾问值班表 of the hall between two days, each with its consultations' count. */
export async function roster(ctx: AppContext, unitId: number, from: string, to: string) {
  const duties = await ctx.db
    .select()
    .from(lawyerDuties)
    .where(and(eq(lawyerDuties.unitId, unitId), gte(lawyerDuties.day, from), lte(lawyerDuties.day, to)))
    .orderBy(asc(lawyerDuties.day), asc(lawyerDuties.id));
  const ids = duties.map((d) => d.id);
  const consults = ids.length
    ? await ctx.db
        .select({
          dutyId: lawyerConsultations.dutyId,
          caseId: lawyerConsultations.caseId,
          at: lawyerConsultations.at,
        })
        .from(lawyerConsultations)
        .where(inArray(lawyerConsultations.dutyId, ids))
    : [];
  return duties.map((d) => ({
    id: d.id,
    day: d.day,
    lawyerName: d.lawyerName,
    firm: d.firm,
    specialty: d.specialty,
    consultations: consults.filter((c) => c.dutyId === d.id).length,
  }));
}
