// Keeps the monthly partitions of the history tables (src/domain/partitions/months.ts) ahead of
// time: the current month and the next three exist before a row needs them, and any month that
// has rows in the DEFAULT partition (a far-past import, a clock far ahead, the demo's two years of
// history seeded after the migration) gets a partition of its own, its rows moved into it.
// Run at start (src/server/boot.ts), by the daily jobs (src/jobs/passes.ts) and before an archive.
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import {
  addMonths,
  defaultPartitionName,
  isMonth,
  type Month,
  monthStart,
  monthsToKeepAhead,
  PARTITIONED_TABLES,
  type PartitionedTable,
  partitionMonth,
  partitionName,
} from '../domain/partitions/months.ts';

type Rows<T> = { rows: T[] };

async function rows<T>(db: Executor, q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(q)) as unknown as Rows<T>).rows;
}

export interface PartitionInfo {
  name: string;
  /** null for the DEFAULT partition. */
  month: Month | null;
}

/** The partitions of a table as they are now (names from pg_inherits). */
export async function listPartitions(db: Executor, table: string): Promise<PartitionInfo[]> {
  const found = await rows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = to_regclass(${table}) order by c.relname`,
  );
  return found.map((r) => ({ name: r.name, month: partitionMonth(table, r.name) }));
}

/** The months that have rows waiting in the table's DEFAULT partition. */
async function monthsInDefault(db: Executor, table: string): Promise<Month[]> {
  const found = await rows<{ month: string }>(
    db,
    sql`select distinct to_char((at at time zone 'UTC') + interval '8 hours', 'YYYY-MM') as month
        from ${sql.identifier(defaultPartitionName(table))}`,
  );
  // A year past 9999 has no partition name: such rows stay in DEFAULT, where inserts still work.
  return found
    .map((r) => r.month)
    .filter(isMonth)
    .sort();
}

/**
 * Creates the month's partition, moving its rows out of DEFAULT, in one transaction under the
 * table's lock (creating a partition locks the table anyway; taking it first makes the check for
 * an existing partition and the move safe against a second node doing the same). Returns the
 * rows moved, or null if the partition already existed.
 */
async function createMonth(db: Executor, t: PartitionedTable, month: Month): Promise<number | null> {
  const name = partitionName(t.table, month);
  const from = monthStart(month).toISOString();
  const to = monthStart(addMonths(month, 1)).toISOString();
  return db.transaction(async (tx) => {
    const table = sql.identifier(t.table);
    await tx.execute(sql`lock table ${table} in access exclusive mode`);
    const exists = await rows(tx, sql`select 1 from pg_class where relname = ${name}`);
    if (exists.length > 0) return null;
    // The rows leave DEFAULT first (a range DEFAULT still holds cannot be given to a partition),
    // wait in a temporary table, and come back through the parent into their new partition with
    // their own keys.
    await tx.execute(sql`create temp table partition_move (like ${table}) on commit drop`);
    await tx.execute(sql`
      with gone as (
        delete from ${sql.identifier(defaultPartitionName(t.table))}
        where at >= ${from}::timestamptz and at < ${to}::timestamptz returning *)
      insert into partition_move select * from gone`);
    await tx.execute(sql`create table ${sql.identifier(name)} partition of ${table}
      for values from (${sql.raw(`'${from}'`)}) to (${sql.raw(`'${to}'`)})`);
    const moved = await rows<{ n: number }>(
      tx,
      sql`with back as (insert into ${table} overriding system value select * from partition_move returning 1)
          select count(*)::int as n from back`,
    );
    return moved[0]?.n ?? 0;
  });
}

export interface MaintainResult {
  /** Partitions created, by name. */
  created: string[];
  /** Rows moved out of DEFAULT partitions into their month's new partition. */
  moved: number;
}

/** Creates the partitions due now (see the file comment); idempotent. */
export async function maintainPartitions(db: Executor, now: Date = new Date()): Promise<MaintainResult> {
  const result: MaintainResult = { created: [], moved: 0 };
  for (const t of PARTITIONED_TABLES) {
    const have = new Set((await listPartitions(db, t.table)).map((p) => p.month));
    const want = new Set([...monthsToKeepAhead(now), ...(await monthsInDefault(db, t.table))]);
    for (const month of [...want].sort()) {
      if (have.has(month)) continue;
      const moved = await createMonth(db, t, month);
      if (moved === null) continue;
      result.created.push(partitionName(t.table, month));
      result.moved += moved;
    }
  }
  return result;
}
