// /api/v1/sanwu: 三无县（市、区）评定 — the criteria of a year, the platform's live evidence of a
// county, the counties of a scope with their records, recording and deciding an evaluation. Thin:
// commands.ts and queries.ts do the work; src/policies/linkage.ts (sanwuPolicy) decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { criteriaOf } from '../domain/linkage/sanwu.ts';
import { badRequest } from '../errors.ts';
import { ensureAllowed } from '../policies/index.ts';
import { type Actor, sanwuPolicy } from '../policies/linkage.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zIdParam, zText } from '../server/fields.ts';
import { decideEvaluation, evidenceOf, RecordBody, recordEvaluation, zYear } from './commands.ts';
import { EvaluationsAnswer } from './contract.ts';
import { Evaluation, Evidence, presentEvaluation } from './presenters.ts';
import { countiesWithEvaluations, countyName, visibleEvaluation } from './queries.ts';

const thisYear = () => Number(shanghaiDate(new Date()).slice(0, 4));

function scopeOf(actor: Actor, requested?: string) {
  const code = (requested ?? actor.jurisdictionCode ?? '').slice(0, 6);
  ensureAllowed(sanwuPolicy.read(actor, code), '您没有权限查看该辖区的三无评定');
  return code;
}

export const sanwuRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/sanwu/criteria',
      {
        schema: {
          tags: ['sanwu'],
          summary: '三无县（市、区）评定标准（按年度）',
          querystring: z.object({ year: zYear.optional() }),
          response: {
            200: z.object({
              year: z.number(),
              items: z.array(
                z.object({ key: z.string(), name: z.string(), evidence: z.string(), hint: z.string() }),
              ),
            }),
          },
        },
      },
      async (req) => {
        scopeOf(actorOf(req));
        const year = req.query.year ?? thisYear();
        return {
          year,
          items: criteriaOf(year).map((c) => ({
            key: c.key,
            name: c.name,
            evidence: c.evidence,
            hint: c.hint,
          })),
        };
      },
    );

    app.get(
      '/sanwu/evidence',
      {
        schema: {
          tags: ['sanwu'],
          summary: '某县（市、区）某年度的平台数据依据（实时计算，未保存）',
          querystring: z.object({ jurisdiction: zCode(), year: zYear.optional() }),
          response: { 200: z.object({ evidence: z.array(Evidence), result: z.string().nullable() }) },
        },
      },
      async (req) => {
        const code = scopeOf(actorOf(req), req.query.jurisdiction);
        const county = await countyName(ctx.db, code);
        if (county?.level !== 3)
          throw badRequest('sanwu_not_county', '三无评定的对象应为县（市、区）', 'jurisdiction');
        return evidenceOf(ctx.db, code, req.query.year ?? thisYear(), {});
      },
    );

    app.get(
      '/sanwu/evaluations',
      {
        schema: {
          tags: ['sanwu'],
          summary: '辖区内各县（市、区）某年度的三无评定',
          querystring: z.object({ jurisdiction: zCode().optional(), year: zYear.optional() }),
          response: { 200: EvaluationsAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const code = scopeOf(actor, req.query.jurisdiction);
        const year = req.query.year ?? thisYear();
        const rows = await countiesWithEvaluations(ctx.db, code, year);
        const items = rows.map((r) => presentEvaluation(actor, r, year, r.e));
        return {
          year,
          items,
          summary: {
            counties: items.length,
            decided: items.filter((i) => i.status === 'decided').length,
            qualified: items.filter((i) => i.status === 'decided' && i.result === 'qualified').length,
          },
        };
      },
    );

    app.post(
      '/sanwu/evaluations',
      {
        schema: {
          tags: ['sanwu'],
          summary: '登记或更新某县（市、区）某年度的三无评定（平台依据重新计算，人工标准按填写）',
          body: RecordBody,
          response: { 200: Evaluation },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const id = await recordEvaluation(ctx, actor, req.body);
        return detailOf(ctx, actor, id);
      },
    );

    app.get(
      '/sanwu/evaluations/:id',
      {
        schema: {
          tags: ['sanwu'],
          summary: '三无评定记录',
          params: z.object({ id: zIdParam('评定编号') }),
          response: { 200: Evaluation },
        },
      },
      async (req) => detailOf(ctx, actorOf(req), req.params.id),
    );

    app.post(
      '/sanwu/evaluations/:id/decide',
      {
        schema: {
          tags: ['sanwu'],
          summary: '作出评定（上级信访部门领导）：结果按各项标准确定，作出后不再修改',
          params: z.object({ id: zIdParam('评定编号') }),
          body: z.object({ opinion: zText({ label: '评定意见', max: 2000 }).optional() }),
          response: { 200: Evaluation },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await decideEvaluation(ctx, actor, req.params.id, req.body.opinion);
        return detailOf(ctx, actor, req.params.id);
      },
    );
  };

async function detailOf(ctx: AppContext, actor: Actor, id: number) {
  const e = await visibleEvaluation(ctx.db, actor, id);
  const county = await countyName(ctx.db, e.jurisdictionCode);
  return presentEvaluation(actor, { code: e.jurisdictionCode, name: county?.name ?? '' }, e.year, e);
}
