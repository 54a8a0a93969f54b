import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { ORDER_STATUSES, type OrderStatus } from '../domain/supervision/orders.ts';
import { badRequest, conflict } from '../errors.ts';
import { attachmentHeader } from '../exports/xlsx.ts';
import { ensureAllowed } from '../policies/index.ts';
import { type Actor, supervisionPolicy } from '../policies/supervision.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zDate, zIdParam } from '../server/fields.ts';
import { ActionBody, actOnOrder, RaiseBody, raiseOrder } from './commands.ts';
import { firstTimeResolution } from './firstUnit.ts';
import { letterDataOf, renderLetter } from './letter.ts';
import { OrderDetail, OrderItem, orderNumber, presentDetail, presentItem } from './presenters.ts';
import { listOrders, orderNames, supervisionCounts, visibleOrder } from './queries.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const idParam = z.object({ id: zIdParam('督办编号') });

function parseStatuses(raw: string | undefined): OrderStatus[] | undefined {
  if (!raw) return undefined;
  const list = raw.split(',').filter(Boolean);
  for (const s of list)
    if (!(ORDER_STATUSES as readonly string[]).includes(s))
      throw badRequest('invalid_status', `未知的督办状态：${s.slice(0, 20)}`, 'status');
  return list as OrderStatus[];
}

const CountRow = z.object({
  issued: z.number(),
  overdue: z.number(),
  closedOnTime: z.number(),
  closed: z.number(),
  escalated: z.number(),
});

const PeriodQuery = z.object({
  jurisdiction: zCode().optional().meta({ description: '行政区划代码，默认为本人所属辖区' }),
  from: zDate('开始日期'),
  to: zDate('结束日期'),
});

function scopeOf(actor: Actor, q: { jurisdiction?: string; from: string; to: string }) {
  const code = q.jurisdiction ?? actor.jurisdictionCode ?? '';
  ensureAllowed(supervisionPolicy.counts(actor, code), '您没有权限查看该辖区的督办统计');
  if (q.from > q.to) throw badRequest('invalid_period', '开始日期不能晚于结束日期', 'from');
  return code;
}

export const supervisionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/supervision',
      {
        schema: {
          tags: ['supervision'],
          summary: '督查督办列表（本辖区、本单位；可按状态、信访事项、单位、是否逾期筛选）',
          querystring: z.object({
            status: z.string().max(100).optional().meta({ description: 'issued,feedback_filed,closed' }),
            caseId: zIdParam('信访事项编号').optional(),
            unitId: zIdParam('单位编号').optional(),
            overdue: z.enum(['true', 'false'], { error: 'overdue 应为 true 或 false' }).optional(),
            jurisdiction: zCode().optional(),
          }),
          response: { 200: z.object({ items: z.array(OrderItem) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(supervisionPolicy.use(actor), '您没有权限查看督查督办');
        const today = shanghaiDate(new Date());
        const { overdue, status, ...rest } = req.query;
        const rows = await listOrders(ctx, actor, {
          ...rest,
          status: parseStatuses(status),
          overdue: overdue === undefined ? undefined : overdue === 'true',
          today,
        });
        return { items: rows.map((r) => presentItem(r, today)) };
      },
    );

    app.post(
      '/supervision',
      {
        schema: {
          tags: ['supervision'],
          summary: '督办（督查员、领导）：对信访事项或单位发出督办，书面督办和实地督查生成督办函',
          body: RaiseBody,
          response: { 201: OrderDetail },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = await raiseOrder(ctx, actor, req.body);
        return reply.status(201).send(await detailOf(ctx, actor, id));
      },
    );

    app.get(
      '/supervision/counts',
      {
        schema: {
          tags: ['supervision'],
          summary: '督办统计：期间内发出、逾期、按期办结的督办数（按被督办单位）',
          querystring: PeriodQuery,
          response: {
            200: z.object({
              total: CountRow,
              byUnit: z.array(CountRow.extend({ unitId: z.number(), unit: z.string() })),
            }),
          },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const code = scopeOf(actor, req.query);
        return supervisionCounts(
          ctx,
          { jurisdiction: code },
          req.query.from,
          req.query.to,
          shanghaiDate(new Date()),
        );
      },
    );

    app.get(
      '/supervision/first-time',
      {
        schema: {
          tags: ['supervision'],
          summary: '初信初访一次性化解率（按首办单位）',
          querystring: PeriodQuery,
          response: {
            200: z.object({
              total: z.object({
                answered: z.number(),
                resolvedOnce: z.number(),
                rate: z.number().nullable(),
              }),
              byUnit: z.array(
                z.object({
                  unitId: z.number(),
                  unit: z.string(),
                  answered: z.number(),
                  resolvedOnce: z.number(),
                  rate: z.number().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const code = scopeOf(actor, req.query);
        return firstTimeResolution(ctx, code, req.query.from, req.query.to);
      },
    );

    app.get(
      '/supervision/:id',
      {
        schema: {
          tags: ['supervision'],
          summary: '督办详情（反馈、办理过程、督办函、可执行操作）',
          params: idParam,
          response: { 200: OrderDetail },
        },
      },
      async (req) => detailOf(ctx, actorOf(req), req.params.id),
    );

    app.post(
      '/supervision/:id/actions',
      {
        schema: {
          tags: ['supervision'],
          summary: '督办操作：报送反馈（被督办单位）、审核通过或退回（督办机关）',
          params: idParam,
          body: ActionBody,
          response: { 200: OrderDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await actOnOrder(ctx, actor, req.params.id, req.body);
        return detailOf(ctx, actor, req.params.id);
      },
    );

    app.get(
      '/supervision/:id/letter.docx',
      { schema: { tags: ['supervision'], summary: '下载督办函（Word）', params: idParam } },
      async (req, reply) => {
        const actor = actorOf(req);
        const o = await visibleOrder(ctx.db, actor, req.params.id);
        const number = orderNumber(o);
        if (!number) throw conflict('supervision_no_letter', '该督办方式不制发督办函');
        const letter = await renderLetter(await letterDataOf(ctx, o, number));
        return reply
          .header('content-type', DOCX)
          .header('content-disposition', attachmentHeader(letter.filename, `supervision-${o.id}.docx`))
          .send(letter.buffer);
      },
    );
  };

async function detailOf(ctx: AppContext, actor: Actor, id: number) {
  const o = await visibleOrder(ctx.db, actor, id);
  return presentDetail(actor, o, await orderNames(ctx.db, o), shanghaiDate(new Date()));
}
