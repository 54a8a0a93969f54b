// /api/v1/jurisdictions: the GB/T 2260 tree and each jurisdiction's units. Public reference data.
import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { jurisdictions, units } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { zCode } from '../server/fields.ts';

const Jurisdiction = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  level: z.number().meta({ description: '1 省 2 市 3 县（区、市） 4 乡镇（街道）' }),
  parentCode: z.string().nullable(),
  childCount: z.number(),
});
const Unit = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
  deptKey: z.string(),
  retired: z.boolean().meta({ description: '已撤销：保留历史，不再接收新的信访事项' }),
});

export const orgRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Written out in full: inside the subquery an unqualified column would bind to the alias `c`.
    const childCount = sql<number>`(select count(*)::int from jurisdictions c where c.parent_code = jurisdictions.code)`;
    const columns = {
      code: jurisdictions.code,
      name: jurisdictions.name,
      fullName: jurisdictions.fullName,
      level: jurisdictions.level,
      parentCode: jurisdictions.parentCode,
      childCount,
    };

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
        const where = req.query.parent
          ? eq(jurisdictions.parentCode, req.query.parent)
          : isNull(jurisdictions.parentCode);
        const items = await ctx.db
          .select(columns)
          .from(jurisdictions)
          .where(where)
          .orderBy(asc(jurisdictions.code));
        return { items };
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
          response: { 200: Jurisdiction.extend({ units: z.array(Unit) }) },
        },
      },
      async (req) => {
        const [j] = await ctx.db
          .select(columns)
          .from(jurisdictions)
          .where(eq(jurisdictions.code, req.params.code));
        if (!j) throw notFound('未找到该行政区划');
        const unitRows = await ctx.db
          .select({
            id: units.id,
            name: units.name,
            shortName: units.shortName,
            kind: units.kind,
            deptKey: units.deptKey,
            retiredAt: units.retiredAt,
          })
          .from(units)
          .where(eq(units.jurisdictionCode, j.code))
          .orderBy(asc(units.id));
        return {
          ...j,
          units: unitRows.map(({ retiredAt, ...u }) => ({ ...u, retired: retiredAt !== null })),
        };
      },
    );
  };
