// /api/v1/webhooks: 事件推送 — subscriptions (list, create with the secret answered once, pause or
// resume), deliveries (the dead-letter view with ?status=dead) and replaying one. Thin: commands.ts
// and queries.ts do the work; src/policies/apikeys.ts decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { WEBHOOK_EVENT_NAMES, WEBHOOK_EVENTS } from '../domain/webhooks/events.ts';
import { machineClientPolicy } from '../policies/apikeys.ts';
import { ensureAllowed } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zIdParam } from '../server/fields.ts';
import {
  CreateSubscriptionBody,
  createSubscription,
  replayDelivery,
  setSubscriptionActive,
} from './commands.ts';
import { DeliveryItem, SubscriptionList } from './contract.ts';
import { presentDelivery, presentSubscription } from './presenters.ts';
import { listDeliveries, listSubscriptions } from './queries.ts';

const idParam = z.object({ id: zIdParam('编号') });
const NOT_ADMIN = '只有管理员可以管理事件推送';

export const webhookRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/webhooks',
      {
        schema: {
          tags: ['interop'],
          summary: '事件推送订阅列表（本辖区），及可订阅的事件类型',
          response: { 200: SubscriptionList },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(machineClientPolicy.use(actor), NOT_ADMIN);
        const rows = await listSubscriptions(ctx.db, actor);
        return {
          items: rows.map(presentSubscription),
          eventTypes: WEBHOOK_EVENTS.map((t) => ({ type: t, name: WEBHOOK_EVENT_NAMES[t] })),
        };
      },
    );

    app.post(
      '/webhooks',
      {
        schema: {
          tags: ['interop'],
          summary: '新建事件推送订阅（签名密钥只在此次返回）',
          body: CreateSubscriptionBody,
          response: {
            201: z.object({
              id: z.number(),
              secret: z.string().meta({ description: '签名密钥（HMAC-SHA256），只显示这一次' }),
            }),
          },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        ensureAllowed(machineClientPolicy.use(actor), NOT_ADMIN);
        return reply.status(201).send(await createSubscription(ctx, actor, req.body));
      },
    );

    app.post(
      '/webhooks/:id/active',
      {
        schema: {
          tags: ['interop'],
          summary: '暂停或恢复推送',
          params: idParam,
          body: z.object({ active: z.boolean({ error: 'active 应为 true 或 false' }) }),
          response: { 200: z.object({ id: z.number(), active: z.boolean() }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(machineClientPolicy.use(actor), NOT_ADMIN);
        await setSubscriptionActive(ctx, actor, req.params.id, req.body.active);
        return { id: req.params.id, active: req.body.active };
      },
    );

    app.get(
      '/webhooks/deliveries',
      {
        schema: {
          tags: ['interop'],
          summary: '推送记录（status=dead 为死信），最新的200条',
          querystring: z.object({
            status: z
              .enum(['pending', 'delivered', 'dead'], { error: '状态应为 pending、delivered 或 dead' })
              .optional(),
            subscriptionId: zIdParam('订阅编号').optional(),
          }),
          response: { 200: z.object({ items: z.array(DeliveryItem) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(machineClientPolicy.use(actor), NOT_ADMIN);
        const rows = await listDeliveries(ctx.db, actor, req.query);
        return { items: rows.map(presentDelivery) };
      },
    );

    app.post(
      '/webhooks/deliveries/:id/replay',
      {
        schema: {
          tags: ['interop'],
          summary: '重新推送（死信或已送达的推送重新排队）',
          params: idParam,
          response: { 200: z.object({ id: z.number(), status: z.literal('pending') }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(machineClientPolicy.use(actor), NOT_ADMIN);
        await replayDelivery(ctx, actor, req.params.id);
        return { id: req.params.id, status: 'pending' as const };
      },
    );
  };
