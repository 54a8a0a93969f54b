// /api/v1/warnings (预警: list within scope, acknowledge) and /api/v1/special-periods (重大活动保障期,
// administrators). Shapes as in the analytics contract.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { analyticsScope } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zDate, zIdParam, zText } from '../server/fields.ts';
import { readDb } from '../server/readDb.ts';
import { Warning as Item, SpecialPeriod as Period, WARNING_KINDS } from './contract.ts';
import { createPeriod, deletePeriod, listPeriods } from './periods.ts';
import { acknowledgeWarning, listWarnings } from './store.ts';

export const warningRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/warnings',
      {
        schema: {
          tags: ['warnings'],
          summary: '预警列表（本辖区）',
          querystring: z.object({
            status: z.enum(['open', 'acknowledged']).optional(),
            scope: zCode().optional(),
            kind: z.enum(WARNING_KINDS).optional(),
            level: z.enum(['high', 'medium']).optional(),
          }),
          response: { 200: z.object({ items: z.array(Item) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        analyticsScope(actor, req.query.scope);
        return { items: await listWarnings(await readDb(ctx, req), actor, req.query) };
      },
    );

    app.post(
      '/warnings/:id/acknowledge',
      {
        schema: {
          tags: ['warnings'],
          summary: '签收预警（督查员、领导），记录签收人和处置说明',
          params: z.object({ id: zIdParam('预警编号') }),
          body: z.object({ note: zText({ label: '处置说明', max: 1000 }).default('') }),
          response: { 200: Item },
        },
      },
      async (req) => acknowledgeWarning(ctx, actorOf(req), req.params.id, req.body.note),
    );

    app.get(
      '/special-periods',
      {
        schema: {
          tags: ['warnings'],
          summary: '重大活动保障期（本辖区及适用于本辖区的上级保障期）',
          response: { 200: z.object({ items: z.array(Period) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        analyticsScope(actor);
        return { items: await listPeriods(ctx.db, actor) };
      },
    );

    app.post(
      '/special-periods',
      {
        schema: {
          tags: ['warnings'],
          summary: '设置重大活动保障期（管理员，本辖区）：期间内预警阈值乘以系数，并每日向督查员发送预警日报',
          body: z.object({
            name: zText({ label: '保障期名称', min: 2, max: 100 }),
            from: zDate('开始日期'),
            to: zDate('结束日期'),
            scope: zCode(),
            thresholdFactor: z.number().gt(0).max(1).default(0.5),
          }),
          response: { 201: Period },
        },
      },
      async (req, reply) => {
        const p = await createPeriod(ctx, actorOf(req), req.body);
        return reply.code(201).send(p);
      },
    );

    app.delete(
      '/special-periods/:id',
      {
        schema: {
          tags: ['warnings'],
          summary: '删除重大活动保障期（管理员）',
          params: z.object({ id: zIdParam('保障期编号') }),
        },
      },
      async (req, reply) => {
        await deletePeriod(ctx, actorOf(req), req.params.id);
        return reply.code(204).send();
      },
    );
  };
