// Commands at the reception hall (接待大厅), each one transaction with one audit row: register a
// visitor with the day's next queue number (排队叫号), call a number (or the next waiting), finish or
// mark a visit left, keep the lawyers' duty roster (法律顾问定期接待), and record a duty lawyer's
// consultation on the matter (an internal event of its timeline). Personal data encrypted at rest.
import { and, asc, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { caseEvents, cases, hallVisits, lawyerConsultations, lawyerDuties, units } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { checkGroup, VISIT_STEPS, type VisitStatus } from '../domain/hall/queue.ts';
import { HALL_EVENTS } from '../domain/hall/timeline.ts';
import { zDate, zId, zIdNumber, zPersonName, zPhone, zText } from '../domain/validation/fields.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';
import { type HallAction, hallPolicy } from '../policies/hall.ts';
import { casePolicy, ensureAllowed } from '../policies/index.ts';

const Representative = z.object({ name: zPersonName(), idNumber: zIdNumber().optional() });

export const RegisterBody = z.object({
  name: zPersonName(),
  idNumber: zIdNumber().optional(),
  phone: zPhone().optional(),
  visitors: z
    .number({ error: '来访人数应为正整数' })
    .int('来访人数应为正整数')
    .min(1, '来访人数应为正整数')
    .max(10_000, '来访人数过大'),
  representatives: z.array(Representative).max(50, '代表过多').default([]),
  purpose: zText({ label: '来访事由', max: 500, min: 1 }),
});
export type RegisterInput = z.infer<typeof RegisterBody>;

export const CallBody = z.object({ counter: zText({ label: '接待窗口', max: 20, min: 1 }) });
export const FinishBody = z.object({ caseId: zId('信访事项编号').optional() });
export const DutyBody = z.object({
  day: zDate('值班日期'),
  lawyerName: zText({ label: '律师姓名', max: 50, min: 1 }),
  firm: zText({ label: '律师事务所', max: 100, min: 1 }),
  specialty: zText({ label: '擅长领域', max: 100 }).optional(),
});
export const ConsultBody = z.object({
  dutyId: zId('值班安排'),
  visitId: zId('来访登记').optional(),
  caseId: zId('信访事项编号').optional(),
  advice: zText({ label: '法律咨询意见', max: 5000, min: 1 }),
});

function hallOf(actor: Actor, action: HallAction): number {
  ensureAllowed(hallPolicy.may(actor, action), '只有信访部门接待大厅的工作人员可以办理');
  return hallPolicy.hallOf(actor) as number;
}

function audit(
  w: Work,
  actor: Actor,
  action: string,
  entity: string,
  id: number,
  summary: Record<string, unknown> = {},
) {
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `hall.${action}`,
    entity,
    entityId: id,
    summary,
  });
}

/** 来访登记: the next queue number of the hall's day (the unit row locked: numbers never repeat). */
export async function registerVisit(ctx: AppContext, actor: Actor, input: RegisterInput) {
  const unitId = hallOf(actor, 'register');
  const group = checkGroup(input.visitors, input.representatives.length);
  if (!group.ok) throw badRequest(group.code as string, group.message as string, group.field);
  return runCommand(ctx, async (w) => {
    await w.tx.select({ id: units.id }).from(units).where(eq(units.id, unitId)).for('update');
    const now = new Date();
    const day = shanghaiDate(now);
    const [last] = await w.tx
      .select({ n: max(hallVisits.queueNo) })
      .from(hallVisits)
      .where(and(eq(hallVisits.unitId, unitId), eq(hallVisits.day, day)));
    const queueNo = (last?.n ?? 0) + 1;
    const enc = (v: string | undefined) => (v ? ctx.pii.encrypt(v) : null);
    const [row] = await w.tx
      .insert(hallVisits)
      .values({
        unitId,
        day,
        queueNo,
        nameEnc: ctx.pii.encrypt(input.name),
        idNumberEnc: enc(input.idNumber),
        idNumberHash: input.idNumber ? ctx.pii.hash(input.idNumber) : null,
        phoneEnc: enc(input.phone),
        visitors: input.visitors,
        representativesEnc: input.representatives.length
          ? ctx.pii.encrypt(JSON.stringify(input.representatives))
          : null,
        purpose: input.purpose,
        status: 'waiting' satisfies VisitStatus,
        registeredBy: actor.userId,
        registeredAt: now,
      })
      .returning({ id: hallVisits.id });
    if (!row) throw new Error('visit not inserted');
    audit(w, actor, 'register', 'hall_visit', row.id, { queueNo, day, visitors: input.visitors });
    return { id: row.id, queueNo, day };
  });
}

async function visitFor(w: Work, unitId: number, id: number) {
  const [v] = await w.tx
    .select()
    .from(hallVisits)
    .where(and(eq(hallVisits.id, id), eq(hallVisits.unitId, unitId)))
    .for('update');
  if (!v) throw notFound('未找到该来访登记');
  return v;
}

type Step = keyof (typeof VISIT_STEPS)['waiting'];
const refuse = (status: string) =>
  conflict('hall_visit_status', `该来访登记${status === 'done' ? '已接待完毕' : '已过号'}，不能再操作`);

/** 叫号: a given visit, or (id null) the hall's first waiting number of the day. Null: nobody waits. */
export async function callVisit(ctx: AppContext, actor: Actor, id: number | null, counter: string) {
  const unitId = hallOf(actor, 'call');
  return runCommand(ctx, async (w) => {
    let v: typeof hallVisits.$inferSelect | undefined;
    if (id === null) {
      [v] = await w.tx
        .select()
        .from(hallVisits)
        .where(
          and(
            eq(hallVisits.unitId, unitId),
            eq(hallVisits.day, shanghaiDate(new Date())),
            eq(hallVisits.status, 'waiting'),
          ),
        )
        .orderBy(asc(hallVisits.queueNo))
        .limit(1)
        .for('update');
      if (!v) return null;
    } else v = await visitFor(w, unitId, id);
    if (!VISIT_STEPS[v.status as VisitStatus].call) throw refuse(v.status);
    await w.tx
      .update(hallVisits)
      .set({ status: 'called', counter, calledAt: new Date(), calledBy: actor.userId })
      .where(eq(hallVisits.id, v.id));
    audit(w, actor, 'call', 'hall_visit', v.id, { queueNo: v.queueNo, counter });
    return v.id;
  });
}

/** 接待完毕 (optionally with the matter registered or found for it), or 过号离开. */
export async function closeVisit(
  ctx: AppContext,
  actor: Actor,
  id: number,
  step: Extract<Step, 'finish' | 'leave'>,
  caseId?: number,
) {
  const unitId = hallOf(actor, 'call');
  return runCommand(ctx, async (w) => {
    const v = await visitFor(w, unitId, id);
    if (!VISIT_STEPS[v.status as VisitStatus][step]) {
      if (step === 'finish' && v.status === 'waiting')
        throw conflict('hall_visit_status', '请先叫号再办结接待');
      throw refuse(v.status);
    }
    if (caseId !== undefined) {
      const [c] = await w.tx.select().from(cases).where(eq(cases.id, caseId));
      if (!c || !casePolicy.read(actor, c)) throw badRequest('hall_case_unknown', '信访事项不存在', 'caseId');
    }
    await w.tx
      .update(hallVisits)
      .set({ status: step === 'finish' ? 'done' : 'left', caseId: caseId ?? v.caseId })
      .where(eq(hallVisits.id, id));
    audit(w, actor, step, 'hall_visit', id, { caseId: caseId ?? null });
  });
}

/** 法律顾问值班: a lawyer on duty at the caller's hall on a day. */
export async function addDuty(ctx: AppContext, actor: Actor, input: z.infer<typeof DutyBody>) {
  const unitId = hallOf(actor, 'roster');
  return runCommand(ctx, async (w) => {
    const [had] = await w.tx
      .select({ id: lawyerDuties.id })
      .from(lawyerDuties)
      .where(
        and(
          eq(lawyerDuties.unitId, unitId),
          eq(lawyerDuties.day, input.day),
          eq(lawyerDuties.lawyerName, input.lawyerName),
        ),
      );
    if (had) throw conflict('hall_duty_exists', '该律师当日已安排值班');
    const [row] = await w.tx
      .insert(lawyerDuties)
      .values({ unitId, ...input, specialty: input.specialty ?? null, createdBy: actor.userId })
      .returning({ id: lawyerDuties.id });
    if (!row) throw new Error('duty not inserted');
    audit(w, actor, 'duty', 'lawyer_duty', row.id, { day: input.day });
    return row.id;
  });
}

/** 法律咨询: the duty lawyer's advice, recorded on the visit and on the matter's timeline. */
export async function recordConsultation(ctx: AppContext, actor: Actor, input: z.infer<typeof ConsultBody>) {
  const unitId = hallOf(actor, 'consult');
  if (input.caseId === undefined && input.visitId === undefined)
    throw badRequest('hall_consultation_target', '请指明信访事项或来访登记', 'caseId');
  return runCommand(ctx, async (w) => {
    const [duty] = await w.tx
      .select()
      .from(lawyerDuties)
      .where(and(eq(lawyerDuties.id, input.dutyId), eq(lawyerDuties.unitId, unitId)));
    if (!duty) throw badRequest('hall_duty_unknown', '未找到本大厅的该值班安排', 'dutyId');
    let caseId = input.caseId ?? null;
    if (input.visitId !== undefined) {
      const v = await visitFor(w, unitId, input.visitId);
      caseId ??= v.caseId;
    }
    if (caseId !== null) {
      const [c] = await w.tx.select().from(cases).where(eq(cases.id, caseId));
      if (!c || !casePolicy.read(actor, c)) throw badRequest('hall_case_unknown', '信访事项不存在', 'caseId');
    }
    const at = new Date();
    const [row] = await w.tx
      .insert(lawyerConsultations)
      .values({
        dutyId: duty.id,
        visitId: input.visitId ?? null,
        caseId,
        advice: input.advice,
        recordedBy: actor.userId,
        at,
      })
      .returning({ id: lawyerConsultations.id });
    if (!row) throw new Error('consultation not inserted');
    if (caseId !== null)
      await w.tx.insert(caseEvents).values({
        caseId,
        at,
        action: HALL_EVENTS.consulted.event,
        actorUserId: actor.userId,
        actorRole: actor.role,
        actorUnitId: actor.unitId,
        detail: { consultationId: row.id, lawyer: `${duty.lawyerName}（${duty.firm}）`, note: input.advice },
        public: false,
      });
    audit(w, actor, 'consult', 'lawyer_consultation', row.id, { caseId });
    return row.id;
  });
}
