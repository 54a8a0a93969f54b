// Back-off after failed password logins (登录失败退避), per account *and* client address.
//
// Why per (account, address): a lock per account alone lets anyone who knows a username keep its
// owner locked out by failing on purpose (a denial of service); a limit per address alone lets a
// slow guesser try one account forever. Keyed on both, a guesser's own address slows down
// exponentially while the account's owner, from their own address, logs in as usual. The address
// comes from XINFANG_TRUST_PROXY's trusted hops only, so it cannot be forged to reset the count.
// Guessing from many addresses at once is bounded by the per-address rate limit and the password
// rules (src/domain/passwords.ts); docs/security.md discusses what remains.
//
// The schedule: the first 4 failures in a row cost nothing; after the 5th the pair waits 30 s,
// after the 6th 1 min, then 2, 4, 8 and at most 15 min before its next attempt is even checked
// (429 `login_locked` with Retry-After). A success clears the pair; a pair quiet for a day starts
// again from zero.
//
// Taking an attempt is one atomic statement (INSERT … ON CONFLICT DO UPDATE … RETURNING): counted
// *before* the password is checked, so parallel requests cannot slip extra guesses in between the
// check and the count.
import { lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { loginThrottle } from '../db/schema.ts';
import { AppError } from '../errors.ts';

export const LOGIN_FREE_FAILURES = 5;
export const LOGIN_BACKOFF_BASE_SECONDS = 30;
export const LOGIN_BACKOFF_MAX_SECONDS = 15 * 60;
/** A pair with no attempt for this long starts again from zero. */
export const LOGIN_FAILURE_MEMORY_HOURS = 24;

/** Seconds the pair waits after its n-th failure in a row (0 for the first free ones). */
export function backoffSeconds(failures: number): number {
  if (failures < LOGIN_FREE_FAILURES) return 0;
  const steps = Math.min(failures - LOGIN_FREE_FAILURES, 20);
  return Math.min(LOGIN_BACKOFF_MAX_SECONDS, LOGIN_BACKOFF_BASE_SECONDS * 2 ** steps);
}

/**
 * The row key: a keyed hash of the account as typed (username or phone, case-folded) and the
 * client address, so the table holds neither. Unknown usernames are keyed alike: the answer never
 * says whether an account exists.
 */
export function throttleKey(hash: (s: string) => string, account: string, ip: string): string {
  return hash(`login-throttle\u0000${account.trim().toLowerCase()}\u0000${ip}`);
}

export const loginLocked = (retryAfterSeconds: number) =>
  new AppError(
    429,
    'login_locked',
    `登录失败次数过多，请${retryAfterSeconds >= 60 ? `${Math.ceil(retryAfterSeconds / 60)}分钟` : `${retryAfterSeconds}秒`}后再试`,
  );

/**
 * Takes one attempt for the pair, or throws 429 `login_locked` (with `retryAfterSeconds`) while it
 * must wait. The attempt counts as a failure until `clearFailures` is called after a success.
 * Returns the failures in a row this attempt makes if it fails (LOGIN_FREE_FAILURES: it locks).
 */
export async function takeLoginAttempt(db: Executor, key: string, now = new Date()): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const num = (n: number) => sql.raw(String(n));
  // failures after this attempt: 1 for a new or forgotten pair, else one more.
  const next = sql`(case when ${loginThrottle.lastAt} < ${at} - interval '${num(LOGIN_FAILURE_MEMORY_HOURS)} hours'
    then 1 else ${loginThrottle.failures} + 1 end)`;
  const lockFor = (n: SQL) =>
    sql`case when ${n} >= ${num(LOGIN_FREE_FAILURES)} then ${at} + make_interval(secs => least(
      ${num(LOGIN_BACKOFF_MAX_SECONDS)}, ${num(LOGIN_BACKOFF_BASE_SECONDS)} * power(2, least(${n} - ${num(LOGIN_FREE_FAILURES)}, 20))))
      else null end`;
  const rows = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, lastAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: { failures: next, lastAt: now, lockedUntil: lockFor(next) },
      // While locked, nothing changes and nothing is returned.
      setWhere: sql`${loginThrottle.lockedUntil} is null or ${loginThrottle.lockedUntil} <= ${at}`,
    })
    .returning({ failures: loginThrottle.failures });
  if (rows[0]) return rows[0].failures;
  const [row] = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(sql`${loginThrottle.key} = ${key}`);
  const wait = row?.lockedUntil ? Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000) : 1;
  const e = loginLocked(Math.max(1, wait));
  (e as AppError & { retryAfterSeconds?: number }).retryAfterSeconds = Math.max(1, wait);
  throw e;
}

/** After a successful login: the pair starts again from zero. */
export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(sql`${loginThrottle.key} = ${key}`);
}

/** Daily: pairs quiet for a day are forgotten anyway; drop their rows. */
export async function purgeLoginThrottle(db: Executor, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - LOGIN_FAILURE_MEMORY_HOURS * 3_600_000);
  const gone = await db
    .delete(loginThrottle)
    .where(lt(loginThrottle.lastAt, cutoff))
    .returning({ key: loginThrottle.key });
  return gone.length;
}
