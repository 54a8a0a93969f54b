// PUT /api/v1/calendar/years/:year: the province administrator enters a year's holidays and
// make-up workdays (./commands.ts). Reading stays GET /api/v1/calendar/holidays.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { actorOf } from '../server/auth.ts';
import { zDate, zText } from '../server/fields.ts';
import { setYearCalendar } from './commands.ts';
import { YearEntered } from './contract.ts';

export const calendarEditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.put(
      '/calendar/years/:year',
      {
        schema: {
          tags: ['settings'],
          summary: '录入某年的法定节假日与调休上班日（省级管理员；限平台未收录的年份）',
          description:
            '整年替换：提交该年全部节假日（含其中的周末）和调休上班日；空列表清除该年。正在计算的期限按新日历重算。',
          params: z.object({
            year: z.coerce
              .number({ error: '年份应为数字' })
              .int('年份不正确')
              .min(2000, '年份不正确')
              .max(2100, '年份不正确'),
          }),
          body: z.object({
            days: z
              .array(
                z.object({
                  date: zDate('日期'),
                  kind: z.enum(['holiday', 'makeup_workday'], {
                    error: '类型应为 holiday 或 makeup_workday',
                  }),
                  name: zText({ label: '节日名称', min: 1, max: 20 }),
                }),
              )
              .max(80, '一年的节假日和调休上班日不超过80天'),
          }),
          response: { 200: YearEntered },
        },
      },
      async (req) => setYearCalendar(ctx, actorOf(req), req.params.year, req.body.days),
    );
  };
