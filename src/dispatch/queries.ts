// Reads of 周调度: the bureau of a jurisdiction, meetings in scope, a meeting's decisions (with the
// overdue status computed), the caller's own tasks (我的待办), staff who may own a decision.
import { and, asc, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.ts';
import { cases, dispatchMeetings, dispatchTasks, units, users } from '../db/schema.ts';
import {
  daysOverdue,
  MEETING_STATUS_NAMES,
  type MeetingStatus,
  TASK_STATUS_NAMES,
  type TaskStatus,
  taskShownStatus,
} from '../domain/dispatch/states.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { ROLE_NAMES, type Role } from '../domain/roles.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';
import { dispatchPolicy } from '../policies/dispatch.ts';
import { ensureReadable } from '../policies/index.ts';
import type { Meeting, Task } from './contract.ts';

export type MeetingRow = typeof dispatchMeetings.$inferSelect;

/** The petition bureau of a jurisdiction (400 when it has none). */
export async function bureauOf(exec: Executor, code: string) {
  const [b] = await exec
    .select({ unitId: units.id, name: units.name, jurisdictionCode: units.jurisdictionCode })
    .from(units)
    .where(and(eq(units.jurisdictionCode, code), eq(units.kind, 'bureau')));
  if (!b) throw badRequest('no_bureau', '该行政区划没有信访部门', 'jurisdiction');
  return b;
}

export type TaskView = Task;

const owner = alias(users, 'owner');

function taskQuery(exec: Executor) {
  return exec
    .select({
      t: dispatchTasks,
      meetingDate: dispatchMeetings.date,
      meetingStatus: dispatchMeetings.status,
      meetingUnitId: dispatchMeetings.unitId,
      meetingCode: dispatchMeetings.jurisdictionCode,
      bureau: units.name,
      ownerName: owner.displayName,
      caseNumber: cases.caseNumber,
    })
    .from(dispatchTasks)
    .innerJoin(dispatchMeetings, eq(dispatchMeetings.id, dispatchTasks.meetingId))
    .innerJoin(units, eq(units.id, dispatchMeetings.unitId))
    .innerJoin(owner, eq(owner.id, dispatchTasks.ownerUserId))
    .leftJoin(cases, eq(cases.id, dispatchTasks.caseId));
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['execute']>>[number];

function present(r: TaskRow, today: string): TaskView {
  const shown = taskShownStatus(r.t.status as TaskStatus, r.t.dueDate, today);
  return {
    id: r.t.id,
    meetingId: r.t.meetingId,
    meetingDate: r.meetingDate,
    bureau: r.bureau,
    title: r.t.title,
    owner: { id: r.t.ownerUserId, name: r.ownerName },
    dueDate: r.t.dueDate,
    case: r.t.caseId !== null && r.caseNumber ? { id: r.t.caseId, caseNumber: r.caseNumber } : null,
    status: shown,
    statusName: TASK_STATUS_NAMES[shown],
    daysOverdue: r.t.status === 'open' ? daysOverdue(r.t.dueDate, today) : 0,
    doneAt: r.t.doneAt?.toISOString() ?? null,
    doneNote: r.t.doneNote,
  };
}

export async function tasksOfMeetings(exec: Executor, ids: number[], today: string): Promise<TaskView[]> {
  if (ids.length === 0) return [];
  const rows = await taskQuery(exec)
    .where(inArray(dispatchTasks.meetingId, ids))
    .orderBy(asc(dispatchTasks.dueDate), asc(dispatchTasks.id));
  return rows.map((r) => present(r, today));
}

/** 我的待办: the caller's decisions of held meetings, open ones first (earliest due), then done. */
export async function myTasks(exec: Executor, actor: Actor, today: string): Promise<TaskView[]> {
  const rows = await taskQuery(exec)
    .where(and(eq(dispatchTasks.ownerUserId, actor.userId), eq(dispatchMeetings.status, 'held')))
    .orderBy(
      sql`case when ${dispatchTasks.status} = 'open' then 0 else 1 end`,
      asc(dispatchTasks.dueDate),
      desc(dispatchTasks.id),
    )
    .limit(200);
  return rows.map((r) => present(r, today));
}

/** A task the caller may see (locked inside a command), with its meeting; else 404. */
export async function visibleTask(exec: Executor, actor: Actor, id: number, forUpdate = false) {
  const q = exec
    .select({ t: dispatchTasks, m: dispatchMeetings })
    .from(dispatchTasks)
    .innerJoin(dispatchMeetings, eq(dispatchMeetings.id, dispatchTasks.meetingId))
    .where(eq(dispatchTasks.id, id));
  const [r] = forUpdate ? await q.for('update', { of: dispatchTasks }) : await q;
  if (!r) throw notFound('未找到该调度事项，或您无权查看');
  ensureReadable(dispatchPolicy.readTask(actor, { ownerUserId: r.t.ownerUserId, meeting: r.m }));
  return r;
}

/** A meeting the caller may see, else 404. */
export async function visibleMeeting(exec: Executor, actor: Actor, id: number, forUpdate = false) {
  const q = exec.select().from(dispatchMeetings).where(eq(dispatchMeetings.id, id));
  const [m] = forUpdate ? await q.for('update') : await q;
  if (!m) throw notFound('未找到该调度会，或您无权查看');
  ensureReadable(dispatchPolicy.read(actor, m));
  return m;
}

export function presentMeeting(m: MeetingRow, bureau: string, tasks: TaskView[]): Meeting {
  return {
    id: m.id,
    bureau,
    jurisdictionCode: m.jurisdictionCode,
    weekStart: m.weekStart,
    date: m.date,
    status: m.status as MeetingStatus,
    statusName: MEETING_STATUS_NAMES[m.status as MeetingStatus],
    attendees: m.attendees,
    notes: m.notes,
    heldAt: m.heldAt?.toISOString() ?? null,
    tasks,
  };
}

/** Meetings of the bureaus in the subtree of `code`, newest week first. */
export async function listMeetings(exec: Executor, code: string, today: string, limit = 100) {
  const rows = await exec
    .select({ m: dispatchMeetings, bureau: units.name })
    .from(dispatchMeetings)
    .innerJoin(units, eq(units.id, dispatchMeetings.unitId))
    .where(like(dispatchMeetings.jurisdictionCode, `${prefixOf(code)}%`))
    .orderBy(desc(dispatchMeetings.weekStart), asc(dispatchMeetings.id))
    .limit(limit);
  const tasks = await tasksOfMeetings(
    exec,
    rows.map((r) => r.m.id),
    today,
  );
  return rows.map((r) =>
    presentMeeting(
      r.m,
      r.bureau,
      tasks.filter((t) => t.meetingId === r.m.id),
    ),
  );
}

/** Staff who may own a decision of the bureau of `code` (its subtree), for the picker. */
export async function ownerCandidates(exec: Executor, code: string) {
  const rows = await exec
    .select({
      id: users.id,
      name: users.displayName,
      role: users.role,
      unit: units.name,
      unitCode: units.jurisdictionCode,
      disabled: users.disabled,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(like(units.jurisdictionCode, `${prefixOf(code)}%`), eq(users.disabled, false)))
    .orderBy(sql`length(${units.jurisdictionCode})`, asc(units.id), asc(users.id))
    .limit(500);
  return rows
    .filter((r) =>
      dispatchPolicy.eligibleOwner(
        { role: r.role, disabled: r.disabled, unitJurisdictionCode: r.unitCode },
        prefixOf(code),
      ),
    )
    .map((r) => ({ id: r.id, name: r.name, role: ROLE_NAMES[r.role as Role] ?? r.role, unit: r.unit }));
}
