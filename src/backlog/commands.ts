// Commands on backlog matters (积案), each one transaction (runCommand): propose a case, and every
// action of the table in src/domain/backlog/states.ts on a matter. Refusals in the engine's order:
// not visible (404), wrong status (409), not allowed (403), bad payload (400) — a refusal changes
// nothing. The steps that matter to the case (提请认定, 认定, 销号, 撤销…) go on its timeline as
// internal case events; every mutation appends one audit row. What each action does to the matter
// lives by sub-mechanism — flagging.ts (提请, 认定, 撤销), planWork.ts (方案 steps, progress),
// closing.ts (the seven standards, 销号), packageWork.ts (领导包案) — and runs inside applyAction's
// transaction; the checks above and the writes below are the same for all.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { backlogMatters, caseEvents, cases } from '../db/schema.ts';
import {
  PACKAGE_PLAN_ITEMS,
  type PackagePlanKey,
  RECORD_KINDS,
  type RecordKind,
} from '../domain/backlog/packages.ts';
import { STANDARD_KEYS } from '../domain/backlog/standards.ts';
import {
  ACTIVE_STATUSES,
  BACKLOG_ACTIONS,
  type BacklogActionName,
  type BacklogStatus,
  LEVEL_NAMES,
  LEVELS,
  nextStatus,
  STATUS_NAMES,
} from '../domain/backlog/states.ts';
import { BACKLOG_EVENTS } from '../domain/backlog/timeline.ts';
import { zDate, zId, zText } from '../domain/validation/fields.ts';
import { conflict, notFound } from '../errors.ts';
import { type Actor, backlogPolicy } from '../policies/backlog.ts';
import { casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { closingStep } from './closing.ts';
import { COUNTED_STEPS } from './events.ts';
import { flaggingStep, proposalOf } from './flagging.ts';
import type { EventDetail, MatterStep } from './matterStep.ts';
import { packageStep } from './packageWork.ts';
import { planStep } from './planWork.ts';
import { type MatterRow, visibleMatter } from './queries.ts';

// ---- Payloads --------------------------------------------------------------------------------------

const text = (label: string, max = 2000) => zText({ label, max, min: 1 });

export const ProposalFields = z.object({
  reason: text('认定理由'),
  level: z.enum(LEVELS, { error: '积案级别应为 province、city 或 county' }),
  responsibleUnitId: zId('责任单位'),
  deadline: zDate('化解期限'),
});

/** 包掌握情况、包思想教育、包解决问题、包息访息诉 (each optional). */
const PackagePlanFields = Object.fromEntries(
  PACKAGE_PLAN_ITEMS.map((i) => [i.key, zText({ label: i.name, max: 2000 }).optional()]),
) as Record<PackagePlanKey, z.ZodOptional<ReturnType<typeof zText>>>;

const standard = z.enum(STANDARD_KEYS as [string, ...string[]], { error: '未知的标准' });

export const ActionBody = z.discriminatedUnion('action', [
  ProposalFields.extend({ action: z.literal('propose') }),
  z.object({ action: z.literal('dismiss'), note: text('排除理由') }),
  z.object({
    action: z.literal('approve'),
    note: text('认定意见'),
    level: z.enum(LEVELS).optional(),
    responsibleUnitId: zId('责任单位').optional(),
    deadline: zDate('化解期限').optional(),
  }),
  z.object({ action: z.literal('reject'), note: text('不予认定理由') }),
  z.object({
    action: z.literal('add_step'),
    title: text('步骤内容', 500),
    ownerName: text('责任人', 100),
    ownerUnitId: zId('责任单位').optional(),
    dueDate: zDate('完成日期'),
  }),
  z.object({ action: z.literal('complete_step'), stepId: zId('步骤'), note: text('完成情况').optional() }),
  z.object({
    action: z.literal('add_progress'),
    note: text('进展情况', 5000),
    stepId: zId('步骤').optional(),
  }),
  z.object({ action: z.literal('record_evidence'), standard, evidence: text('佐证材料说明', 5000) }),
  z.object({ action: z.literal('sign_standard'), standard }),
  z.object({ action: z.literal('request_close'), note: text('化解情况说明', 5000) }),
  z.object({ action: z.literal('approve_close'), note: text('审核意见') }),
  z.object({ action: z.literal('return_close'), note: text('退回理由') }),
  z.object({ action: z.literal('request_unflag'), note: text('撤销理由') }),
  z.object({ action: z.literal('approve_unflag'), note: text('审批意见') }),
  z.object({ action: z.literal('reject_unflag'), note: text('不同意理由') }),
  z.object({ action: z.literal('take_package'), ...PackagePlanFields }),
  z.object({ action: z.literal('package_plan'), packageId: zId('包案'), ...PackagePlanFields }),
  z.object({
    action: z.literal('package_record'),
    packageId: zId('包案'),
    kind: z.enum(Object.keys(RECORD_KINDS) as [RecordKind, ...RecordKind[]], {
      error: '活动类型应为 meeting、visit 或 talk',
    }),
    date: zDate('日期'),
    note: text('活动情况', 5000),
  }),
]);
export type ActionInput = z.infer<typeof ActionBody>;
export type ProposalInput = z.infer<typeof ProposalFields>;

// ---- Helpers ---------------------------------------------------------------------------------------

interface Note {
  action: string;
  label: string;
  at: string;
  userId: number;
  by: string;
  text: string;
}

const noteOf = (actor: Actor, action: BacklogActionName, at: Date, t: string): Note => ({
  action,
  label: BACKLOG_ACTIONS[action].label,
  at: at.toISOString(),
  userId: actor.userId,
  by: actor.displayName,
  text: t,
});

/** The case's internal timeline event for a step of its backlog matter. */
async function caseEvent(
  w: Work,
  actor: Actor,
  m: Pick<MatterRow, 'id' | 'caseId'>,
  action: BacklogActionName,
  at: Date,
  detail: Record<string, unknown>,
) {
  const e = BACKLOG_EVENTS[action];
  if (!e) return;
  await w.tx.insert(caseEvents).values({
    caseId: m.caseId,
    at,
    action: e.event,
    actorUserId: actor.userId,
    actorRole: actor.role,
    actorUnitId: actor.unitId,
    detail: { backlogId: m.id, ...detail },
    public: false,
  });
}

function audit(w: Work, actor: Actor, action: string, id: number, summary: Record<string, unknown>) {
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `backlog.${action}`,
    entity: 'backlog',
    entityId: id,
    summary,
  });
}

// ---- Proposal --------------------------------------------------------------------------------------

/**
 * 提请认定: a supervisor or leader proposes a case as a backlog matter — its system candidate if it has
 * one, else a new manual one. The bureau above the proposer will decide. Returns the matter's id.
 */
export async function proposeCase(
  ctx: AppContext,
  actor: Actor,
  input: ProposalInput & { caseId: number },
): Promise<number> {
  return runCommand(ctx, async (w) => {
    const [c] = await w.tx.select().from(cases).where(eq(cases.id, input.caseId));
    if (!c) throw notFound();
    ensureReadable(casePolicy.read(actor, c));
    const [active] = await w.tx
      .select()
      .from(backlogMatters)
      .where(and(eq(backlogMatters.caseId, c.id), inArray(backlogMatters.status, [...ACTIVE_STATUSES])))
      .for('update');
    if (active && active.status !== 'candidate')
      throw conflict(
        'backlog_exists',
        `该事项已有积案记录（${STATUS_NAMES[active.status as BacklogStatus]}）`,
      );
    ensureAllowed(
      backlogPolicy.proposeCase(actor, c.jurisdictionCode),
      '只有辖区信访部门的督查员或领导可以提请认定积案',
    );
    const now = new Date();
    if (active) {
      await applyAction(w, actor, active, { action: 'propose', ...input }, now);
      return active.id;
    }
    const proposal = await proposalOf(w, actor, input, c.jurisdictionCode, now);
    const [row] = await w.tx
      .insert(backlogMatters)
      .values({
        caseId: c.id,
        jurisdictionCode: c.jurisdictionCode,
        status: 'proposed',
        source: 'manual',
        ...proposal,
        notes: [noteOf(actor, 'propose', now, input.reason)],
        createdAt: now,
        updatedAt: now,
      })
      // The daily pass may have added a candidate since the look above: the unique index decides.
      .onConflictDoNothing()
      .returning({ id: backlogMatters.id, caseId: backlogMatters.caseId });
    if (!row) throw conflict('backlog_exists', '该事项已有积案记录，请刷新后重试');
    await caseEvent(w, actor, row, 'propose', now, { reason: input.reason, level: LEVEL_NAMES[input.level] });
    audit(w, actor, 'propose', row.id, { caseId: c.id, level: input.level, source: 'manual' });
    return row.id;
  });
}

// ---- Actions on a matter -----------------------------------------------------------------------------

export async function actOnMatter(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: ActionInput,
): Promise<void> {
  await runCommand(ctx, async (w) => {
    const m = await visibleMatter(w.tx, actor, id, true);
    await applyAction(w, actor, m, input, new Date());
  });
}

async function applyAction(
  w: Work,
  actor: Actor,
  m: MatterRow,
  input: ActionInput,
  now: Date,
): Promise<void> {
  const status = m.status as BacklogStatus;
  const to = nextStatus(input.action, status);
  if (to === null)
    throw conflict(
      'backlog_wrong_status',
      `积案当前状态为“${STATUS_NAMES[status]}”，不能${BACKLOG_ACTIONS[input.action].label}`,
    );
  ensureAllowed(
    backlogPolicy.act(actor, m, input.action),
    `您没有权限${BACKLOG_ACTIONS[input.action].label}`,
  );
  const patch: Partial<typeof backlogMatters.$inferInsert> = { status: to, updatedAt: now };
  const notes = m.notes as Note[];
  const addNote = (t: string) => {
    patch.notes = [...notes, noteOf(actor, input.action, now, t)];
  };

  const s: MatterStep = { w, actor, m, now, patch, addNote };
  let eventDetail: EventDetail;
  switch (input.action) {
    case 'propose':
    case 'dismiss':
    case 'approve':
    case 'reject':
    case 'request_unflag':
    case 'approve_unflag':
    case 'reject_unflag':
      eventDetail = await flaggingStep(s, input);
      break;
    case 'add_step':
    case 'complete_step':
    case 'add_progress':
      eventDetail = await planStep(s, input);
      break;
    case 'record_evidence':
    case 'sign_standard':
    case 'request_close':
    case 'approve_close':
    case 'return_close':
      eventDetail = await closingStep(s, input);
      break;
    case 'take_package':
    case 'package_plan':
    case 'package_record':
      eventDetail = await packageStep(s, input);
      break;
  }

  await w.tx.update(backlogMatters).set(patch).where(eq(backlogMatters.id, m.id));
  if (eventDetail) await caseEvent(w, actor, m, input.action, now, eventDetail);
  const counted = COUNTED_STEPS[input.action];
  const identifiedAt = patch.identifiedAt ?? m.identifiedAt;
  if (counted && identifiedAt)
    await w.publish('backlog.stepped', {
      step: counted,
      matterId: m.id,
      caseId: m.caseId,
      identifiedAt,
      responsibleUnitId: patch.responsibleUnitId ?? m.responsibleUnitId,
      at: now,
    });
  const { action, ...rest } = input;
  audit(w, actor, action, m.id, {
    caseId: m.caseId,
    from: status,
    to,
    ...('standard' in rest ? { standard: rest.standard } : {}),
    ...('stepId' in rest && rest.stepId !== undefined ? { stepId: rest.stepId } : {}),
    ...('packageId' in rest ? { packageId: rest.packageId } : {}),
  });
}
