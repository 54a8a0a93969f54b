// GET /api/v1/calendar/holidays: the official working calendar the deadlines are computed with
// (src/domain/deadlines): the State Council schedule shipped with the chinese-days package, and for
// the years after it the days the province administrator entered (src/calendar/).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
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

const Day = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'makeup_workday']),
  label: z.string().meta({ description: '节日名称，或“调休上班（节日）”' }),
});

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
          response: {
            200: z.object({
              year: z.number(),
              covered: z.boolean().meta({ description: '日历是否包含该年的国务院放假安排' }),
              source: z
                .enum(['shipped', 'entered', 'none'])
                .meta({ description: 'shipped 随平台提供；entered 由管理员录入；none 未收录' }),
              coverage: z.object({ firstYear: z.number(), lastYear: z.number() }),
              days: z.array(Day),
            }),
          },
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
