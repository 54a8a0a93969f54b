// /api/v1/relief: 信访救助 — applications (list, apply, detail, actions: approve / reject at the level
// awaited, record a payment, close) and the totals of a jurisdiction by year. Thin: commands.ts and
// queries.ts do the work; src/policies/linkage.ts (reliefPolicy) decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/chain.ts';
import type { AppContext } from '../context.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import {
  RELIEF_CLOSURE_CONDITION,
  RELIEF_LEVEL_NAMES,
  RELIEF_LEVELS,
  RELIEF_LIMITS,
  RELIEF_MAX_FEN,
  RELIEF_STATUSES,
} from '../domain/linkage/relief.ts';
import { notFound } from '../errors.ts';
import { ensureAllowed } from '../policies/index.ts';
import { type Actor, linkagePolicy, reliefPolicy } from '../policies/linkage.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zIdParam } from '../server/fields.ts';
import { ApplyBody, actOnRelief, applyForRelief, ReliefActionBody } from './commands.ts';
import { ReliefTotals } from './contract.ts';
import { Application, presentApplication } from './presenters.ts';
import { listApplications, reliefTotals, visibleApplication } from './queries.ts';

const idParam = z.object({ id: zIdParam('救助申请编号') });
const zYear = z.coerce
  .number({ error: '年度应为四位数字' })
  .int('年度应为四位数字')
  .min(2000, '年度应在2000至2100年之间')
  .max(2100, '年度应在2000至2100年之间');

export const reliefRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/relief/rules',
      {
        schema: {
          tags: ['relief'],
          summary: '信访救助审批层级表（金额上限，单位：分）与结案条件',
          response: {
            200: z.object({
              levels: z.array(
                z.object({ level: z.number(), name: z.string(), limitFen: z.number().nullable() }),
              ),
              maxFen: z.number(),
              closureCondition: z.string(),
            }),
          },
        },
      },
      async (req) => {
        ensureAllowed(linkagePolicy.use(actorOf(req)), '您没有权限查看信访救助');
        return {
          levels: RELIEF_LEVELS.map((l) => ({
            level: l,
            name: RELIEF_LEVEL_NAMES[l],
            limitFen: RELIEF_LIMITS[l],
          })),
          maxFen: RELIEF_MAX_FEN,
          closureCondition: RELIEF_CLOSURE_CONDITION,
        };
      },
    );

    app.get(
      '/relief',
      {
        schema: {
          tags: ['relief'],
          summary: '信访救助申请（本辖区、本单位；可按事项、状态、年度筛选）',
          querystring: z.object({
            caseId: zIdParam('信访事项编号').optional(),
            status: z.enum(RELIEF_STATUSES, { error: '未知的救助申请状态' }).optional(),
            jurisdiction: zCode().optional(),
            year: zYear.optional(),
          }),
          response: { 200: z.object({ items: z.array(Application) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(linkagePolicy.use(actor), '您没有权限查看信访救助');
        const rows = await listApplications(ctx, actor, req.query);
        return { items: rows.map((r) => presentApplication(actor, r, { detail: false })) };
      },
    );

    app.post(
      '/relief',
      {
        schema: {
          tags: ['relief'],
          summary: '登记信访救助申请（申请人、困难情况、申请金额，单位：分）',
          body: ApplyBody,
          response: { 201: Application },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = await applyForRelief(ctx, actor, req.body);
        return reply.status(201).send(await detailOf(ctx, actor, id));
      },
    );

    app.get(
      '/relief/totals',
      {
        schema: {
          tags: ['relief'],
          summary: '信访救助统计：本辖区某年度按下一级辖区的申请数、批准数、批准金额、发放金额（分）',
          querystring: z.object({ jurisdiction: zCode().optional(), year: zYear.optional() }),
          response: { 200: ReliefTotals },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const code = (req.query.jurisdiction ?? actor.jurisdictionCode ?? '').slice(0, 6);
        ensureAllowed(reliefPolicy.totals(actor, code), '您没有权限查看该辖区的信访救助统计');
        const year = req.query.year ?? Number(shanghaiDate(new Date()).slice(0, 4));
        return reliefTotals(ctx, code, year);
      },
    );

    app.get(
      '/relief/:id',
      {
        schema: {
          tags: ['relief'],
          summary: '信访救助申请详情',
          params: idParam,
          response: { 200: Application },
        },
      },
      async (req) => detailOf(ctx, actorOf(req), req.params.id),
    );

    app.post(
      '/relief/:id/actions',
      {
        schema: {
          tags: ['relief'],
          summary: '信访救助操作：审批同意（批准金额）、不予救助、登记发放、结案',
          params: idParam,
          body: ReliefActionBody,
          response: { 200: Application },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await actOnRelief(ctx, actor, req.params.id, req.body);
        return detailOf(ctx, actor, req.params.id);
      },
    );
  };

async function detailOf(ctx: AppContext, actor: Actor, id: number) {
  await visibleApplication(ctx.db, actor, id);
  const [row] = await listApplications(ctx, actor, { id });
  if (!row) throw notFound('未找到该救助申请，或您无权查看');
  // 个人信息查阅留痕: the applicant shown in full is an audited read, as a case's parties are.
  if (reliefPolicy.viewApplicant(actor, row.a)) {
    await recordAudit(ctx.db, {
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'relief.read_personal',
      entity: 'case',
      entityId: row.a.caseId,
      summary: { reliefId: row.a.id },
    });
    ctx.auditSealer.kick();
  }
  return presentApplication(actor, row, { detail: true });
}
