// /api/v1/me/profile: a citizen's real-name details (实名信息), asked once and kept, encrypted at rest.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { actorOf } from '../server/auth.ts';
import { zIdNumber, zPersonName } from '../server/fields.ts';
import { saveProfile } from './commands.ts';
import { Profile } from './contract.ts';
import { profileOf } from './queries.ts';

export const profileRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/me/profile',
      { schema: { tags: ['auth'], summary: '本人实名信息', response: { 200: Profile } } },
      async (req) => profileOf(ctx.db, ctx.pii, actorOf(req).userId),
    );

    app.put(
      '/me/profile',
      {
        schema: {
          tags: ['auth'],
          summary: '填写实名信息（信访人）',
          body: z.object({ name: zPersonName(), idNumber: zIdNumber() }),
          response: { 200: Profile },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await saveProfile(ctx, actor, req.body);
        return profileOf(ctx.db, ctx.pii, actor.userId);
      },
    );
  };
