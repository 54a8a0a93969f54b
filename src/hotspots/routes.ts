// GET /api/v1/analytics/hotspots: 热点问题 — clusters of petitions about the same problem and place
// in the caller's jurisdiction (or a scope inside it), ranked by petitioners, size and growth.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { defaultPeriod } from '../domain/indicators/period.ts';
import { badRequest } from '../errors.ts';
import { analyticsScope } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zDate } from '../server/fields.ts';
import { readDb } from '../server/readDb.ts';
import { StaleWhileRevalidate } from './cache.ts';
import { findHotspots, type HotspotResult } from './find.ts';

const MAX_DAYS = 366;
/**
 * Clustering a province month takes about a second (docs/hotspots.md), and dashboards ask again
 * and again: an answer is fresh for 5 minutes per (scope, window, limit); up to an hour old it is
 * returned at once while one background computation replaces it (stale-while-revalidate), so
 * only the first visit to a window waits, and a new petition shows up on the next visit but one.
 */
const HOTSPOT_FRESH_MS = 5 * 60_000;
const HOTSPOT_STALE_MS = 60 * 60_000;

export const hotspotRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // One cache per platform instance (tests run several in one process).
    const cache = new StaleWhileRevalidate<string, HotspotResult>({
      freshMs: HOTSPOT_FRESH_MS,
      staleMs: HOTSPOT_STALE_MS,
      onRefreshError: (err) => ctx.log.warn({ err }, 'hotspot refresh failed'),
    });
    app.get(
      '/analytics/hotspots',
      {
        schema: {
          tags: ['analytics'],
          summary: '热点问题：同一地点同一问题的信访聚类（按信访人数、件数和增长排序）',
          querystring: z.object({
            from: zDate('开始日期').optional(),
            to: zDate('结束日期').optional(),
            scope: zCode().optional(),
            limit: z.coerce.number().int().min(1).max(100).default(20),
          }),
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const scopeCode = analyticsScope(actor, req.query.scope);
        // The period asked for, else the 30 days to `to` or today (Beijing time), as the dashboards.
        const { from, to } = defaultPeriod(shanghaiDate(new Date()), req.query);
        const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
        if (Number.isNaN(days)) throw badRequest('invalid_date', '日期无效', 'from');
        if (days < 0) throw badRequest('invalid_range', '开始日期不能晚于结束日期', 'from');
        if (days >= MAX_DAYS) throw badRequest('range_too_long', '时间范围最长一年', 'to');
        const limit = req.query.limit;
        return cache.get(`${scopeCode}|${from}|${to}|${limit}`, async () =>
          findHotspots(await readDb(ctx, req), { from, to, scopeCode, limit }),
        );
      },
    );
  };
