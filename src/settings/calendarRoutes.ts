// GET /api/v1/calendar/holidays: the official working calendar the deadlines are computed with
// (src/domain/deadlines): the State Council schedule shipped with the chinese-days package, and for
// the years after it the days the province administrator entered (src/calendar/).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HolidayCalendar } from '../calendar/contract.ts';
import type { AppContext } from '../context.ts';
import {
  calendarCoverage,
  shanghaiDate,
  shippedCovers,
  specialDays,
  suppliedCovers,
} from '../domain/deadlines/index.ts';
import { ensureAllowed, staffToolsPolicy } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';

export const calendarRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/calendar/holidays',
      {
        schema: {
          tags: ['settings'],
          summary: '法定节假日与调休上班日（办理期限按此计算工作日）',
          querystring: z.object({
            year: z.coerce
              .number({ error: '年份应为数字' })
              .int()
              .min(2000, '年份不正确')
              .max(2100, '年份不正确')
              .optional()
              .meta({ description: '年份，默认今年（北京时间）' }),
          }),
          response: { 200: HolidayCalendar },
        },
      },
      async (req) => {
        ensureAllowed(staffToolsPolicy.use(actorOf(req)));
        const year = req.query.year ?? Number(shanghaiDate(new Date()).slice(0, 4));
        const coverage = calendarCoverage();
        const days = specialDays(year).flatMap((d) =>
          d.kind === 'holiday' || d.kind === 'makeup_workday'
            ? [{ date: d.date, kind: d.kind, label: d.label }]
            : [],
        );
        return {
          year,
          covered: shippedCovers(year) || suppliedCovers(year),
          source: shippedCovers(year)
            ? ('shipped' as const)
            : suppliedCovers(year)
              ? ('entered' as const)
              : ('none' as const),
          coverage,
          days,
        };
      },
    );
  };
