// /api/v1/auth: log in (password or SMS code), log out, who am I, demo accounts.

import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { ROLE_NAMES } from '../domain/roles.ts';
import { badRequest, notFound } from '../errors.ts';
import { DEMO_CITIZEN, demoAccounts } from '../seed/demo.ts';
import { actorOf } from '../server/auth.ts';
import { zPhone, zText } from '../server/fields.ts';
import { accountPlaces } from '../users/queries.ts';
import { type LoginResult, loginWithPassword, loginWithSmsCode, logout, requestSmsCode } from './commands.ts';
import { DemoAccounts } from './contract.ts';
import { MeView, presentMe } from './presenters.ts';
import { CSRF_COOKIE, resolveSession, SESSION_COOKIE } from './sessions.ts';

const LoginBody = z
  .object({
    username: zText({ label: '用户名', min: 1, max: 64 }).optional().meta({ description: '工作人员用户名' }),
    phone: zPhone().optional().meta({ description: '信访人手机号' }),
    password: z.string().min(1).max(200).optional(),
    code: z
      .string()
      .regex(/^\d{6}$/, '验证码为6位数字')
      .optional()
      .meta({ description: '短信验证码' }),
  })
  .meta({ description: '用户名+密码，手机号+短信验证码，或（演示信访人）手机号+密码' });

const LoginResponse = z.object({
  user: MeView,
  csrfToken: z.string(),
  /** For API clients that send `Authorization: Bearer`; browsers use the httpOnly cookie. */
  token: z.string(),
  expiresAt: z.string(),
});

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const secure = ctx.config.cookieSecure;
    const rateMax = ctx.config.loginRatePerMinute;

    async function answer(reply: FastifyReply, r: LoginResult) {
      const session = await resolveSession(ctx.db, r.token);
      if (!session) throw new Error('new session not found');
      const cookie = { path: '/', sameSite: 'lax' as const, secure, expires: r.expiresAt };
      reply.setCookie(SESSION_COOKIE, r.token, { ...cookie, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, r.csrfToken, { ...cookie, httpOnly: false });
      return {
        user: presentMe(session.actor),
        csrfToken: r.csrfToken,
        token: r.token,
        expiresAt: r.expiresAt.toISOString(),
      };
    }

    app.post(
      '/login',
      {
        config: { public: true, rateLimit: { max: rateMax, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], summary: '登录', body: LoginBody, response: { 200: LoginResponse } },
      },
      async (req, reply) => {
        const { username, phone, password, code } = req.body;
        if (code && phone) return answer(reply, await loginWithSmsCode(ctx, phone, code));
        if (!password) throw badRequest('missing_password', '请填写密码或短信验证码', 'password');
        if (!username && !phone) throw badRequest('missing_username', '请填写用户名或手机号', 'username');
        const r = await loginWithPassword(ctx, { username, phone, password }, req.ip).catch((e) => {
          const wait = (e as { retryAfterSeconds?: number }).retryAfterSeconds;
          if (wait) reply.header('retry-after', String(wait));
          throw e;
        });
        return answer(reply, r);
      },
    );

    app.post(
      '/sms-code',
      {
        config: { public: true, rateLimit: { max: rateMax, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: '获取短信登录验证码',
          body: z.object({ phone: zPhone() }),
          response: { 200: z.object({ sent: z.literal(true), expiresInSeconds: z.number() }) },
        },
      },
      async (req) => ({ sent: true as const, ...(await requestSmsCode(ctx, req.body.phone)) }),
    );

    app.post(
      '/logout',
      {
        schema: { tags: ['auth'], summary: '退出登录', response: { 200: z.object({ ok: z.literal(true) }) } },
      },
      async (req, reply) => {
        await logout(ctx, req.sessionToken ?? '', actorOf(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/me',
      {
        schema: {
          tags: ['auth'],
          summary: '当前用户、角色、单位与数据范围',
          response: { 200: z.object({ user: MeView }) },
        },
      },
      async (req) => ({ user: presentMe(actorOf(req)) }),
    );

    // The pages' session check: nobody logged in is a normal answer here, not a 401 that every
    // anonymous page (the portal's start, the login form) would log as a failed request.
    app.get(
      '/session',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: '当前登录状态（未登录时 user 为 null）',
          response: { 200: z.object({ user: MeView.nullable() }) },
        },
      },
      async (req) => ({ user: req.actor ? presentMe(req.actor) : null }),
    );

    app.get(
      '/demo-accounts',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: '演示账号（仅演示模式）',
          response: { 200: DemoAccounts },
        },
      },
      async () => {
        if (!ctx.config.demo) throw notFound();
        const list = demoAccounts();
        const rows = await accountPlaces(
          ctx.db,
          list.map((a) => a.username),
        );
        const byName = new Map(rows.map((r) => [r.username, r]));
        return {
          password: ctx.config.demoPassword,
          accounts: list.map((a) => ({
            username: a.username,
            role: a.role,
            roleName: ROLE_NAMES[a.role],
            unit: byName.get(a.username)?.unit ?? null,
            jurisdictionCode: a.jurisdictionCode,
            jurisdictionName: byName.get(a.username)?.jurisdictionName ?? null,
            loginWith: a.username === DEMO_CITIZEN.phone ? ('phone' as const) : ('username' as const),
          })),
        };
      },
    );
  };
