// /api/v1/canned-replies: 常用语 — the caller's unit's canned texts for replies and progress notes
// (list, add, edit, delete), the placeholder table, and a text filled from a case for the action
// forms. Thin: commands.ts, queries.ts and render.ts do the work; src/policies/cannedReplies.ts decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { PLACEHOLDERS, PURPOSE_NAMES, PURPOSES } from '../domain/cannedReplies/placeholders.ts';
import { cannedReplyPolicy } from '../policies/cannedReplies.ts';
import { ensureAllowed } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zId, zIdParam } from '../server/fields.ts';
import { CannedReplyBody, createCannedReply, deleteCannedReply, updateCannedReply } from './commands.ts';
import { CannedReplyItem, PlaceholdersAnswer, Rendered } from './contract.ts';
import { presentCannedReply } from './presenters.ts';
import { listCannedReplies, visibleCannedReply } from './queries.ts';
import { categoryOfCase, renderForCase } from './render.ts';

const TAGS = ['canned-replies'];
const idParam = z.object({ id: zIdParam('常用语编号') });

export const cannedReplyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const me = (req: Parameters<typeof actorOf>[0]) => {
      const actor = actorOf(req);
      ensureAllowed(cannedReplyPolicy.use(actor), '您没有权限使用常用语');
      return actor;
    };

    app.get(
      '/canned-replies',
      {
        schema: {
          tags: TAGS,
          summary: '本单位的常用语（可按用途筛选；给出信访事项时只列该事项分类的和通用的）',
          querystring: z.object({
            purpose: z.enum(PURPOSE_NAMES, { error: '用途应为 reply 或 note' }).optional(),
            caseId: zIdParam('信访事项编号').optional(),
          }),
          response: { 200: z.object({ items: z.array(CannedReplyItem) }) },
        },
      },
      async (req) => {
        const actor = me(req);
        const categoryCode =
          req.query.caseId === undefined ? undefined : await categoryOfCase(ctx, actor, req.query.caseId);
        const rows = await listCannedReplies(ctx, actor, { purpose: req.query.purpose, categoryCode });
        return { items: rows.map(presentCannedReply) };
      },
    );

    app.get(
      '/canned-replies/placeholders',
      {
        schema: {
          tags: TAGS,
          summary: '常用语的占位符和用途',
          response: { 200: PlaceholdersAnswer },
        },
      },
      async (req) => {
        me(req);
        return {
          placeholders: Object.entries(PLACEHOLDERS).map(([name, description]) => ({ name, description })),
          purposes: PURPOSE_NAMES.map((p) => ({ purpose: p, label: PURPOSES[p].label })),
        };
      },
    );

    app.post(
      '/canned-replies',
      {
        schema: {
          tags: TAGS,
          summary: '新增本单位的常用语（未知占位符为 400）',
          body: CannedReplyBody,
          response: { 201: CannedReplyItem },
        },
      },
      async (req, reply) => {
        const row = await createCannedReply(ctx, me(req), req.body);
        return reply.status(201).send(presentCannedReply(row));
      },
    );

    app.put(
      '/canned-replies/:id',
      {
        schema: {
          tags: TAGS,
          summary: '修改本单位的常用语',
          params: idParam,
          body: CannedReplyBody,
          response: { 200: CannedReplyItem },
        },
      },
      async (req) => presentCannedReply(await updateCannedReply(ctx, me(req), req.params.id, req.body)),
    );

    app.delete(
      '/canned-replies/:id',
      {
        schema: {
          tags: TAGS,
          summary: '删除本单位的常用语',
          params: idParam,
          response: { 200: z.object({ deleted: z.boolean() }) },
        },
      },
      async (req) => {
        await deleteCannedReply(ctx, me(req), req.params.id);
        return { deleted: true };
      },
    );

    app.post(
      '/canned-replies/:id/render',
      {
        schema: {
          tags: TAGS,
          summary: '按信访事项填入占位符，得到可插入表单的文字（信访人姓名按权限脱敏）',
          params: idParam,
          body: z.object({ caseId: zId('信访事项编号') }),
          response: { 200: Rendered },
        },
      },
      async (req) => {
        const actor = me(req);
        const r = await visibleCannedReply(ctx.db, actor, req.params.id);
        return { text: await renderForCase(ctx, actor, r.body, req.body.caseId) };
      },
    );
  };
