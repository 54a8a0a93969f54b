// /api/v1/hall: 接待大厅 of the caller's bureau — the day's queue, registering a visitor (queue
// number; earlier matters at once when the ID number is given), calling a number or the next one,
// finishing or marking a visit left, the waiting-room display, the visitor lookup by ID number, the
// lawyers' duty roster and their consultations. Thin: commands.ts and queries.ts do the work;
// src/policies/hall.ts decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';
import { type HallAction, hallPolicy } from '../policies/hall.ts';
import { ensureAllowed } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zDate, zIdNumber, zIdParam } from '../server/fields.ts';
import {
  addDuty,
  CallBody,
  ConsultBody,
  callVisit,
  closeVisit,
  DutyBody,
  FinishBody,
  RegisterBody,
  recordConsultation,
  registerVisit,
} from './commands.ts';
import { DisplayOut, DutyOut, HistoryOut, presentVisit, VisitOut } from './presenters.ts';
import { display, roster, visitById, visitorHistory, visitsOfDay } from './queries.ts';

const idParam = z.object({ id: zIdParam('来访登记编号') });
const VisitAnswer = z.object({ visit: VisitOut.nullable() });
const Created = z.object({ id: z.number() });

function hallFor(actor: Actor, action: HallAction): number {
  ensureAllowed(hallPolicy.may(actor, action), '只有信访部门接待大厅的工作人员可以办理');
  return hallPolicy.hallOf(actor) as number;
}

export const hallRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const visitOut = async (actor: Actor, unitId: number, id: number) => {
      const v = await visitById(ctx, unitId, id);
      if (!v) throw notFound('未找到该来访登记');
      return presentVisit(actor, v);
    };

    app.get(
      '/hall/queue',
      {
        schema: {
          tags: ['hall'],
          summary: '本接待大厅某日的排队登记（默认今天）',
          querystring: z.object({ day: zDate('日期').optional() }),
          response: { 200: z.object({ day: z.string(), items: z.array(VisitOut) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const unitId = hallFor(actor, 'call');
        const day = req.query.day ?? shanghaiDate(new Date());
        return { day, items: (await visitsOfDay(ctx, unitId, day)).map((v) => presentVisit(actor, v)) };
      },
    );

    app.post(
      '/hall/visits',
      {
        schema: {
          tags: ['hall'],
          summary: '来访登记并取号；填写身份证号时一并返回来访人以往的信访事项',
          body: RegisterBody,
          response: { 201: z.object({ visit: VisitOut, history: HistoryOut.nullable() }) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const r = await registerVisit(ctx, actor, req.body);
        const unitId = hallPolicy.hallOf(actor) as number;
        const history =
          req.body.idNumber && hallPolicy.may(actor, 'lookup')
            ? await visitorHistory(ctx, actor, unitId, req.body.idNumber, r.id)
            : null;
        return reply.status(201).send({ visit: await visitOut(actor, unitId, r.id), history });
      },
    );

    app.post(
      '/hall/lookup',
      {
        schema: {
          tags: ['hall'],
          summary: '按身份证号（手工录入或读卡器读入）查询来访人以往的信访事项和来访记录',
          body: z.object({ idNumber: zIdNumber() }),
          response: { 200: HistoryOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const unitId = hallFor(actor, 'lookup');
        return visitorHistory(ctx, actor, unitId, req.body.idNumber);
      },
    );

    app.post(
      '/hall/call-next',
      {
        schema: {
          tags: ['hall'],
          summary: '叫下一号（本窗口）',
          body: CallBody,
          response: { 200: VisitAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const id = await callVisit(ctx, actor, null, req.body.counter);
        if (id === null) return { visit: null };
        return { visit: await visitOut(actor, hallPolicy.hallOf(actor) as number, id) };
      },
    );

    app.post(
      '/hall/visits/:id/call',
      {
        schema: {
          tags: ['hall'],
          summary: '叫号（重叫）',
          params: idParam,
          body: CallBody,
          response: { 200: VisitAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await callVisit(ctx, actor, req.params.id, req.body.counter);
        return { visit: await visitOut(actor, hallPolicy.hallOf(actor) as number, req.params.id) };
      },
    );

    app.post(
      '/hall/visits/:id/finish',
      {
        schema: {
          tags: ['hall'],
          summary: '接待完毕（可关联信访事项）',
          params: idParam,
          body: FinishBody,
          response: { 200: VisitAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await closeVisit(ctx, actor, req.params.id, 'finish', req.body.caseId);
        return { visit: await visitOut(actor, hallPolicy.hallOf(actor) as number, req.params.id) };
      },
    );

    app.post(
      '/hall/visits/:id/leave',
      { schema: { tags: ['hall'], summary: '过号离开', params: idParam, response: { 200: VisitAnswer } } },
      async (req) => {
        const actor = actorOf(req);
        await closeVisit(ctx, actor, req.params.id, 'leave');
        return { visit: await visitOut(actor, hallPolicy.hallOf(actor) as number, req.params.id) };
      },
    );

    app.get(
      '/hall/display',
      {
        schema: {
          tags: ['hall'],
          summary: '候诊叫号屏：已叫号码、窗口与姓氏（不含其他个人信息）、等候人数',
          response: { 200: DisplayOut },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return display(ctx, hallFor(actor, 'display'), shanghaiDate(new Date()));
      },
    );

    app.get(
      '/hall/lawyers',
      {
        schema: {
          tags: ['hall'],
          summary: '法律顾问值班表（本接待大厅）',
          querystring: z.object({ from: zDate('开始日期'), to: zDate('结束日期') }),
          response: { 200: z.object({ items: z.array(DutyOut) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const unitId = hallFor(actor, 'display');
        if (req.query.from > req.query.to)
          throw badRequest('invalid_period', '开始日期不能晚于结束日期', 'from');
        return { items: await roster(ctx, unitId, req.query.from, req.query.to) };
      },
    );

    app.post(
      '/hall/lawyers',
      { schema: { tags: ['hall'], summary: '安排法律顾问值班', body: DutyBody, response: { 201: Created } } },
      async (req, reply) => {
        const id = await addDuty(ctx, actorOf(req), req.body);
        return reply.status(201).send({ id });
      },
    );

    app.post(
      '/hall/consultations',
      {
        schema: {
          tags: ['hall'],
          summary: '记录法律顾问咨询意见（记入信访事项办理过程）',
          body: ConsultBody,
          response: { 201: Created },
        },
      },
      async (req, reply) => {
        const id = await recordConsultation(ctx, actorOf(req), req.body);
        return reply.status(201).send({ id });
      },
    );
  };
