// /api/v1/dispatch (周调度: the agenda of the week, meetings, decisions) and /api/v1/tasks (我的待办).
// Thin: commands.ts and queries.ts do the work; src/policies/dispatch.ts decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { AppError, forbidden } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';
import { dispatchPolicy } from '../policies/dispatch.ts';
import { inSubtree } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zDate, zIdParam, zText } from '../server/fields.ts';
import { agendaFor } from './agenda.ts';
import { addDecision, completeTask, Decision, holdMeeting, MeetingBody, recordMeeting } from './commands.ts';
import { Agenda, Meeting, OwnerCandidate, Task, TaskDone } from './contract.ts';
import {
  bureauOf,
  listMeetings,
  myTasks,
  ownerCandidates,
  presentMeeting,
  tasksOfMeetings,
  visibleMeeting,
  visibleTask,
} from './queries.ts';

const idParam = z.object({ id: zIdParam('编号') });

/** The jurisdiction asked for, inside the caller's subtree (403 otherwise). */
function scopeOf(a: Actor, requested?: string): string {
  if (!dispatchPolicy.use(a) || a.jurisdictionCode === null)
    throw forbidden('只有信访部门工作人员可以查看周调度');
  const code = requested ?? a.jurisdictionCode;
  if (!inSubtree(a, code)) throw new AppError(403, 'forbidden_scope', '只能查看本辖区的周调度');
  return code;
}

export const dispatchRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const meetingAnswer = async (actor: Actor, id: number) => {
      const m = await visibleMeeting(ctx.db, actor, id);
      const b = await bureauOf(ctx.db, m.jurisdictionCode);
      return presentMeeting(m, b.name, await tasksOfMeetings(ctx.db, [id], shanghaiDate(new Date())));
    };

    app.get(
      '/dispatch/agenda',
      {
        schema: {
          tags: ['dispatch'],
          summary: '周调度议程：本周数据、待议事项（来自日监测）、上周决定事项落实情况',
          querystring: z.object({
            jurisdiction: zCode().optional().meta({ description: '默认为本人所属辖区' }),
            date: zDate('日期').optional().meta({ description: '所在周，默认本周' }),
          }),
          response: { 200: Agenda },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const code = scopeOf(actor, req.query.jurisdiction);
        const now = new Date();
        const bureau = await bureauOf(ctx.db, code);
        return agendaFor(ctx.db, bureau, actor.role, req.query.date ?? shanghaiDate(now), now);
      },
    );

    app.get(
      '/dispatch/meetings',
      {
        schema: {
          tags: ['dispatch'],
          summary: '调度会记录（本辖区各信访部门）',
          querystring: z.object({ jurisdiction: zCode().optional() }),
          response: { 200: z.object({ items: z.array(Meeting) }) },
        },
      },
      async (req) => {
        const code = scopeOf(actorOf(req), req.query.jurisdiction);
        return { items: await listMeetings(ctx.db, code, shanghaiDate(new Date())) };
      },
    );

    app.post(
      '/dispatch/meetings',
      {
        schema: {
          tags: ['dispatch'],
          summary: '记录本单位本周调度会（督查员、领导）：参会人员、会议记录、决定事项',
          body: MeetingBody,
          response: { 201: Meeting },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = await recordMeeting(ctx, actor, req.body);
        return reply.status(201).send(await meetingAnswer(actor, id));
      },
    );

    app.get(
      '/dispatch/meetings/:id',
      { schema: { tags: ['dispatch'], summary: '调度会详情', params: idParam, response: { 200: Meeting } } },
      async (req) => meetingAnswer(actorOf(req), req.params.id),
    );

    app.post(
      '/dispatch/meetings/:id/hold',
      {
        schema: {
          tags: ['dispatch'],
          summary: '确认调度会已召开（草稿 → 已召开）',
          params: idParam,
          response: { 200: Meeting },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await holdMeeting(ctx, actor, req.params.id);
        return meetingAnswer(actor, req.params.id);
      },
    );

    app.post(
      '/dispatch/meetings/:id/tasks',
      {
        schema: {
          tags: ['dispatch'],
          summary: '添加决定事项',
          params: idParam,
          body: Decision,
          response: { 201: Meeting },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        await addDecision(ctx, actor, req.params.id, req.body);
        return reply.status(201).send(await meetingAnswer(actor, req.params.id));
      },
    );

    app.get(
      '/dispatch/owners',
      {
        schema: {
          tags: ['dispatch'],
          summary: '可指定为决定事项负责人的工作人员（本辖区）',
          response: { 200: z.object({ items: z.array(OwnerCandidate) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const code = scopeOf(actor);
        return { items: await ownerCandidates(ctx.db, code) };
      },
    );

    app.get(
      '/tasks/mine',
      {
        schema: {
          tags: ['dispatch'],
          summary: '我的待办：本人负责的调度决定事项',
          response: { 200: z.object({ items: z.array(Task) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        if (!dispatchPolicy.ownsTasks(actor)) throw forbidden('我的待办仅供调度事项负责人使用');
        return { items: await myTasks(ctx.db, actor, shanghaiDate(new Date())) };
      },
    );

    app.post(
      '/tasks/:id/done',
      {
        schema: {
          tags: ['dispatch'],
          summary: '办结调度事项（负责人，或本单位督查员、领导）',
          params: idParam,
          body: z.object({ note: zText({ label: '办结说明', max: 1000 }).default('') }),
          response: { 200: TaskDone },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await completeTask(ctx, actor, req.params.id, req.body.note);
        const { t } = await visibleTask(ctx.db, actor, req.params.id);
        return { id: t.id, status: t.status, doneAt: t.doneAt?.toISOString() ?? null };
      },
    );
  };
