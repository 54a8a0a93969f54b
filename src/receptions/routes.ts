// /api/v1/receptions: 领导接访 — the calendar in scope, planning and cancelling a reception, one
// reception with its bookings and record, booking for a visitor, filing the record, the indicators
// (批次、人次、当场解决 by leader and level); /api/v1/public/receptions: the published calendar (no
// login, no personal data); /api/v1/my/receptions: a citizen's bookings. Thin: commands.ts and
// queries.ts do the work; src/policies/receptions.ts decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { RECEPTION_KINDS, SLOT_STATUSES } from '../domain/receptions/kinds.ts';
import { badRequest } from '../errors.ts';
import { ensureAllowed } from '../policies/index.ts';
import { type Actor, receptionPolicy } from '../policies/receptions.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zDate, zId, zIdParam } from '../server/fields.ts';
import { BookBody, CancelBody, RecordBody, SlotBody } from './bodies.ts';
import { book, cancelBooking, cancelSlot, planSlot, recordReception } from './commands.ts';
import { LeadersAnswer, MyBooking, ReceptionIndicators } from './contract.ts';
import { PublicSlot, presentBooking, presentPublic, SlotDetail } from './presenters.ts';
import {
  bookingsOf,
  leadersInScope,
  myBookings,
  publicCalendar,
  receptionIndicators,
  recordOf,
  staffCalendar,
  visibleSlot,
} from './queries.ts';

const idParam = z.object({ id: zIdParam('接访编号') });
const bookingParam = z.object({ id: zIdParam('预约编号') });

const CalendarQuery = z.object({
  jurisdiction: zCode().optional().meta({ description: '行政区划代码（含下级）' }),
  from: zDate('开始日期').optional(),
  to: zDate('结束日期').optional(),
  kind: z.enum(RECEPTION_KINDS, { error: '接访方式应为 receive、visit_down、invite 或 video' }).optional(),
  status: z.enum(SLOT_STATUSES, { error: '状态应为 open、held 或 cancelled' }).optional(),
});

function checkPeriod(q: { from?: string; to?: string }) {
  if (q.from && q.to && q.from > q.to) throw badRequest('invalid_period', '开始日期不能晚于结束日期', 'from');
}

async function detailOf(ctx: AppContext, actor: Actor, id: number): Promise<z.infer<typeof SlotDetail>> {
  const s = await visibleSlot(ctx, actor, id);
  const bookings = await bookingsOf(ctx, id);
  const open = s.status === 'open';
  const future = s.startsAt.getTime() > Date.now();
  return {
    ...presentPublic(s),
    leaderUserId: s.leaderUserId,
    bookings: bookings.map((b) => presentBooking(actor, b)),
    record: await recordOf(ctx.db, id),
    cancelReason: s.cancelReason,
    can: {
      book: open && future && receptionPolicy.act(actor, 'book_for', s.jurisdictionCode),
      cancel: open && receptionPolicy.act(actor, 'cancel_slot', s.jurisdictionCode),
      record: open && !future && receptionPolicy.act(actor, 'record', s.jurisdictionCode),
    },
  };
}

export const receptionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/public/receptions',
      {
        config: { public: true },
        schema: {
          tags: ['public'],
          summary: '领导接访日程（公开：接访领导、时间、地点、主题、剩余名额；不含个人信息）',
          querystring: CalendarQuery,
          response: { 200: z.object({ items: z.array(PublicSlot) }) },
        },
      },
      async (req) => {
        checkPeriod(req.query);
        const rows = await publicCalendar(ctx, req.query, shanghaiDate(new Date()));
        return { items: rows.map(presentPublic) };
      },
    );

    app.post(
      '/my/receptions',
      {
        schema: {
          tags: ['receptions'],
          summary: '预约领导接访（信访人本人，登录后；约访不可网上预约）',
          body: BookBody.pick({ caseId: true, matter: true, peopleCount: true }).extend({
            slotId: zId('接访编号'),
          }),
          response: { 201: z.object({ bookingId: z.number(), number: z.string() }) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        ensureAllowed(receptionPolicy.bookOwn(actor), '请以信访人账号登录后预约');
        const { slotId, ...rest } = req.body;
        const id = await book(ctx, actor, slotId, rest);
        return reply.status(201).send({ bookingId: id, number: `R${id}` });
      },
    );

    app.get(
      '/my/receptions',
      {
        schema: {
          tags: ['receptions'],
          summary: '我的接访预约',
          response: { 200: z.object({ items: z.array(MyBooking) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(receptionPolicy.bookOwn(actor), '只有信访人可以查看本人的预约');
        const { rows, slots } = await myBookings(ctx, actor);
        return {
          items: rows.flatMap((b) => {
            const s = slots.find((x) => x.id === b.slotId);
            return s ? [{ ...presentBooking(actor, b), slot: presentPublic(s) }] : [];
          }),
        };
      },
    );

    app.post(
      '/bookings/:id/cancel',
      {
        schema: {
          tags: ['receptions'],
          summary: '取消接访预约（信访人本人或工作人员，接访开始前）',
          params: bookingParam,
          body: CancelBody,
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (req) => {
        await cancelBooking(ctx, actorOf(req), req.params.id, req.body.reason);
        return { ok: true as const };
      },
    );

    app.get(
      '/receptions',
      {
        schema: {
          tags: ['receptions'],
          summary: '接访日程（本辖区；可按日期、方式、状态筛选）',
          querystring: CalendarQuery,
          response: { 200: z.object({ items: z.array(PublicSlot) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(receptionPolicy.use(actor), '您没有权限查看领导接访');
        checkPeriod(req.query);
        return { items: (await staffCalendar(ctx, actor, req.query)).map(presentPublic) };
      },
    );

    app.post(
      '/receptions',
      {
        schema: {
          tags: ['receptions'],
          summary: '安排领导接访（接访、下访、约访、视频接访）',
          body: SlotBody,
          response: { 201: SlotDetail },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = await planSlot(ctx, actor, req.body);
        return reply.status(201).send(await detailOf(ctx, actor, id));
      },
    );

    app.get(
      '/receptions/leaders',
      {
        schema: {
          tags: ['receptions'],
          summary: '可安排接访的领导（本辖区）',
          response: { 200: LeadersAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(receptionPolicy.act(actor, 'plan', actor.jurisdictionCode ?? ''), '您没有权限安排接访');
        return { items: await leadersInScope(ctx, actor) };
      },
    );

    app.get(
      '/receptions/indicators',
      {
        schema: {
          tags: ['receptions'],
          summary: '领导接访指标：接待批次、人次、当场解决件数（按领导、按层级）',
          querystring: z.object({
            jurisdiction: zCode().optional().meta({ description: '默认为本人所属辖区' }),
            from: zDate('开始日期'),
            to: zDate('结束日期'),
          }),
          response: {
            200: ReceptionIndicators,
          },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const code = req.query.jurisdiction ?? actor.jurisdictionCode ?? '';
        ensureAllowed(receptionPolicy.act(actor, 'count', code), '您没有权限查看该辖区的接访统计');
        checkPeriod(req.query);
        return receptionIndicators(ctx, code, req.query.from, req.query.to);
      },
    );

    app.get(
      '/receptions/:id',
      {
        schema: {
          tags: ['receptions'],
          summary: '接访详情（预约、接访记录、可执行操作）',
          params: idParam,
          response: { 200: SlotDetail },
        },
      },
      async (req) => detailOf(ctx, actorOf(req), req.params.id),
    );

    app.post(
      '/receptions/:id/cancel',
      {
        schema: {
          tags: ['receptions'],
          summary: '取消接访（已预约的信访人收到短信）',
          params: idParam,
          body: CancelBody,
          response: { 200: SlotDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await cancelSlot(ctx, actor, req.params.id, req.body.reason);
        return detailOf(ctx, actor, req.params.id);
      },
    );

    app.post(
      '/receptions/:id/bookings',
      {
        schema: {
          tags: ['receptions'],
          summary: '代为预约（登记员为来访群众预约；约访由此预约）',
          params: idParam,
          body: BookBody,
          response: { 201: z.object({ bookingId: z.number(), number: z.string() }) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        ensureAllowed(!receptionPolicy.booksForThemself(actor), '请在网站预约页面预约');
        const id = await book(ctx, actor, req.params.id, req.body);
        return reply.status(201).send({ bookingId: id, number: `R${id}` });
      },
    );

    app.post(
      '/receptions/:id/record',
      {
        schema: {
          tags: ['receptions'],
          summary:
            '登记接访记录：批次、人次、反映事项（关联已登记的信访事项；当场登记的新事项先经 POST /cases 登记）、领导处理意见、当场解决、后续任务',
          params: idParam,
          body: RecordBody,
          response: { 200: SlotDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await recordReception(ctx, actor, req.params.id, req.body);
        return detailOf(ctx, actor, req.params.id);
      },
    );
  };
