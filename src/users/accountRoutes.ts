// Managing existing staff accounts (administrators, in their subtree: src/policies/admin.ts) and
// changing one's own password. Each route is one command of ./accounts.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { STAFF_ROLES } from '../domain/roles.ts';
import { actorOf } from '../server/auth.ts';
import { zId, zIdParam, zPhone, zText } from '../server/fields.ts';
import { changeOwnPassword, changeRole, resetPassword, setDisabled, updateStaffUser } from './accounts.ts';

const Params = z.object({ id: zIdParam('用户编号') });
const password = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .min(1, `请填写${label}`)
    .max(128, '密码不超过128位');

export const accountRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.patch(
      '/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: '修改工作人员账号：姓名、手机号、单位（管理员，限本辖区）',
          params: Params,
          body: z.object({
            displayName: zText({ label: '姓名', min: 1, max: 40 }).optional(),
            phone: zPhone().nullable().optional().meta({ description: 'null 清除手机号' }),
            unitId: zId('单位').optional(),
          }),
          response: { 200: z.object({ id: z.number(), changed: z.array(z.string()) }) },
        },
      },
      async (req) => updateStaffUser(ctx, actorOf(req), req.params.id, req.body),
    );

    app.put(
      '/users/:id/role',
      {
        schema: {
          tags: ['users'],
          summary: '变更角色（管理员，限本辖区，不能变更本人）',
          params: Params,
          body: z.object({ role: z.enum(STAFF_ROLES, { error: '角色不正确' }) }),
          response: { 200: z.object({ id: z.number(), role: z.string() }) },
        },
      },
      async (req) => changeRole(ctx, actorOf(req), req.params.id, req.body.role),
    );

    for (const [path, disabled] of [
      ['disable', true],
      ['enable', false],
    ] as const) {
      app.post(
        `/users/:id/${path}`,
        {
          schema: {
            tags: ['users'],
            summary: disabled ? '停用账号：其所有会话立即失效' : '启用账号',
            params: Params,
            response: {
              200: z.object({ id: z.number(), disabled: z.boolean(), sessionsEnded: z.number() }),
            },
          },
        },
        async (req) => setDisabled(ctx, actorOf(req), req.params.id, disabled),
      );
    }

    app.post(
      '/users/:id/password-reset',
      {
        schema: {
          tags: ['users'],
          summary: '重置密码：生成一次性临时密码（仅此一次显示），下次登录须修改',
          params: Params,
          response: { 200: z.object({ id: z.number(), temporaryPassword: z.string() }) },
        },
      },
      async (req) => resetPassword(ctx, actorOf(req), req.params.id),
    );

    app.put(
      '/me/password',
      {
        schema: {
          tags: ['auth'],
          summary: '修改本人密码（须输入当前密码）',
          body: z.object({ currentPassword: password('当前密码'), newPassword: password('新密码') }),
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (req) => changeOwnPassword(ctx, actorOf(req), req.sessionToken, req.body),
    );
  };
