// Commands of the expert library (专家库), each one transaction (runCommand) with one audit row:
// keep experts, assign one to a matter or its backlog matter (with the conflict-of-interest check,
// 回避), record their written opinion (专家意见), withdraw an assignment. Each step on a matter is an
// internal event of its timeline; on a backlog matter the opinion is part of its supervision.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { UnitLookup } from '../cases/units.ts';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { backlogMatters, caseEvents, cases, expertAssignments, experts } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import {
  ASSIGNMENT_PURPOSES,
  ASSIGNMENT_STATUS_NAMES,
  type AssignmentStatus,
  AVAILABILITIES,
  AVAILABILITY_NAMES,
  type Availability,
  assignable,
  CONCERN_NAMES,
  type ConcernedUnit,
  conflictOf,
  EXPERT_EVENTS,
  EXPERT_FIELDS,
  EXPERT_LEVELS,
  type ExpertStep,
  PURPOSE_NAMES,
} from '../domain/experts/experts.ts';
import { TERMINAL_STATES } from '../domain/lifecycle/vocabulary.ts';
import { zCode, zDate, zId, zText } from '../domain/validation/fields.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { type Actor, expertPolicy } from '../policies/experts.ts';
import { casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { visibleAssignment } from './queries.ts';

const text = (label: string, max = 2000) => zText({ label, max, min: 1 });
const optText = (label: string, max = 200) => zText({ label, max }).optional();

export const ExpertInput = z.object({
  name: text('专家姓名', 50),
  field: z.enum(EXPERT_FIELDS, { error: '请选择专业领域' }),
  level: z.enum(EXPERT_LEVELS, { error: '专家级别应为 province、city 或 county' }),
  title: optText('职称职务', 100),
  unitId: zId('所在单位').optional(),
  affiliation: text('工作单位', 100),
  jurisdictionCode: zCode(),
  availability: z
    .enum(AVAILABILITIES, { error: '可用状态应为 available、busy 或 unavailable' })
    .default('available'),
  expertise: optText('擅长领域', 500),
});
export const ExpertPatch = z.object({
  title: optText('职称职务', 100),
  availability: z.enum(AVAILABILITIES, { error: '可用状态应为 available、busy 或 unavailable' }).optional(),
  expertise: optText('擅长领域', 500),
  active: z.boolean({ error: 'active 应为 true 或 false' }).optional(),
});

export const AssignInput = z.object({
  expertId: zId('专家'),
  caseId: zId('信访事项编号').optional(),
  backlogMatterId: zId('积案编号').optional(),
  purpose: z.enum(ASSIGNMENT_PURPOSES, { error: '指派事由应为 consult 或 backlog_supervision' }).optional(),
  question: text('咨询事项', 2000),
  /** 被反映单位: the unit the petition complains about, when it is not the handling unit. */
  complainedUnitId: zId('被反映单位').optional(),
});

export const AssignmentAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('file_opinion'), opinion: text('专家意见', 5000), date: zDate('意见日期') }),
  z.object({ action: z.literal('withdraw'), reason: text('撤回理由') }),
]);

async function caseEvent(w: Work, actor: Actor, caseId: number, step: ExpertStep, at: Date, detail: object) {
  await w.tx.insert(caseEvents).values({
    caseId,
    at,
    action: EXPERT_EVENTS[step].event,
    actorUserId: actor.userId,
    actorRole: actor.role,
    actorUnitId: actor.unitId,
    detail: detail as Record<string, unknown>,
    public: false,
  });
}

const audit = (w: Work, actor: Actor, action: string, entity: string, id: number, summary: object) =>
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `experts.${action}`,
    entity,
    entityId: id,
    summary: summary as Record<string, unknown>,
  });

export async function createExpert(ctx: AppContext, actor: Actor, input: z.infer<typeof ExpertInput>) {
  ensureAllowed(
    expertPolicy.manage(actor, input.jurisdictionCode),
    '只有本辖区信访部门的领导或管理员可以维护专家库',
  );
  return runCommand(ctx, async (w) => {
    if (input.unitId !== undefined && !(await new UnitLookup(ctx.db).unit(w.tx, input.unitId)))
      throw badRequest('expert_unit_unknown', '所在单位不存在', 'unitId');
    const [row] = await w.tx
      .insert(experts)
      .values({
        ...input,
        unitId: input.unitId ?? null,
        title: input.title ?? null,
        expertise: input.expertise ?? null,
      })
      .returning({ id: experts.id });
    if (!row) throw new Error('insert returned nothing');
    audit(w, actor, 'create', 'expert', row.id, { field: input.field, level: input.level });
    return row.id;
  });
}

export async function updateExpert(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: z.infer<typeof ExpertPatch>,
) {
  await runCommand(ctx, async (w) => {
    const [e] = await w.tx.select().from(experts).where(eq(experts.id, id)).for('update');
    if (!e || !expertPolicy.read(actor, e)) throw notFound('未找到该专家');
    ensureAllowed(
      expertPolicy.manage(actor, e.jurisdictionCode),
      '只有本辖区信访部门的领导或管理员可以维护专家库',
    );
    await w.tx
      .update(experts)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(experts.id, id));
    audit(w, actor, 'update', 'expert', id, patch);
  });
}

/** 专家指派: returns the assignment's id; 409 `expert_conflict` when the expert must withdraw (回避). */
export async function assignExpert(ctx: AppContext, actor: Actor, input: z.infer<typeof AssignInput>) {
  return runCommand(ctx, async (w) => {
    let caseId = input.caseId;
    let backlog: typeof backlogMatters.$inferSelect | undefined;
    if (input.backlogMatterId !== undefined) {
      [backlog] = await w.tx
        .select()
        .from(backlogMatters)
        .where(eq(backlogMatters.id, input.backlogMatterId));
      if (!backlog) throw notFound('未找到该积案');
      if (caseId !== undefined && caseId !== backlog.caseId)
        throw badRequest('expert_backlog_mismatch', '积案与信访事项不一致', 'backlogMatterId');
      caseId = backlog.caseId;
    }
    if (caseId === undefined) throw badRequest('expert_case_required', '请指明信访事项或积案', 'caseId');
    const [c] = await w.tx.select().from(cases).where(eq(cases.id, caseId));
    ensureReadable(c !== undefined && casePolicy.read(actor, c));
    const kase = c as typeof cases.$inferSelect;
    const [e] = await w.tx.select().from(experts).where(eq(experts.id, input.expertId)).for('update');
    if (!e?.active || !expertPolicy.read(actor, e))
      throw badRequest('expert_unknown', '专家不存在或不在可用专家库中', 'expertId');
    ensureAllowed(
      expertPolicy.assign(actor, e, kase.jurisdictionCode),
      '只有本辖区信访部门的审核员、督查员或领导可以指派专家',
    );
    if ((TERMINAL_STATES as readonly string[]).includes(kase.state) && !backlog)
      throw conflict('expert_case_ended', '该信访事项已办结，不能再指派专家');
    if (!assignable(e.availability as Availability))
      throw conflict(
        'expert_unavailable',
        `专家${e.name}当前${AVAILABILITY_NAMES[e.availability as Availability]}，不能指派`,
      );
    if (
      input.complainedUnitId !== undefined &&
      !(await new UnitLookup(ctx.db).unit(w.tx, input.complainedUnitId))
    )
      throw badRequest('expert_unit_unknown', '被反映单位不存在', 'complainedUnitId');
    const concerned: ConcernedUnit[] = [];
    if (kase.currentUnitId) concerned.push({ unitId: kase.currentUnitId, role: 'handling' });
    if (kase.assignedUnitId) concerned.push({ unitId: kase.assignedUnitId, role: 'assigned' });
    if (backlog?.responsibleUnitId)
      concerned.push({ unitId: backlog.responsibleUnitId, role: 'responsible' });
    if (input.complainedUnitId) concerned.push({ unitId: input.complainedUnitId, role: 'complained' });
    const clash = conflictOf(e.unitId, concerned);
    if (clash) {
      const unit = await new UnitLookup(ctx.db).unit(w.tx, clash.unitId);
      throw conflict(
        'expert_conflict',
        `专家${e.name}所在单位（${unit?.name ?? e.affiliation}）是该事项的${CONCERN_NAMES[clash.role]}，应当回避，不予指派`,
      );
    }
    const [dup] = await w.tx
      .select({ id: expertAssignments.id })
      .from(expertAssignments)
      .where(
        and(
          eq(expertAssignments.expertId, e.id),
          eq(expertAssignments.caseId, kase.id),
          inArray(expertAssignments.status, ['assigned']),
        ),
      );
    if (dup) throw conflict('expert_already_assigned', `专家${e.name}已指派到该事项，尚未出具意见`);
    const purpose = input.purpose ?? (backlog ? 'backlog_supervision' : 'consult');
    const now = new Date();
    const [row] = await w.tx
      .insert(expertAssignments)
      .values({
        expertId: e.id,
        caseId: kase.id,
        backlogMatterId: backlog?.id ?? null,
        jurisdictionCode: kase.jurisdictionCode,
        purpose,
        question: input.question,
        complainedUnitId: input.complainedUnitId ?? null,
        status: 'assigned',
        assigningUnitId: actor.unitId as number,
        assignedBy: actor.userId,
        assignedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: expertAssignments.id });
    if (!row) throw new Error('insert returned nothing');
    await caseEvent(w, actor, kase.id, 'assign', now, {
      assignmentId: row.id,
      expert: e.name,
      purpose: PURPOSE_NAMES[purpose],
      question: input.question,
    });
    audit(w, actor, 'assign', 'expert_assignment', row.id, {
      expertId: e.id,
      caseId: kase.id,
      backlogMatterId: backlog?.id,
    });
    return row.id;
  });
}

export async function actOnAssignment(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof AssignmentAction>,
) {
  await runCommand(ctx, async (w) => {
    const a = await visibleAssignment(w.tx, actor, id, true);
    const status = a.status as AssignmentStatus;
    const label = input.action === 'file_opinion' ? '录入专家意见' : '撤回指派';
    if (status !== 'assigned')
      throw conflict(
        'expert_wrong_status',
        `专家指派当前状态为“${ASSIGNMENT_STATUS_NAMES[status]}”，不能${label}`,
      );
    ensureAllowed(expertPolicy.act(actor, a, input.action), `您没有权限${label}`);
    const now = new Date();
    const [e] = await w.tx.select({ name: experts.name }).from(experts).where(eq(experts.id, a.expertId));
    if (input.action === 'file_opinion') {
      if (input.date > shanghaiDate(now))
        throw badRequest('expert_opinion_future', '意见日期不能晚于今天', 'date');
      await w.tx
        .update(expertAssignments)
        .set({
          status: 'opinion_filed',
          opinion: input.opinion,
          opinionDate: input.date,
          opinionRecordedBy: actor.userId,
          opinionAt: now,
          updatedAt: now,
        })
        .where(eq(expertAssignments.id, a.id));
      await caseEvent(w, actor, a.caseId, 'opinion', now, {
        assignmentId: a.id,
        expert: e?.name,
        expertOpinion: input.opinion,
      });
    } else {
      await w.tx
        .update(expertAssignments)
        .set({ status: 'withdrawn', opinion: null, updatedAt: now })
        .where(eq(expertAssignments.id, a.id));
      await caseEvent(w, actor, a.caseId, 'withdraw', now, {
        assignmentId: a.id,
        expert: e?.name,
        reason: input.reason,
      });
    }
    audit(w, actor, input.action, 'expert_assignment', a.id, { caseId: a.caseId, expertId: a.expertId });
  });
}
