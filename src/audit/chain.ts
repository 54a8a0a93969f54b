// Append-only audit log with a hash chain (审计日志). Each row's hash covers its content and the
// previous row's hash, so editing or deleting a row breaks every hash after it.
import { createHash } from 'node:crypto';
import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditHead, auditLog } from '../db/schema.ts';

export const GENESIS_HASH = 'GENESIS';

export interface AuditEntry {
  actorUserId?: number | null;
  actorRole?: string | null;
  /** Verb in the domain's words: 'user.create', 'auth.login', 'case.accept' … */
  action: string;
  entity: string;
  entityId?: string | number | null;
  /** Before/after summary. Never put personal data (ID numbers, phones) here. */
  summary: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  at: Date;
  actorUserId: number | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: unknown;
  prevHash: string;
}

/** JSON with sorted keys: jsonb does not keep key order, the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function rowHash(row: AuditRow): string {
  const material = canonicalJson([
    row.seq,
    row.at.toISOString(),
    row.actorUserId,
    row.actorRole,
    row.action,
    row.entity,
    row.entityId,
    row.summary,
    row.prevHash,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

/**
 * Appends one entry inside the caller's transaction. The head row lock serialises appends until
 * commit; call it last in the transaction to keep that lock short.
 *
 * Two statements: the first takes the head row lock and the next sequence number in one go
 * (`UPDATE … SET seq = seq + 1 RETURNING`, which also returns the previous row's hash, unchanged by
 * it); a concurrent append waits on that lock and, once we commit, re-reads the row we left (READ
 * COMMITTED re-evaluates the UPDATE on the newest version), so it chains onto our hash. The second
 * inserts the row and stores its hash in the head. A rollback undoes both.
 */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  const [head] = await tx
    .update(auditHead)
    .set({ seq: sql`${auditHead.seq} + 1` })
    .where(eq(auditHead.id, 1))
    .returning({ seq: auditHead.seq, hash: auditHead.hash });
  if (!head) throw new Error('audit_head row missing: migrations not applied');
  const row: AuditRow = {
    seq: head.seq,
    at: new Date(),
    actorUserId: entry.actorUserId ?? null,
    actorRole: entry.actorRole ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    summary: JSON.parse(JSON.stringify(entry.summary)),
    prevHash: head.hash,
  };
  const hash = rowHash(row);
  await tx.execute(sql`
    with appended as (
      insert into ${auditLog} (seq, at, actor_user_id, actor_role, action, entity, entity_id, summary, prev_hash, hash)
      values (${row.seq}, ${row.at.toISOString()}, ${row.actorUserId}, ${row.actorRole}, ${row.action},
              ${row.entity}, ${row.entityId}, ${JSON.stringify(row.summary)}::jsonb, ${row.prevHash}, ${hash})
      returning seq
    )
    update ${auditHead} set hash = ${hash} where id = 1 and seq = (select seq from appended)`);
}

export interface VerifyResult {
  ok: boolean;
  rows: number;
  /** First sequence number where the chain is broken, and why. */
  brokenAt?: number;
  reason?: string;
}

/** Walks the whole chain in batches; also checks that no tail rows were removed (head mismatch). */
export async function verifyAuditChain(
  db: Executor,
  onProgress?: (rows: number) => void,
): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(5000);
    if (batch.length === 0) break;
    for (const r of batch) {
      if (r.seq !== expectedSeq)
        return { ok: false, rows, brokenAt: expectedSeq, reason: 'row missing (序号缺失)' };
      if (r.prevHash !== prevHash)
        return { ok: false, rows, brokenAt: r.seq, reason: 'previous hash mismatch' };
      if (rowHash(r) !== r.hash)
        return { ok: false, rows, brokenAt: r.seq, reason: 'row content altered (内容被篡改)' };
      prevHash = r.hash;
      expectedSeq++;
      rows++;
    }
    onProgress?.(rows);
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (!head || head.seq !== rows || head.hash !== prevHash) {
    return { ok: false, rows, brokenAt: rows + 1, reason: 'rows removed from the end (末尾记录被删除)' };
  }
  return { ok: true, rows };
}
