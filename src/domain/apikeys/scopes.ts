// 接口密钥 (API keys): what a machine client may do. A key carries scopes; each route a key may call
// is listed here with the one scope it needs. Every other route answers a key 403: a key is never a
// login, so it never reaches the console's own endpoints (users, settings, keys themselves).
// Dependency-free on purpose: the console imports this file for its labels.

export const API_SCOPES = ['read', 'register', 'act'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_NAMES: Record<ApiScope, { name: string; description: string }> = {
  read: { name: '查询', description: '查询辖区内的信访事项（当事人信息一律脱敏）' },
  register: { name: '登记', description: '登记信访事项（如12345热线、Open311 转来的诉求）' },
  act: { name: '办理', description: '按身份角色执行办理操作（受理、答复等）' },
};

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/**
 * The routes open to keys, by `METHOD pattern` (the pattern the router matched), and the scope each
 * needs. Open311 (src/open311/routes.ts) reads with `read` and posts a request with `register`.
 */
export const API_KEY_ROUTES: Readonly<Record<string, ApiScope>> = {
  'GET /api/v1/cases': 'read',
  'GET /api/v1/cases/:id': 'read',
  'POST /api/v1/cases': 'register',
  'POST /api/v1/cases/:id/actions': 'act',
  'GET /open311/v2/requests.:format': 'read',
  'GET /open311/v2/requests/:id.:format': 'read',
  'POST /open311/v2/requests.:format': 'register',
  'POST /api/v1/hotline/orders': 'register',
};

/** The roles a key may act in (身份角色): staff who handle matters, never admins or auditors. */
export const KEY_ROLES = ['registrar', 'handler', 'reviewer', 'analyst'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

export function isKeyRole(value: string): value is KeyRole {
  return (KEY_ROLES as readonly string[]).includes(value);
}

/** A bureau's client registers (登记员); a department's handles (承办人). */
export function defaultKeyRole(unitKind: 'bureau' | 'department'): KeyRole {
  return unitKind === 'bureau' ? 'registrar' : 'handler';
}

/** Is `method pattern` one of the routes keys may call? */
export function keyRouteListed(method: string, pattern: string | undefined): boolean {
  return pattern !== undefined && API_KEY_ROUTES[`${method} ${pattern}`] !== undefined;
}

export type KeyDecision = 'allowed' | 'route_not_open' | 'scope_missing';

/** May a key with `scopes` call `method pattern`? */
export function keyDecision(
  scopes: readonly string[],
  method: string,
  pattern: string | undefined,
): KeyDecision {
  const needed = pattern === undefined ? undefined : API_KEY_ROUTES[`${method} ${pattern}`];
  if (needed === undefined) return 'route_not_open';
  return scopes.includes(needed) ? 'allowed' : 'scope_missing';
}

/** The header a client sends its key in. */
export const API_KEY_HEADER = 'x-api-key';
const KEY_SHAPE = /^xfk_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

/** 'xfk_<prefix>_<secret>' → its parts, or null for anything else. */
export function parseApiKey(text: string): { prefix: string; secret: string } | null {
  const m = KEY_SHAPE.exec(text.trim());
  return m ? { prefix: m[1] as string, secret: m[2] as string } : null;
}

export function formatApiKey(prefix: string, secret: string): string {
  return `xfk_${prefix}_${secret}`;
}

/** Requests per minute a key may make, unless the admin sets another number. */
export const DEFAULT_KEY_RATE = 120;
export const MAX_KEY_RATE = 6000;
