// Authentication for every request: the session comes from the httpOnly cookie (browsers) or an
// `Authorization: Bearer` header (API clients); a machine client's key from `X-Api-Key`; the hall's
// big screen's display token from `X-Kiosk-Token` (src/kiosk). Routes are private unless marked `config.public`.
// Cookie-authenticated mutations must echo the session's CSRF token in the X-CSRF-Token header.
// Both decisions are taken from the route the router matched, not from the raw URL.
import { timingSafeEqual } from 'node:crypto';
import { posix } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticateKey, keyRateLimiter, presentedKey } from '../apikeys/auth.ts';
import { CSRF_HEADER, resolveSession, SESSION_COOKIE } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { keyRouteListed } from '../domain/apikeys/scopes.ts';
import { AppError, unauthorized } from '../errors.ts';
import { authenticateKiosk, presentedKioskToken } from '../kiosk/auth.ts';
import type { Actor } from '../policies/actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in. */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a session that must change its password may still call. */
const PASSWORD_CHANGE_ROUTES = new Set(['/api/v1/auth/me', '/api/v1/auth/logout', '/api/v1/me/password']);

function tokenOf(req: FastifyRequest): { token: string; via: 'cookie' | 'bearer' } | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/** A path as a lenient router might read it: decoded, lower case, single slashes, dots resolved. */
export function normalisedPath(url: string): string {
  let path = url.split('?', 1)[0] ?? '/';
  try {
    path = decodeURIComponent(path);
  } catch {
    // Malformed percent-encoding: judge the raw text.
  }
  return posix.normalize(path.replaceAll('\\', '/').toLowerCase()).replace(/\/+$/, '') || '/';
}

/**
 * Private unless the route says `config.public`. Decided from the route the router matched (its
 * pattern, e.g. `/api/v1/cases/:id`), never from the raw URL: `/%61pi/v1/cases` reaches the same
 * handler as `/api/v1/cases`. A request that matched no API route (the static files' catch-all, or
 * none) is private when its path, read leniently, is under /api/v1, so every spelling of an API
 * path answers 401 alike.
 */
export function isPrivateRoute(req: FastifyRequest): boolean {
  if (req.routeOptions.config?.public === true) return false;
  const pattern = req.routeOptions.url;
  if (pattern?.startsWith('/api/v1/')) return true;
  const path = normalisedPath(req.url);
  return path === '/api/v1' || path.startsWith('/api/v1/');
}

/** Constant-time comparison of the CSRF header with the session's token (bytes, not characters). */
function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  // onRequest runs before the body is read and validated: a private route answers 401 first.
  app.addHook('onRequest', async (req) => {
    // A machine client's key (X-Api-Key): its own actor, only on the routes keys may call.
    const key = presentedKey(req);
    if (key !== undefined) {
      // A public route keys are not listed for (Open311 services, health) needs none: ignored.
      if (req.routeOptions.config?.public === true && !keyRouteListed(req.method, req.routeOptions.url))
        return;
      await authenticateKey(ctx.db, req, key);
      return;
    }
    // The hall's big screen with a display token (大屏展示令牌): read-only, its routes only.
    const kiosk = presentedKioskToken(req);
    if (kiosk !== undefined) {
      await authenticateKiosk(ctx.db, req, kiosk);
      return;
    }
    const isPrivate = isPrivateRoute(req);
    const found = tokenOf(req);
    if (!found) {
      if (isPrivate) throw unauthorized();
      return;
    }
    const session = await resolveSession(ctx.db, found.token);
    if (!session) {
      if (isPrivate) throw unauthorized();
      return;
    }
    // Every mutation authenticated by the cookie (which a browser attaches to cross-site requests
    // too) must echo the session's CSRF token. On a public route such a request is simply not
    // authenticated by the cookie.
    if (
      found.via === 'cookie' &&
      !SAFE_METHODS.has(req.method) &&
      !sameToken(req.headers[CSRF_HEADER], session.csrfToken)
    ) {
      if (isPrivate) throw new AppError(403, 'csrf_token_invalid', '安全校验失败，请刷新页面后重试');
      return;
    }
    // After an administrator's reset the temporary password opens only the change form.
    if (
      session.actor.mustChangePassword &&
      isPrivate &&
      !PASSWORD_CHANGE_ROUTES.has(req.routeOptions.url ?? '')
    )
      throw new AppError(403, 'password_change_required', '请先修改管理员重置的临时密码');
    req.actor = session.actor;
    req.sessionToken = found.token;
  });
  // Each key has its own requests-per-minute limit (src/apikeys/auth.ts).
  app.addHook('onRequest', keyRateLimiter(app));
}

/** The logged-in caller; the onRequest hook has already answered 401 on private routes. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}
