// Database connection: embedded PGlite (default, one office) or a PostgreSQL server (DATABASE_URL).
// Both speak the same SQL and use the same Drizzle schema and migrations.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type ExtractTablesWithRelations, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { DbConfig } from '../config/index.ts';
import { breaksEmbeddedEngine, shortDbError } from './errors.ts';
import { ReadReplicas, type ReplicaLog } from './replicas.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The embedded instance, for backup (dumpDataDir); undefined on PostgreSQL. */
  pglite?: PGlite;
  /** The connection pool on PostgreSQL. */
  pool?: pg.Pool;
  /** Streaming replicas for lag-tolerant reads (DATABASE_READ_URL; src/db/replicas.ts); PostgreSQL only. */
  replicas?: ReadReplicas;
  close(): Promise<void>;
}

/** PGlite takes no lock on its data dir: we do, so two processes never open the same files. */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'xinfang.lock');
  const tryLock = () => {
    const fd = fs.openSync(lockPath, 'wx');
    fs.writeSync(fd, String(process.pid));
    fs.closeSync(fd);
  };
  try {
    tryLock();
  } catch {
    const pid = Number(fs.readFileSync(lockPath, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `数据目录 ${dataDir} 正被进程 ${pid} 使用（嵌入式数据库只允许一个进程）。 ` +
          `The data directory is in use by process ${pid}; the embedded database allows one process.`,
      );
    }
    fs.rmSync(lockPath, { force: true }); // stale lock from a process that died
    tryLock();
  }
  return () => fs.rmSync(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A connection the server drops (terminated backend, restart, failover) must not end the process.
 * pg emits 'error' on the client; the pool listens only while the client is idle, so an error on a
 * checked-out client (mid-transaction, or between two queries of one) was an unhandled 'error'
 * event. Every client gets a listener for its whole life. A client that breaks while checked out
 * leaves the pool at once: its queries fail (the request answers 503, src/server/errors.ts), and a
 * holder that never releases it (drizzle's transaction when BEGIN itself fails) costs no pool slot;
 * the holder's own release afterwards does nothing.
 */
function survivesLostConnections(pool: pg.Pool): void {
  const checkedOut = new Set<pg.PoolClient>();
  pool.on('acquire', (c) => checkedOut.add(c));
  pool.on('release', (_err, c) => checkedOut.delete(c));
  pool.on('connect', (c) => {
    c.on('error', (e: Error) => {
      if (!checkedOut.has(c)) return; // idle: the pool's own listener removes it ('error' below)
      process.stderr.write(`PostgreSQL 连接断开 / connection lost: ${e.message}\n`);
      const release = c.release;
      c.release = () => {};
      release.call(c, e);
    });
  });
  // An idle client dropped by the server: the pool has removed it and opens a new one on demand.
  pool.on('error', (e) =>
    process.stderr.write(`PostgreSQL 空闲连接断开 / idle connection lost: ${e.message}\n`),
  );
}

/** sysexits EX_TEMPFAIL: a supervisor restarts the process (docs/operations.md). */
export const EXIT_ENGINE_BROKEN = 75;

/** Ends the process with a clear message: the embedded engine cannot go on (see below). */
function exitEngineBroken(err: unknown): never {
  process.stderr.write(
    `嵌入式数据库写入预写日志失败（磁盘空间不足），数据库引擎已无法继续运行。进程退出（代码 ${EXIT_ENGINE_BROKEN}），` +
      '已确认的数据不会丢失；请释放磁盘空间，由守护进程（systemd 等）重新启动平台，启动时自动恢复。\n' +
      `The embedded database could not write its WAL (disk full) and cannot continue. Exiting (code ${EXIT_ENGINE_BROKEN}); ` +
      'acknowledged data is safe. Free disk space; the supervisor restarts the platform, which recovers at start. ' +
      `(${shortDbError(err)})\n`,
  );
  process.exit(EXIT_ENGINE_BROKEN);
}

/**
 * PGlite runs in this process: after a failed WAL write its state is broken and the next statement
 * may spin with the event loop blocked (/healthz dead, no recovery when space returns). Every
 * statement goes through execProtocolStream, with PGlite's lock held: the process ends there,
 * before another statement can reach the engine. Crash recovery at the next start replays the WAL.
 */
function exitWhenEngineBreaks(pglite: PGlite, onBroken: (err: unknown) => never): void {
  for (const method of ['execProtocolStream', 'execProtocol'] as const) {
    const original = pglite[method].bind(pglite) as (...args: unknown[]) => Promise<unknown>;
    (pglite as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      try {
        return await original(...args);
      } catch (e) {
        if (breaksEmbeddedEngine(e)) onBroken(e);
        throw e;
      }
    };
  }
}

/** One round trip to the database (readiness probe). */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

export interface OpenOptions {
  /** What to do when the embedded engine can no longer run (default: message, exit 75). */
  onEngineBroken?: (err: unknown) => never;
  /** Where the read replicas report going down and coming back (default: stderr). */
  replicaLog?: ReplicaLog;
}

const stderrLog: ReplicaLog = (_level, message, fields) =>
  process.stderr.write(`${message} ${JSON.stringify(fields)}\n`);

export async function openDatabase(config: DbConfig, opts: OpenOptions = {}): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.pgPoolMax ?? 20,
      // A server that does not answer (network partition, failover in progress) fails the checkout
      // instead of queueing requests forever; dead peers are noticed by TCP keepalive.
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
    });
    survivesLostConnections(pool);
    // Surface connection problems now with a clear message rather than on the first request.
    const client = await pool.connect().catch((e: Error) => {
      throw new Error(`无法连接 PostgreSQL / cannot connect to DATABASE_URL: ${e.message}`);
    });
    client.release();
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const urls = config.databaseReadUrls ?? [];
    const replicas = urls.length
      ? new ReadReplicas(urls, pool, {
          poolMax: config.pgPoolMax ?? 20,
          log: opts.replicaLog ?? stderrLog,
          retryMs: config.replicaRetryMs,
        })
      : undefined;
    await replicas?.probe();
    return {
      db,
      kind: 'postgres',
      pool,
      replicas,
      close: async () => {
        await replicas?.close();
        await pool.end();
      },
    };
  }
  const inMemory = config.dataDir.startsWith('memory://');
  const unlock = inMemory ? () => {} : lockDataDir(config.dataDir);
  const dir = inMemory ? undefined : path.join(config.dataDir, 'pgdata');
  try {
    const snapshot =
      inMemory && config.embeddedSnapshot ? new Blob([fs.readFileSync(config.embeddedSnapshot)]) : undefined;
    const pglite = await PGlite.create({ dataDir: dir, extensions: { pg_trgm }, loadDataDir: snapshot });
    exitWhenEngineBreaks(pglite, opts.onEngineBroken ?? exitEngineBroken);
    const db = drizzlePglite(pglite, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      pglite,
      close: async () => {
        await pglite.close();
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}
