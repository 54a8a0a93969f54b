// 跨省协作: a matter involving another province gets a cooperation record — the counterpart
// province and bureau, the letters exchanged (发函/来函: date, reference, summary) and the outcome.
// Commands (one transaction each, an audit row and a case timeline event), the scoped reads and
// the presenter.
import { and, desc, eq, like, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { cases, crossProvinceCooperations } from '../db/schema.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import {
  COOPERATION_OUTCOME_NAMES,
  COOPERATION_OUTCOMES,
  COOPERATION_STATUS_NAMES,
  COUNTERPART_PROVINCES,
  type CooperationLetter,
  type CooperationOutcome,
  type CooperationStatus,
  LETTER_DIRECTION_NAMES,
  LETTER_DIRECTIONS,
} from '../domain/linkage/crossProvince.ts';
import { zDate, zId, zText } from '../domain/validation/fields.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { type Actor, cooperationPolicy, linkageScope } from '../policies/linkage.ts';
import { auditLinkage, linkageCaseEvent } from './caseEvent.ts';
import type { Cooperation } from './contract.ts';

export { Cooperation } from './contract.ts';

const t = crossProvinceCooperations;
const text = (label: string, max = 2000) => zText({ label, max, min: 1 });
const zProvince = z
  .string()
  .refine((c) => c in COUNTERPART_PROVINCES, { message: '协作省份应为江苏以外的省级行政区划代码' });
const Letter = z.object({
  date: zDate('函件日期'),
  direction: z.enum(LETTER_DIRECTIONS, { error: '函件方向应为 out（发函）或 in（来函）' }),
  reference: zText({ label: '文号', max: 100 }).optional(),
  summary: text('函件内容摘要'),
});

export const OpenBody = z.object({
  caseId: zId('信访事项编号'),
  counterpartProvince: zProvince,
  counterpartBureau: text('对方协作单位', 100),
  subject: text('协作事项'),
  letter: Letter.optional(),
});
export const CooperationActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('letter'), letter: Letter }),
  z.object({
    action: z.literal('close'),
    outcome: z.enum(COOPERATION_OUTCOMES, {
      error: '协作结果应为 resolved、transferred、stabilised 或 unresolved',
    }),
    note: text('结果说明'),
  }),
]);

const letterOf = (l: z.infer<typeof Letter>, actor: Actor, now: Date): CooperationLetter => ({
  date: l.date,
  direction: l.direction,
  reference: l.reference ?? null,
  summary: l.summary,
  recordedBy: actor.displayName,
  recordedAt: now.toISOString(),
});

export async function openCooperation(ctx: AppContext, actor: Actor, input: z.infer<typeof OpenBody>) {
  return runCommand(ctx, async (w) => {
    const [c] = await w.tx.select().from(cases).where(eq(cases.id, input.caseId));
    if (!c) throw notFound();
    ensureReadable(casePolicy.read(actor, c));
    ensureAllowed(
      cooperationPolicy.open(actor, c.jurisdictionCode),
      '只有辖区信访部门的工作人员可以发起跨省协作',
    );
    const now = new Date();
    const [row] = await w.tx
      .insert(t)
      .values({
        caseId: c.id,
        jurisdictionCode: c.jurisdictionCode,
        counterpartProvince: input.counterpartProvince,
        counterpartBureau: input.counterpartBureau,
        subject: input.subject,
        status: 'open',
        letters: input.letter ? [letterOf(input.letter, actor, now)] : [],
        openingUnitId: actor.unitId as number,
        openedBy: actor.userId,
        openedAt: now,
        updatedAt: now,
      })
      .returning({ id: t.id });
    if (!row) throw new Error('insert returned nothing');
    const province = COUNTERPART_PROVINCES[input.counterpartProvince];
    await linkageCaseEvent(w, actor, c.id, 'coop_open', now, {
      cooperationId: row.id,
      unit: `${province}${input.counterpartBureau}`,
      note: input.subject,
    });
    auditLinkage(w, actor, 'cooperation', 'open', row.id, {
      caseId: c.id,
      province: input.counterpartProvince,
    });
    return row.id;
  });
}

export async function actOnCooperation(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof CooperationActionBody>,
) {
  await runCommand(ctx, async (w) => {
    const r = await visibleCooperation(w.tx, actor, id, true);
    if (r.status !== 'open') throw conflict('cooperation_closed', '该跨省协作已结束');
    ensureAllowed(cooperationPolicy.act(actor, r), '只有发起协作的信访部门可以登记');
    const now = new Date();
    if (input.action === 'letter') {
      if (input.letter.date > new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10))
        throw badRequest('cooperation_letter_future', '函件日期不能晚于今天', 'letter.date');
      const letters = [...r.letters, letterOf(input.letter, actor, now)];
      await w.tx.update(t).set({ letters, updatedAt: now }).where(eq(t.id, r.id));
      await linkageCaseEvent(w, actor, r.caseId, 'coop_letter', now, {
        cooperationId: r.id,
        note: `${LETTER_DIRECTION_NAMES[input.letter.direction]}：${input.letter.summary}`,
      });
    } else {
      await w.tx
        .update(t)
        .set({
          status: 'closed',
          outcome: input.outcome,
          outcomeNote: input.note,
          closedAt: now,
          updatedAt: now,
        })
        .where(eq(t.id, r.id));
      await linkageCaseEvent(w, actor, r.caseId, 'coop_close', now, {
        cooperationId: r.id,
        note: `${COOPERATION_OUTCOME_NAMES[input.outcome]}：${input.note}`,
      });
    }
    auditLinkage(w, actor, 'cooperation', input.action, r.id, { caseId: r.caseId });
  });
}

export async function visibleCooperation(exec: Executor, actor: Actor, id: number, forUpdate = false) {
  const q = exec
    .select()
    .from(t)
    .where(and(eq(t.id, id), linkageScope(actor, t.jurisdictionCode, [t.openingUnitId])));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('未找到该跨省协作记录，或您无权查看');
  ensureReadable(cooperationPolicy.read(actor, row));
  return row;
}

export async function listCooperations(
  ctx: AppContext,
  actor: Actor,
  f: { caseId?: number; status?: CooperationStatus; jurisdiction?: string },
) {
  const where: (SQL | undefined)[] = [linkageScope(actor, t.jurisdictionCode, [t.openingUnitId])];
  if (f.caseId !== undefined) where.push(eq(t.caseId, f.caseId));
  if (f.status) where.push(eq(t.status, f.status));
  if (f.jurisdiction) where.push(like(t.jurisdictionCode, `${prefixOf(f.jurisdiction)}%`));
  return ctx.db
    .select({ c: t, caseNumber: cases.caseNumber, subject: cases.subject })
    .from(t)
    .innerJoin(cases, eq(cases.id, t.caseId))
    .where(and(...where))
    .orderBy(desc(t.openedAt), desc(t.id))
    .limit(500);
}

export function presentCooperation(
  actor: Actor,
  x: { c: typeof t.$inferSelect; caseNumber: string; subject: string },
): z.infer<typeof Cooperation> {
  const c = x.c;
  const letters = c.letters.map((l) => ({
    ...l,
    directionName: LETTER_DIRECTION_NAMES[l.direction] ?? l.direction,
  }));
  letters.sort((a, b) => a.date.localeCompare(b.date));
  return {
    id: c.id,
    caseId: c.caseId,
    caseNumber: x.caseNumber,
    subject: x.subject,
    jurisdictionCode: c.jurisdictionCode,
    counterpartProvince: c.counterpartProvince,
    counterpartProvinceName: COUNTERPART_PROVINCES[c.counterpartProvince] ?? c.counterpartProvince,
    counterpartBureau: c.counterpartBureau,
    matter: c.subject,
    status: c.status,
    statusName: COOPERATION_STATUS_NAMES[c.status as CooperationStatus] ?? c.status,
    outcome: c.outcome,
    outcomeName: c.outcome ? (COOPERATION_OUTCOME_NAMES[c.outcome as CooperationOutcome] ?? c.outcome) : null,
    outcomeNote: c.outcomeNote,
    letters,
    openedAt: c.openedAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    canAct: c.status === 'open' && cooperationPolicy.act(actor, c),
  };
}
