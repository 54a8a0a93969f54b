// /api/v1/api-keys: 接口密钥 — the admin's list, creating a key (its secret is answered once) and
// revoking one. Thin: commands.ts and queries.ts do the work; src/policies/apikeys.ts decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { machineClientPolicy } from '../policies/apikeys.ts';
import { ensureAllowed } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zIdParam } from '../server/fields.ts';
import { CreateKeyBody, createApiKey, revokeApiKey } from './commands.ts';
import { KeyItem } from './contract.ts';
import { presentKey } from './presenters.ts';
import { listApiKeys } from './queries.ts';

export const apiKeyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api-keys',
      {
        schema: {
          tags: ['interop'],
          summary: '接口密钥列表（本辖区）',
          response: { 200: z.object({ items: z.array(KeyItem) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(machineClientPolicy.use(actor), '只有管理员可以管理接口密钥');
        const rows = await listApiKeys(ctx.db, actor);
        return { items: rows.map(presentKey) };
      },
    );

    app.post(
      '/api-keys',
      {
        schema: {
          tags: ['interop'],
          summary: '新建接口密钥（密钥只在此次返回）',
          body: CreateKeyBody,
          response: {
            201: z.object({
              id: z.number(),
              prefix: z.string(),
              key: z.string().meta({ description: '完整密钥，只显示这一次；请求时放在 X-Api-Key 请求头' }),
            }),
          },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        ensureAllowed(machineClientPolicy.use(actor), '只有管理员可以管理接口密钥');
        return reply.status(201).send(await createApiKey(ctx, actor, req.body));
      },
    );

    app.post(
      '/api-keys/:id/revoke',
      {
        schema: {
          tags: ['interop'],
          summary: '吊销接口密钥（立即失效）',
          params: z.object({ id: zIdParam('密钥编号') }),
          response: { 200: z.object({ id: z.number(), revoked: z.literal(true) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await revokeApiKey(ctx, actor, req.params.id);
        return { id: req.params.id, revoked: true as const };
      },
    );
  };
