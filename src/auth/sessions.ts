// Database sessions: a random bearer token (cookie or Authorization header), stored as its SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import { changed, onChange } from '../db/cacheBus.ts';
import type { Executor } from '../db/client.ts';
import { perDatabase, TtlCache } from '../db/memo.ts';
import { jurisdictions, sessions, units, users } from '../db/schema.ts';
import { isRole } from '../domain/roles.ts';
import type { Actor } from '../policies/actor.ts';

export const SESSION_COOKIE = 'xf_session';
export const CSRF_COOKIE = 'xf_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const tokenId = (token: string) => createHash('sha256').update(token).digest('base64url');

/** The `sessions.id` of a token (its SHA-256). */
export const sessionIdOf = tokenId;

/**
 * Sessions resolved in the last few seconds, by token hash (the token itself is never kept), so a
 * burst of requests costs one session query instead of one each. A logout or an account change
 * drops them in every process on the database (`forgetSession`, `forgetAllSessions`: src/db/cacheBus.ts,
 * at once here and by NOTIFY on the other API nodes); a change made with psql, or an expired
 * session, is seen after at most SESSION_CACHE_MS. Only valid sessions are kept.
 */
export const SESSION_CACHE_MS = 3_000;
type Resolved = { actor: Actor; csrfToken: string; expiresAt: Date };
const sessionCache = perDatabase((db) => {
  const cache = new TtlCache<string, Resolved>(SESSION_CACHE_MS, 10_000);
  onChange(db, 'sessions', () => cache.invalidate());
  return cache;
});

/** After a committed change to sessions or users: every process reads sessions again. */
export function forgetAllSessions(db: Executor): void {
  changed(db, 'sessions');
}

/** After the logout transaction committed: the token stops working here at once, elsewhere by NOTIFY. */
export function forgetSession(db: Executor, token: string): void {
  sessionCache(db).delete(tokenId(token));
  changed(db, 'sessions');
}

export async function createSession(
  tx: Executor,
  userId: number,
  hours: number,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  await tx.insert(sessions).values({ id: tokenId(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(tx: Executor, token: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, tokenId(token)));
}

export async function purgeExpiredSessions(tx: Executor): Promise<void> {
  await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

/**
 * The actor behind a token, or null for an unknown, expired or disabled one. One query, or none
 * when the same token was resolved in the last SESSION_CACHE_MS (see `sessionCache`).
 */
export async function resolveSession(
  db: Executor,
  token: string,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  if (!token || token.length > 200) return null;
  const id = tokenId(token);
  const found = await sessionCache(db).get(id, () => loadSession(db, id));
  if (!found || found.expiresAt.getTime() <= Date.now()) return null;
  return { actor: found.actor, csrfToken: found.csrfToken };
}

async function loadSession(db: Executor, id: string): Promise<Resolved | undefined> {
  const [row] = await db
    .select({
      userId: users.id,
      role: users.role,
      displayName: users.displayName,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      unitId: units.id,
      unitKind: units.kind,
      unitName: units.name,
      jurisdictionCode: jurisdictions.code,
      jurisdictionName: jurisdictions.fullName,
      scopePrefix: jurisdictions.scopePrefix,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())));
  if (!row || row.disabled || !isRole(row.role)) return undefined;
  return {
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
    actor: {
      userId: row.userId,
      role: row.role,
      displayName: row.displayName,
      unitId: row.unitId,
      unitKind: row.unitKind === 'bureau' || row.unitKind === 'department' ? row.unitKind : null,
      unitName: row.unitName,
      jurisdictionCode: row.jurisdictionCode,
      jurisdictionName: row.jurisdictionName,
      scopePrefix: row.scopePrefix,
      ...(row.mustChangePassword ? { mustChangePassword: true } : {}),
    },
  };
}
