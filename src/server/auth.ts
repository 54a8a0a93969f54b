// Authentication for every request: the session comes from the httpOnly cookie (browsers) or an
// `Authorization: Bearer` header (API clients). Routes are private unless marked `config.public`.
// Cookie-authenticated mutations must echo the session's CSRF token in the X-CSRF-Token header.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSRF_HEADER, resolveSession, SESSION_COOKIE } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { AppError, unauthorized } from '../errors.ts';
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

function tokenOf(req: FastifyRequest): { token: string; via: 'cookie' | 'bearer' } | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req) => {
    const isPublic = req.routeOptions.config?.public === true || !req.url.startsWith('/api/v1/');
    const found = tokenOf(req);
    if (!found) {
      if (isPublic) return;
      throw unauthorized();
    }
    const session = await resolveSession(ctx.db, found.token);
    if (!session) {
      if (isPublic) return;
      throw unauthorized();
    }
    if (found.via === 'cookie' && !SAFE_METHODS.has(req.method) && !isPublic) {
      if (req.headers[CSRF_HEADER] !== session.csrfToken) {
        throw new AppError(403, 'csrf_token_invalid', '安全校验失败，请刷新页面后重试');
      }
    }
    req.actor = session.actor;
    req.sessionToken = found.token;
  });
}

/** The logged-in caller; the onRequest hook has already answered 401 on private routes. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}
