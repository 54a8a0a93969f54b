// A real platform for integration tests: embedded PGlite in memory, or — when DATABASE_URL is set —
// a fresh PostgreSQL database created for this test file and dropped afterwards.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { pino } from 'pino';
import { appConfigFromEnv } from '../../src/config/index.ts';
import type { AppContext } from '../../src/context.ts';
import { memorySink } from '../../src/notify/sinks.ts';
import { buildApp } from '../../src/server/app.ts';
import { boot, shutdown } from '../../src/server/boot.ts';

export const DEMO_PASSWORD = 'Demo@Test2026';

export interface Harness {
  app: FastifyInstance;
  ctx: AppContext;
  sms: ReturnType<typeof memorySink>;
  /** Logs in with the demo password; returns the bearer token. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

async function createPgDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `xinfang_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startHarness(
  opts: { demo?: boolean; loginRatePerMinute?: number } = {},
): Promise<Harness> {
  const baseUrl = process.env.DATABASE_URL;
  const pgDb = baseUrl ? await createPgDatabase(baseUrl) : null;
  const config = {
    ...appConfigFromEnv({ data: 'memory://' }),
    databaseUrl: pgDb?.url,
    dataDir: 'memory://',
    demo: opts.demo ?? true,
    demoPassword: DEMO_PASSWORD,
    secret: 'test-secret-0123456789abcdef',
    logLevel: 'silent',
    loginRatePerMinute: opts.loginRatePerMinute ?? 10_000,
  };
  const sms = memorySink();
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const ctx = await boot(config, { log, sink: sms, dispatcher: { baseDelayMs: 10 } });
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    sms,
    async login(username, password = DEMO_PASSWORD) {
      const body = /^1\d{10}$/.test(username) ? { phone: username, password } : { username, password };
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return res.json().token as string;
    },
    async close() {
      await app.close();
      await shutdown(ctx);
      await pgDb?.drop();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
