// /api/v1/cases — the foundation's read side: scoped list and detail. The lifecycle issue adds
// intake, actions, filters and search on top of these.
import { and, count, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { cases, users } from '../db/schema.ts';
import { maskPhone } from '../domain/masking.ts';
import { casePolicy, caseScope, ensureReadable } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';

const CaseView = z.object({
  id: z.number(),
  caseNumber: z.string(),
  jurisdictionCode: z.string(),
  assignedUnitId: z.number().nullable(),
  form: z.string(),
  subject: z.string(),
  state: z.string(),
  createdAt: z.string(),
  petitionerPhone: z.string().nullable().meta({ description: '按角色脱敏' }),
});

export const caseRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const select = { c: cases, petitionerPhoneEnc: users.phoneEnc };
    type Row = { c: typeof cases.$inferSelect; petitionerPhoneEnc: string | null };
    const present = (actor: ReturnType<typeof actorOf>, { c, petitionerPhoneEnc }: Row) => {
      const phone = petitionerPhoneEnc ? ctx.pii.decrypt(petitionerPhoneEnc) : null;
      return {
        id: c.id,
        caseNumber: c.caseNumber,
        jurisdictionCode: c.jurisdictionCode,
        assignedUnitId: c.assignedUnitId,
        form: c.form,
        subject: c.subject,
        state: c.state,
        createdAt: c.createdAt.toISOString(),
        petitionerPhone: phone && !casePolicy.viewFullPii(actor, c) ? maskPhone(phone) : phone,
      };
    };

    app.get(
      '/cases',
      {
        schema: {
          tags: ['cases'],
          summary: '信访事项列表（按数据范围）',
          querystring: z.object({
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(20),
          }),
          response: { 200: z.object({ items: z.array(CaseView), total: z.number() }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const { page, pageSize } = req.query;
        const where = and(caseScope(actor));
        const [rows, [total]] = await Promise.all([
          ctx.db
            .select(select)
            .from(cases)
            .leftJoin(users, eq(users.id, cases.petitionerUserId))
            .where(where)
            .orderBy(desc(cases.createdAt), desc(cases.id))
            .limit(pageSize)
            .offset((page - 1) * pageSize),
          ctx.db.select({ n: count() }).from(cases).where(where),
        ]);
        return { total: total?.n ?? 0, items: rows.map((r) => present(actor, r)) };
      },
    );

    app.get(
      '/cases/:id',
      {
        schema: {
          tags: ['cases'],
          summary: '信访事项详情',
          params: z.object({ id: z.coerce.number().int().positive() }),
          response: { 200: CaseView },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const [row] = await ctx.db
          .select(select)
          .from(cases)
          .leftJoin(users, eq(users.id, cases.petitionerUserId))
          .where(eq(cases.id, req.params.id));
        // Unknown and out-of-scope answer alike, so existence does not leak.
        ensureReadable(row !== undefined && casePolicy.read(actor, row.c));
        return present(actor, row as Row);
      },
    );
  };
