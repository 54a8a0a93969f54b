// /api/v1/hotline/orders: the 12345 hotline's adapter endpoint (docs/interop.md, "12345 hotline").
// Called by the hotline system with an API key (scope `register`) bound to a hotline peer; thin:
// commands.ts does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { actorOf } from '../server/auth.ts';
import { OrderBody, registerOrder } from './commands.ts';

const Answer = z.object({ caseId: z.number(), caseNumber: z.string(), duplicate: z.boolean() });

export const hotlineRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/hotline/orders',
      {
        schema: {
          tags: ['interop'],
          summary: '12345热线工单转入：登记为信访形式“12345热线”的信访事项（同一工单编号再次提交返回原事项）',
          security: [{ apiKey: [] }],
          body: OrderBody,
          response: { 201: Answer, 200: Answer },
        },
      },
      async (req, reply) => {
        const r = await registerOrder(ctx, actorOf(req), req.body);
        return reply.code(r.duplicate ? 200 : 201).send(r);
      },
    );
  };
