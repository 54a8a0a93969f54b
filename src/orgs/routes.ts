import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { zCode } from '../server/fields.ts';
import { Jurisdiction, JurisdictionDetail } from './contract.ts';
import { childJurisdictions, jurisdictionWithUnits } from './queries.ts';

export const orgRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/jurisdictions',
      {
        config: { public: true },
        schema: {
          tags: ['orgs'],
          summary: '行政区划（下级列表）',
          description: '不带 parent 返回省级；parent=320000 返回13个设区市。',
          querystring: z.object({ parent: zCode().optional() }),
          response: { 200: z.object({ items: z.array(Jurisdiction) }) },
        },
      },
      async (req) => {
        return { items: await childJurisdictions(ctx.db, req.query.parent) };
      },
    );

    app.get(
      '/jurisdictions/:code',
      {
        config: { public: true },
        schema: {
          tags: ['orgs'],
          summary: '行政区划详情及其单位（信访局、职能部门）',
          params: z.object({ code: zCode() }),
          response: { 200: JurisdictionDetail },
        },
      },
      async (req) => {
        const j = await jurisdictionWithUnits(ctx.db, req.params.code);
        if (!j) throw notFound('未找到该行政区划');
        const { unitRows } = j;
        return {
          ...j.jurisdiction,
          units: unitRows.map(({ retiredAt, ...u }) => ({ ...u, retired: retiredAt !== null })),
        };
      },
    );
  };
