// /api/v1/me/profile: a citizen's real-name details (实名信息), asked once and kept, encrypted at rest.
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/chain.ts';
import type { AppContext } from '../context.ts';
import { users } from '../db/schema.ts';
import { forbidden, notFound } from '../errors.ts';
import { actorOf } from '../server/auth.ts';
import { zIdNumber, zPersonName } from '../server/fields.ts';
import { Profile } from './contract.ts';

export const profileRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const read = async (userId: number) => {
      const [u] = await ctx.db.select().from(users).where(eq(users.id, userId));
      if (!u) throw notFound();
      const dec = (v: string | null) => (v ? ctx.pii.decrypt(v) : null);
      return { name: dec(u.realNameEnc), idNumber: dec(u.idNumberEnc), phone: dec(u.phoneEnc) };
    };

    app.get(
      '/me/profile',
      { schema: { tags: ['auth'], summary: '本人实名信息', response: { 200: Profile } } },
      async (req) => read(actorOf(req).userId),
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
        if (actor.role !== 'citizen') throw forbidden('仅信访人可填写实名信息');
        await ctx.db.transaction(async (tx) => {
          await tx
            .update(users)
            .set({
              realNameEnc: ctx.pii.encrypt(req.body.name),
              idNumberEnc: ctx.pii.encrypt(req.body.idNumber),
              idNumberHash: ctx.pii.hash(req.body.idNumber),
            })
            .where(eq(users.id, actor.userId));
          await recordAudit(tx, {
            actorUserId: actor.userId,
            actorRole: actor.role,
            action: 'user.profile.update',
            entity: 'user',
            entityId: actor.userId,
            summary: { changed: ['realName', 'idNumber'] },
          });
        });
        return read(actor.userId);
      },
    );
  };
