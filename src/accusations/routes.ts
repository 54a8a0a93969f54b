// /api/v1/cases/:id/accused: the accused of an accusation (被反映人/被反映单位) — read, and record one
// later; /api/v1/accusations/bodies: the bodies an accusation may be referred to in a jurisdiction
// (纪委监委, 人大, 政法委, 法院, 检察院). Thin: commands.ts, queries.ts and the policies decide.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseRow } from '../cases/queries.ts';
import type { AppContext } from '../context.ts';
import { AccusedInput, MAX_ACCUSED } from '../domain/accusations.ts';
import { accusationPolicy } from '../policies/accusations.ts';
import { casePolicy, ensureAllowed, ensureReadable, staffToolsPolicy } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zIdParam } from '../server/fields.ts';
import { addAccused } from './commands.ts';
import { AccusedAnswer, ReferralBodies } from './contract.ts';
import { presentAccused } from './presenters.ts';
import { accusedOf, referralBodiesOf } from './queries.ts';

const idParam = z.object({ id: zIdParam('信访事项编号') });

export const accusationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/cases/:id/accused',
      {
        schema: {
          tags: ['cases'],
          summary: '被反映人/被反映单位（检举控告）',
          params: idParam,
          response: { 200: AccusedAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const c = await caseRow(ctx.db, req.params.id);
        ensureReadable(c !== undefined && accusationPolicy.read(actor, c));
        if (!c) return { items: [] };
        const full = accusationPolicy.viewName(actor, c);
        const rows = await accusedOf(ctx.db, ctx.pii, c.id);
        return { items: rows.map((r) => presentAccused(r, full)) };
      },
    );

    app.post(
      '/cases/:id/accused',
      {
        schema: {
          tags: ['cases'],
          summary: '补录被反映人/被反映单位（该单位此后看不到该事项）',
          params: idParam,
          body: z.object({ accused: z.array(AccusedInput).min(1, '请填写被反映人').max(MAX_ACCUSED) }),
          response: { 200: AccusedAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await addAccused(ctx, actor, req.params.id, req.body.accused);
        const c = await caseRow(ctx.db, req.params.id);
        if (!c || !casePolicy.read(actor, c)) return { items: [] };
        const full = accusationPolicy.viewName(actor, c);
        return { items: (await accusedOf(ctx.db, ctx.pii, c.id)).map((r) => presentAccused(r, full)) };
      },
    );

    app.get(
      '/accusations/bodies',
      {
        schema: {
          tags: ['cases'],
          summary: '可移送的机关（纪委监委、人大常委会、政法委、人民法院、人民检察院）',
          querystring: z.object({ jurisdiction: zCode('请选择行政区划') }),
          response: { 200: ReferralBodies },
        },
      },
      async (req) => {
        ensureAllowed(staffToolsPolicy.use(actorOf(req)));
        const rows = await referralBodiesOf(ctx.db, req.query.jurisdiction);
        return { items: rows };
      },
    );
  };
