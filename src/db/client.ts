// Database connection: embedded PGlite (default, one office) or a PostgreSQL server (DATABASE_URL).
// Both speak the same SQL and use the same Drizzle schema and migrations.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { DbConfig } from '../config/index.ts';
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

export async function openDatabase(config: DbConfig): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.pgPoolMax ?? 20,
    });
    // An idle client dropped by the server (restart, terminated backend) must not end the process;
    // the pool replaces it on the next checkout.
    pool.on('error', (e) =>
      process.stderr.write(`PostgreSQL 空闲连接断开 / idle connection lost: ${e.message}\n`),
    );
    // Surface connection problems now with a clear message rather than on the first request.
    const client = await pool.connect().catch((e: Error) => {
      throw new Error(`无法连接 PostgreSQL / cannot connect to DATABASE_URL: ${e.message}`);
    });
    client.release();
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, kind: 'postgres', pool, close: () => pool.end() };
  }
  const inMemory = config.dataDir.startsWith('memory://');
  const unlock = inMemory ? () => {} : lockDataDir(config.dataDir);
  const dir = inMemory ? undefined : path.join(config.dataDir, 'pgdata');
  try {
    const pglite = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
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
