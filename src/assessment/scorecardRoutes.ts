// /api/v1/assessment: the 考核 side of 责任落实 — the year's scheme of a level, the scorecard of a
// period (ranking, Word and Excel) and the matters behind an item. Thin: scorecard.ts, commands.ts
// and the analytics drill do the work; src/policies/assessment.ts decides. Letters, accountability
// records and unit histories are in routes.ts.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { casesBehind, type DrillMetric } from '../analytics/drill.ts';
import { caseTextFor, presentSummary } from '../cases/presenters.ts';
import { UnitLookup } from '../cases/units.ts';
import type { AppContext } from '../context.ts';
import { assessedLevelOf, DRILL_OF, itemLabel } from '../domain/assessment/scheme.ts';
import { badRequest, conflict } from '../errors.ts';
import { attachmentHeader, XLSX_CONTENT_TYPE } from '../exports/xlsx.ts';
import { jurisdictionRow } from '../orgs/queries.ts';
import { assessmentPolicy } from '../policies/assessment.ts';
import { ensureAllowed } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { ID_MAX, zPage, zText } from '../server/fields.ts';
import { SchemeBody, setScheme } from './commands.ts';
import { MattersAnswer, SchemeView } from './contract.ts';
import { renderScorecardDocx, renderScorecardXlsx, scorecardTitle } from './documents.ts';
import { ScorecardView } from './presenters.ts';
import { docx, readScope, scopeQ, zYearQ } from './routeFields.ts';
import { periodOf, type Scheme, schemeFor, scorecardFor } from './scorecard.ts';

/** A scheme with each item's name (not stored). */
const labelled = (s: Scheme) => ({ ...s, items: s.items.map((i) => ({ ...i, label: itemLabel(i) })) });

const By = z
  .enum(['jurisdiction', 'unit'], { error: 'by 应为 jurisdiction 或 unit' })
  .default('jurisdiction');
const ScoreQuery = z.object({
  period: zText({ label: '考核期间', max: 10, min: 1 }).meta({ description: 'YYYY-MM、YYYY-Qn 或 YYYY' }),
  scope: scopeQ,
  by: By,
});

export const scorecardRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/assessment/schemes/:year/:level',
      {
        schema: {
          tags: ['assessment'],
          summary: '考核方案（某年度某层级的指标、分值和扣分规则；未调整时为默认方案）',
          params: z.object({
            year: zYearQ,
            level: z.enum(['city', 'county', 'town'], { error: '考核层级应为 city、county 或 town' }),
          }),
          response: { 200: SchemeView },
        },
      },
      async (req) => {
        ensureAllowed(assessmentPolicy.use(actorOf(req)), '您没有权限查看考核方案');
        return labelled(await schemeFor(ctx.db, req.params.year, req.params.level));
      },
    );

    app.put(
      '/assessment/schemes/:year/:level',
      {
        schema: {
          tags: ['assessment'],
          summary: '调整考核方案（省信访局领导、管理员；items 为空时恢复默认方案）',
          params: z.object({ year: zYearQ, level: z.string().max(10) }),
          body: SchemeBody,
          response: { 200: SchemeView },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await setScheme(ctx, actor, req.params.year, req.params.level, req.body);
        return labelled(await schemeFor(ctx.db, req.params.year, req.params.level as 'city'));
      },
    );

    app.get(
      '/assessment/scorecard',
      {
        schema: {
          tags: ['assessment'],
          summary: '考核评分与排名（下一级地区或本级部门；按月、季度、年度）',
          querystring: ScoreQuery,
          response: { 200: ScorecardView },
        },
      },
      async (req) => {
        const scope = readScope(actorOf(req), req.query.scope);
        return scorecardFor(ctx.db, { period: req.query.period, scopeCode: scope, by: req.query.by });
      },
    );

    app.get(
      '/assessment/scorecard/file',
      {
        schema: {
          tags: ['assessment'],
          summary: '导出考核排名（Word 或 Excel）',
          querystring: ScoreQuery.extend({
            format: z.enum(['docx', 'xlsx'], { error: 'format 应为 docx 或 xlsx' }).default('docx'),
          }),
        },
      },
      async (req, reply) => {
        const scope = readScope(actorOf(req), req.query.scope);
        const d = await scorecardFor(ctx.db, {
          period: req.query.period,
          scopeCode: scope,
          by: req.query.by,
        });
        const name = scorecardTitle(d);
        if (req.query.format === 'xlsx')
          return reply
            .header('content-type', XLSX_CONTENT_TYPE)
            .header(
              'content-disposition',
              attachmentHeader(`${name}.xlsx`, `scorecard-${d.period.period}.xlsx`),
            )
            .send(await renderScorecardXlsx(d));
        return reply
          .headers(docx(`${name}.docx`, `scorecard-${d.period.period}.docx`))
          .send(await renderScorecardDocx(d));
      },
    );

    app.get(
      '/assessment/scorecard/matters',
      {
        schema: {
          tags: ['assessment'],
          summary: '下钻：某地区（部门）某考核项背后的信访事项',
          querystring: ScoreQuery.extend({
            code: zText({ label: '地区或单位', max: 12, min: 1 }),
            item: zText({ label: '考核项', max: 40, min: 1 }),
            page: zPage().default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(20),
          }),
          response: { 200: MattersAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const q = req.query;
        const scope = readScope(actor, q.scope);
        const period = periodOf(q.period);
        const level = (await jurisdictionRow(ctx.db, scope))?.level ?? 0;
        const lv = assessedLevelOf(level + 1);
        if (!lv) throw badRequest('invalid_scope', '乡镇（街道）以下不再分级考核', 'scope');
        const scheme = await schemeFor(ctx.db, period.year, lv);
        const item = scheme.items.find((i) => i.key === q.item);
        if (!item) throw badRequest('invalid_item', '考核方案中没有该考核项', 'item');
        const metric = DRILL_OF[item.kind === 'rate' ? item.indicator : item.count];
        if (!metric) throw conflict('no_drill', '该考核项暂不能下钻到具体事项');
        let drillScope = scope;
        let unit: number | undefined;
        if (q.by === 'unit') {
          if (!/^\d{1,10}$/.test(q.code) || Number(q.code) > ID_MAX)
            throw badRequest('invalid_code', '单位编号应为数字', 'code');
          unit = Number(q.code);
        } else {
          if (!/^\d{6}(\d{3})?$/.test(q.code) || !q.code.startsWith(scope.replace(/(00)+$/, '')))
            throw badRequest('invalid_code', '地区不在考核范围内', 'code');
          drillScope = q.code;
        }
        const r = await casesBehind(ctx.db, actor, {
          range: { from: period.from, to: period.to },
          scope: drillScope,
          metric: metric as DrillMetric,
          unit,
          page: q.page,
          pageSize: q.pageSize,
        });
        const names = await new UnitLookup(ctx.db).jurisdictionNames(
          ctx.db,
          r.items.map((c) => c.jurisdictionCode),
        );
        const now = new Date();
        return {
          item: item.key,
          metric,
          total: r.total,
          items: r.items.map((c) => presentSummary(caseTextFor(actor, c), now, names)),
        };
      },
    );
  };
