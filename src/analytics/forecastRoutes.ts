// GET /api/v1/analytics/forecast: monthly volume forecast with 80 %/95 % intervals for a scope
// (default: the caller's jurisdiction) and optionally one content category (analytics contract).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { analyticsScope } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zMonth, zText } from '../server/fields.ts';
import { readDb } from '../server/readDb.ts';
import { forecastVolume } from './forecast.ts';

const Point = z.object({
  period: z.string(),
  mean: z.number(),
  lo80: z.number(),
  hi80: z.number(),
  lo95: z.number(),
  hi95: z.number(),
});

export const forecastRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/analytics/forecast',
      {
        schema: {
          tags: ['analytics'],
          summary: '信访量预测（Holt–Winters 季节模型，80%/95% 预测区间）',
          querystring: z.object({
            scope: zCode().optional(),
            category: zText({ label: '内容分类', min: 1, max: 20 })
              .optional()
              .meta({ description: '内容分类代码' }),
            horizon: z.coerce.number().int().min(1).max(24).default(3),
            until: zMonth('截止月份').optional().meta({ description: '历史数据截止月份（默认上月）' }),
          }),
          response: {
            200: z.object({
              history: z.array(z.object({ period: z.string(), total: z.number() })),
              forecast: z.array(Point),
              model: z.string(),
              mase: z.number().nullable().meta({
                description: '回测平均绝对标度误差（MASE，<1 优于"去年同月"朴素预测）；历史不足时为 null',
              }),
              insufficient: z.enum(['short', 'sparse']).nullable().meta({
                description: '历史数据不足、不作预测的原因（short 不满12个月，sparse 多数月份为零）',
              }),
              note: z.string().nullable(),
            }),
          },
        },
      },
      async (req) => {
        const scope = analyticsScope(actorOf(req), req.query.scope);
        return forecastVolume(await readDb(ctx, req), {
          scope,
          category: req.query.category,
          months: req.query.horizon,
          until: req.query.until,
        });
      },
    );
  };
