// /api/v1/monitoring: 日监测 of a scope (counts per source and the first items, each with a
// one-click action) and the morning digests (晨报) of the bureaus in it. Scope: src/policies/monitoring.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { MONITORING_SOURCES, sourcesFor } from '../domain/monitoring/sources.ts';
import { monitoringScope } from '../policies/monitoring.ts';
import { actorOf } from '../server/auth.ts';
import { zCode } from '../server/fields.ts';
import { Daily, Digest, ThresholdsAnswer, ThresholdValues } from './contract.ts';
import { collectSources, listDigests, scopeName } from './daily.ts';
import { monitoringThresholds } from './thresholds.ts';

const Query = z.object({
  jurisdiction: zCode().optional().meta({ description: '行政区划代码，默认为本人所属辖区' }),
});

export const monitoringRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/monitoring/daily',
      {
        schema: {
          tags: ['monitoring'],
          summary: '日监测：本辖区今日需关注事项（按来源计数，每类列出前若干项）',
          querystring: Query,
          response: { 200: Daily },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const code = monitoringScope(actor, req.query.jurisdiction);
        const now = new Date();
        return {
          date: shanghaiDate(now),
          scope: { code, name: await scopeName(ctx.db, code) },
          sources: await collectSources(ctx.db, code, sourcesFor(actor.role), now, undefined, actor.unitId),
        };
      },
    );

    app.get(
      '/monitoring/digests',
      {
        schema: {
          tags: ['monitoring'],
          summary: '日监测晨报（本辖区各信访部门，每日一份）',
          querystring: Query,
          response: { 200: z.object({ items: z.array(Digest) }) },
        },
      },
      async (req) => {
        const code = monitoringScope(actorOf(req), req.query.jurisdiction);
        return { items: await listDigests(ctx.db, code) };
      },
    );

    app.get(
      '/monitoring/thresholds/:code',
      {
        schema: {
          tags: ['monitoring'],
          summary: '某行政区划生效的日监测阈值（含上级设置与默认值）及各阈值的范围',
          params: z.object({ code: zCode() }),
          response: { 200: ThresholdsAnswer },
        },
      },
      async (req) => {
        const code = monitoringScope(actorOf(req), req.params.code);
        return {
          values: await monitoringThresholds.forCode(ctx.db, code),
          definitions: MONITORING_SOURCES.flatMap((s) =>
            s.threshold ? [{ source: s.title, ...s.threshold }] : [],
          ),
        };
      },
    );

    app.put(
      '/monitoring/thresholds/:code',
      {
        schema: {
          tags: ['monitoring'],
          summary: '设置本辖区的日监测阈值（管理员；对下级生效，下级可另行设置）',
          params: z.object({ code: zCode() }),
          body: z.record(z.string().max(40), z.unknown()),
          response: { 200: z.object({ values: ThresholdValues }) },
        },
      },
      async (req) => ({
        values: await monitoringThresholds.save(
          ctx,
          actorOf(req),
          req.params.code,
          req.body as Record<string, unknown>,
        ),
      }),
    );
  };
