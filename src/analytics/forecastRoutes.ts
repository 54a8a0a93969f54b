// GET /api/v1/analytics/forecast: monthly volume forecast with 80 %/95 % intervals for a scope
// (default: the caller's jurisdiction) and optionally one content category (analytics contract).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { analyticsScope } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zMonth, zText } from '../server/fields.ts';
import { readDb } from '../server/readDb.ts';
import { ForecastAnswer } from './contract.ts';
import { forecastVolume } from './forecast.ts';

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
            200: ForecastAnswer,
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
