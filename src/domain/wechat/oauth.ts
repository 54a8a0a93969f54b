// 网页授权 (OAuth 2.0 of the official account): the authorisation URL the citizen's WeChat opens,
// and the state that ties the callback to the browser that started it. The state travels twice:
// in the URL (WeChat hands it back) and in an httpOnly cookie of ours; the callback accepts only
// when both agree, so nobody can make another person's browser sign in as them or link their
// WeChat to someone else's account (login CSRF). What the flow is for (sign in or link) and where
// it returns to are in the cookie only: the URL cannot change them.

export const OAUTH_INTENTS = ['login', 'link'] as const;
export type OAuthIntent = (typeof OAUTH_INTENTS)[number];

export interface OAuthState {
  nonce: string;
  intent: OAuthIntent;
  /** A portal path to return to (/portal/…), checked by safeReturnPath. */
  next: string;
}

/** Minutes a started authorisation stays valid. */
export const OAUTH_STATE_MINUTES = 10;

/** https://open.weixin.qq.com/connect/oauth2/authorize?…#wechat_redirect, parameters in WeChat's order. */
export function authorizeUrl(p: {
  oauthBase: string;
  appId: string;
  redirectUri: string;
  scope: string;
  state: string;
}): string {
  const q =
    `appid=${encodeURIComponent(p.appId)}&redirect_uri=${encodeURIComponent(p.redirectUri)}` +
    `&response_type=code&scope=${encodeURIComponent(p.scope)}&state=${encodeURIComponent(p.state)}`;
  return `${p.oauthBase}/connect/oauth2/authorize?${q}#wechat_redirect`;
}

/** Only a path inside the portal: never another site (an open redirect would lend our domain). */
export function safeReturnPath(next: string | undefined): string {
  if (!next || next.length > 200) return '/portal/';
  if (!/^\/portal(\/[A-Za-z0-9\-._~/%?=&]*)?$/.test(next) || next.includes('//')) return '/portal/';
  return next;
}

export function encodeState(s: OAuthState): string {
  return `${s.nonce}.${s.intent}.${Buffer.from(s.next).toString('base64url')}`;
}

export function decodeState(raw: string | undefined): OAuthState | null {
  if (!raw || raw.length > 400) return null;
  const [nonce, intent, next, ...rest] = raw.split('.');
  if (rest.length > 0 || !nonce || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) return null;
  if (!(OAUTH_INTENTS as readonly string[]).includes(intent ?? '')) return null;
  return {
    nonce,
    intent: intent as OAuthIntent,
    next: safeReturnPath(Buffer.from(next ?? '', 'base64url').toString('utf8')),
  };
}
