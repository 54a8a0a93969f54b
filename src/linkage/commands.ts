// Commands on referrals to joint-conference members (部门联动), each one transaction (runCommand)
// with one audit row: refer a matter to a member by its type (the domain table says which bodies
// fit), then track, record the member's feedback, ask for more, close. Refusals in the engine's
// order: not visible (404), wrong status (409), not allowed (403), bad payload (400). Each step is
// an internal event on the case's timeline.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { cases, linkageMembers, linkageReferrals } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { historyEntry } from '../domain/history.ts';
import { TERMINAL_STATES } from '../domain/lifecycle/vocabulary.ts';
import {
  bodyFits,
  defaultReferralDeadline,
  MEMBER_BODY_DEFS,
  type MemberBody,
  nextReferralStatus,
  REFERRAL_ACTIONS,
  REFERRAL_RULES,
  REFERRAL_STATUS_NAMES,
  REFERRAL_TYPES,
  type ReferralStatus,
} from '../domain/linkage/referrals.ts';
import { zDate, zId, zText } from '../domain/validation/fields.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { type Actor, linkagePolicy } from '../policies/linkage.ts';
import { auditLinkage, linkageCaseEvent } from './caseEvent.ts';
import { conferenceOf, ensureMembers } from './members.ts';
import { visibleReferral } from './queries.ts';

const text = (label: string, max = 2000) => zText({ label, max, min: 1 });

export const ReferBody = z.object({
  caseId: zId('信访事项编号'),
  type: z.enum(REFERRAL_TYPES, { error: '移交类型应为 report、legal、relief 或 public_order' }),
  /** The member body (成员单位) key; default: the type's usual body. */
  body: zText({ label: '成员单位', max: 40 }).optional(),
  reason: text('移交事由', 5000),
  request: text('工作要求', 2000).optional(),
  deadline: zDate('反馈期限').optional(),
});
export type ReferInput = z.infer<typeof ReferBody>;

export const ReferralActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('track'), note: text('跟踪情况') }),
  z.object({ action: z.literal('feedback'), feedback: text('反馈内容', 5000) }),
  z.object({
    action: z.literal('return'),
    reason: text('补充反馈要求'),
    deadline: zDate('新的反馈期限').optional(),
  }),
  z.object({ action: z.literal('close'), note: zText({ label: '办结意见', max: 2000 }).optional() }),
]);
export type ReferralActionInput = z.infer<typeof ReferralActionBody>;

/** 移交: a bureau refers a matter in its subtree to a member of the matter's county conference. */
export async function referMatter(ctx: AppContext, actor: Actor, input: ReferInput): Promise<number> {
  return runCommand(ctx, async (w) => {
    const [c] = await w.tx.select().from(cases).where(eq(cases.id, input.caseId));
    if (!c) throw notFound();
    ensureReadable(casePolicy.read(actor, c));
    if ((TERMINAL_STATES as readonly string[]).includes(c.state))
      throw conflict('linkage_case_ended', '该信访事项已办结，不能再移交');
    ensureAllowed(linkagePolicy.refer(actor, c.jurisdictionCode), '只有辖区信访部门的工作人员可以移交');
    const rule = REFERRAL_RULES[input.type];
    const body = (input.body ?? rule.bodies[0]) as MemberBody;
    if (!(body in MEMBER_BODY_DEFS) || !bodyFits(input.type, body))
      throw badRequest(
        'linkage_body_mismatch',
        `${rule.name}事项应移交${rule.bodies.map((b) => MEMBER_BODY_DEFS[b].short).join('、')}`,
        'body',
      );
    const members = await ensureMembers(w.tx, conferenceOf(c.jurisdictionCode));
    const member = members.find((m) => m.body === body);
    if (!member) throw badRequest('linkage_body_mismatch', '该成员单位不存在', 'body');
    const now = new Date();
    const today = shanghaiDate(now);
    const deadline = input.deadline ?? defaultReferralDeadline(input.type, today);
    if (deadline <= today) throw badRequest('linkage_deadline_past', '反馈期限应晚于今天', 'deadline');
    const request = input.request ?? rule.ask;
    const [row] = await w.tx
      .insert(linkageReferrals)
      .values({
        caseId: c.id,
        type: input.type,
        memberId: member.id,
        jurisdictionCode: c.jurisdictionCode,
        reason: input.reason,
        request,
        deadline,
        status: 'referred',
        referringUnitId: actor.unitId as number,
        referredBy: actor.userId,
        referredAt: now,
        history: [
          historyEntry('refer', '移交', now, actor.displayName, `移交${member.name}，${deadline}前反馈`),
        ],
        updatedAt: now,
      })
      .returning({ id: linkageReferrals.id });
    if (!row) throw new Error('insert returned nothing');
    await linkageCaseEvent(w, actor, c.id, 'referral_refer', now, {
      referralId: row.id,
      referralType: rule.name,
      unit: member.name,
      feedbackDeadline: deadline,
    });
    auditLinkage(w, actor, 'linkage', 'refer', row.id, {
      caseId: c.id,
      type: input.type,
      memberId: member.id,
      deadline,
    });
    return row.id;
  });
}

export async function actOnReferral(ctx: AppContext, actor: Actor, id: number, input: ReferralActionInput) {
  await runCommand(ctx, async (w) => {
    const r = await visibleReferral(w.tx, actor, id, true);
    const status = r.status as ReferralStatus;
    const meta = REFERRAL_ACTIONS[input.action];
    const to = nextReferralStatus(input.action, status);
    if (to === null)
      throw conflict(
        'linkage_wrong_status',
        `移交事项当前状态为“${REFERRAL_STATUS_NAMES[status]}”，不能${meta.label}`,
      );
    ensureAllowed(linkagePolicy.act(actor, r, input.action), `您没有权限${meta.label}`);
    const now = new Date();
    const patch: Partial<typeof linkageReferrals.$inferInsert> = { status: to, updatedAt: now };
    let note: string;
    switch (input.action) {
      case 'track':
        note = input.note;
        break;
      case 'feedback':
        Object.assign(patch, { feedback: input.feedback, feedbackAt: now });
        note = input.feedback;
        break;
      case 'return':
        if (input.deadline !== undefined) {
          if (input.deadline <= shanghaiDate(now))
            throw badRequest('linkage_deadline_past', '反馈期限应晚于今天', 'deadline');
          patch.deadline = input.deadline;
        }
        note = input.deadline ? `${input.reason}（重新反馈期限：${input.deadline}）` : input.reason;
        break;
      case 'close':
        patch.closedAt = now;
        note = input.note ?? '办结';
        break;
    }
    patch.history = [...r.history, historyEntry(input.action, meta.label, now, actor.displayName, note)];
    await w.tx.update(linkageReferrals).set(patch).where(eq(linkageReferrals.id, r.id));
    await linkageCaseEvent(w, actor, r.caseId, `referral_${input.action}`, now, {
      referralId: r.id,
      unit: r.memberName,
      note,
    });
    auditLinkage(w, actor, 'linkage', input.action, r.id, { from: status, to, caseId: r.caseId });
  });
}

/** 联络员: a leader or admin sets a member body's liaison (name and office phone, free text). */
export async function setLiaison(ctx: AppContext, actor: Actor, memberId: number, liaison: string | null) {
  await runCommand(ctx, async (w) => {
    const [m] = await w.tx.select().from(linkageMembers).where(eq(linkageMembers.id, memberId));
    if (!m) throw notFound('未找到该成员单位');
    ensureAllowed(linkagePolicy.editMember(actor, m.jurisdictionCode), '您没有权限修改成员单位');
    await w.tx.update(linkageMembers).set({ liaison }).where(eq(linkageMembers.id, m.id));
    auditLinkage(w, actor, 'linkage_member', 'liaison', m.id, { jurisdiction: m.jurisdictionCode });
  });
}
