// The WeChat official-account API (api.weixin.qq.com, or a stand-in in tests): the global access
// token, the OAuth code exchange, follower status, template messages and the JS-SDK ticket.
//
// The access token and the jsapi_ticket are cached in this process until shortly before they
// expire. A call refused for its token (40001 invalid, 42001 expired, 40014 malformed — e.g. another
// node fetched a new one) fetches a new token once and retries once; a second refusal is an error.
// Nothing here logs or returns an openid in an error message (it is personal data).
import type { Logger } from 'pino';
import type { WechatConfig } from '../config/index.ts';
import { classifyErrcode, type ErrcodeKind } from '../domain/wechat/errcodes.ts';
import { GatewayError, transportError } from '../notify/gateways/errors.ts';

const TIMEOUT_MS = 10_000;
/** Refetch this long before WeChat's expiry, so a token never expires between check and use. */
const EXPIRY_MARGIN_MS = 300_000;
const OPENID = /o[A-Za-z0-9_-]{20,40}/g;

/** A refusal by the WeChat API: its errcode, and whether a retry may pass. */
export class WechatApiError extends GatewayError {
  readonly errcode: number;
  readonly kind: ErrcodeKind;
  constructor(what: string, errcode: number, errmsg: string | undefined) {
    const kind = classifyErrcode(errcode);
    const detail = (errmsg ?? '').replace(OPENID, 'o***').slice(0, 120);
    super('wechat', `微信接口${what}失败：errcode ${errcode}${detail ? `（${detail}）` : ''}`, {
      permanent: kind === 'permanent' || kind === 'unfollowed',
      code: `errcode_${errcode}`,
    });
    this.errcode = errcode;
    this.kind = kind;
  }
}

interface Cached {
  value: string;
  expiresAt: number;
}

type Json = Record<string, unknown> & { errcode?: number; errmsg?: string };

export interface WechatApiOptions {
  log?: Logger;
  fetch?: typeof fetch;
  now?: () => number;
}

export class WechatApi {
  private token?: Cached;
  private ticket?: Cached;
  private pendingToken?: Promise<string>;
  private readonly doFetch: typeof fetch;
  private readonly now: () => number;
  /** Access tokens fetched by this process (for tests and the operations log). */
  tokensFetched = 0;

  constructor(
    readonly config: WechatConfig,
    private readonly opts: WechatApiOptions = {},
  ) {
    this.doFetch = opts.fetch ?? fetch;
    this.now = opts.now ?? Date.now;
  }

  private async request(what: string, path: string, init?: { body: unknown }): Promise<Json> {
    let res: Response;
    try {
      res = await this.doFetch(`${this.config.apiBase}${path}`, {
        method: init ? 'POST' : 'GET',
        headers: init ? { 'content-type': 'application/json; charset=utf-8' } : undefined,
        body: init ? JSON.stringify(init.body) : undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      throw transportError('wechat', `微信接口${what}`, e, TIMEOUT_MS);
    }
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => {});
      throw new GatewayError('wechat', `微信接口${what}返回 HTTP ${res.status}，稍后重试`, {
        code: `http_${res.status}`,
        status: res.status,
      });
    }
    try {
      return (await res.json()) as Json;
    } catch {
      throw new GatewayError('wechat', `微信接口${what}的应答不是 JSON，稍后重试`, { code: 'bad_json' });
    }
  }

  private q(params: Record<string, string>): string {
    return new URLSearchParams(params).toString();
  }

  /** The cached access token, or a new one (`force`: the cached one was refused). One fetch at a time. */
  async accessToken(force = false): Promise<string> {
    if (!force && this.token && this.token.expiresAt > this.now()) return this.token.value;
    this.pendingToken ??= this.fetchToken().finally(() => {
      this.pendingToken = undefined;
    });
    return this.pendingToken;
  }

  private async fetchToken(): Promise<string> {
    const { appId, appSecret } = this.config;
    const r = await this.request(
      '获取 access_token',
      `/cgi-bin/token?${this.q({ grant_type: 'client_credential', appid: appId, secret: appSecret })}`,
    );
    if (r.errcode || typeof r.access_token !== 'string')
      throw new WechatApiError('获取 access_token', r.errcode ?? -1, r.errmsg);
    this.tokensFetched++;
    const seconds = typeof r.expires_in === 'number' ? r.expires_in : 7200;
    this.token = { value: r.access_token, expiresAt: this.now() + seconds * 1000 - EXPIRY_MARGIN_MS };
    this.opts.log?.info({ wechat: { tokenExpiresIn: seconds } }, '已获取微信 access_token');
    return r.access_token;
  }

  /** A call with the access token; refused for its token, it refreshes the token once and retries once. */
  private async withToken(what: string, call: (token: string) => Promise<Json>): Promise<Json> {
    let token = await this.accessToken();
    let r = await call(token);
    if (classifyErrcode(r.errcode) === 'token') {
      // Only the token that was refused is dropped: a concurrent caller may have refreshed it already.
      const stale = this.token?.value === token;
      if (stale) this.token = undefined;
      token = await this.accessToken(stale);
      r = await call(token);
    }
    if (r.errcode) throw new WechatApiError(what, r.errcode, r.errmsg);
    return r;
  }

  /** 网页授权: the openid behind an OAuth code (one use, five minutes). */
  async openidOfCode(code: string): Promise<string> {
    const { appId, appSecret } = this.config;
    const r = await this.request(
      '网页授权',
      `/sns/oauth2/access_token?${this.q({ appid: appId, secret: appSecret, code, grant_type: 'authorization_code' })}`,
    );
    if (r.errcode || typeof r.openid !== 'string')
      throw new WechatApiError('网页授权', r.errcode ?? -1, r.errmsg);
    return r.openid;
  }

  /** Whether the user follows the official account (用户基本信息, `subscribe`). */
  async follows(openid: string): Promise<boolean> {
    const r = await this.withToken('查询关注状态', (token) =>
      this.request(
        '查询关注状态',
        `/cgi-bin/user/info?${this.q({ access_token: token, openid, lang: 'zh_CN' })}`,
      ),
    );
    return r.subscribe === 1;
  }

  /** 模板消息: sends one; throws WechatApiError (kind 'unfollowed' for 43004) or a GatewayError. */
  async sendTemplate(msg: {
    openid: string;
    templateId: string;
    url?: string;
    data: Record<string, { value: string }>;
  }): Promise<void> {
    await this.withToken('发送模板消息', (token) =>
      this.request('发送模板消息', `/cgi-bin/message/template/send?${this.q({ access_token: token })}`, {
        body: { touser: msg.openid, template_id: msg.templateId, url: msg.url, data: msg.data },
      }),
    );
  }

  /** The jsapi_ticket for JS-SDK signatures, cached like the token. */
  async jsapiTicket(): Promise<string> {
    if (this.ticket && this.ticket.expiresAt > this.now()) return this.ticket.value;
    const r = await this.withToken('获取 jsapi_ticket', (token) =>
      this.request(
        '获取 jsapi_ticket',
        `/cgi-bin/ticket/getticket?${this.q({ access_token: token, type: 'jsapi' })}`,
      ),
    );
    if (typeof r.ticket !== 'string') throw new WechatApiError('获取 jsapi_ticket', -1, 'no ticket');
    const seconds = typeof r.expires_in === 'number' ? r.expires_in : 7200;
    this.ticket = { value: r.ticket, expiresAt: this.now() + seconds * 1000 - EXPIRY_MARGIN_MS };
    return r.ticket;
  }
}
