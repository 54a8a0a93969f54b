// /api/v1/cases/:id/classification: a matter's content category, the classifier's suggestion kept
// at intake (with its confidence), the legal-channel hints and the department it routes to; POST
// /api/v1/cases/:id/category confirms or changes the category (recorded), PUT …/subcategory files it
// under a second or third level (细分类); GET /api/v1/intake/units
// finds 交办/转送 targets by name within the caller's subtree; GET /api/v1/intake/suggestion-quality
// reads how the suggestions held up against the categories filed (statistics' readers). Thin: commands, queries, policies decide.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { analyticsScope } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zIdParam, zText } from '../server/fields.ts';
import { readDb } from '../server/readDb.ts';
import { CategoryBody, setCategory } from './commands.ts';
import {
  ClassificationItem,
  presentClassification,
  presentSuggestionQuality,
  presentUnit,
  SuggestionQualityItem,
  UnitHitItem,
} from './presenters.ts';
import { classificationOf, searchUnits } from './queries.ts';
import { SubcategoryBody, setSubcategory } from './subcategory.ts';
import { suggestionQualityOf } from './suggestionQuality.ts';

const idParam = z.object({ id: zIdParam('信访事项编号') });

export const intakeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/cases/:id/classification',
      {
        schema: {
          tags: ['cases'],
          summary:
            '内容分类：登记时的分类建议（置信度）、依法分类处理提示、建议承办部门及确认状态（工作人员）',
          params: idParam,
          response: { 200: ClassificationItem },
        },
      },
      async (req) => presentClassification(await classificationOf(ctx.db, actorOf(req), req.params.id)),
    );

    app.post(
      '/cases/:id/category',
      {
        schema: {
          tags: ['cases'],
          summary: '确认或更改内容分类（记入办理过程与审计日志）',
          params: idParam,
          body: CategoryBody,
          response: { 200: ClassificationItem },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await setCategory(ctx, actor, req.params.id, req.body);
        return presentClassification(await classificationOf(ctx.db, actor, req.params.id));
      },
    );

    app.put(
      '/cases/:id/subcategory',
      {
        schema: {
          tags: ['cases'],
          summary: '选择或清除细分类（二、三级内容分类，记入办理过程与审计日志）',
          params: idParam,
          body: SubcategoryBody,
          response: { 200: ClassificationItem },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await setSubcategory(ctx, actor, req.params.id, req.body);
        return presentClassification(await classificationOf(ctx.db, actor, req.params.id));
      },
    );

    app.get(
      '/intake/suggestion-quality',
      {
        schema: {
          tags: ['analytics'],
          summary:
            '分类建议的准确程度：近若干月登记时的分类建议与事项最终所归类别的对照（按模型版本、类别、建议概率；统计分析人员）',
          querystring: z.object({
            scope: zCode().optional().meta({ description: '行政区划代码，默认本辖区' }),
            months: z.coerce.number().int().min(1).max(36).default(12),
          }),
          response: { 200: SuggestionQualityItem },
        },
      },
      async (req) => {
        const scope = analyticsScope(actorOf(req), req.query.scope);
        const db = await readDb(ctx, req);
        return presentSuggestionQuality(await suggestionQualityOf(db, scope, { months: req.query.months }));
      },
    );

    app.get(
      '/intake/units',
      {
        schema: {
          tags: ['cases'],
          summary: '按名称查找本辖区的单位（交办、转送时选择承办单位）',
          querystring: z.object({
            q: zText({ label: '单位名称', max: 40 }).default(''),
            near: zCode().optional().meta({ description: '事项的问题属地：本地单位排在前面' }),
            limit: z.coerce.number().int().min(1).max(50).default(20),
          }),
          response: { 200: z.object({ items: z.array(UnitHitItem) }) },
        },
      },
      async (req) => ({ items: (await searchUnits(ctx.db, actorOf(req), req.query)).map(presentUnit) }),
    );
  };
