// The hall's big screen presents its display token (大屏展示令牌) in the X-Kiosk-Token header. The
// token becomes the request's actor: no account (userId 0), role analyst in the token's
// jurisdiction, read-only — and only on the big screen's routes (src/domain/kiosk): anything else
// answers 403, an unknown or revoked token 401 (the screen then shows the login page).
import { createHash, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { changed, onChange } from '../db/cacheBus.ts';
import type { Executor } from '../db/client.ts';
import { perDatabase, TtlCache } from '../db/memo.ts';
import { jurisdictions, kioskTokens } from '../db/schema.ts';
import { KIOSK_HEADER, kioskRouteOpen, parseKioskToken } from '../domain/kiosk/index.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';

export const kioskSecretHash = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/** Tokens resolved in the last few seconds; a revocation drops them in every process (src/db/cacheBus.ts). */
const CACHE_MS = 3_000;
type Resolved = { actor: Actor; secretHash: string };
const cache = perDatabase((db) => {
  const c = new TtlCache<string, Resolved>(CACHE_MS, 10_000);
  onChange(db, 'kiosk_tokens', () => c.invalidate());
  return c;
});

export function forgetKioskTokens(db: Executor): void {
  changed(db, 'kiosk_tokens');
}

/** The actor of a token, or null for an unknown, revoked or wrong one. */
export async function resolveKioskToken(db: Executor, text: string): Promise<Actor | null> {
  const parsed = parseKioskToken(text);
  if (!parsed) return null;
  const found = await cache(db).get(parsed.prefix, () => load(db, parsed.prefix));
  if (!found) return null;
  const a = Buffer.from(kioskSecretHash(parsed.secret));
  const b = Buffer.from(found.secretHash);
  return a.length === b.length && timingSafeEqual(a, b) ? found.actor : null;
}

async function load(db: Executor, prefix: string): Promise<Resolved | undefined> {
  const [row] = await db
    .select({
      id: kioskTokens.id,
      name: kioskTokens.name,
      secretHash: kioskTokens.secretHash,
      jurisdictionCode: jurisdictions.code,
      jurisdictionName: jurisdictions.name,
      scopePrefix: jurisdictions.scopePrefix,
    })
    .from(kioskTokens)
    .innerJoin(jurisdictions, eq(jurisdictions.code, kioskTokens.jurisdictionCode))
    .where(and(eq(kioskTokens.prefix, prefix), isNull(kioskTokens.revokedAt)));
  if (!row) return undefined;
  return {
    secretHash: row.secretHash,
    actor: {
      userId: 0,
      role: 'analyst',
      displayName: `大屏：${row.name}`,
      unitId: null,
      unitKind: null,
      unitName: null,
      jurisdictionCode: row.jurisdictionCode,
      jurisdictionName: row.jurisdictionName,
      scopePrefix: row.scopePrefix,
      kiosk: { id: row.id },
    },
  };
}

/** The token a request presents, if any. */
export function presentedKioskToken(req: FastifyRequest): string | undefined {
  const v = req.headers[KIOSK_HEADER];
  return typeof v === 'string' ? v : undefined;
}

/** 401 for a bad or revoked token, 403 off the big screen's routes; else the request's actor. */
export async function authenticateKiosk(db: Executor, req: FastifyRequest, token: string): Promise<void> {
  const actor = await resolveKioskToken(db, token);
  if (!actor?.kiosk) throw new AppError(401, 'kiosk_token_invalid', '大屏展示令牌无效或已吊销，请重新登录');
  if (!kioskRouteOpen(req.method, req.routeOptions.url))
    throw new AppError(403, 'kiosk_route_not_allowed', '大屏展示令牌只能查看大屏数据');
  req.actor = actor;
  await noteUse(db, actor.kiosk.id);
}

/** `last_used_at`, written at most once a minute per token and node (a failure never fails the call). */
const lastNoted = perDatabase(() => new Map<number, number>());
async function noteUse(db: Executor, id: number): Promise<void> {
  const seen = lastNoted(db);
  if (Date.now() - (seen.get(id) ?? 0) < 60_000) return;
  seen.set(id, Date.now());
  await db
    .update(kioskTokens)
    .set({ lastUsedAt: new Date() })
    .where(eq(kioskTokens.id, id))
    .catch(() => undefined);
}
