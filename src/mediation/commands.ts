// Commands of 访调对接, each one transaction (runCommand) with one audit row: keep the mediation
// bodies, refer a matter (or a part of it) to one, record its sessions and outcome, withdraw it,
// settle the matter on the agreement, and record a third party's part (律师、心理疏导、社会工作).
// Each step on a matter is an internal event of its timeline. Settling goes through the lifecycle
// engine (action `settle`, kind mediation): its subscriber (./subscribers.ts) links the referral.
import { and, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { executeAction } from '../cases/engine.ts';
import { UnitLookup } from '../cases/units.ts';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { caseEvents, cases, mediationBodies, mediationReferrals, mediationSessions } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { historyEntry } from '../domain/history.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import {
  agreementNumber,
  defaultReferralDeadline,
  MEDIATION_EVENTS,
  MEDIATION_KIND_RULES,
  MEDIATION_KINDS,
  type MediationKind,
  type MediationStep,
  nextReferralStatus,
  REFERRAL_ACTIONS,
  REFERRAL_SCOPES,
  REFERRAL_STATUS_NAMES,
  type ReferralScope,
  type ReferralStatus,
  SCOPE_NAMES,
  settlesMatter,
} from '../domain/mediation/referrals.ts';
import { zCode, zDate, zId, zText } from '../domain/validation/fields.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { type Actor, mediationPolicy } from '../policies/mediation.ts';
import { type ReferralRow, visibleReferral } from './queries.ts';

const text = (label: string, max = 2000) => zText({ label, max, min: 1 });
const optText = (label: string, max = 200) => zText({ label, max }).optional();

export const BodyInput = z.object({
  kind: z.enum(MEDIATION_KINDS, { error: '调解类型应为 people、administrative 或 judicial' }),
  name: text('调解组织名称', 100),
  jurisdictionCode: zCode(),
  hostUnitId: zId('所属单位').optional(),
  address: optText('地址'),
  phone: optText('办公电话', 40),
});
export const BodyPatch = z.object({
  name: text('调解组织名称', 100).optional(),
  address: optText('地址'),
  phone: optText('办公电话', 40),
  active: z.boolean({ error: 'active 应为 true 或 false' }).optional(),
});

export const ReferInput = z.object({
  caseId: zId('信访事项编号'),
  bodyId: zId('调解组织'),
  scope: z.enum(REFERRAL_SCOPES, { error: '移交范围应为 whole（整体）或 part（部分）' }).default('whole'),
  part: optText('移交部分', 1000),
  reason: text('移交说明'),
  deadline: zDate('调解期限').optional(),
  mediator: optText('调解员', 50),
});
export type ReferInputT = z.infer<typeof ReferInput>;

const Attendee = z.object({ name: text('参加人员姓名', 50), role: text('参加人员身份', 50) });

export const ReferralAction = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('record_session'),
    date: zDate('调解日期'),
    place: text('调解地点', 200),
    attendees: z
      .array(Attendee, { error: '请填写参加人员' })
      .min(1, '请填写参加人员')
      .max(30, '参加人员最多30人'),
    notes: text('调解情况', 5000),
    mediator: optText('调解员', 50),
  }),
  z.object({
    action: z.literal('record_agreement'),
    terms: text('协议内容', 5000),
    note: optText('说明', 2000),
  }),
  z.object({ action: z.literal('record_no_agreement'), reason: text('调解不成的原因') }),
  z.object({ action: z.literal('withdraw'), reason: text('撤回理由') }),
  z.object({ action: z.literal('settle_case') }),
]);
export type ReferralActionInput = z.infer<typeof ReferralAction>;

export async function caseEvent(
  w: Work,
  actor: Actor,
  caseId: number,
  step: MediationStep,
  at: Date,
  detail: object,
) {
  await w.tx.insert(caseEvents).values({
    caseId,
    at,
    action: MEDIATION_EVENTS[step].event,
    actorUserId: actor.userId,
    actorRole: actor.role,
    actorUnitId: actor.unitId,
    detail: detail as Record<string, unknown>,
    public: false,
  });
}

export const audit = (w: Work, actor: Actor, action: string, entity: string, id: number, summary: object) =>
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `mediation.${action}`,
    entity,
    entityId: id,
    summary: summary as Record<string, unknown>,
  });

export async function createBody(ctx: AppContext, actor: Actor, input: z.infer<typeof BodyInput>) {
  ensureAllowed(
    mediationPolicy.manageBodies(actor, input.jurisdictionCode),
    '只有本辖区信访部门的领导或管理员可以维护调解组织',
  );
  return runCommand(ctx, async (w) => {
    if (input.hostUnitId !== undefined) {
      const u = await new UnitLookup(ctx.db).unit(w.tx, input.hostUnitId);
      if (!u) throw badRequest('mediation_unit_unknown', '所属单位不存在', 'hostUnitId');
    }
    const [dup] = await w.tx
      .select({ id: mediationBodies.id })
      .from(mediationBodies)
      .where(
        and(
          eq(mediationBodies.jurisdictionCode, input.jurisdictionCode),
          eq(mediationBodies.name, input.name),
        ),
      );
    if (dup) throw conflict('mediation_body_exists', '本辖区已有同名调解组织');
    const [row] = await w.tx
      .insert(mediationBodies)
      .values({ ...input, hostUnitId: input.hostUnitId ?? null })
      .returning({ id: mediationBodies.id });
    if (!row) throw new Error('insert returned nothing');
    audit(w, actor, 'body_create', 'mediation_body', row.id, { kind: input.kind, name: input.name });
    return row.id;
  });
}

export async function updateBody(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: z.infer<typeof BodyPatch>,
) {
  await runCommand(ctx, async (w) => {
    const [b] = await w.tx.select().from(mediationBodies).where(eq(mediationBodies.id, id)).for('update');
    if (!b || !mediationPolicy.use(actor)) throw notFound('未找到该调解组织');
    ensureAllowed(
      mediationPolicy.manageBodies(actor, b.jurisdictionCode),
      '只有本辖区信访部门的领导或管理员可以维护调解组织',
    );
    // An empty patch changes nothing (and an empty SET is not SQL): no write, no audit row.
    if (Object.keys(patch).length === 0) return;
    await w.tx.update(mediationBodies).set(patch).where(eq(mediationBodies.id, id));
    audit(w, actor, 'body_update', 'mediation_body', id, patch);
  });
}

const REFERABLE_STATES = ['accepted', 'handling'];

/** 移交调解: returns the referral's id. */
export async function referMatter(ctx: AppContext, actor: Actor, input: ReferInputT): Promise<number> {
  return runCommand(ctx, async (w) => {
    const now = new Date();
    const today = shanghaiDate(now);
    const [c] = await w.tx.select().from(cases).where(eq(cases.id, input.caseId)).for('update');
    ensureReadable(c !== undefined && casePolicy.read(actor, c));
    const kase = c as typeof cases.$inferSelect;
    if (!REFERABLE_STATES.includes(kase.state))
      throw conflict('mediation_case_state', '只有已受理、办理中的信访事项可以移交调解');
    ensureAllowed(
      mediationPolicy.refer(actor, kase),
      '只有当前办理单位或本辖区信访部门的督查员、领导可以移交调解',
    );
    const [body] = await w.tx.select().from(mediationBodies).where(eq(mediationBodies.id, input.bodyId));
    if (!body?.active) throw badRequest('mediation_body_unknown', '调解组织不存在或已停用', 'bodyId');
    if (!kase.jurisdictionCode.startsWith(prefixOf(body.jurisdictionCode)))
      throw badRequest('mediation_body_out_of_place', '只能移交事项所在地或上级辖区的调解组织', 'bodyId');
    const scope = input.scope as ReferralScope;
    if (scope === 'part' && !input.part)
      throw badRequest('mediation_part_required', '部分移交时须写明移交的部分', 'part');
    const open = await w.tx
      .select({ id: mediationReferrals.id, scope: mediationReferrals.scope })
      .from(mediationReferrals)
      .where(and(eq(mediationReferrals.caseId, kase.id), eq(mediationReferrals.status, 'referred')));
    if (open.some((o) => o.scope === 'whole') || (scope === 'whole' && open.length > 0))
      throw conflict('mediation_already_referred', '该信访事项已在调解中，请待调解结束后再移交');
    const kind = body.kind as MediationKind;
    const deadline = input.deadline ?? defaultReferralDeadline(kind, today);
    if (deadline <= today) throw badRequest('mediation_deadline_past', '调解期限应晚于今天', 'deadline');
    const what = scope === 'part' ? `部分事项（${input.part}）` : '整体事项';
    const [row] = await w.tx
      .insert(mediationReferrals)
      .values({
        caseId: kase.id,
        bodyId: body.id,
        jurisdictionCode: kase.jurisdictionCode,
        scope,
        part: scope === 'part' ? (input.part ?? null) : null,
        reason: input.reason,
        deadline,
        mediator: input.mediator ?? null,
        status: 'referred',
        referringUnitId: actor.unitId as number,
        handlingUnitId: kase.currentUnitId,
        referredBy: actor.userId,
        referredAt: now,
        history: [
          historyEntry(
            'refer',
            '移交调解',
            now,
            actor.displayName,
            `${what}移交${body.name}，${deadline}前调结`,
          ),
        ],
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: mediationReferrals.id });
    if (!row) throw new Error('insert returned nothing');
    await caseEvent(w, actor, kase.id, 'refer', now, {
      referralId: row.id,
      body: body.name,
      kind: MEDIATION_KIND_RULES[kind].name,
      scope: SCOPE_NAMES[scope],
      ...(input.part ? { part: input.part } : {}),
      mediationDeadline: deadline,
    });
    audit(w, actor, 'refer', 'mediation_referral', row.id, {
      caseId: kase.id,
      bodyId: body.id,
      scope,
      deadline,
    });
    return row.id;
  });
}

/** The steps on a referral; `settle_case` runs the lifecycle action `settle` instead. */
export async function actOnReferral(ctx: AppContext, actor: Actor, id: number, input: ReferralActionInput) {
  if (input.action === 'settle_case') return settleOnAgreement(ctx, actor, id);
  await runCommand(ctx, async (w) => {
    const r = await visibleReferral(w.tx, actor, id, true);
    const status = r.status as ReferralStatus;
    const meta = REFERRAL_ACTIONS[input.action];
    const to = nextReferralStatus(input.action, status);
    if (to === null)
      throw conflict(
        'mediation_wrong_status',
        `调解当前状态为“${REFERRAL_STATUS_NAMES[status]}”，不能${meta.label}`,
      );
    ensureAllowed(mediationPolicy.act(actor, r, input.action), `您没有权限${meta.label}`);
    const now = new Date();
    const today = shanghaiDate(now);
    const patch: Partial<typeof mediationReferrals.$inferInsert> = { status: to, updatedAt: now };
    let note: string;
    let detail: Record<string, unknown>;
    switch (input.action) {
      case 'record_session': {
        if (input.date > today) throw badRequest('mediation_session_future', '调解日期不能晚于今天', 'date');
        await w.tx.insert(mediationSessions).values({
          referralId: r.id,
          date: input.date,
          place: input.place,
          attendeesEnc: ctx.pii.encrypt(JSON.stringify(input.attendees)),
          notes: input.notes,
          recordedBy: actor.userId,
        });
        if (input.mediator) patch.mediator = input.mediator;
        note = `${input.date} 于${input.place}调解，${input.attendees.length}人参加`;
        detail = { session: note };
        break;
      }
      case 'record_agreement': {
        // The body's row is the lock of its agreement number sequence.
        await w.tx
          .select({ id: mediationBodies.id })
          .from(mediationBodies)
          .where(eq(mediationBodies.id, r.bodyId))
          .for('update');
        const year = Number(today.slice(0, 4));
        const [m] = await w.tx
          .select({ seq: max(mediationReferrals.agreementSeq) })
          .from(mediationReferrals)
          .where(and(eq(mediationReferrals.bodyId, r.bodyId), eq(mediationReferrals.agreementYear, year)));
        const seq = Number(m?.seq ?? 0) + 1;
        Object.assign(patch, {
          agreementTerms: input.terms,
          agreementYear: year,
          agreementSeq: seq,
          outcomeNote: input.note ?? null,
          concludedAt: now,
          concludedBy: actor.userId,
        });
        note = `达成调解协议 ${agreementNumber(year, seq)}`;
        detail = {
          agreementNumber: agreementNumber(year, seq),
          scope: SCOPE_NAMES[r.scope as ReferralScope],
        };
        break;
      }
      case 'record_no_agreement':
        Object.assign(patch, { outcomeNote: input.reason, concludedAt: now, concludedBy: actor.userId });
        note = `调解不成：${input.reason}`;
        detail = { reason: input.reason };
        break;
      case 'withdraw':
        Object.assign(patch, { outcomeNote: input.reason, concludedAt: now, concludedBy: actor.userId });
        note = `撤回：${input.reason}`;
        detail = { reason: input.reason };
        break;
    }
    patch.history = [...r.history, historyEntry(input.action, meta.label, now, actor.displayName, note)];
    await w.tx.update(mediationReferrals).set(patch).where(eq(mediationReferrals.id, r.id));
    await caseEvent(w, actor, r.caseId, input.action, now, { referralId: r.id, ...detail });
    audit(w, actor, input.action, 'mediation_referral', r.id, { from: status, to, caseId: r.caseId });
  });
}

/**
 * 据协议办结: the lifecycle action `settle` (kind mediation) on the matter, with the agreement's
 * number and terms; the subscriber links this referral in the same transaction. Only for a referral
 * of the whole matter (an agreement on a part leaves the rest to the handler's reply).
 */
async function settleOnAgreement(ctx: AppContext, actor: Actor, id: number) {
  const r = await visibleReferral(ctx.db, actor, id);
  const status = r.status as ReferralStatus;
  if (nextReferralStatus('settle_case', status) === null)
    throw conflict(
      'mediation_wrong_status',
      `调解当前状态为“${REFERRAL_STATUS_NAMES[status]}”，不能据协议办结`,
    );
  ensureAllowed(mediationPolicy.act(actor, r, 'settle_case'), '您没有权限据协议办结');
  if (!settlesMatter(r.scope as ReferralScope))
    throw conflict(
      'mediation_partial',
      '部分移交的调解协议不能直接办结整个信访事项，请在处理意见书中一并答复',
    );
  await executeAction(ctx, actor, r.caseId, {
    action: 'settle',
    kind: 'mediation',
    agreement: agreementText(r),
  });
}

export const agreementText = (r: Pick<ReferralRow, 'agreementYear' | 'agreementSeq' | 'agreementTerms'>) =>
  `经调解达成协议（调解协议书${agreementNumber(r.agreementYear ?? 0, r.agreementSeq ?? 0)}）：${r.agreementTerms ?? ''}`;
