// /api/v1/experts: 专家库 — experts (list with load, add, edit, one with their assignments),
// assignments to matters and backlog matters (list, assign with the 回避 check, opinion, withdraw).
// Thin: commands.ts and queries.ts do the work; src/policies/experts.ts decides.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseIdOfMatter } from '../backlog/queries.ts';
import { caseRow } from '../cases/queries.ts';
import type { AppContext } from '../context.ts';
import type { cases } from '../db/schema.ts';
import { AVAILABILITIES, EXPERT_FIELDS, EXPERT_LEVELS } from '../domain/experts/experts.ts';
import { type Actor, expertPolicy } from '../policies/experts.ts';
import { casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zIdParam, zText } from '../server/fields.ts';
import {
  AssignInput,
  AssignmentAction,
  actOnAssignment,
  assignExpert,
  createExpert,
  ExpertInput,
  ExpertPatch,
  updateExpert,
} from './commands.ts';
import { AssignmentItem, AssignmentList, ExpertDetail, ExpertItem } from './contract.ts';
import { presentAssignment, presentExpert } from './presenters.ts';
import { expertWithLoad, listAssignments, listExperts, visibleAssignment, visibleExpert } from './queries.ts';

const idParam = z.object({ id: zIdParam('编号') });
const tags = ['experts'];

export const expertRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const use = (req: Parameters<typeof actorOf>[0]) => actorOf(req);
    const library = (req: Parameters<typeof actorOf>[0]) => {
      const actor = actorOf(req);
      ensureAllowed(expertPolicy.use(actor), '只有信访部门工作人员可以使用专家库');
      return actor;
    };

    app.get(
      '/experts',
      {
        schema: {
          tags,
          summary: '专家库（本辖区及上级；可按领域、级别、可用状态、姓名筛选），含指派负荷',
          querystring: z.object({
            field: z.enum(EXPERT_FIELDS, { error: '未知的专家领域' }).optional(),
            level: z.enum(EXPERT_LEVELS, { error: '专家级别应为 province、city 或 county' }).optional(),
            availability: z
              .enum(AVAILABILITIES, { error: '可用状态应为 available、busy 或 unavailable' })
              .optional(),
            q: zText({ label: '姓名', max: 50 }).optional(),
            all: z.enum(['true', 'false'], { error: 'all 应为 true 或 false' }).optional(),
          }),
          response: { 200: z.object({ items: z.array(ExpertItem) }) },
        },
      },
      async (req) => {
        const actor = library(req);
        const rows = await listExperts(ctx, actor, { ...req.query, all: req.query.all === 'true' });
        return { items: rows.map(presentExpert) };
      },
    );

    app.post(
      '/experts',
      {
        schema: {
          tags,
          summary: '新增专家（领导、管理员）',
          body: ExpertInput,
          response: { 201: ExpertItem },
        },
      },
      async (req, reply) => {
        const actor = library(req);
        const id = await createExpert(ctx, actor, req.body);
        return reply.status(201).send(presentExpert(await expertWithLoad(ctx.db, id)));
      },
    );

    app.get(
      '/experts/:id',
      {
        schema: {
          tags,
          summary: '专家详情：指派负荷与出具的专家意见',
          params: idParam,
          response: { 200: ExpertDetail },
        },
      },
      async (req) => {
        const actor = library(req);
        await visibleExpert(ctx.db, actor, req.params.id);
        const rows = await listAssignments(ctx, actor, { expertId: req.params.id });
        return {
          ...presentExpert(await expertWithLoad(ctx.db, req.params.id)),
          assignments: rows.map((r) => presentAssignment(actor, r)),
        };
      },
    );

    app.patch(
      '/experts/:id',
      {
        schema: {
          tags,
          summary: '修改专家（可用状态、停用等）',
          params: idParam,
          body: ExpertPatch,
          response: { 200: ExpertItem },
        },
      },
      async (req) => {
        const actor = library(req);
        await updateExpert(ctx, actor, req.params.id, req.body);
        return presentExpert(await expertWithLoad(ctx.db, req.params.id));
      },
    );

    app.get(
      '/expert-assignments',
      {
        schema: {
          tags,
          summary: '专家指派（caseId：该事项的专家及意见；backlogMatterId：积案的督导专家）',
          querystring: z.object({
            caseId: zIdParam('信访事项编号').optional(),
            backlogMatterId: zIdParam('积案编号').optional(),
            expertId: zIdParam('专家').optional(),
          }),
          response: { 200: AssignmentList },
        },
      },
      async (req) => {
        const actor = use(req);
        let caseId = req.query.caseId;
        if (req.query.backlogMatterId !== undefined) {
          const matterCaseId = await caseIdOfMatter(ctx.db, req.query.backlogMatterId);
          if (matterCaseId === undefined) ensureReadable(false);
          caseId ??= matterCaseId;
        }
        let canAssign = false;
        let unscoped = false;
        if (caseId !== undefined) {
          const c = await caseRow(ctx.db, caseId);
          ensureReadable(c !== undefined && casePolicy.read(actor, c));
          unscoped = true;
          canAssign = expertPolicy.assignsFor(actor, (c as typeof cases.$inferSelect).jurisdictionCode);
        } else ensureAllowed(expertPolicy.use(actor), '只有信访部门工作人员可以使用专家库');
        const rows = await listAssignments(ctx, actor, { ...req.query, caseId }, unscoped);
        return { items: rows.map((r) => presentAssignment(actor, r)), canAssign };
      },
    );

    app.post(
      '/expert-assignments',
      {
        schema: {
          tags,
          summary: '指派专家到信访事项或积案（所在单位为承办、被反映或积案责任单位的专家应当回避：409）',
          body: AssignInput,
          response: { 201: AssignmentItem },
        },
      },
      async (req, reply) => {
        const actor = library(req);
        const id = await assignExpert(ctx, actor, req.body);
        return reply.status(201).send(await itemOf(ctx, actor, id));
      },
    );

    app.post(
      '/expert-assignments/:id/actions',
      {
        schema: {
          tags,
          summary: '专家指派操作：录入专家意见、撤回指派',
          params: idParam,
          body: AssignmentAction,
          response: { 200: AssignmentItem },
        },
      },
      async (req) => {
        const actor = use(req);
        await actOnAssignment(ctx, actor, req.params.id, req.body);
        return itemOf(ctx, actor, req.params.id);
      },
    );
  };

async function itemOf(ctx: AppContext, actor: Actor, id: number) {
  const a = await visibleAssignment(ctx.db, actor, id);
  const [row] = await listAssignments(ctx, actor, { caseId: a.caseId }, true).then((rs) =>
    rs.filter((r) => r.a.id === id),
  );
  if (!row) ensureReadable(false);
  return presentAssignment(actor, row as NonNullable<typeof row>);
}
