// Read replicas (DATABASE_READ_URL): PostgreSQL streaming standbys that serve the reads which
// tolerate lag — lists, search, analytics, dashboards, the big screen, reports (docs/operations.md).
//
// Read-your-writes: after a caller's mutation commits, the primary's WAL insert position is kept
// for that caller (`noteWrite`). A lag-tolerant read of that caller goes to a replica only once the
// replica has replayed past that position (`pg_last_wal_replay_lsn()`); otherwise to the primary.
// Replay only moves forward, so a replica known to be past a position is not asked again: a caller
// without a pending write costs no extra round trip. Everyone else may read a replica that lags:
// that is what these reads tolerate.
//
// A replica that cannot be reached is left for REPLICA_RETRY_MS (logged) and its reads run on the primary:
// a statement that fails for want of a connection is run again on the primary, so the request
// itself succeeds. So is a statement the standby cancelled for a recovery conflict, or refused as a
// write (PRIMARY_INSTEAD).
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from './client.ts';
import { databaseFailure, shortDbError } from './errors.ts';
import * as schema from './schema.ts';

/** How long a replica that failed is left alone before it is tried again (default). */
export const REPLICA_RETRY_MS = 5_000;
/** Callers whose last write is remembered; the oldest goes first (its write has long replayed). */
const MAX_WRITERS = 100_000;
/** A write whose position could not be read: the caller reads the primary for this long. */
const UNKNOWN_WRITE_MS = 60_000;
/**
 * Run again on the primary: 40001, the standby cancelled the statement because replay needed its
 * rows (recovery conflict); 25006, a read path that writes a cache on the way (hotspots store the
 * features of cases they meet for the first time) — the write belongs on the primary anyway.
 */
const PRIMARY_INSTEAD = new Set(['40001', '25006']);

/** 'X/Y' (two hex halves) → one comparable number. */
export function parseLsn(text: string): bigint {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim());
  if (!m) throw new Error(`not an LSN: ${text.slice(0, 40)}`);
  return (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

export type ReplicaLog = (level: 'warn' | 'info', message: string, fields: Record<string, unknown>) => void;

type QueryFn = (...args: unknown[]) => Promise<unknown>;

class Replica {
  readonly pool: pg.Pool;
  readonly db: Db;
  /** The replay position last read from this replica (0: not read yet). */
  replayed = 0n;
  /** Until when the replica is left alone after a failure (0: up). */
  downUntil = 0;

  constructor(
    readonly name: string,
    url: string,
    poolMax: number,
    primary: pg.Pool,
    private readonly log: ReplicaLog,
    private readonly retryMs: number,
  ) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: poolMax,
      // A replica that does not answer costs a request at most this long before the primary serves it.
      connectionTimeoutMillis: 3_000,
      keepAlive: true,
      application_name: 'xinfang-read',
    });
    // An idle connection the replica dropped (restart): the pool removes it; the next query reopens.
    this.pool.on('error', () => {});
    // Drizzle runs a statement outside a transaction as pool.query(config, values): on a lost replica
    // (or a recovery conflict) the same read runs on the primary.
    const own = this.pool.query.bind(this.pool) as QueryFn;
    const onPrimary = primary.query.bind(primary) as QueryFn;
    (this.pool as unknown as { query: QueryFn }).query = async (...args: unknown[]) => {
      if (typeof args[args.length - 1] === 'function') return own(...args);
      try {
        return await own(...args);
      } catch (e) {
        if (databaseFailure(e) === 'unavailable') this.markDown(e);
        else if (!PRIMARY_INSTEAD.has(String((e as { code?: unknown }).code))) throw e;
        return onPrimary(...args);
      }
    };
    this.db = drizzle(this.pool, { schema }) as unknown as Db;
  }

  up(now: number): boolean {
    return this.downUntil <= now;
  }

  markDown(e: unknown): void {
    const first = this.downUntil === 0;
    this.downUntil = Date.now() + this.retryMs;
    this.replayed = 0n; // after a restart its position is read again
    if (first)
      this.log(
        'warn',
        '只读副本不可用，读取改由主库执行 / read replica unavailable, reads go to the primary',
        {
          replica: this.name,
          error: shortDbError(e),
        },
      );
  }

  /** Its state for /readyz, against the primary's WAL position (null: unknown). Never throws. */
  async status(replica: number, primaryLsn: bigint | null): Promise<ReplicaStatus> {
    const down: ReplicaStatus = { replica, state: 'down', lagBytes: null, lagSeconds: null };
    try {
      const c = await this.pool.connect();
      type Row = { lsn: string | null; paused: boolean | null; secs: number | null };
      let row: Row | undefined;
      try {
        // Outside recovery lsn is null: a promoted standby is down, as in refresh().
        ({
          rows: [row],
        } = await c.query<Row>(
          `SELECT pg_last_wal_replay_lsn()::text AS lsn,
                  CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() END AS paused,
                  CASE WHEN pg_last_wal_receive_lsn() IS NULL OR pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn()
                    THEN 0 ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS secs`,
        ));
      } finally {
        c.release();
      }
      if (!row?.lsn) {
        this.markDown(Object.assign(new Error('not a standby'), { code: '08000' }));
        return down;
      }
      const lsn = parseLsn(row.lsn);
      if (lsn > this.replayed) this.replayed = lsn;
      const lagBytes = primaryLsn === null ? null : Number(primaryLsn > lsn ? primaryLsn - lsn : 0n);
      const lagSeconds = row.secs === null ? null : Math.max(0, Math.round(row.secs * 10) / 10);
      const lagging = row.paused === true || (lagSeconds ?? 0) > REPLICA_LAG_SECONDS;
      return { replica, state: lagging ? 'lagging' : 'up', lagBytes, lagSeconds };
    } catch (e) {
      this.markDown(e);
      return down;
    }
  }

  /** Reads the replay position; marks the replica down (and returns null) when that fails. */
  async refresh(): Promise<bigint | null> {
    try {
      const { rows } = await this.pool.connect().then(async (c) => {
        try {
          return await c.query<{ lsn: string | null }>('SELECT pg_last_wal_replay_lsn()::text AS lsn');
        } finally {
          c.release();
        }
      });
      const text = rows[0]?.lsn;
      // Not in recovery: a promoted standby, or a primary named by mistake — its data may have
      // parted from the primary's, so it serves nothing.
      if (!text)
        throw Object.assign(new Error('not a standby (pg_last_wal_replay_lsn() is null)'), { code: '08000' });
      const lsn = parseLsn(text);
      if (lsn > this.replayed) this.replayed = lsn;
      if (this.downUntil !== 0) {
        this.downUntil = 0;
        this.log('info', '只读副本已恢复 / read replica back', { replica: this.name });
      }
      return this.replayed;
    } catch (e) {
      this.markDown(e);
      return null;
    }
  }
}

/** What /readyz says of a replica: no URL, host or password, only its position in DATABASE_READ_URL. */
export interface ReplicaStatus {
  /** 1-based position in DATABASE_READ_URL. */
  replica: number;
  /**
   * up: streaming and replaying; lagging: replay paused, or the last replayed transaction older
   * than REPLICA_LAG_SECONDS while WAL waits to be replayed; down: no answer, or not a standby.
   */
  state: 'up' | 'lagging' | 'down';
  /** WAL the primary has written that the replica has not replayed (null when unknown). */
  lagBytes: number | null;
  /** Seconds since the last replayed transaction while WAL waits to be replayed; 0 when caught up. */
  lagSeconds: number | null;
}

/** A replica this far behind (seconds of unreplayed transactions) is reported lagging. */
export const REPLICA_LAG_SECONDS = 30;

export interface ReadReplicasOptions {
  poolMax: number;
  log: ReplicaLog;
  /** Default REPLICA_RETRY_MS; the tests take a replica back at once. */
  retryMs?: number;
}

export class ReadReplicas {
  private readonly replicas: Replica[];
  /** Per caller: the primary's WAL position after their last write, or when to stop reading the primary. */
  private readonly writes = new Map<number, { lsn: bigint } | { until: number }>();
  private next = 0;

  constructor(
    urls: readonly string[],
    private readonly primary: pg.Pool,
    opts: ReadReplicasOptions,
  ) {
    // Named by position and host only: the URL may carry a password.
    this.replicas = urls.map(
      (url, i) =>
        new Replica(
          `#${i + 1} ${hostOf(url)}`,
          url,
          opts.poolMax,
          primary,
          opts.log,
          opts.retryMs ?? REPLICA_RETRY_MS,
        ),
    );
  }

  /** How many replicas DATABASE_READ_URL names. */
  get size(): number {
    return this.replicas.length;
  }

  /** Reads every replica's position once (start-up): a replica that is down is logged, not fatal. */
  async probe(): Promise<void> {
    await Promise.all(this.replicas.map((r) => r.refresh()));
  }

  /**
   * Each replica's state for /readyz (src/server/health.ts), all asked at once. A replica that is
   * down does not make the node unready: its reads go to the primary.
   */
  async status(): Promise<ReplicaStatus[]> {
    let primaryLsn: bigint | null = null;
    try {
      const { rows } = await this.primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      primaryLsn = parseLsn(rows[0]?.lsn ?? '');
    } catch {
      primaryLsn = null;
    }
    return Promise.all(this.replicas.map((r, i) => r.status(i + 1, primaryLsn)));
  }

  /** After a caller's mutation committed: the position their next reads must see. */
  async noteWrite(userId: number): Promise<bigint | null> {
    let entry: { lsn: bigint } | { until: number };
    try {
      const { rows } = await this.primary.query<{ lsn: string }>(
        'SELECT pg_current_wal_insert_lsn()::text AS lsn',
      );
      entry = { lsn: parseLsn(rows[0]?.lsn ?? '') };
    } catch {
      entry = { until: Date.now() + UNKNOWN_WRITE_MS };
    }
    this.writes.delete(userId); // re-inserted last: the Map's order is the eviction order
    this.writes.set(userId, entry);
    if (this.writes.size > MAX_WRITERS) {
      const oldest = this.writes.keys().next().value;
      if (oldest !== undefined) this.writes.delete(oldest);
    }
    return 'lsn' in entry ? entry.lsn : null;
  }

  /**
   * The handle a lag-tolerant read of this caller runs on: a replica that has replayed the caller's
   * last write (`seenLsn`: a position the client says it has seen, e.g. from another API node),
   * or null for the primary.
   */
  async readerFor(userId: number | undefined, seenLsn?: bigint): Promise<Db | null> {
    const now = Date.now();
    const entry = userId ? this.writes.get(userId) : undefined;
    if (entry && 'until' in entry) {
      if (entry.until > now) return null;
      this.writes.delete(userId as number);
    }
    let need = entry && 'lsn' in entry ? entry.lsn : 0n;
    if (seenLsn !== undefined && seenLsn > need) need = seenLsn;
    const start = this.next++ % this.replicas.length;
    const order = [...this.replicas.slice(start), ...this.replicas.slice(0, start)].filter((r) => r.up(now));
    // A replica known to be far enough (and, with no write pending, one already read once).
    const known = order.find((r) => r.replayed > 0n && r.replayed >= need);
    if (known) return this.done(userId, need, known);
    for (const r of order) {
      const at = await r.refresh();
      if (at !== null && at >= need) return this.done(userId, need, r);
    }
    return null;
  }

  /** Forgets a write every replica has replayed: later reads need no check. */
  private done(userId: number | undefined, need: bigint, r: Replica): Db {
    if (userId && need > 0n && this.replicas.every((x) => x.replayed >= need)) this.writes.delete(userId);
    return r.db;
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((r) => r.pool.end()));
  }
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}`;
  } catch {
    return '?';
  }
}
