// /api/v1/cases/:id/flags: a matter's national flags (重大紧急, 同意公开, 涉法涉诉, 涉港澳台侨外, 扬言)
// and its upward reports — read, set and clear; /api/v1/flag-reports: upward reports (上报) of
// 重大紧急 matters in the caller's scope, and their 签收. Thin: commands, queries, policies decide.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseRow } from '../cases/queries.ts';
import type { AppContext } from '../context.ts';
import { flagPolicy } from '../policies/flags.ts';
import { ensureAllowed, ensureReadable } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zFlag, zIdParam } from '../server/fields.ts';
import { acknowledgeReport, changeFlags, FlagsBody } from './commands.ts';
import { FlagsAnswer, ReportsAnswer } from './contract.ts';
import { presentFlag, presentReport } from './presenters.ts';
import { flagsOf, reportsFor } from './queries.ts';

const idParam = z.object({ id: zIdParam('信访事项编号') });

export const flagRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const answer = async (actor: ReturnType<typeof actorOf>, caseId: number) => ({
      flags: (await flagsOf(ctx.db, caseId)).map(presentFlag),
      reports: (await reportsFor(ctx.db, actor, { caseId })).map(presentReport),
    });

    app.get(
      '/cases/:id/flags',
      {
        schema: {
          tags: ['cases'],
          summary: '事项标识（重大紧急、同意公开、涉法涉诉、涉港澳台侨外、扬言）及上报记录',
          params: idParam,
          response: { 200: FlagsAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const c = await caseRow(ctx.db, req.params.id);
        ensureReadable(c !== undefined && flagPolicy.read(actor, c));
        return answer(actor, req.params.id);
      },
    );

    app.post(
      '/cases/:id/flags',
      {
        schema: {
          tags: ['cases'],
          summary: '标记或取消事项标识（标记重大紧急即向上一级信访部门上报）',
          params: idParam,
          body: FlagsBody,
          response: { 200: FlagsAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await changeFlags(ctx, actor, req.params.id, req.body);
        return answer(actor, req.params.id);
      },
    );

    app.get(
      '/flag-reports',
      {
        schema: {
          tags: ['cases'],
          summary: '重大紧急事项上报（本辖区及下级上报的）',
          querystring: z.object({ pending: zFlag().optional().meta({ description: '只看未签收的' }) }),
          response: { 200: ReportsAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(flagPolicy.listReports(actor));
        const rows = await reportsFor(ctx.db, actor, { pending: req.query.pending });
        return { items: rows.map(presentReport) };
      },
    );

    app.post(
      '/flag-reports/:id/acknowledge',
      {
        schema: {
          tags: ['cases'],
          summary: '签收重大紧急事项上报',
          params: z.object({ id: zIdParam('上报编号') }),
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (req) => {
        await acknowledgeReport(ctx, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
