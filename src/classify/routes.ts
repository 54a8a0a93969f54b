// POST /api/v1/classify: the registrar's routing suggestion — the three likeliest content
// categories with their probability and responsible department, and the words behind the first.
// GET/PUT /api/v1/classify/routing/:code: the category → department table of a jurisdiction.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import { ensureAllowed, staffToolsPolicy } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zText } from '../server/fields.ts';
import { RoutingAnswer, Suggestion } from './contract.ts';
import { routingSetting, routingTable } from './routing.ts';
import { joinedText, legalHintsFor, suggestRouting } from './suggest.ts';

export const classifyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/classify',
      {
        schema: {
          tags: ['classify'],
          summary: '内容分类与转办建议：最可能的三个类别、概率、承办部门及依据词（工作人员）',
          body: z.object({
            subject: zText({ label: '标题', max: 200 }).default(''),
            content: zText({ label: '内容', max: 20_000 }).default(''),
            /** The matter's place: departments are resolved to that jurisdiction's units. */
            jurisdictionCode: zCode().optional(),
          }),
          response: { 200: Suggestion },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(staffToolsPolicy.use(actor), '仅工作人员可使用分类建议');
        const { subject, content, jurisdictionCode } = req.body;
        if (!subject.trim() && !content.trim()) throw badRequest('empty_text', '请填写标题或内容', 'content');
        const s = await suggestRouting(ctx.db, { subject, content, jurisdictionCode });
        return {
          ...s,
          legalHints: await legalHintsFor(
            ctx.db,
            joinedText(subject, content),
            s.top3.map((t) => t.category),
            jurisdictionCode,
          ),
        };
      },
    );

    app.get(
      '/classify/routing/:code',
      {
        schema: {
          tags: ['classify'],
          summary: '某行政区划生效的类别→承办部门对照表（含上级设置与默认值）',
          params: z.object({ code: zCode() }),
          response: { 200: RoutingAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(staffToolsPolicy.use(actor));
        return { routing: await routingTable(ctx.db, req.params.code) };
      },
    );

    app.put(
      '/classify/routing/:code',
      {
        schema: {
          tags: ['classify'],
          summary:
            '设置本辖区的类别→承办部门对照（管理员；对下级生效）。键可为类别名称或代码，也可为细分类（二、三级分类）代码，值为空字符串时取消该细分类的单独设置',
          params: z.object({ code: zCode() }),
          body: z.record(
            zText({ label: '内容分类', min: 1, max: 40 }),
            zText({ label: '承办部门', max: 40 }),
          ),
          response: { 200: RoutingAnswer },
        },
      },
      async (req) => {
        return { routing: await routingSetting.save(ctx, actorOf(req), req.params.code, req.body) };
      },
    );
  };
