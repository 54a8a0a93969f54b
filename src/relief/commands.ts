// Commands on 信访救助 applications, each one transaction (runCommand) with one audit row and an
// internal event on the matter's timeline: apply (申请), approve or reject at the level awaited
// (the chain of src/domain/linkage/relief.ts), record a payment (发放), close (结案) once the
// closure condition holds. Money is integer fen.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { cases, reliefApplications } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { countyOf, levelOf } from '../domain/jurisdictions.ts';
import { TERMINAL_STATES } from '../domain/lifecycle/vocabulary.ts';
import {
  closureBlockers,
  nextApprovalLevel,
  RELIEF_ACTIONS,
  RELIEF_LEVEL_NAMES,
  RELIEF_MAX_FEN,
  RELIEF_STATUS_NAMES,
  type ReliefLevel,
  type ReliefStatus,
  reliefActionAllowed,
  yuan,
} from '../domain/linkage/relief.ts';
import { zDate, zId, zIdNumber, zPersonName, zText } from '../domain/validation/fields.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { auditLinkage, linkageCaseEvent } from '../linkage/caseEvent.ts';
import { casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { type Actor, reliefPolicy } from '../policies/linkage.ts';
import { visibleApplication } from './queries.ts';

const text = (label: string, max = 2000) => zText({ label, max, min: 1 });
const zFen = (label: string) =>
  z
    .number({ error: `${label}应为整数（单位：分）` })
    .int(`${label}应为整数（单位：分）`)
    .positive(`${label}应大于0`)
    .max(RELIEF_MAX_FEN, `${label}不能超过${yuan(RELIEF_MAX_FEN)}元`);

export const ApplyBody = z.object({
  caseId: zId('信访事项编号'),
  applicantName: zPersonName(),
  applicantIdNumber: zIdNumber().optional(),
  reason: text('困难情况与申请理由', 5000),
  requestedFen: zFen('申请金额'),
});

export const ReliefActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), amountFen: zFen('批准金额'), opinion: text('审批意见') }),
  z.object({ action: z.literal('reject'), opinion: text('不予救助理由') }),
  z.object({
    action: z.literal('pay'),
    amountFen: zFen('发放金额'),
    date: zDate('发放日期'),
    payer: text('发放单位', 100),
    method: z.enum(['bank', 'cash'], { error: '发放方式应为 bank（转账）或 cash（现金）' }),
    voucher: text('凭证号', 100),
  }),
  z.object({
    action: z.literal('close'),
    undertakingSigned: z.literal(true, { error: '结案须确认信访人已签署息诉罢访承诺书' }),
    note: zText({ label: '结案说明', max: 2000 }).optional(),
  }),
]);

export interface Approval {
  level: ReliefLevel;
  levelName: string;
  unit: string | null;
  by: string;
  decision: 'approve' | 'reject';
  amountFen: number | null;
  opinion: string;
  at: string;
}
export interface Payment {
  date: string;
  amountFen: number;
  payer: string;
  method: 'bank' | 'cash';
  voucher: string;
  recordedBy: string;
  recordedAt: string;
}

/** The first level of a matter's chain: its county's (a city- or province-level matter starts there). */
export const firstLevel = (jurisdictionCode: string) =>
  Math.min(3, levelOf(countyOf(jurisdictionCode))) as ReliefLevel;

export async function applyForRelief(ctx: AppContext, actor: Actor, input: z.infer<typeof ApplyBody>) {
  return runCommand(ctx, async (w) => {
    const [c] = await w.tx.select().from(cases).where(eq(cases.id, input.caseId));
    if (!c) throw notFound();
    ensureReadable(casePolicy.read(actor, c));
    if ((TERMINAL_STATES as readonly string[]).includes(c.state))
      throw conflict('relief_case_ended', '该信访事项已办结，不能再申请救助');
    ensureAllowed(
      reliefPolicy.apply(actor, c.jurisdictionCode),
      '只有辖区信访部门的工作人员可以登记救助申请',
    );
    const now = new Date();
    const [row] = await w.tx
      .insert(reliefApplications)
      .values({
        caseId: c.id,
        jurisdictionCode: c.jurisdictionCode,
        applicantNameEnc: ctx.pii.encrypt(input.applicantName),
        applicantIdEnc: input.applicantIdNumber ? ctx.pii.encrypt(input.applicantIdNumber) : null,
        reason: input.reason,
        requestedFen: input.requestedFen,
        pendingLevel: firstLevel(c.jurisdictionCode),
        status: 'pending',
        applyingUnitId: actor.unitId as number,
        appliedBy: actor.userId,
        appliedAt: now,
        updatedAt: now,
      })
      .returning({ id: reliefApplications.id });
    if (!row) throw new Error('insert returned nothing');
    await linkageCaseEvent(w, actor, c.id, 'relief_apply', now, {
      reliefId: row.id,
      note: `申请救助金${yuan(input.requestedFen)}元`,
    });
    auditLinkage(w, actor, 'relief', 'apply', row.id, { caseId: c.id, requestedFen: input.requestedFen });
    return row.id;
  });
}

export async function actOnRelief(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof ReliefActionBody>,
) {
  await runCommand(ctx, async (w) => {
    const a = await visibleApplication(w.tx, actor, id, true);
    const status = a.status as ReliefStatus;
    const label = RELIEF_ACTIONS[input.action].label;
    if (!reliefActionAllowed(input.action, status))
      throw conflict(
        'relief_wrong_status',
        `救助申请当前状态为“${RELIEF_STATUS_NAMES[status]}”，不能${label}`,
      );
    ensureAllowed(
      reliefPolicy.act(actor, a, input.action),
      input.action === 'approve' || input.action === 'reject'
        ? `须由${RELIEF_LEVEL_NAMES[a.pendingLevel as ReliefLevel]}信访部门领导审批`
        : `您没有权限${label}`,
    );
    const now = new Date();
    const patch: Partial<typeof reliefApplications.$inferInsert> = { updatedAt: now };
    let note: string;
    switch (input.action) {
      case 'approve': {
        if (input.amountFen > a.requestedFen)
          throw badRequest('relief_amount_above_request', '批准金额不能超过申请金额', 'amountFen');
        const level = a.pendingLevel as ReliefLevel;
        const next = nextApprovalLevel(level, input.amountFen);
        patch.approvals = [
          ...(a.approvals as Approval[]),
          approval(actor, level, 'approve', input.amountFen, input.opinion, now),
        ];
        patch.approvedFen = input.amountFen;
        patch.pendingLevel = next;
        if (next === null) Object.assign(patch, { status: 'approved', decidedAt: now });
        note = `${RELIEF_LEVEL_NAMES[level]}同意救助${yuan(input.amountFen)}元${next ? `，报${RELIEF_LEVEL_NAMES[next]}审批` : ''}`;
        break;
      }
      case 'reject': {
        const level = a.pendingLevel as ReliefLevel;
        patch.approvals = [
          ...(a.approvals as Approval[]),
          approval(actor, level, 'reject', null, input.opinion, now),
        ];
        Object.assign(patch, { status: 'rejected', pendingLevel: null, decidedAt: now });
        note = `${RELIEF_LEVEL_NAMES[level]}不予救助：${input.opinion}`;
        break;
      }
      case 'pay': {
        const approved = a.approvedFen ?? 0;
        if (a.paidFen + input.amountFen > approved)
          throw badRequest(
            'relief_overpaid',
            `发放金额超过批准金额（已批准${yuan(approved)}元，已发放${yuan(a.paidFen)}元）`,
            'amountFen',
          );
        if (input.date > shanghaiDate(now))
          throw badRequest('relief_payment_future', '发放日期不能晚于今天', 'date');
        const payment: Payment = {
          date: input.date,
          amountFen: input.amountFen,
          payer: input.payer,
          method: input.method,
          voucher: input.voucher,
          recordedBy: actor.displayName,
          recordedAt: now.toISOString(),
        };
        patch.payments = [...(a.payments as Payment[]), payment];
        patch.paidFen = a.paidFen + input.amountFen;
        if (patch.paidFen === approved) patch.status = 'paid';
        note = `${input.payer}发放救助金${yuan(input.amountFen)}元（凭证${input.voucher}）`;
        break;
      }
      case 'close': {
        const blockers = closureBlockers({
          status,
          approvedFen: a.approvedFen,
          paidFen: a.paidFen,
          undertakingSigned: true,
        });
        if (blockers.length) throw conflict('relief_condition_unmet', `尚不能结案：${blockers.join('；')}`);
        Object.assign(patch, { status: 'closed', undertakingSigned: true, closedAt: now });
        note = input.note ?? '救助金已足额发放，信访人签署息诉罢访承诺书，救助结案';
        break;
      }
    }
    await w.tx.update(reliefApplications).set(patch).where(eq(reliefApplications.id, a.id));
    await linkageCaseEvent(w, actor, a.caseId, `relief_${input.action}`, now, { reliefId: a.id, note });
    auditLinkage(w, actor, 'relief', input.action, a.id, {
      caseId: a.caseId,
      from: status,
      to: patch.status ?? status,
      ...('amountFen' in input ? { amountFen: input.amountFen } : {}),
    });
  });
}

const approval = (
  actor: Actor,
  level: ReliefLevel,
  decision: 'approve' | 'reject',
  amountFen: number | null,
  opinion: string,
  now: Date,
): Approval => ({
  level,
  levelName: RELIEF_LEVEL_NAMES[level],
  unit: actor.unitName,
  by: actor.displayName,
  decision,
  amountFen,
  opinion,
  at: now.toISOString(),
});
