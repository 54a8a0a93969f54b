// The databases a benchmark run covers: embedded PGlite (always) and PostgreSQL (when DATABASE_URL
// is set, in a fresh database dropped afterwards). Each boots the whole platform in-process.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
const BENCH_SECRET = 'bench-secret-0123456789abcdef';

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
      secret: BENCH_SECRET,
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

/**
 * `bench lifecycle --workers N`: the real `xinfang serve --workers N` as a child process on the
 * target's PostgreSQL database (already booted and seeded here), so the HTTP figures include
 * node:cluster and N API processes. Its SMS go to the console sink (demo mode), as in-process.
 */
export async function serveWorkers(
  t: Target,
  workers: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const databaseUrl = t.ctx.config.databaseUrl;
  if (!databaseUrl) throw new Error('--workers needs PostgreSQL');
  const server = net.createServer();
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const p = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(p));
    }),
  );
  const bin = fileURLToPath(new URL('../bin/xinfang.js', import.meta.url));
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--port', String(port), '--demo', '--workers', String(workers)],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        XINFANG_SECRET: BENCH_SECRET,
        XINFANG_DEMO_PASSWORD: BENCH_PASSWORD,
        XINFANG_DEMO_CASES: '0',
        XINFANG_LOGIN_RATE_PER_MINUTE: '100000',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-10_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`xinfang serve --workers ${workers} ended:\n${output}`);
    const up = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up && (workers === 1 || output.includes(`${workers} 个工作进程已就绪`))) break;
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`xinfang serve --workers ${workers} did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    close: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Prints the median of each measurement's rounds with its ratio to the median of `baseKey` (the
 * same run's baseline), under a title line.
 */
export function printMedians(
  print: (line: string) => void,
  title: string,
  runs: Record<string, number[]>,
  baseKey: string,
  opts: { labelWidth?: number; ratioDigits?: number } = {},
): void {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const base = median(runs[baseKey] ?? []);
  print(title);
  for (const [k, v] of Object.entries(runs)) {
    const m = median(v);
    print(
      `  ${k.padEnd(opts.labelWidth ?? 30)} ${m.toFixed(3).padStart(8)} ms   ×${(m / base).toFixed(opts.ratioDigits ?? 2)}`,
    );
  }
}
