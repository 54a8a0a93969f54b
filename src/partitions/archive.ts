// `xinfang archive --before YYYY-MM`: the monthly partitions of the history tables that end before
// that month are written to files (src/partitions/archiveFile.ts), detached and dropped, one
// partition per transaction. Audit rows are kept in the database for XINFANG_AUDIT_RETENTION_YEARS
// (default 10) and timelines for XINFANG_HISTORY_RETENTION_YEARS: a `--before` that reaches into
// either period is refused before anything is touched. For the audit log, the runs of chain
// positions that leave are recorded (`audit_archive_runs`), so `xinfang audit verify` still walks
// the chain across the gap (src/audit/chain.ts).
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit, sealAllAudit } from '../audit/chain.ts';
import type { Executor } from '../db/client.ts';
import { auditArchiveRuns, historyArchives } from '../db/schema.ts';
import {
  type ArchiveRefusal,
  addMonths,
  type Month,
  monthStart,
  PARTITIONED_TABLES,
  type PartitionedTable,
  partitionName,
  type RetentionKind,
  retentionRefusals,
} from '../domain/partitions/months.ts';
import {
  type ArchiveHeader,
  brokenArchivedAuditRow,
  readArchiveFile,
  writeArchiveFile,
} from './archiveFile.ts';
import { listPartitions, maintainPartitions } from './maintain.ts';

async function rows<T>(db: Executor, q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

export class ArchiveRefused extends Error {}

/** The refusal in both languages, with the latest `--before` each table allows. */
export function refusalMessage(refusals: readonly ArchiveRefusal[]): string {
  return refusals
    .map(
      (r) =>
        `${r.zh}须在库内保留 ${r.years} 年，--before 最晚为 ${r.floor} / ${r.table} is kept ${r.years} years: --before ${r.floor} at the latest`,
    )
    .join('; ');
}

export interface ArchiveOptions {
  before: Month;
  /** Default: every partitioned table. */
  tables?: readonly string[];
  outDir: string;
  dryRun?: boolean;
  retentionYears: Record<RetentionKind, number>;
  now?: Date;
}

export interface ArchivedPartition {
  table: string;
  month: Month;
  partition: string;
  rows: number;
  /** Absent on a dry run. */
  file?: string;
  sha256?: string;
}

function selectTables(names?: readonly string[]): PartitionedTable[] {
  if (!names || names.length === 0) return [...PARTITIONED_TABLES];
  return names.map((n) => {
    const t = PARTITIONED_TABLES.find((p) => p.table === n);
    if (!t) {
      const known = PARTITIONED_TABLES.map((p) => p.table).join(', ');
      throw new ArchiveRefused(`不是分区表 / not a partitioned table: ${n} (${known})`);
    }
    return t;
  });
}

/** The rows of a partition as JSON text, in key order, and the digest that pins them. */
async function partitionLines(db: Executor, t: PartitionedTable, partition: string): Promise<string[]> {
  const found = await rows<{ j: string }>(
    db,
    sql`select to_jsonb(p)::text as j from ${sql.identifier(partition)} p order by ${sql.identifier(t.key)}`,
  );
  return found.map((r) => r.j);
}

const digest = (lines: readonly string[]) => createHash('sha256').update(lines.join('\n')).digest('hex');

/**
 * Archives (or, with `dryRun`, lists) the partitions of the chosen tables whose month is before
 * `before`. Throws ArchiveRefused if `before` reaches into a retention period, or if audit rows
 * there are not yet sealed.
 */
export async function archiveHistory(db: Executor, opts: ArchiveOptions): Promise<ArchivedPartition[]> {
  const now = opts.now ?? new Date();
  const tables = selectTables(opts.tables);
  const refusals = retentionRefusals(opts.before, tables, now, opts.retentionYears);
  if (refusals.length > 0) throw new ArchiveRefused(refusalMessage(refusals));
  // Rows of old months still waiting in DEFAULT get their partition first, so they leave too.
  if (!opts.dryRun) await maintainPartitions(db, now);
  if (!opts.dryRun && tables.some((t) => t.table === 'audit_log')) await sealAllAudit(db);
  const done: ArchivedPartition[] = [];
  for (const t of tables) {
    const old = (await listPartitions(db, t.table)).filter((p) => p.month !== null && p.month < opts.before);
    for (const p of old) {
      const month = p.month as Month;
      if (opts.dryRun) {
        const [c] = await rows<{ n: number }>(
          db,
          sql`select count(*)::int as n from ${sql.identifier(p.name)}`,
        );
        done.push({ table: t.table, month, partition: p.name, rows: c?.n ?? 0 });
        continue;
      }
      done.push(await archiveOne(db, t, month, opts.outDir, now));
    }
  }
  return done;
}

async function archiveOne(
  db: Executor,
  t: PartitionedTable,
  month: Month,
  outDir: string,
  now: Date,
): Promise<ArchivedPartition> {
  const partition = partitionName(t.table, month);
  const part = sql.identifier(partition);
  if (t.table === 'audit_log') {
    const [u] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${part} where chain_pos is null`,
    );
    if ((u?.n ?? 0) > 0) throw new ArchiveRefused(`${partition}: 有未封存的审计记录 / unsealed audit rows`);
  }
  const lines = await partitionLines(db, t, partition);
  const header: ArchiveHeader = {
    format: 'xinfang-archive',
    version: 1,
    table: t.table,
    partition,
    month,
    from: monthStart(month).toISOString(),
    to: monthStart(addMonths(month, 1)).toISOString(),
    rows: lines.length,
    createdAt: now.toISOString(),
  };
  const { file, sha256 } = writeArchiveFile(outDir, header, lines);
  // Read back before anything is dropped: the file must hold exactly what the partition holds.
  const back = readArchiveFile(file, sha256);
  if (digest(back.lines) !== digest(lines))
    throw new Error(`${partition}: archive file reads back differently`);
  if (t.table === 'audit_log' && brokenArchivedAuditRow(back.lines) !== null) {
    throw new ArchiveRefused(`${partition}: 审计链在归档内不连续 / the audit rows do not verify`);
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${sql.identifier(t.table)} in access exclusive mode`);
    // Nothing may have changed between reading and dropping.
    if (digest(await partitionLines(tx, t, partition)) !== digest(lines)) {
      throw new Error(`${partition}: rows changed while being archived; nothing dropped, run again`);
    }
    const [rec] = await tx
      .insert(historyArchives)
      .values({ tableName: t.table, month, partitionName: partition, rows: lines.length, file, sha256 })
      .returning({ id: historyArchives.id });
    if (!rec) throw new Error('history_archives insert returned nothing');
    if (t.table === 'audit_log' && lines.length > 0) {
      // Runs of consecutive chain positions, each with its first row's previous hash and its last row's hash.
      const runs = await rows<{ from_pos: string; to_pos: string; prev_hash: string; hash: string }>(
        tx,
        sql`select min(chain_pos)::text as from_pos, max(chain_pos)::text as to_pos,
              (array_agg(prev_hash order by chain_pos))[1] as prev_hash,
              (array_agg(hash order by chain_pos desc))[1] as hash
            from (select chain_pos, prev_hash, hash, chain_pos - row_number() over (order by chain_pos) as g
                  from ${part}) x
            group by g order by 1`,
      );
      await tx.insert(auditArchiveRuns).values(
        runs.map((r) => ({
          fromPos: Number(r.from_pos),
          toPos: Number(r.to_pos),
          prevHash: r.prev_hash,
          hash: r.hash,
          archiveId: rec.id,
        })),
      );
    }
    await tx.execute(sql`alter table ${sql.identifier(t.table)} detach partition ${part}`);
    await tx.execute(sql`drop table ${part}`);
    await recordAudit(tx, {
      action: 'history.archive',
      entity: 'partition',
      entityId: partition,
      summary: { table: t.table, month, rows: lines.length, sha256 },
    });
  });
  return { table: t.table, month, partition, rows: lines.length, file, sha256 };
}

/**
 * Puts an archived partition back (`xinfang archive --restore FILE`): checks the file, inserts its
 * rows through the parent with their own keys, gives their month its partition again, and forgets
 * the archive record (and, for the audit log, its runs: the chain is whole in the database again).
 */
export async function restoreArchive(
  db: Executor,
  file: string,
): Promise<{ partition: string; rows: number }> {
  const { header, lines, sha256 } = readArchiveFile(file);
  const t = PARTITIONED_TABLES.find((p) => p.table === header.table);
  if (!t) throw new ArchiveRefused(`不是分区表 / not a partitioned table: ${header.table}`);
  await db.transaction(async (tx) => {
    const table = sql.identifier(t.table);
    for (let i = 0; i < lines.length; i += 1000) {
      const batch = `[${lines.slice(i, i + 1000).join(',')}]`;
      await tx.execute(sql`insert into ${table} overriding system value
        select * from jsonb_populate_recordset(null::${table}, ${batch}::jsonb)`);
    }
    const recs = await rows<{ id: number }>(
      tx,
      sql`select id from history_archives where partition_name = ${header.partition} and sha256 = ${sha256}`,
    );
    for (const r of recs) {
      await tx.execute(sql`delete from audit_archive_runs where archive_id = ${r.id}`);
      await tx.execute(sql`delete from history_archives where id = ${r.id}`);
    }
    await recordAudit(tx, {
      action: 'history.restore',
      entity: 'partition',
      entityId: header.partition,
      summary: { table: t.table, month: header.month, rows: lines.length, sha256 },
    });
  });
  // The rows went to DEFAULT (their partition was dropped): this gives the month its partition back.
  await maintainPartitions(db);
  return { partition: header.partition, rows: lines.length };
}
