// Database sessions: a random bearer token (cookie or Authorization header), stored as its SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { jurisdictions, sessions, units, users } from '../db/schema.ts';
import { isRole } from '../domain/roles.ts';
import type { Actor } from '../policies/actor.ts';

export const SESSION_COOKIE = 'xf_session';
export const CSRF_COOKIE = 'xf_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const tokenId = (token: string) => createHash('sha256').update(token).digest('base64url');

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

/** The actor behind a token, or null for an unknown, expired or disabled one. One query. */
export async function resolveSession(
  db: Executor,
  token: string,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .select({
      userId: users.id,
      role: users.role,
      displayName: users.displayName,
      disabled: users.disabled,
      unitId: units.id,
      unitKind: units.kind,
      unitName: units.name,
      jurisdictionCode: jurisdictions.code,
      jurisdictionName: jurisdictions.fullName,
      scopePrefix: jurisdictions.scopePrefix,
      csrfToken: sessions.csrfToken,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(and(eq(sessions.id, tokenId(token)), gt(sessions.expiresAt, new Date())));
  if (!row || row.disabled || !isRole(row.role)) return null;
  return {
    csrfToken: row.csrfToken,
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
    },
  };
}
