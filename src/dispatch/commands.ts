// 周调度 commands, each one transaction with its audit row: record a meeting (draft or held) with
// its decisions, hold a draft, add a decision, complete a decision (its owner or the bureau's chair).
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { cases, dispatchMeetings, dispatchTasks, units, users } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import {
  canMove,
  MAX_ATTENDEES,
  MAX_DECISIONS,
  MEETING_TRANSITIONS,
  type MeetingStatus,
  TASK_TRANSITIONS,
  type TaskStatus,
  weekStartOf,
} from '../domain/dispatch/states.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { badRequest, conflict } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';
import { dispatchPolicy, type MeetingRef } from '../policies/dispatch.ts';
import { casePolicy, ensureAllowed } from '../policies/index.ts';
import { zDate, zId, zText } from '../server/fields.ts';
import { agendaFor } from './agenda.ts';
import { visibleMeeting, visibleTask } from './queries.ts';

export const Decision = z.object({
  title: zText({ label: '决定事项', max: 500, min: 1 }),
  ownerUserId: zId('负责人'),
  dueDate: zDate('完成期限'),
  caseId: zId('关联信访事项').optional(),
});
export type DecisionInput = z.infer<typeof Decision>;

export const MeetingBody = z.object({
  date: zDate('会议日期'),
  attendees: z
    .array(zText({ label: '参会人员', max: 50, min: 1 }))
    .max(MAX_ATTENDEES, `参会人员不能超过${MAX_ATTENDEES}人`)
    .default([]),
  notes: zText({ label: '会议记录', max: 5000 }).default(''),
  decisions: z.array(Decision).max(MAX_DECISIONS, `决定事项不能超过${MAX_DECISIONS}项`).default([]),
  hold: z.boolean().default(true).meta({ description: 'true：记录为已召开；false：保存草稿' }),
});
export type MeetingInput = z.infer<typeof MeetingBody>;

function audit(w: Work, actor: Actor, action: string, id: number, summary: Record<string, unknown>) {
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `dispatch.${action}`,
    entity: action.endsWith('task') ? 'dispatch_task' : 'dispatch_meeting',
    entityId: id,
    summary,
  });
}

async function insertDecision(tx: Executor, actor: Actor, m: MeetingRef & { id: number }, d: DecisionInput) {
  const [u] = await tx
    .select({ role: users.role, disabled: users.disabled, unitJurisdictionCode: units.jurisdictionCode })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, d.ownerUserId));
  if (!u || !dispatchPolicy.eligibleOwner(u, prefixOf(m.jurisdictionCode)))
    throw badRequest('invalid_owner', '负责人应为本辖区在岗的工作人员', 'ownerUserId');
  if (d.caseId !== undefined) {
    const [c] = await tx.select().from(cases).where(eq(cases.id, d.caseId));
    if (!c || !casePolicy.read(actor, c))
      throw badRequest('invalid_case', '关联的信访事项不存在或不在本辖区', 'caseId');
  }
  const [t] = await tx
    .insert(dispatchTasks)
    .values({
      meetingId: m.id,
      title: d.title,
      ownerUserId: d.ownerUserId,
      dueDate: d.dueDate,
      caseId: d.caseId ?? null,
      status: 'open',
    })
    .returning({ id: dispatchTasks.id });
  return t?.id ?? 0;
}

/** 记录调度会: the caller's own bureau, one meeting per week (409 for a second one). */
export async function recordMeeting(ctx: AppContext, actor: Actor, input: MeetingInput): Promise<number> {
  ensureAllowed(dispatchPolicy.chair(actor), '只有信访部门的督查员或领导可以记录调度会');
  const unitId = actor.unitId as number;
  const code = actor.jurisdictionCode as string;
  if (input.hold && input.attendees.length === 0)
    throw badRequest('no_attendees', '请填写参会人员', 'attendees');
  const now = new Date();
  const today = shanghaiDate(now);
  if (input.date > today && input.hold)
    throw badRequest('future_meeting', '尚未召开的会议请保存为草稿', 'date');
  const weekStart = weekStartOf(input.date);
  const bureau = { unitId, name: actor.unitName ?? '', jurisdictionCode: code };
  const agenda = await agendaFor(ctx.db, bureau, actor.role, input.date, now);
  return runCommand(ctx, async (w) => {
    const [existing] = await w.tx
      .select({ id: dispatchMeetings.id })
      .from(dispatchMeetings)
      .where(and(eq(dispatchMeetings.unitId, unitId), eq(dispatchMeetings.weekStart, weekStart)));
    if (existing) throw conflict('meeting_exists', '本周调度会已记录，请在原记录上补充');
    const [m] = await w.tx
      .insert(dispatchMeetings)
      .values({
        unitId,
        jurisdictionCode: code,
        weekStart,
        date: input.date,
        status: input.hold ? 'held' : 'draft',
        attendees: input.attendees,
        notes: input.notes,
        agenda: { figures: agenda.figures, topics: agenda.topics.map((t) => ({ ...t })) },
        createdBy: actor.userId,
        heldAt: input.hold ? now : null,
      })
      .onConflictDoNothing()
      .returning({ id: dispatchMeetings.id });
    if (!m) throw conflict('meeting_exists', '本周调度会已记录，请在原记录上补充');
    const ref = { id: m.id, unitId, jurisdictionCode: code };
    for (const d of input.decisions) await insertDecision(w.tx, actor, ref, d);
    audit(w, actor, 'record', m.id, {
      date: input.date,
      status: input.hold ? 'held' : 'draft',
      attendees: input.attendees.length,
      decisions: input.decisions.length,
    });
    return m.id;
  });
}

/** 召开: a draft becomes held (its decisions then reach their owners). */
export async function holdMeeting(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await runCommand(ctx, async (w) => {
    const m = await visibleMeeting(w.tx, actor, id, true);
    ensureAllowed(dispatchPolicy.act(actor, m, 'hold'), '只有本单位的督查员或领导可以确认召开');
    if (!canMove(MEETING_TRANSITIONS, m.status as MeetingStatus, 'held'))
      throw conflict('already_held', '该调度会已召开');
    if (m.attendees.length === 0) throw badRequest('no_attendees', '请先填写参会人员', 'attendees');
    if (m.date > shanghaiDate(new Date())) throw conflict('not_yet', '会议日期未到，不能确认召开');
    await w.tx
      .update(dispatchMeetings)
      .set({ status: 'held', heldAt: new Date() })
      .where(eq(dispatchMeetings.id, id));
    audit(w, actor, 'hold', id, { from: m.status, to: 'held' });
  });
}

export async function addDecision(ctx: AppContext, actor: Actor, meetingId: number, d: DecisionInput) {
  return runCommand(ctx, async (w) => {
    const m = await visibleMeeting(w.tx, actor, meetingId, true);
    ensureAllowed(dispatchPolicy.act(actor, m, 'add_task'), '只有本单位的督查员或领导可以添加决定事项');
    const id = await insertDecision(w.tx, actor, m, d);
    audit(w, actor, 'add_task', id, { meetingId, ownerUserId: d.ownerUserId, dueDate: d.dueDate });
    return id;
  });
}

/** 办结调度事项: the owner, or a chair of the meeting's bureau; once. */
export async function completeTask(ctx: AppContext, actor: Actor, id: number, note: string): Promise<void> {
  await runCommand(ctx, async (w) => {
    const { t, m } = await visibleTask(w.tx, actor, id, true);
    ensureAllowed(
      dispatchPolicy.completeTask(actor, { ownerUserId: t.ownerUserId, meeting: m }),
      '只有负责人或本单位的督查员、领导可以办结该事项',
    );
    if (m.status !== 'held') throw conflict('meeting_not_held', '调度会尚未召开，事项不能办结');
    if (!canMove(TASK_TRANSITIONS, t.status as TaskStatus, 'done'))
      throw conflict('already_done', '该事项已办结');
    await w.tx
      .update(dispatchTasks)
      .set({ status: 'done', doneAt: new Date(), doneBy: actor.userId, doneNote: note || null })
      .where(eq(dispatchTasks.id, id));
    audit(w, actor, 'complete_task', id, { meetingId: m.id, owner: t.ownerUserId === actor.userId });
  });
}
