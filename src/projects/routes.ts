// /api/v1/projects: 重点工作项目化管理 — a year's projects with their milestones (时间表), create a
// project, its detail, milestone actions and progress, overdue milestones of the scope, and the
// number of projects a year. Thin: commands.ts and queries.ts do the work; src/policies/projects.ts decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { ensureAllowed } from '../policies/index.ts';
import { type Actor, projectPolicy } from '../policies/projects.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zIdParam } from '../server/fields.ts';
import { actOnProject, createProject, ProjectActionBody, ProjectFields } from './commands.ts';
import { OverdueMilestone, ProjectDetail, ProjectList } from './contract.ts';
import { availableProjectActions, presentProject } from './presenters.ts';
import {
  listProjects,
  overdueMilestones,
  projectParts,
  projectsPerYear,
  projectsQuota,
  visibleProject,
} from './queries.ts';

const idParam = z.object({ id: zIdParam('项目编号') });
const year = z.coerce
  .number({ error: '年度应为整数' })
  .int('年度应为整数')
  .min(2000, '年度不能早于2000')
  .max(2100, '年度不能晚于2100');

async function detailOf(ctx: AppContext, actor: Actor, id: number): Promise<ProjectDetail> {
  const p = await visibleProject(ctx.db, actor, id);
  const [r] = await listProjects(ctx, actor, { year: p.year, jurisdiction: p.jurisdictionCode }).then((l) =>
    l.filter((x) => x.p.id === id),
  );
  const { progress } = await projectParts(ctx.db, id);
  const today = shanghaiDate(new Date());
  const base = r ?? { p, bureauName: '', ownerUnitName: '', milestones: [] };
  return {
    ...presentProject(base, today),
    progress: progress.map(({ g, userName }) => ({
      id: g.id,
      milestoneId: g.milestoneId,
      note: g.note,
      by: userName,
      at: g.at.toISOString(),
    })),
    availableActions: availableProjectActions(actor, p),
  };
}

export const projectRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/projects',
      {
        schema: {
          tags: ['projects'],
          summary: '年度重点工作项目（本辖区及下级；含节点时间表与状态）',
          querystring: z.object({
            year: year.optional().meta({ description: '年度，默认为今年' }),
            jurisdiction: zCode().optional(),
          }),
          response: { 200: ProjectList },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(projectPolicy.use(actor), '您没有权限查看重点工作项目');
        const now = new Date();
        const y = req.query.year ?? Number(shanghaiDate(now).slice(0, 4));
        const list = await listProjects(ctx, actor, { year: y, jurisdiction: req.query.jurisdiction });
        const today = shanghaiDate(now);
        const perYear = actor.jurisdictionCode ? await projectsPerYear(ctx.db, actor.jurisdictionCode) : null;
        return {
          year: y,
          today,
          perYear,
          canCreate: projectPolicy.create(actor),
          items: list.map((r) => presentProject(r, today)),
        };
      },
    );

    app.post(
      '/projects',
      {
        schema: {
          tags: ['projects'],
          summary: '立项重点工作（本信访部门的督查员、领导；每年项目数有上限，默认10项）',
          body: ProjectFields,
          response: { 201: ProjectDetail },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = await createProject(ctx, actor, req.body);
        return reply.status(201).send(await detailOf(ctx, actor, id));
      },
    );

    app.get(
      '/projects/overdue',
      {
        schema: {
          tags: ['projects'],
          summary: '逾期未完成的项目节点（本辖区及下级）',
          querystring: z.object({ jurisdiction: zCode().optional() }),
          response: { 200: z.object({ items: z.array(OverdueMilestone) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(projectPolicy.use(actor), '您没有权限查看重点工作项目');
        return {
          items: await overdueMilestones(ctx, actor, new Date(), { jurisdiction: req.query.jurisdiction }),
        };
      },
    );

    app.put(
      '/projects/quota/:code',
      {
        schema: {
          tags: ['projects'],
          summary: '设置每年重点工作项目数（管理员；下级继承）',
          params: z.object({ code: zCode() }),
          body: z.object({
            count: z
              .number({ error: '项目数应为整数' })
              .int('项目数应为整数')
              .min(1, '项目数至少为1')
              .max(100, '项目数不能大于100'),
          }),
          response: { 200: z.object({ count: z.number() }) },
        },
      },
      async (req) => ({
        count: await projectsQuota.save(ctx, actorOf(req), req.params.code, { count: req.body.count }),
      }),
    );

    app.get(
      '/projects/:id',
      {
        schema: {
          tags: ['projects'],
          summary: '重点工作项目详情：节点、进展、可执行的操作',
          params: idParam,
          response: { 200: ProjectDetail },
        },
      },
      async (req) => detailOf(ctx, actorOf(req), req.params.id),
    );

    app.post(
      '/projects/:id/actions',
      {
        schema: {
          tags: ['projects'],
          summary:
            '项目操作：add_milestone（添加节点）、complete_milestone（完成节点）、add_progress（记录进展）',
          params: idParam,
          body: ProjectActionBody,
          response: { 200: ProjectDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await actOnProject(ctx, actor, req.params.id, req.body);
        return detailOf(ctx, actor, req.params.id);
      },
    );
  };
