// `Idempotency-Key` (as in the IETF draft and Stripe's API): a client that retries a mutation — a
// citizen pressing 提交 twice, a phone that lost its answer — sends the same key, and gets the first
// answer again instead of a second matter. The key is claimed in the mutation's own transaction,
// so on PostgreSQL a concurrent request with the same key waits for the first to commit and then
// replays its answer; a key reused with another body is refused. Keys live 24 hours.
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { canonicalJson } from '../audit/chain.ts';
import type { Executor } from '../db/client.ts';
import { idempotencyKeys } from '../db/schema.ts';
import { AppError, badRequest } from '../errors.ts';
import type { Pii } from '../security/pii.ts';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const KEY = /^[\x21-\x7e]{8,100}$/;

export interface IdempotencyClaim {
  userId: number;
  scope: string;
  key: string;
  requestHash: string;
}

/** The claim of a request, or undefined without a key; a malformed key is a 400. */
export function idempotencyClaim(
  header: string | string[] | undefined,
  userId: number,
  scope: string,
  body: unknown,
): IdempotencyClaim | undefined {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || !KEY.test(key)) {
    throw badRequest('invalid_idempotency_key', 'Idempotency-Key 应为8到100个可见字符', 'Idempotency-Key');
  }
  const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
  return { userId, scope, key, requestHash };
}

/**
 * Claims the key in `tx`. Returns the stored answer when this key was already answered (replay), or
 * null when this request is the first: it then must call `remember` before its transaction ends.
 */
export async function claimIdempotencyKey<T>(
  tx: Executor,
  pii: Pii,
  c: IdempotencyClaim,
  now: Date,
): Promise<{ replay: T } | null> {
  const expired = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
  // A fresh row, or one whose 24 hours are over: this request owns the key. A row another
  // transaction is writing makes this statement wait for its commit (PostgreSQL).
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ ...c, createdAt: now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.scope, idempotencyKeys.key],
      set: { requestHash: c.requestHash, responseEnc: null, createdAt: now },
      setWhere: lt(idempotencyKeys.createdAt, expired),
    })
    .returning({ key: idempotencyKeys.key });
  if (claimed.length) return null;
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.userId, c.userId),
        eq(idempotencyKeys.scope, c.scope),
        eq(idempotencyKeys.key, c.key),
      ),
    );
  if (!row || row.requestHash !== c.requestHash || !row.responseEnc) {
    throw new AppError(
      422,
      'idempotency_key_reused',
      '该 Idempotency-Key 已用于另一内容不同的请求，请为新的提交使用新的键',
    );
  }
  return { replay: JSON.parse(pii.decrypt(row.responseEnc)) as T };
}

/** Stores the first answer under the claimed key (same transaction as the mutation). */
export async function rememberIdempotentAnswer(tx: Executor, pii: Pii, c: IdempotencyClaim, answer: unknown) {
  await tx
    .update(idempotencyKeys)
    .set({ responseEnc: pii.encrypt(JSON.stringify(answer)) })
    .where(
      and(
        eq(idempotencyKeys.userId, c.userId),
        eq(idempotencyKeys.scope, c.scope),
        eq(idempotencyKeys.key, c.key),
      ),
    );
}

/** Deletes keys older than 24 hours (daily jobs). */
export async function purgeIdempotencyKeys(db: Executor, now = new Date()): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}
