// Indicators API (analytics contract, "Indicators"): /analytics/indicators (and .xlsx, the
// console's table as a workbook), /analytics/cases, /analytics/trend, /analytics/overdue-by-unit. Who may read and which scope: analyticsScope
// (src/policies). Figures come from the rollups (indicators.ts); only /cases reads `cases`.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseSummary, caseTextFor, presentSummary } from '../cases/presenters.ts';
import { UnitLookup } from '../cases/units.ts';
import type { AppContext } from '../context.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { defaultPeriod, INDICATOR_DEFINITIONS } from '../domain/indicators/index.ts';
import { TABLE_GROUP_BYS } from '../domain/indicators/table.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { XLSX_CONTENT_TYPE } from '../exports/xlsx.ts';
import { flagCounts } from '../flags/queries.ts';
import { analyticsScope } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zDate, zIdParam, zPage, zText } from '../server/fields.ts';
import { readDb } from '../server/readDb.ts';
import {
  DRILL_METRICS,
  GROUP_BYS,
  IndicatorDefinitions,
  IndicatorsAnswer,
  OverdueAnswer,
  TrendAnswer,
} from './contract.ts';
import { casesBehind } from './drill.ts';
import { indicatorsFor, overdueByUnit, trendFor } from './indicators.ts';
import { indicatorsWorkbook } from './indicatorsXlsx.ts';

const scope = zCode().optional().meta({ description: '行政区划代码（默认本人所在辖区）' });
const Range = { from: zDate('起始日期').optional(), to: zDate('截止日期').optional() };

/** The period asked for, else the 30 days to `to` or today (Beijing time; not the client's). */
const rangeOf = (q: { from?: string; to?: string }) => defaultPeriod(shanghaiDate(new Date()), q);

export const analyticsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/analytics/indicators',
      {
        schema: {
          tags: ['analytics'],
          summary: '统计指标（总量、同比环比、网上信访占比、及时受理率、按期办结率、参评率、满意率等）',
          querystring: z.object({ ...Range, scope, groupBy: z.enum(GROUP_BYS).default('none') }),
          response: {
            200: IndicatorsAnswer,
          },
        },
      },
      async (req) => {
        const code = analyticsScope(actorOf(req), req.query.scope);
        const range = rangeOf(req.query);
        const db = await readDb(ctx, req);
        const [indicators, flags] = await Promise.all([
          indicatorsFor(db, { range, scope: code, groupBy: req.query.groupBy }),
          flagCounts(db, prefixOf(code), range),
        ]);
        return { ...indicators, flags };
      },
    );

    app.get(
      '/analytics/indicators.xlsx',
      {
        schema: {
          tags: ['analytics'],
          summary: '导出指标明细表为 Excel（参数、数据范围同统计指标，含合计行）',
          querystring: z.object({
            ...Range,
            scope,
            groupBy: z.enum(TABLE_GROUP_BYS).default('jurisdiction'),
          }),
        },
      },
      async (req, reply) => {
        const code = analyticsScope(actorOf(req), req.query.scope);
        const answer = await indicatorsFor(await readDb(ctx, req), {
          range: rangeOf(req.query),
          scope: code,
          groupBy: req.query.groupBy,
        });
        const { body, disposition } = await indicatorsWorkbook(answer, req.query.groupBy);
        return reply
          .header('content-type', XLSX_CONTENT_TYPE)
          .header('content-disposition', disposition)
          .send(body);
      },
    );

    app.get(
      '/analytics/indicators/definitions',
      {
        schema: {
          tags: ['analytics'],
          summary: '各项指标的名称与计算口径',
          response: {
            200: IndicatorDefinitions,
          },
        },
      },
      async (req) => {
        analyticsScope(actorOf(req));
        return INDICATOR_DEFINITIONS;
      },
    );

    app.get(
      '/analytics/cases',
      {
        schema: {
          tags: ['analytics'],
          summary: '指标背后的信访事项（下钻到事项列表）',
          querystring: z.object({
            ...Range,
            scope,
            metric: z.enum(DRILL_METRICS).default('total'),
            category: zText({ label: '内容分类', max: 20 }).optional(),
            form: zText({ label: '信访形式', max: 20 }).optional(),
            purpose: zText({ label: '信访目的', max: 20 }).optional(),
            unit: zIdParam('单位').optional(),
            page: zPage().default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(20),
          }),
          response: { 200: z.object({ items: z.array(CaseSummary), total: z.number() }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const code = analyticsScope(actor, req.query.scope);
        const db = await readDb(ctx, req);
        const r = await casesBehind(db, actor, { ...req.query, range: rangeOf(req.query), scope: code });
        const now = new Date();
        const names = await new UnitLookup(ctx.db).jurisdictionNames(
          ctx.db, // the process-wide name cache fills from the primary, never from a lagging copy
          r.items.map((c) => c.jurisdictionCode),
        );
        // Subjects as the caller may see them: numbers typed into them masked (docs/security.md).
        const items = r.items.map((c) => presentSummary(caseTextFor(actor, c), now, names));
        return { total: r.total, items };
      },
    );

    app.get(
      '/analytics/trend',
      {
        schema: {
          tags: ['analytics'],
          summary: '信访量趋势（按月或按日，含上年同期）',
          querystring: z.object({
            ...Range,
            scope,
            category: zText({ label: '内容分类', max: 20 }).optional(),
            interval: z.enum(['month', 'day']).default('month'),
          }),
          response: {
            200: TrendAnswer,
          },
        },
      },
      async (req) => {
        const code = analyticsScope(actorOf(req), req.query.scope);
        return trendFor(await readDb(ctx, req), {
          range: rangeOf(req.query),
          scope: code,
          category: req.query.category,
          interval: req.query.interval,
        });
      },
    );

    app.get(
      '/analytics/overdue-by-unit',
      {
        schema: {
          tags: ['analytics'],
          summary: '各单位在办、临期、超期事项数（当前）',
          querystring: z.object({ scope }),
          response: {
            200: OverdueAnswer,
          },
        },
      },
      async (req) => {
        const code = analyticsScope(actorOf(req), req.query.scope);
        return overdueByUnit(await readDb(ctx, req), code);
      },
    );
  };
