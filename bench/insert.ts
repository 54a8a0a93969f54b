// Baseline: raw single-row INSERTs, each its own autocommit transaction, through the same driver
// (Drizzle over PGlite or node-postgres) the platform uses. Everything else is divided by this.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';

export interface InsertResult {
  /** Concurrent clients, each running its share of the inserts one after another. */
  clients: number;
  rows: number;
  seconds: number;
  /** Committed INSERT transactions per second. */
  tps: number;
}

/** A scratch table shaped like a small case row. */
export async function createScratchTable(db: Db): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS bench_rows`);
  await db.execute(sql`
    CREATE TABLE bench_rows (
      id bigserial PRIMARY KEY,
      case_no text NOT NULL,
      title text NOT NULL,
      jurisdiction_code char(6) NOT NULL,
      status text NOT NULL,
      priority integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
}

export async function dropScratchTable(db: Db): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS bench_rows`);
}

async function insertOne(db: Db, i: number): Promise<void> {
  await db.execute(sql`
    INSERT INTO bench_rows (case_no, title, jurisdiction_code, status, priority)
    VALUES (${`BENCH-${i}`}, ${`关于小区物业管理问题的信访事项 ${i}`}, ${'320106'}, ${'registered'}, ${i % 3})`);
}

/**
 * Inserts for about `seconds`, from `clients` loops that each await every insert before the next.
 * Expects an empty table, and checks every row arrived.
 */
export async function insertTps(db: Db, seconds: number, clients = 1): Promise<InsertResult> {
  let rows = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  const loop = async () => {
    while (process.hrtime.bigint() < deadline) await insertOne(db, rows++);
  };
  await Promise.all(Array.from({ length: clients }, loop));
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  // Both drivers answer { rows }; Drizzle types the raw result as unknown.
  const result = (await db.execute(sql`SELECT count(*)::int AS n FROM bench_rows`)) as {
    rows: { n: number }[];
  };
  const [row] = result.rows;
  if (Number(row?.n) !== rows) throw new Error(`bench_rows holds ${row?.n} rows, expected ${rows}`);
  return { clients, rows, seconds: elapsed, tps: rows / elapsed };
}

/** Runs a few inserts first so connection set-up and JIT are not measured, then empties the table. */
export async function warmUp(db: Db, clients: number): Promise<void> {
  await insertTps(db, 0.3, clients);
  await db.execute(sql`TRUNCATE bench_rows`);
}
