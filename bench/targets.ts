// The databases a benchmark run covers: embedded PGlite (always) and PostgreSQL (when DATABASE_URL
// is set, in a fresh database dropped afterwards). Each boots the whole platform in-process.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { type AppConfig, appConfigFromEnv } from '../src/config/index.ts';
import type { AppContext } from '../src/context.ts';
import { memorySink } from '../src/notify/sinks.ts';
import { buildApp } from '../src/server/app.ts';
import { boot, shutdown } from '../src/server/boot.ts';

export const BENCH_PASSWORD = 'Bench@Demo2026';
export const BENCH_USER = 'nj_registrar';

export interface Target {
  /** 'pglite' or 'postgres'. */
  kind: AppContext['database']['kind'];
  /** Where the data lives, for the report. */
  storage: string;
  ctx: AppContext;
  app: FastifyInstance;
  /** http://127.0.0.1:<port> */
  url: string;
  close(): Promise<void>;
}

export interface TargetSpec {
  kind: 'pglite' | 'postgres';
  /** PostgreSQL server to create the scratch database on. */
  baseUrl?: string;
}

/** PGlite always; PostgreSQL too when DATABASE_URL is set. */
export function targetSpecs(): TargetSpec[] {
  const baseUrl = process.env.DATABASE_URL || undefined;
  return [{ kind: 'pglite' }, ...(baseUrl ? [{ kind: 'postgres' as const, baseUrl }] : [])];
}

async function adminQuery(baseUrl: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

export async function openTarget(spec: TargetSpec): Promise<Target> {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => {});
  };
  try {
    let databaseUrl: string | undefined;
    let dataDir = 'memory://';
    let storage: string;
    if (spec.kind === 'postgres' && spec.baseUrl) {
      // BENCH_KEEP_DB=<name>: a database of that name, created if missing and kept afterwards, so
      // that a 1M-case load (≈ 15 minutes here) serves several runs; drop it by hand when done.
      const kept = process.env.BENCH_KEEP_DB;
      if (kept !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(kept))
        throw new Error('BENCH_KEEP_DB: a lower-case identifier');
      const name = kept || `xinfang_bench_${randomBytes(6).toString('hex')}`;
      const url = new URL(spec.baseUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      if (kept) {
        await adminQuery(spec.baseUrl, `CREATE DATABASE ${name}`).catch((e: { code?: string }) => {
          if (e.code !== '42P04') throw e; // duplicate_database: reuse it
        });
        storage = `PostgreSQL server ${url.host}, database ${name} (BENCH_KEEP_DB, kept)`;
      } else {
        await adminQuery(spec.baseUrl, `CREATE DATABASE ${name}`);
        cleanups.push(() => adminQuery(spec.baseUrl ?? '', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        storage = `PostgreSQL server ${url.host}, scratch database ${name} (dropped afterwards)`;
      }
    } else if (process.env.BENCH_PGLITE_MEMORY === '1') {
      storage = 'embedded PGlite, in memory (memory://)';
    } else {
      // By default a real data directory on disk, as an office installation uses.
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-bench-'));
      const dir = dataDir;
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      storage = `embedded PGlite, data dir on disk in a temp dir (${dir}, removed afterwards)`;
    }
    const config: AppConfig = {
      ...appConfigFromEnv({ data: dataDir }),
      databaseUrl,
      dataDir,
      demo: true,
      demoPassword: BENCH_PASSWORD,
      secret: 'bench-secret-0123456789abcdef',
      logLevel: 'silent',
      loginRatePerMinute: 100_000_000,
      cookieSecure: false,
    };
    const log = pino({ level: 'silent' });
    const ctx = await boot(config, { log, sink: memorySink() });
    cleanups.push(() => shutdown(ctx));
    const app = await buildApp(ctx);
    cleanups.push(() => app.close());
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    return { kind: ctx.database.kind, storage, ctx, app, url: address, close: cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
