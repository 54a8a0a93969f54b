// Machine clients authenticate with `X-Api-Key: xfk_<prefix>_<secret>` (docs/interop.md). The key
// becomes the request's actor: its service user, in the key's role and jurisdiction, with its
// scopes; routes then ask the policies as for anyone. Only the routes of API_KEY_ROUTES answer a
// key; each key is rate-limited on its own (requests per minute, @fastify/rate-limit).
import { createHash, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changed, onChange } from '../db/cacheBus.ts';
import type { Executor } from '../db/client.ts';
import { perDatabase, TtlCache } from '../db/memo.ts';
import { apiKeys, jurisdictions, units } from '../db/schema.ts';
import { API_KEY_HEADER, keyDecision, parseApiKey } from '../domain/apikeys/scopes.ts';
import { isRole } from '../domain/roles.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';

export const secretHash = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/** Keys resolved in the last few seconds, by prefix; a revocation drops them in every process (src/db/cacheBus.ts). */
const KEY_CACHE_MS = 3_000;
type Resolved = { actor: Actor; secretHash: string };
const keyCache = perDatabase((db) => {
  const c = new TtlCache<string, Resolved>(KEY_CACHE_MS, 10_000);
  onChange(db, 'api_keys', () => c.invalidate());
  return c;
});

export function forgetApiKeys(db: Executor): void {
  changed(db, 'api_keys');
}

const invalidKey = () => new AppError(401, 'api_key_invalid', '接口密钥无效或已吊销');

/** The actor of a key, or null for an unknown, revoked or wrong one. */
export async function resolveApiKey(db: Executor, text: string): Promise<Actor | null> {
  const parsed = parseApiKey(text);
  if (!parsed) return null;
  const found = await keyCache(db).get(parsed.prefix, () => loadKey(db, parsed.prefix));
  if (!found) return null;
  const a = Buffer.from(secretHash(parsed.secret));
  const b = Buffer.from(found.secretHash);
  return a.length === b.length && timingSafeEqual(a, b) ? found.actor : null;
}

async function loadKey(db: Executor, prefix: string): Promise<Resolved | undefined> {
  const [row] = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      serviceUserId: apiKeys.serviceUserId,
      role: apiKeys.role,
      scopes: apiKeys.scopes,
      rateLimit: apiKeys.rateLimit,
      secretHash: apiKeys.secretHash,
      unitId: units.id,
      unitKind: units.kind,
      unitName: units.name,
      jurisdictionCode: jurisdictions.code,
      jurisdictionName: jurisdictions.fullName,
      scopePrefix: jurisdictions.scopePrefix,
    })
    .from(apiKeys)
    .innerJoin(units, eq(units.id, apiKeys.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, apiKeys.jurisdictionCode))
    .where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt)));
  if (!row || !isRole(row.role)) return undefined;
  return {
    secretHash: row.secretHash,
    actor: {
      userId: row.serviceUserId,
      role: row.role,
      displayName: `接口：${row.name}`,
      unitId: row.unitId,
      unitKind: row.unitKind === 'department' ? 'department' : 'bureau',
      unitName: row.unitName,
      jurisdictionCode: row.jurisdictionCode,
      jurisdictionName: row.jurisdictionName,
      scopePrefix: row.scopePrefix,
      apiKey: { id: row.id, scopes: row.scopes, rateLimit: row.rateLimit },
    },
  };
}

/** The key a request presents in the X-Api-Key header, if any. */
export function presentedKey(req: FastifyRequest): string | undefined {
  const v = req.headers[API_KEY_HEADER];
  return typeof v === 'string' ? v : undefined;
}

/**
 * Authenticates a request by its key: 401 for a bad key, 403 for a route keys may not call or a
 * scope the key lacks; otherwise the request's actor is the key's.
 */
export async function authenticateKey(db: Executor, req: FastifyRequest, key: string): Promise<Actor> {
  const actor = await resolveApiKey(db, key);
  if (!actor?.apiKey) throw invalidKey();
  const decision = keyDecision(actor.apiKey.scopes, req.method, req.routeOptions.url);
  if (decision === 'route_not_open')
    throw new AppError(403, 'api_key_route_not_allowed', '接口密钥不能调用此接口');
  if (decision === 'scope_missing')
    throw new AppError(403, 'api_scope_missing', '接口密钥没有调用此接口所需的权限范围');
  req.actor = actor;
  await noteUse(db, actor.apiKey.id);
  return actor;
}

/** `last_used_at`, written at most once a minute per key and node (a failure never fails the call). */
const lastNoted = perDatabase(() => new Map<number, number>());
async function noteUse(db: Executor, keyId: number): Promise<void> {
  const seen = lastNoted(db);
  if (Date.now() - (seen.get(keyId) ?? 0) < 60_000) return;
  seen.set(keyId, Date.now());
  await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(eq(apiKeys.id, keyId))
    .catch(() => undefined);
}

/**
 * The per-key rate limit: a hook on every request made with a key (after it authenticated), keyed
 * by the key's id, `rateLimit` requests per minute. Over it: 429 with Retry-After.
 */
export function keyRateLimiter(app: FastifyInstance) {
  const limit = app.rateLimit({
    max: (req) => (req as FastifyRequest).actor?.apiKey?.rateLimit ?? 60,
    timeWindow: 60_000,
    keyGenerator: (req) => `apikey:${req.actor?.apiKey?.id ?? req.ip}`,
  });
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.actor?.apiKey) await limit.call(app, req, reply);
  };
}
