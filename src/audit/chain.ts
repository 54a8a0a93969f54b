// Append-only audit log with a hash chain (审计日志). Each sealed row's hash covers its content and
// the previous row's hash, so editing or deleting a row breaks every hash after it.
//
// Two steps, so that no business transaction queues on a shared row:
// 1. `recordAudit` appends the row unsealed inside the caller's transaction: one INSERT, its `seq`
//    from the identity sequence (taken without a lock; a rollback leaves a gap, never a row).
// 2. `sealAudit`, in its own short transaction, takes the head row lock, reads the committed
//    unsealed rows in `seq` order, gives each the next chain position (`chain_pos`) and its hash,
//    and moves the head. Seals are serialised by the head lock, across API nodes too. A row whose
//    transaction commits after a later `seq` was sealed simply gets a later chain position: a sealed
//    prefix is never re-opened. The chain order is `chain_pos`; `seq` is only the append order.
import { createHash } from 'node:crypto';
import { asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditArchiveRuns, auditHead, auditLog } from '../db/schema.ts';

export const GENESIS_HASH = 'GENESIS';

/** Rows sealed per seal transaction (a longer backlog takes several). */
export const SEAL_BATCH = 1000;

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

/** What a row's hash covers: its content, its seq and the previous row's hash. */
interface HashedRow {
  seq: number;
  at: Date;
  actorUserId: number | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: unknown;
  prevHash: string | null;
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

/** SHA-256 of the canonical JSON of the row (the same rule for rows chained before sealing existed). */
export function rowHash(row: HashedRow): string {
  if (row.prevHash === null) throw new Error(`audit row ${row.seq} is not sealed`);
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
 * Appends one entry, unsealed, inside the caller's transaction: one INSERT that locks no shared row,
 * so it may come anywhere in the transaction. It is chained by the next seal after commit
 * (`AuditSealer`, kicked after each mutating request, or `audit verify`).
 */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    at: new Date(),
    actorUserId: entry.actorUserId ?? null,
    actorRole: entry.actorRole ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    summary: JSON.parse(JSON.stringify(entry.summary)),
  });
}

/**
 * Chains up to `limit` committed unsealed rows onto the head, in one transaction; returns how many.
 * The head lock comes first and the unsealed rows are read by a later statement, so (READ
 * COMMITTED) they are read after any seal that held the lock before us has committed.
 */
export async function sealAudit(db: Executor, limit = SEAL_BATCH): Promise<number> {
  return db.transaction(async (tx) => {
    const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
    if (!head) throw new Error('audit_head row missing: migrations not applied');
    const pending = await tx
      .select()
      .from(auditLog)
      .where(isNull(auditLog.chainPos))
      .orderBy(asc(auditLog.seq))
      .limit(limit);
    if (pending.length === 0) return 0;
    let pos = head.seq;
    let prev = head.hash;
    const values = pending.map((r) => {
      pos++;
      const hash = rowHash({ ...r, prevHash: prev });
      const v = sql`(${r.seq}::bigint, ${pos}::bigint, ${prev}::text, ${hash}::text)`;
      prev = hash;
      return v;
    });
    // Rows and head in one statement; the head moves only if every row was still unsealed.
    const moved = await tx.execute(sql`
      with v(seq, pos, prev_hash, hash) as (values ${sql.join(values, sql`, `)}),
      sealed as (
        update ${auditLog} a set chain_pos = v.pos, prev_hash = v.prev_hash, hash = v.hash
        from v where a.seq = v.seq and a.chain_pos is null
        returning a.seq
      )
      update ${auditHead} set seq = ${pos}, hash = ${prev}
      where id = 1 and (select count(*) from sealed) = ${pending.length}::bigint
      returning id`);
    if ((moved as unknown as { rows: unknown[] }).rows.length !== 1) {
      throw new Error('audit seal: rows sealed under the head lock by someone else');
    }
    return pending.length;
  });
}

/** Seals until nothing committed is pending; returns how many rows were sealed. */
export async function sealAllAudit(db: Executor): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sealAudit(db);
    total += n;
    if (n < SEAL_BATCH) return total;
  }
}

export interface VerifyResult {
  ok: boolean;
  /** Chain positions verified: rows walked in the database plus rows vouched for by archive runs. */
  rows: number;
  /** Of `rows`, how many were archived (`xinfang archive`) and crossed on their recorded run. */
  archived?: number;
  /** First chain position where the chain is broken, and why. */
  brokenAt?: number;
  reason?: string;
}

/**
 * Seals what is pending, then walks the whole chain by chain position in batches, and checks the
 * head (no tail rows removed). Rows appended while it runs are sealed and walked if a seal (this
 * node's or another's) moves the head before the walk ends, else left for the next verify.
 * Archived partitions (src/partitions/archive.ts) leave gaps in the chain positions; the walk
 * crosses a gap only on the archive runs recorded when they left (`audit_archive_runs`): the run
 * must start right after the last position verified, carry the hash verified so far as its first
 * row's previous hash, and its last row's hash becomes the one the next row must carry.
 */
export async function verifyAuditChain(
  db: Executor,
  onProgress?: (rows: number) => void,
): Promise<VerifyResult> {
  // A seal that fails (e.g. a head rewound under existing rows) must not hide what the walk finds.
  const sealError = await sealAllAudit(db).then(
    () => null,
    (e: unknown) => e,
  );
  const result = await walkAuditChain(db, onProgress);
  if (sealError && result.ok) throw sealError;
  return result;
}

type Run = typeof auditArchiveRuns.$inferSelect;

async function walkAuditChain(db: Executor, onProgress?: (rows: number) => void): Promise<VerifyResult> {
  const runs = new Map<number, Run>();
  for (const r of await db.select().from(auditArchiveRuns)) runs.set(r.fromPos, r);
  let prevHash = GENESIS_HASH;
  let rows = 0; // the last chain position verified
  let archived = 0;
  /** Crosses archived runs from `rows + 1` up to `until` (inclusive); false if they do not reach. */
  const crossArchived = (until: number): boolean => {
    while (rows < until) {
      const run = runs.get(rows + 1);
      if (!run || run.toPos > until || run.prevHash !== prevHash) return false;
      archived += run.toPos - rows;
      rows = run.toPos;
      prevHash = run.hash;
    }
    return true;
  };
  const nextBatch = () =>
    db.select().from(auditLog).where(gt(auditLog.chainPos, rows)).orderBy(asc(auditLog.chainPos)).limit(5000);
  // `archived` only when the chain crossed an archive, so a plain chain reads as it always did.
  const more = () => (archived > 0 ? { archived } : {});
  const fail = (reason: string): VerifyResult => ({ ok: false, rows, ...more(), brokenAt: rows + 1, reason });
  for (;;) {
    let batch = await nextBatch();
    if (batch.length === 0) {
      const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
      // Rows archived up to the head itself (nothing younger left) end on a run.
      if (head && head.seq > rows && runs.has(rows + 1)) crossArchived(head.seq);
      if (head && head.seq === rows && head.hash === prevHash) return { ok: true, rows, ...more() };
      // A seal may have committed between our last read and the head read: read on once more.
      if (head && head.seq > rows) batch = await nextBatch();
      if (batch.length === 0) {
        const removed = !head || head.seq > rows;
        return fail(removed ? 'rows removed from the end (末尾记录被删除)' : 'head mismatch (链头不符)');
      }
    }
    for (const r of batch) {
      const pos = r.chainPos as number;
      // Keys are unique per partition only: a position seen twice is caught here, not by an index.
      if (pos <= rows) return fail('chain position repeated (序号重复)');
      if (pos !== rows + 1 && !crossArchived(pos - 1)) return fail('row missing (序号缺失)');
      if (r.prevHash !== prevHash) return fail('previous hash mismatch');
      if (r.hash === null || rowHash(r) !== r.hash) return fail('row content altered (内容被篡改)');
      prevHash = r.hash;
      rows++;
    }
    onProgress?.(rows);
  }
}
