// Commands on backlog matters (积案), each one transaction (runCommand): propose a case, and every
// action of the table in src/domain/backlog/states.ts on a matter. Refusals in the engine's order:
// not visible (404), wrong status (409), not allowed (403), bad payload (400) — a refusal changes
// nothing. The steps that matter to the case (提请认定, 认定, 销号, 撤销…) go on its timeline as
// internal case events; every mutation appends one audit row.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { UnitLookup } from '../cases/units.ts';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import {
  backlogChecks,
  backlogMatters,
  backlogPackageRecords,
  backlogPackages,
  backlogProgress,
  backlogSteps,
  caseEvents,
  cases,
} from '../db/schema.ts';
import {
  PACKAGE_PLAN_ITEMS,
  type PackagePlan,
  type PackagePlanKey,
  RECORD_KINDS,
  type RecordKind,
} from '../domain/backlog/packages.ts';
import { isStandard, STANDARD_KEYS, standardName, unmetStandards } from '../domain/backlog/standards.ts';
import {
  ACTIVE_STATUSES,
  BACKLOG_ACTIONS,
  type BacklogActionName,
  type BacklogStatus,
  LEVEL_NAMES,
  LEVELS,
  levelOfCode,
  nextStatus,
  STATUS_NAMES,
} from '../domain/backlog/states.ts';
import { BACKLOG_EVENTS } from '../domain/backlog/timeline.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { chainOf } from '../domain/jurisdictions.ts';
import { zDate, zId, zText } from '../domain/validation/fields.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { type Actor, backlogPolicy } from '../policies/backlog.ts';
import { casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { COUNTED_STEPS } from './events.ts';
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

/** A responsible unit must exist and belong to the place of the matter or a jurisdiction above it. */
async function checkUnit(w: Work, id: number, jurisdictionCode: string, field: string) {
  const unit = await new UnitLookup(w.ctx.db).unit(w.tx, id);
  if (!unit || !chainOf(jurisdictionCode).includes(unit.jurisdictionCode))
    throw badRequest('backlog_unit_invalid', '责任单位应为问题属地或其上级的单位', field);
  return unit;
}

function checkDeadline(deadline: string, now: Date, field = 'deadline') {
  if (deadline < shanghaiDate(now)) throw badRequest('backlog_deadline_past', '期限不能早于今天', field);
}

async function approvingUnitOf(w: Work, actor: Actor): Promise<number> {
  const lookup = new UnitLookup(w.ctx.db);
  const own = await lookup.unit(w.tx, actor.unitId);
  const upper = own ? await lookup.upperBureau(w.tx, own) : undefined;
  if (!upper) throw new AppError(409, 'backlog_no_upper_bureau', '未找到上一级信访部门');
  return upper.id;
}

/** A proposal (提请认定): checked, then what it records — on a new matter or on a system candidate. */
async function proposalOf(w: Work, actor: Actor, input: ProposalInput, jurisdictionCode: string, now: Date) {
  await checkUnit(w, input.responsibleUnitId, jurisdictionCode, 'responsibleUnitId');
  checkDeadline(input.deadline, now);
  return {
    reason: input.reason,
    level: input.level,
    responsibleUnitId: input.responsibleUnitId,
    deadline: input.deadline,
    proposingUnitId: actor.unitId,
    approvingUnitId: await approvingUnitOf(w, actor),
    proposedBy: actor.userId,
    proposedAt: now,
  };
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

async function setCaseFlag(w: Work, caseId: number, backlog: boolean, at: Date) {
  await w.tx.update(cases).set({ backlog, updatedAt: at }).where(eq(cases.id, caseId));
}

/** The 包案 plan items present in a payload. */
function planOf(input: Partial<Record<PackagePlanKey, string>>): PackagePlan {
  const plan: PackagePlan = {};
  for (const i of PACKAGE_PLAN_ITEMS) if (input[i.key] !== undefined) plan[i.key] = input[i.key];
  return plan;
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
  const tx = w.tx;
  const patch: Partial<typeof backlogMatters.$inferInsert> = { status: to, updatedAt: now };
  const notes = m.notes as Note[];
  const addNote = (t: string) => {
    patch.notes = [...notes, noteOf(actor, input.action, now, t)];
  };
  let eventDetail: Record<string, unknown> | null = null;

  switch (input.action) {
    case 'propose': {
      Object.assign(patch, await proposalOf(w, actor, input, m.jurisdictionCode, now));
      addNote(input.reason);
      eventDetail = { reason: input.reason, level: LEVEL_NAMES[input.level] };
      break;
    }
    case 'dismiss':
      addNote(input.note);
      patch.endedAt = now;
      break;
    case 'approve': {
      if (m.proposedBy === actor.userId) throw forbidden('提请人不能认定自己提请的积案');
      if (input.responsibleUnitId !== undefined) {
        await checkUnit(w, input.responsibleUnitId, m.jurisdictionCode, 'responsibleUnitId');
        patch.responsibleUnitId = input.responsibleUnitId;
      }
      if (input.deadline !== undefined) {
        checkDeadline(input.deadline, now);
        patch.deadline = input.deadline;
      }
      if (input.level !== undefined) patch.level = input.level;
      Object.assign(patch, { identifiedBy: actor.userId, identifiedAt: now });
      addNote(input.note);
      const unit = await new UnitLookup(w.ctx.db).unit(tx, patch.responsibleUnitId ?? m.responsibleUnitId);
      eventDetail = {
        note: input.note,
        level: LEVEL_NAMES[(patch.level ?? m.level) as keyof typeof LEVEL_NAMES],
        unit: unit?.name,
        deadline: patch.deadline ?? m.deadline,
      };
      await setCaseFlag(w, m.caseId, true, now);
      break;
    }
    case 'reject':
    case 'return_close':
    case 'reject_unflag':
    case 'request_unflag':
      addNote(input.note);
      if (input.action === 'reject') patch.endedAt = now;
      eventDetail = { note: input.note };
      break;
    case 'add_step': {
      if (input.ownerUnitId !== undefined)
        await checkUnit(w, input.ownerUnitId, m.jurisdictionCode, 'ownerUnitId');
      checkDeadline(input.dueDate, now, 'dueDate');
      await tx.insert(backlogSteps).values({
        matterId: m.id,
        title: input.title,
        ownerName: input.ownerName,
        ownerUnitId: input.ownerUnitId ?? null,
        dueDate: input.dueDate,
        createdBy: actor.userId,
        createdAt: now,
      });
      break;
    }
    case 'complete_step': {
      const [step] = await tx
        .select()
        .from(backlogSteps)
        .where(and(eq(backlogSteps.id, input.stepId), eq(backlogSteps.matterId, m.id)))
        .for('update');
      if (!step) throw badRequest('backlog_step_unknown', '该积案没有这个方案步骤', 'stepId');
      if (step.doneAt) throw conflict('backlog_step_done', '该步骤已完成');
      await tx.update(backlogSteps).set({ doneAt: now }).where(eq(backlogSteps.id, step.id));
      await tx.insert(backlogProgress).values({
        matterId: m.id,
        stepId: step.id,
        note: input.note ?? `已完成：${step.title}`,
        userId: actor.userId,
        unitId: actor.unitId,
        at: now,
      });
      break;
    }
    case 'add_progress': {
      if (input.stepId !== undefined) {
        const [step] = await tx
          .select({ id: backlogSteps.id })
          .from(backlogSteps)
          .where(and(eq(backlogSteps.id, input.stepId), eq(backlogSteps.matterId, m.id)));
        if (!step) throw badRequest('backlog_step_unknown', '该积案没有这个方案步骤', 'stepId');
      }
      await tx.insert(backlogProgress).values({
        matterId: m.id,
        stepId: input.stepId ?? null,
        note: input.note,
        userId: actor.userId,
        unitId: actor.unitId,
        at: now,
      });
      break;
    }
    case 'record_evidence': {
      // New evidence needs a new sign-off.
      const values = {
        evidence: input.evidence,
        evidenceBy: actor.userId,
        evidenceAt: now,
        signedBy: null,
        signedAt: null,
      };
      await tx
        .insert(backlogChecks)
        .values({ matterId: m.id, standard: input.standard, ...values })
        .onConflictDoUpdate({ target: [backlogChecks.matterId, backlogChecks.standard], set: values });
      break;
    }
    case 'sign_standard': {
      const [check] = await tx
        .select()
        .from(backlogChecks)
        .where(and(eq(backlogChecks.matterId, m.id), eq(backlogChecks.standard, input.standard)))
        .for('update');
      const name = isStandard(input.standard) ? standardName(input.standard) : input.standard;
      if (!check) throw conflict('backlog_no_evidence', `“${name}”尚无佐证材料，不能签字`);
      if (check.signedAt) throw conflict('backlog_already_signed', `“${name}”已审核签字`);
      if (check.evidenceBy === actor.userId) throw forbidden('佐证材料须由他人审核签字');
      await tx
        .update(backlogChecks)
        .set({ signedBy: actor.userId, signedAt: now })
        .where(and(eq(backlogChecks.matterId, m.id), eq(backlogChecks.standard, input.standard)));
      break;
    }
    case 'request_close': {
      const checks = await tx.select().from(backlogChecks).where(eq(backlogChecks.matterId, m.id));
      const unmet = unmetStandards(
        checks.map((c) => ({ standard: c.standard, evidence: c.evidence, signed: c.signedAt !== null })),
      );
      if (unmet.length)
        throw conflict(
          'backlog_standards_unmet',
          `七条标准尚未全部达到（缺佐证或审核签字）：${unmet.map(standardName).join('、')}`,
        );
      addNote(input.note);
      eventDetail = { note: input.note };
      break;
    }
    case 'approve_close':
      Object.assign(patch, { resolvedBy: actor.userId, resolvedAt: now, endedAt: now });
      addNote(input.note);
      eventDetail = { note: input.note };
      break;
    case 'approve_unflag':
      patch.endedAt = now;
      addNote(input.note);
      eventDetail = { note: input.note };
      await setCaseFlag(w, m.caseId, false, now);
      break;
    case 'take_package': {
      const [mine] = await tx
        .select({ id: backlogPackages.id })
        .from(backlogPackages)
        .where(and(eq(backlogPackages.matterId, m.id), eq(backlogPackages.leaderUserId, actor.userId)));
      if (mine) throw conflict('backlog_package_exists', '您已包案该积案');
      await tx.insert(backlogPackages).values({
        matterId: m.id,
        leaderUserId: actor.userId,
        leaderUnitId: actor.unitId,
        jurisdictionCode: actor.jurisdictionCode ?? m.jurisdictionCode,
        level: levelOfCode(actor.jurisdictionCode ?? m.jurisdictionCode),
        takenAt: now,
        plan: planOf(input),
      });
      eventDetail = { note: `${actor.displayName}包案` };
      break;
    }
    case 'package_plan':
    case 'package_record': {
      const [p] = await tx
        .select()
        .from(backlogPackages)
        .where(and(eq(backlogPackages.id, input.packageId), eq(backlogPackages.matterId, m.id)))
        .for('update');
      if (!p) throw badRequest('backlog_package_unknown', '该积案没有这个包案', 'packageId');
      if (!backlogPolicy.packageWork(actor, p)) throw forbidden('只能填写本人包案的方案和活动');
      if (input.action === 'package_plan') {
        await tx
          .update(backlogPackages)
          .set({ plan: { ...p.plan, ...planOf(input) } })
          .where(eq(backlogPackages.id, p.id));
      } else {
        if (input.date > shanghaiDate(now))
          throw badRequest('backlog_date_future', '活动日期不能晚于今天', 'date');
        await tx.insert(backlogPackageRecords).values({
          packageId: p.id,
          kind: input.kind,
          date: input.date,
          note: input.note,
          createdBy: actor.userId,
          createdAt: now,
        });
      }
      break;
    }
  }

  await tx.update(backlogMatters).set(patch).where(eq(backlogMatters.id, m.id));
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
