// Tells the other processes on the same PostgreSQL database (API workers of `xinfang serve
// --workers N`, other hosts behind a load balancer) that something they keep in memory changed:
// PostgreSQL LISTEN/NOTIFY on one channel, no other infrastructure.
//
// Each in-memory copy registers under a name (`onChange(db, 'sessions', drop)`): the session, API
// key and display-token caches, settings, units, synonyms, webhook subscriptions, the holiday
// calendar. A command that changed the rows behind one calls `changed(db, name)` after its commit:
// this process drops (or reloads) its copy at once, and every other process does on the
// notification, milliseconds later. The caches keep their TTLs as the backstop — a notification
// lost with a dropped listening connection, a change made with psql — and a listener that lost its
// connection drops everything it holds once it is back, since it may have missed messages.
// The embedded database has one process: there `changed` only acts locally.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from './client.ts';
import { perDatabase } from './memo.ts';

export const CACHE_CHANNEL = 'xinfang_cache';
const RECONNECT_MS = 1_000;

type Handler = () => void | Promise<void>;
interface Registry {
  handlers: Map<string, Set<Handler>>;
  publish?: (name: string) => void;
}
const registryOf = perDatabase<Registry>(() => ({ handlers: new Map() }));

/** `fn` runs when `name` changed, in this process or another one on the same database. */
export function onChange(db: object, name: string, fn: Handler): void {
  const r = registryOf(db);
  const set = r.handlers.get(name) ?? new Set();
  set.add(fn);
  r.handlers.set(name, set);
}

/** After the transaction that changed `name`'s rows committed: here at once, elsewhere by NOTIFY. */
export function changed(db: object, name: string): void {
  const r = registryOf(db);
  run(r, name);
  r.publish?.(name);
}

function run(r: Registry, name: string): void {
  for (const fn of r.handlers.get(name) ?? []) void Promise.resolve(fn()).catch(() => undefined);
}

function runAll(r: Registry): void {
  for (const name of r.handlers.keys()) run(r, name);
}

export interface CacheBus {
  stop(): Promise<void>;
}

/**
 * Listens for other processes' changes (PostgreSQL only; undefined on the embedded database). One
 * connection of its own, outside the pool, reconnected after a loss.
 */
export async function startCacheBus(
  database: Database,
  url: string,
  log: Logger,
): Promise<CacheBus | undefined> {
  if (database.kind !== 'postgres' || !database.pool) return undefined;
  const pool = database.pool;
  const r = registryOf(database.db);
  // This handle's own notifications are ignored: it acted on the change already.
  const origin = randomUUID();
  r.publish = (name) => {
    pool
      .query('SELECT pg_notify($1, $2)', [CACHE_CHANNEL, JSON.stringify({ o: origin, c: name })])
      .catch((e: Error) =>
        // The others see the change within the cache's TTL instead.
        log.warn(`缓存变更通知失败 / cache change notification failed: ${e.message}`),
      );
  };
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    c.on('notification', (m) => {
      if (m.channel !== CACHE_CHANNEL || !m.payload) return;
      try {
        const { o, c: name } = JSON.parse(m.payload) as { o?: string; c?: string };
        if (o !== origin && typeof name === 'string') run(r, name);
      } catch {
        // not ours
      }
    });
    const lost = (e?: Error) => {
      if (client !== c) return;
      client = undefined;
      c.end().catch(() => undefined);
      if (stopped) return;
      if (e) log.warn(`缓存变更监听连接断开 / cache listener lost: ${e.message}`);
      schedule();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    await c.connect();
    await c.query(`LISTEN ${CACHE_CHANNEL}`);
    client = c;
  };
  const schedule = () => {
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(
        // Messages sent while no one listened are lost: drop everything once.
        () => runAll(r),
        () => {
          if (!stopped) schedule();
        },
      );
    }, RECONNECT_MS);
    retry.unref();
  };

  await connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      r.publish = undefined;
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
