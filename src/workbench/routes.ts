// /api/v1/workbench: the caller's queues with counts (GET /workbench/queues), claiming a matter and
// handing it to a colleague, bulk steps, saved views. Thin: queries.ts and commands.ts do the work;
// src/policies/workbench.ts decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseListQuery } from '../cases/queries.ts';
import type { AppContext } from '../context.ts';
import { landingOf, SCOPES } from '../domain/workbench/queues.ts';
import { ensureAllowed } from '../policies/index.ts';
import { workbenchPolicy } from '../policies/workbench.ts';
import { actorOf } from '../server/auth.ts';
import { zIdParam } from '../server/fields.ts';
import { readDb } from '../server/readDb.ts';
import {
  BulkBody,
  claimCase,
  deleteView,
  HandOverBody,
  handOverCase,
  runBulk,
  saveView,
  ViewBody,
} from './commands.ts';
import { AssigneeAnswer, BulkAnswer, presentPerson, QueuesAnswer, ViewItem } from './presenters.ts';
import { assigneeOf, colleaguesFor, queuesWithCounts, viewsOf, visibleCase } from './queries.ts';

const idParam = z.object({ id: zIdParam('编号') });
const caseParam = z.object({ id: zIdParam('信访事项编号') });
const USE = '您没有权限使用工作台';

export const workbenchRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/workbench/queues',
      {
        schema: {
          tags: ['workbench'],
          summary: '我的待办队列及件数（按角色；mine：认领或移交给我的，unit：本单位的）',
          querystring: CaseListQuery.pick({
            q: true,
            form: true,
            jurisdiction: true,
            backlog: true,
            supervised: true,
            flag: true,
            from: true,
            to: true,
          }).extend({ scope: z.enum(SCOPES, { error: 'scope 应为 mine 或 unit' }).default('unit') }),
          response: { 200: QueuesAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(workbenchPolicy.use(actor), USE);
        const { scope, ...f } = req.query;
        // The parsed filters back to the strings the case list takes.
        const filters = {
          q: f.q,
          form: f.form?.join(','),
          jurisdiction: f.jurisdiction,
          backlog: f.backlog === undefined ? undefined : String(f.backlog),
          supervised: f.supervised === undefined ? undefined : String(f.supervised),
          flag: f.flag,
          from: f.from,
          to: f.to,
        };
        const items = await queuesWithCounts(ctx, actor, scope, filters, await readDb(ctx, req));
        return {
          landing: landingOf(actor.role),
          scope,
          items,
        };
      },
    );

    app.get(
      '/workbench/cases/:id/assignee',
      {
        schema: {
          tags: ['workbench'],
          summary: '事项在本单位由谁办理（认领人），可否认领，可移交的同事',
          params: caseParam,
          response: { 200: AssigneeAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(workbenchPolicy.use(actor), USE);
        const c = await visibleCase(ctx.db, actor, req.params.id);
        const [a, colleagues] = await Promise.all([assigneeOf(ctx.db, c), colleaguesFor(ctx.db, actor, c)]);
        return {
          assignee: a ? { id: a.userId, name: a.name, since: a.at.toISOString() } : null,
          canClaim: workbenchPolicy.claim(actor, c) && a?.userId !== actor.userId,
          colleagues: colleagues.map(presentPerson),
        };
      },
    );

    app.post(
      '/workbench/cases/:id/claim',
      {
        schema: {
          tags: ['workbench'],
          summary: '认领：由我办理该事项（记入办理过程）',
          params: caseParam,
          response: { 200: z.object({ changed: z.boolean() }) },
        },
      },
      async (req) => claimCase(ctx, actorOf(req), req.params.id),
    );

    app.post(
      '/workbench/cases/:id/hand-over',
      {
        schema: {
          tags: ['workbench'],
          summary: '移交同事：交给本单位能办理该事项的同事（记入办理过程）',
          params: caseParam,
          body: HandOverBody,
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (req) => {
        await handOverCase(ctx, actorOf(req), req.params.id, req.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/workbench/bulk',
      {
        schema: {
          tags: ['workbench'],
          summary: '批量办理（仅受理、交办）：逐件办理，逐件报告结果',
          body: BulkBody,
          response: { 200: BulkAnswer },
        },
      },
      async (req) => runBulk(ctx, actorOf(req), req.body),
    );

    app.get(
      '/workbench/views',
      {
        schema: {
          tags: ['workbench'],
          summary: '我保存的视图',
          response: { 200: z.object({ items: z.array(ViewItem) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(workbenchPolicy.use(actor), USE);
        return { items: await viewsOf(ctx.db, actor) };
      },
    );

    app.post(
      '/workbench/views',
      {
        schema: {
          tags: ['workbench'],
          summary: '保存视图（同名则覆盖）',
          body: ViewBody,
          response: { 200: z.object({ id: z.number() }) },
        },
      },
      async (req) => saveView(ctx, actorOf(req), req.body),
    );

    app.delete(
      '/workbench/views/:id',
      {
        schema: {
          tags: ['workbench'],
          summary: '删除我保存的视图',
          params: idParam,
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (req) => {
        await deleteView(ctx, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
