// /api/v1/wechat: 微信信访 — the official account's web authorisation (微信登录 and 绑定微信), the
// citizen's link, and the JS-SDK configuration for portal pages opened in WeChat's browser.
// Thin: ./links.ts does the work, src/policies/wechat.ts decides, src/domain/wechat/ holds the rules.
//
// The OAuth callback is a browser navigation (WeChat redirects to it), so its outcomes are
// redirects into the portal with a reason the login page shows (?wechat=unlinked | denied |
// expired | login_first | linked | elsewhere); a request that is not a valid callback is a 4xx.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LoginResult } from '../auth/commands.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { JS_API_LIST, jssdkSignature, signableUrl } from '../domain/wechat/jssdk.ts';
import {
  authorizeUrl,
  decodeState,
  encodeState,
  OAUTH_INTENTS,
  OAUTH_STATE_MINUTES,
  safeReturnPath,
} from '../domain/wechat/oauth.ts';
import { AppError, badRequest } from '../errors.ts';
import { ensureAllowed } from '../policies/index.ts';
import { wechatPolicy } from '../policies/wechat.ts';
import { actorOf } from '../server/auth.ts';
import { WechatApiError } from './client.ts';
import { WechatStatus } from './contract.ts';
import { linkOpenid, linkStatus, signInWithOpenid, unlinkOpenid } from './links.ts';

const STATE_COOKIE = 'xf_wx_oauth';
const CALLBACK_PATH = '/api/v1/wechat/oauth/callback';

const zToken = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文本` })
    .max(max, `${label}过长`)
    .regex(/^[A-Za-z0-9._~-]*$/, `${label}格式不正确`);

const disabled = () =>
  new AppError(404, 'wechat_disabled', '本平台未开通微信信访（未配置微信公众号），请使用手机号登录');

const JssdkConfig = z.object({
  appId: z.string(),
  timestamp: z.number(),
  nonceStr: z.string(),
  signature: z.string(),
  jsApiList: z.array(z.string()),
});

export const wechatRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const secure = ctx.config.cookieSecure;
    const api = () => {
      if (!ctx.wechat) throw disabled();
      return ctx.wechat;
    };
    /** The portal's origin as WeChat must see it: configured, else this request's own. */
    const origin = (req: FastifyRequest) => ctx.config.wechat?.publicUrl ?? `${req.protocol}://${req.host}`;
    const toPortal = (reply: FastifyReply, path: string, reason?: string) =>
      reply.redirect(reason ? `${path}${path.includes('?') ? '&' : '?'}wechat=${reason}` : path, 302);

    function setSession(reply: FastifyReply, r: LoginResult) {
      const cookie = { path: '/', sameSite: 'lax' as const, secure, expires: r.expiresAt };
      reply.setCookie(SESSION_COOKIE, r.token, { ...cookie, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, r.csrfToken, { ...cookie, httpOnly: false });
    }

    app.get(
      '/wechat/status',
      {
        config: { public: true },
        schema: {
          tags: ['wechat'],
          summary: '微信信访是否开通，及本人微信绑定状态',
          response: { 200: WechatStatus },
        },
      },
      async (req) => {
        const actor = req.actor;
        const mine = actor && wechatPolicy.link(actor) && ctx.wechat;
        return { enabled: !!ctx.wechat, link: mine ? await linkStatus(ctx, actor.userId) : null };
      },
    );

    app.get(
      '/wechat/oauth/start',
      {
        config: { public: true, rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: '1 minute' } },
        schema: {
          tags: ['wechat'],
          summary: '开始微信网页授权（微信登录或绑定微信），跳转到微信授权页',
          querystring: z.object({
            intent: z
              .enum(OAUTH_INTENTS, { error: '用途应为 login（微信登录）或 link（绑定微信）' })
              .default('login'),
            next: z.string({ error: '返回页面应为文本' }).max(200, '返回页面过长').optional(),
          }),
        },
      },
      async (req, reply) => {
        const wechat = api();
        const state = {
          nonce: randomBytes(18).toString('base64url'),
          intent: req.query.intent,
          next: safeReturnPath(req.query.next),
        };
        reply.setCookie(STATE_COOKIE, encodeState(state), {
          path: '/api/v1/wechat/oauth',
          httpOnly: true,
          sameSite: 'lax', // WeChat's redirect back is a top-level navigation: the cookie comes along
          secure,
          maxAge: OAUTH_STATE_MINUTES * 60,
        });
        return reply.redirect(
          authorizeUrl({
            oauthBase: wechat.config.oauthBase,
            appId: wechat.config.appId,
            redirectUri: `${origin(req)}${CALLBACK_PATH}`,
            scope: wechat.config.scope,
            state: state.nonce,
          }),
          302,
        );
      },
    );

    app.get(
      '/wechat/oauth/callback',
      {
        config: { public: true, rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: '1 minute' } },
        schema: {
          tags: ['wechat'],
          summary: '微信网页授权回调：登录或绑定后跳转回门户',
          querystring: z.object({
            code: zToken('授权码', 256).optional(),
            state: zToken('授权状态', 128),
          }),
        },
      },
      async (req, reply) => {
        const wechat = api();
        const saved = decodeState(req.cookies[STATE_COOKIE]);
        reply.clearCookie(STATE_COOKIE, { path: '/api/v1/wechat/oauth' });
        // Not started in this browser, expired, or someone else's state: refuse, sign nobody in.
        if (!saved || saved.nonce !== req.query.state)
          throw badRequest('wechat_state_mismatch', '微信授权已失效或不是从本页发起，请重新进入', 'state');
        const login = '/portal/login';
        if (!req.query.code) return toPortal(reply, login, 'denied'); // the citizen declined
        let openid: string;
        try {
          openid = await wechat.openidOfCode(req.query.code);
        } catch (e) {
          if (e instanceof WechatApiError) return toPortal(reply, login, 'expired');
          throw new AppError(502, 'wechat_unavailable', '微信服务暂时无法访问，请稍后重试');
        }
        if (saved.intent === 'login') {
          try {
            setSession(reply, await signInWithOpenid(ctx, openid));
          } catch (e) {
            if (e instanceof AppError && e.code === 'wechat_not_linked')
              return toPortal(reply, login, 'unlinked');
            throw e;
          }
          return toPortal(reply, saved.next);
        }
        // 绑定微信: only onto the account signed in in this browser.
        const actor = req.actor;
        if (!actor || !wechatPolicy.link(actor)) return toPortal(reply, login, 'login_first');
        const following = await wechat.follows(openid).catch((e) => {
          // Unknown: assume not following, so notices keep going by SMS until a message proves otherwise.
          ctx.log.warn({ wechat: { follows: 'unknown' } }, `查询微信关注状态失败：${(e as Error).message}`);
          return false;
        });
        try {
          await linkOpenid(ctx, actor, openid, following);
        } catch (e) {
          if (e instanceof AppError && e.code === 'wechat_linked_elsewhere')
            return toPortal(reply, '/portal/profile', 'elsewhere');
          throw e;
        }
        return toPortal(reply, saved.next, 'linked');
      },
    );

    app.delete(
      '/wechat/link',
      {
        schema: {
          tags: ['wechat'],
          summary: '解除本人账号的微信绑定',
          response: { 200: z.object({ unlinked: z.boolean() }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(wechatPolicy.link(actor), '只有信访人本人可以解除微信绑定');
        return { unlinked: await unlinkOpenid(ctx, actor) };
      },
    );

    app.get(
      '/wechat/jssdk-config',
      {
        config: { public: true },
        schema: {
          tags: ['wechat'],
          summary: '微信 JS-SDK 配置（wx.config 的签名），用于在微信内分享和上传图片',
          querystring: z.object({
            url: z
              .string({ error: '请填写当前页面地址' })
              .max(1000, '页面地址过长')
              .regex(/^https?:\/\/[^\s]+$/, '页面地址应为 http(s) 地址'),
          }),
          response: { 200: JssdkConfig },
        },
      },
      async (req) => {
        const wechat = api();
        const url = signableUrl(req.query.url);
        // Only our own pages: a signature is a grant to use the JS APIs on that page.
        const own = ctx.config.wechat?.publicUrl ?? origin(req);
        if (url !== own && !url.startsWith(`${own}/`) && !url.startsWith(`${own}?`))
          throw badRequest('foreign_url', '只能为本平台的页面生成微信签名', 'url');
        const jsapiTicket = await wechat.jsapiTicket().catch((e) => {
          ctx.log.warn({ wechat: { ticket: 'failed' } }, `获取 jsapi_ticket 失败：${(e as Error).message}`);
          throw new AppError(502, 'wechat_unavailable', '微信服务暂时无法访问，请稍后重试');
        });
        const nonceStr = randomBytes(12).toString('base64url');
        const timestamp = Math.floor(Date.now() / 1000);
        return {
          appId: wechat.config.appId,
          timestamp,
          nonceStr,
          signature: jssdkSignature({ jsapiTicket, nonceStr, timestamp, url }),
          jsApiList: [...JS_API_LIST],
        };
      },
    );
  };
