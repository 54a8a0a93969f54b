// Planner statistics upkeep. PostgreSQL's autovacuum re-analyzes a table once enough of it changed;
// the embedded database has no autovacuum, so nothing would: after a bulk load (seeding, a restore)
// or months of registrations its planner keeps the sizes and value distributions of the day each
// table was last analyzed (or none at all), and can pick plans that read whole tables (docs/
// performance.md, "Write path at scale"). `keepStatistics` does autovacuum's part by hand with its
// thresholds: ANALYZE a table once more than 50 rows + 10 % of it changed since its last analyze,
// VACUUM it once more than 50 rows + 20 % of it are dead, or once more than 1,000 rows + 20 % of it
// were inserted since its last vacuum (autovacuum's insert threshold, PostgreSQL 13+: it sets the
// visibility map, without which an index-only scan still fetches every heap row). Called after bulk loads, at start, and
// periodically by `xinfang serve` on the embedded database (StatisticsKeeper below).
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { PassLoop } from '../jobs/loop.ts';
import type { Db } from './client.ts';

const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;
const VACUUM_BASE = 50;
const VACUUM_SCALE = 0.2;
const VACUUM_INSERT_BASE = 1000;
const VACUUM_INSERT_SCALE = 0.2;

export interface TableUpkeep {
  table: string;
  analyzed: boolean;
  vacuumed: boolean;
}

interface StatRow {
  table: string;
  tuples: number;
  changed: number;
  dead: number;
  analyzedEver: boolean;
  live: number;
  inserted: number;
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Analyzes (and vacuums) the tables of the current schema that crossed autovacuum's thresholds,
 * or every table with `all`. Returns what it did. Statements outside any transaction (VACUUM
 * cannot run in one); each table is its own statement, so other work interleaves between them.
 */
export async function keepStatistics(db: Db, opts: { all?: boolean } = {}): Promise<TableUpkeep[]> {
  // Counters of the last moments may still be pending in this backend: flush them first.
  await db.execute(sql`SELECT pg_stat_force_next_flush()`).catch(() => undefined);
  const rows = (
    (await db.execute(sql`
      SELECT s.relname AS "table", greatest(c.reltuples, 0)::float8 AS tuples,
             s.n_mod_since_analyze::float8 AS changed, s.n_dead_tup::float8 AS dead,
             s.n_live_tup::float8 AS live, s.n_ins_since_vacuum::float8 AS inserted,
             (s.last_analyze IS NOT NULL OR s.last_autoanalyze IS NOT NULL) AS "analyzedEver"
      FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
      WHERE s.schemaname = current_schema()`)) as unknown as { rows: StatRow[] }
  ).rows;
  const out: TableUpkeep[] = [];
  for (const r of rows) {
    const size = Math.max(Number(r.tuples), Number(r.live));
    const analyze =
      opts.all === true ||
      Number(r.changed) > ANALYZE_BASE + ANALYZE_SCALE * Number(r.tuples) ||
      (!r.analyzedEver && Number(r.live) > ANALYZE_BASE);
    const vacuum =
      Number(r.dead) > VACUUM_BASE + VACUUM_SCALE * size ||
      Number(r.inserted) > VACUUM_INSERT_BASE + VACUUM_INSERT_SCALE * Number(r.tuples);
    if (!analyze && !vacuum) continue;
    const name = sql.raw(quoteIdent(r.table));
    if (vacuum) await db.execute(sql`VACUUM (ANALYZE) ${name}`);
    else await db.execute(sql`ANALYZE ${name}`);
    out.push({ table: r.table, analyzed: true, vacuumed: vacuum });
  }
  return out;
}

/**
 * `keepStatistics` on the embedded database, on the shared pass-runner (src/jobs/loop.ts): every
 * `intervalMs` (default 10 minutes) once started, and soon after `kick()` (a bulk load in a running
 * server); passes never overlap, and a kick during one asks for one more after it.
 */
export class StatisticsKeeper {
  private readonly loop: PassLoop;
  private last: TableUpkeep[] = [];

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    intervalMs = 10 * 60_000,
  ) {
    this.loop = new PassLoop(
      async () => {
        this.last = await this.pass();
      },
      { label: '更新查询统计信息 / statistics upkeep', log, pollMs: intervalMs },
    );
  }

  private async pass(opts: { all?: boolean } = {}): Promise<TableUpkeep[]> {
    const started = Date.now();
    const done = await keepStatistics(this.db, opts);
    if (done.length > 0)
      this.log.info(
        { job: 'statistics', tables: done.map((d) => d.table), ms: Date.now() - started },
        `已更新查询统计信息 / planner statistics refreshed: ${done.length} tables`,
      );
    return done;
  }

  /** One pass now (after any pass running); logs what it did, never throws. */
  async run(opts: { all?: boolean } = {}): Promise<TableUpkeep[]> {
    await this.loop.idle();
    try {
      return await this.pass(opts);
    } catch (e) {
      this.log.warn(
        { job: 'statistics', error: (e as Error).message.slice(0, 200) },
        '更新查询统计信息失败 / statistics upkeep failed',
      );
      return [];
    }
  }

  /** A pass soon (after a bulk load), without overlapping the one running. */
  kick(): void {
    this.loop.kick();
  }

  /** Waits until no pass runs; returns what the last scheduled or kicked pass did. */
  async idle(): Promise<TableUpkeep[]> {
    await this.loop.idle();
    return this.last;
  }

  /** The periodic pass, and one at once. */
  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }
}
