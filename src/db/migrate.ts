// Applies src/db/migrations at start. drizzle-kit only generates; applying from app code works the
// same on PGlite (where `drizzle-kit migrate` cannot CREATE EXTENSION) and on PostgreSQL.
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database } from './client.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
// Any constant works; it keeps two API nodes starting together from migrating at once.
const MIGRATION_LOCK = 7_320_000;

// The start-up work after the migrations (reference data, demo seed, backfills): one process at a
// time, so N workers or hosts starting together do not insert the same reference rows at once.
const STARTUP_LOCK = 7_320_001;

/**
 * Runs `fn` while this process holds the start-up lock (PostgreSQL; the embedded database has one
 * process). The lock is held by a connection of its own; `fn` uses the pool as usual.
 */
export async function withStartupLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (database.kind === 'pglite' || !database.pool) return fn();
  // Outside the pool: with PG_POOL_MAX=1 a pooled holder would leave `fn` no connection.
  const client = new pg.Client(database.pool.options);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await fn(); // the lock ends with the session, below
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // Advisory locks belong to a session: hold one client for lock, migrate and unlock.
  const client = await (database.pool as pg.Pool).connect();
  try {
    const db = drizzle(client);
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePg(db, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    client.release();
  }
}
