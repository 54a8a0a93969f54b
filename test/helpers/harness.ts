// A real platform for integration tests: embedded PGlite in memory, or — when DATABASE_URL is set —
// a fresh PostgreSQL database created for this test file and dropped afterwards.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Logger } from 'pino';
import { inject } from 'vitest';
import { type AppConfig, appConfigFromEnv } from '../../src/config/index.ts';
import type { AppContext } from '../../src/context.ts';
import { type Settled, settle } from '../../src/jobs/settle.ts';
import { memorySink } from '../../src/notify/sinks.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { buildApp } from '../../src/server/app.ts';
import { boot, shutdown } from '../../src/server/boot.ts';
import { createLogger } from '../../src/server/logging.ts';
import type { Registered } from './builders.ts';
import { type SeededCases, seededPgliteSnapshot, seededPgTemplate } from './seeded.ts';

export const DEMO_PASSWORD = 'Demo@Test2026';

export interface Harness {
  app: FastifyInstance;
  ctx: AppContext;
  sms: ReturnType<typeof memorySink>;
  /** Logs in with the demo password; returns the bearer token. */
  login(username: string, password?: string): Promise<string>;
  /** Logs these users in once (demo password unless given) and keeps their tokens for `as` and `act`. */
  loginAll(usernames: readonly string[], password?: string): Promise<void>;
  /** The Authorization header of a user logged in by `loginAll`. */
  as(username: string): { authorization: string };
  /** POST /api/v1/cases/:id/actions as the user; throws with the status and body unless it is 200. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read the action's answer loosely (its fields differ by action)
  act(username: string, caseId: number, action: string, payload?: Record<string, unknown>): Promise<any>;
  /**
   * POST /api/v1/cases as the user (a demo citizen's phone, or a staff username) with a registration
   * payload (test/helpers/builders.ts); throws with the status and body unless it is 201.
   */
  register(username: string, payload: Record<string, unknown>): Promise<Registered>;
  /** Waits for the background work of the requests so far: SMS sent, audit rows sealed (src/jobs/settle.ts). */
  settle(): Promise<Settled>;
  close(): Promise<void>;
}

/**
 * A new database on the server at `baseUrl` (DATABASE_URL), for one test file: a copy of `template`
 * (a migrated, seeded database made once per run, test/helpers/snapshot.ts) or an empty one.
 */
export async function createPgDatabase(
  baseUrl: string,
  template?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `xinfang_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
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

export interface HarnessOptions {
  demo?: boolean;
  /**
   * Synthetic cases to start with (`seedCases`): the platform boots from a seeded copy of the run's
   * snapshot shared by every file asking the same (test/helpers/seeded.ts).
   */
  cases?: SeededCases;
  loginRatePerMinute?: number;
  config?: Partial<AppConfig>;
  log?: Logger;
}

/** The platform configuration of a test file (databaseUrl filled in by the caller). */
export function harnessConfig(opts: HarnessOptions = {}): AppConfig {
  return {
    ...appConfigFromEnv({ data: 'memory://' }),
    dataDir: 'memory://',
    demo: opts.demo ?? true,
    demoPassword: DEMO_PASSWORD,
    secret: TEST_SECRET,
    logLevel: 'silent',
    loginRatePerMinute: opts.loginRatePerMinute ?? 10_000,
    ...opts.config,
  };
}

const TEST_SECRET = 'test-secret-0123456789abcdef';

/**
 * The snapshot holds what booting with the default test configuration stores (schema, places and
 * units, the demo accounts, the key check): a file that changes any of these boots from empty.
 */
function snapshotFits(opts: HarnessOptions, config: AppConfig): boolean {
  return (
    config.demo &&
    config.secret === TEST_SECRET &&
    config.demoPassword === DEMO_PASSWORD &&
    !opts.config?.dataDir
  );
}

/** The run's snapshot (test/helpers/snapshot.ts), if the project has the global set-up. */
function provided(key: 'pgliteSnapshot' | 'pgTemplate'): string | undefined {
  try {
    return inject(key) || undefined;
  } catch {
    return undefined; // outside a vitest worker (a script) or without the set-up
  }
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  // A file that brings its own server (a throwaway cluster, test/helpers/pgCluster.ts) boots on it.
  const own = opts.config?.databaseUrl;
  const baseUrl = own ? undefined : process.env.DATABASE_URL;
  const base = harnessConfig(opts);
  const fromSnapshot = !own && snapshotFits(opts, base);
  let template = fromSnapshot ? provided('pgTemplate') : undefined;
  let snapshot = !own && !baseUrl && fromSnapshot ? provided('pgliteSnapshot') : undefined;
  // Seeded from a shared copy when there is a snapshot to copy; else seeded below, after boot.
  let seedAfterBoot = opts.cases;
  if (opts.cases && baseUrl && template) {
    template = await seededPgTemplate(baseUrl, template, base, opts.cases);
    seedAfterBoot = undefined;
  } else if (opts.cases && snapshot) {
    snapshot = await seededPgliteSnapshot({ ...base, embeddedSnapshot: snapshot }, opts.cases);
    seedAfterBoot = undefined;
  }
  const pgDb = baseUrl ? await createPgDatabase(baseUrl, template) : null;
  const config: AppConfig = { ...base, databaseUrl: own ?? pgDb?.url, embeddedSnapshot: snapshot };
  const sms = memorySink();
  const log = opts.log ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const ctx = await boot(config, { log, sink: sms, dispatcher: { baseDelayMs: 10 } });
  if (seedAfterBoot) await seedCases(ctx.db, ctx.pii, seedAfterBoot);
  const app = await buildApp(ctx);
  await app.ready();
  const tokens = new Map<string, string>();
  const h: Harness = {
    app,
    ctx,
    sms,
    async login(username, password = DEMO_PASSWORD) {
      const body = /^1\d{10}$/.test(username) ? { phone: username, password } : { username, password };
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return res.json().token as string;
    },
    async loginAll(usernames, password) {
      for (const u of usernames) tokens.set(u, await h.login(u, password));
    },
    as(username) {
      const token = tokens.get(username);
      if (!token) throw new Error(`${username} is not logged in: add it to loginAll`);
      return bearer(token);
    },
    async act(username, caseId, action, payload = {}) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/actions`,
        headers: h.as(username),
        payload: { action, ...payload },
      });
      if (res.statusCode !== 200) throw new Error(`${username} ${action}: ${res.statusCode} ${res.body}`);
      return res.json();
    },
    async register(username, payload) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: h.as(username),
        payload,
      });
      if (res.statusCode !== 201) throw new Error(`${username} register: ${res.statusCode} ${res.body}`);
      return res.json();
    },
    settle: () => settle(ctx),
    async close() {
      await app.close();
      await shutdown(ctx);
      await pgDb?.drop();
    },
  };
  return h;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
