// /api/v1/units: administrators add, rename and retire units of their subtree (./units.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zIdParam, zText } from '../server/fields.ts';
import { createUnit, renameUnit, retireUnit } from './units.ts';

const Params = z.object({ id: zIdParam('单位编号') });
const Names = {
  name: zText({ label: '单位名称', min: 2, max: 60 }),
  shortName: zText({ label: '简称', min: 1, max: 20 }),
};

export const unitRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/units',
      {
        schema: {
          tags: ['orgs'],
          summary: '新增职能部门（管理员，限本辖区）',
          body: z.object({
            jurisdictionCode: zCode(),
            deptKey: z
              .string()
              .regex(/^[a-z][a-z0-9_]{1,31}$/, '单位代号为2到32位小写字母、数字或下划线，以字母开头'),
            ...Names,
          }),
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (req, reply) => reply.status(201).send(await createUnit(ctx, actorOf(req), req.body)),
    );

    app.patch(
      '/units/:id',
      {
        schema: {
          tags: ['orgs'],
          summary: '单位更名（管理员，限本辖区）',
          params: Params,
          body: z.object(Names),
          response: { 200: z.object({ id: z.number() }) },
        },
      },
      async (req) => renameUnit(ctx, actorOf(req), req.params.id, req.body),
    );

    app.post(
      '/units/:id/retire',
      {
        schema: {
          tags: ['orgs'],
          summary: '撤销单位：保留历史，不再接收新的信访事项和账号',
          params: Params,
          response: { 200: z.object({ id: z.number(), retired: z.boolean() }) },
        },
      },
      async (req) => retireUnit(ctx, actorOf(req), req.params.id),
    );
  };
