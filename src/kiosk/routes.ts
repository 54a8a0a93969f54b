// /api/v1/kiosk: 大屏展示令牌 — the admin's list, creating a token (answered once) and revoking one;
// and /kiosk/screen, what the big screen showing a token asks first (its jurisdiction). Thin:
// commands.ts does the work, src/policies/kiosk.ts decides.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { forbidden } from '../errors.ts';
import { ensureAllowed } from '../policies/index.ts';
import { kioskPolicy } from '../policies/kiosk.ts';
import { actorOf } from '../server/auth.ts';
import { zIdParam } from '../server/fields.ts';
import { CreateKioskBody, createKioskToken, revokeKioskToken } from './commands.ts';
import { KioskScreen, KioskToken } from './contract.ts';
import { kioskTokensOf } from './queries.ts';

export const kioskRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/kiosk/screen',
      {
        schema: {
          tags: ['analytics'],
          summary: '大屏展示令牌所显示的区划（仅供持令牌的大屏调用）',
          response: { 200: KioskScreen },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        if (!actor.kiosk || !actor.jurisdictionCode) throw forbidden('仅供大屏展示令牌使用');
        return {
          name: actor.displayName.replace(/^大屏：/, ''),
          jurisdiction: { code: actor.jurisdictionCode, name: actor.jurisdictionName ?? '' },
        };
      },
    );

    app.get(
      '/kiosk/tokens',
      {
        schema: {
          tags: ['analytics'],
          summary: '大屏展示令牌列表（本辖区，管理员）',
          response: { 200: z.object({ items: z.array(KioskToken) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(kioskPolicy.manage(actor), '只有管理员可以管理大屏展示令牌');
        const rows = await kioskTokensOf(ctx.db, actor);
        return {
          items: rows.map(({ t, jurisdictionName }) => ({
            id: t.id,
            name: t.name,
            prefix: `xfs_${t.prefix}_…`,
            jurisdiction: { code: t.jurisdictionCode, name: jurisdictionName },
            createdAt: t.createdAt.toISOString(),
            lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
            revokedAt: t.revokedAt?.toISOString() ?? null,
          })),
        };
      },
    );

    app.post(
      '/kiosk/tokens',
      {
        schema: {
          tags: ['analytics'],
          summary: '新建大屏展示令牌（只读，仅大屏数据；令牌只在此次返回）',
          body: CreateKioskBody,
          response: {
            201: z.object({
              id: z.number(),
              prefix: z.string(),
              token: z.string().meta({ description: '完整令牌，只显示这一次' }),
              path: z.string().meta({ description: '在大屏上打开的地址：/screen/?kiosk=令牌' }),
            }),
          },
        },
      },
      async (req, reply) => reply.status(201).send(await createKioskToken(ctx, actorOf(req), req.body)),
    );

    app.post(
      '/kiosk/tokens/:id/revoke',
      {
        schema: {
          tags: ['analytics'],
          summary: '吊销大屏展示令牌（立即失效，大屏回到登录页）',
          params: z.object({ id: zIdParam('令牌编号') }),
          response: { 200: z.object({ id: z.number(), revoked: z.literal(true) }) },
        },
      },
      async (req) => {
        await revokeKioskToken(ctx, actorOf(req), req.params.id);
        return { id: req.params.id, revoked: true as const };
      },
    );
  };
