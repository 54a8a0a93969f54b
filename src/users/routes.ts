import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { maskPhone } from '../domain/masking.ts';
import { ROLE_NAMES, STAFF_ROLES } from '../domain/roles.ts';
import { ensureAllowed, userPolicy } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zId, zIdParam, zPage, zPhone, zText } from '../server/fields.ts';
import { createStaffUser } from './commands.ts';
import { UserPage } from './contract.ts';
import { staffPage } from './queries.ts';

export const userRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: '本辖区工作人员列表（管理员）',
          querystring: z.object({
            page: zPage().default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(50),
            unitId: zIdParam('单位').optional(),
          }),
          response: { 200: UserPage },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(userPolicy.list(actor));
        const { page, pageSize, unitId } = req.query;
        const { rows, total } = await staffPage(ctx.db, actor, { page, pageSize, unitId });
        return {
          total,
          items: rows.map(({ user, unitName, jurisdictionCode }) => ({
            id: user.id,
            username: user.username,
            role: user.role,
            roleName: ROLE_NAMES[user.role as keyof typeof ROLE_NAMES] ?? user.role,
            displayName: user.displayName,
            unitId: user.unitId,
            unitName,
            jurisdictionCode,
            phone: user.phoneEnc ? maskPhone(ctx.pii.decrypt(user.phoneEnc)) : null,
            disabled: user.disabled,
          })),
        };
      },
    );

    app.post(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: '创建工作人员账号（管理员，限本辖区单位）',
          body: z.object({
            username: z
              .string()
              .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名为3到32位字母、数字、下划线，以字母开头'),
            password: z.string().max(128, '密码不超过128位').meta({
              description: '至少10位，不能是常见密码，不能与用户名或手机号相同（src/domain/passwords.ts）',
            }),
            role: z.enum(STAFF_ROLES),
            unitId: zId('单位'),
            displayName: zText({ label: '姓名', min: 1, max: 40 }),
            phone: zPhone().optional(),
          }),
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (req, reply) => {
        const created = await createStaffUser(ctx, actorOf(req), req.body);
        return reply.status(201).send(created);
      },
    );
  };
