// Several API processes on one PostgreSQL database (docs/deployment.md, "多进程/多节点"): the real
// `xinfang serve`, twice — once with `--workers 2` (node:cluster, one port) and once alone on another
// port, as a second host behind a load balancer would be — against a throwaway cluster of the test's
// own (test/helpers/pgCluster.ts), so this runs in both CI steps. A lifecycle load is split between
// the two addresses step by step, with sessions opened on one and used on the other. Afterwards:
// every SMS reached the gateway stand-in exactly once, the audit chain verifies, the daily jobs ran
// once for their slot although three processes scheduled them, a logout on one process ends the
// session on the other, and a change announced by one process reaches another's caches.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/chain.ts';
import { changed, onChange, startCacheBus } from '../../src/db/cacheBus.ts';
import { openDatabase } from '../../src/db/client.ts';
import { verifyHttpGatewaySignature } from '../../src/notify/gateways/http.ts';
import { freePort, type PgCluster, startPgCluster } from '../helpers/pgCluster.ts';

const PASSWORD = 'Workers@Test2026';
const SMS_SECRET = 'workers-test-sms-secret-0123456789';
const CITIZEN = '13900000001';
const LIFECYCLES = 12;

let pgc: PgCluster | undefined;
let gateway: Server | undefined;
const children: ChildProcess[] = [];

beforeAll(async () => {
  pgc = await startPgCluster();
}, 120_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await new Promise((r) => (gateway ? gateway.close(r) : r(undefined)));
  await pgc?.destroy();
});

/** Polls `check` (errors count as "not yet") until it returns true, or fails after `timeoutMs`. */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    for (const s of servers) s.alive();
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Served {
  base: string;
  child: ChildProcess;
  /** pino lines of the daily jobs' scheduler (`job: 'deadline_sweep'`), from every worker. */
  sweeps: string[];
  output: () => string;
  /** Throws once the process has ended. */
  alive: () => void;
}
const servers: Served[] = [];

async function serve(args: string[], env: NodeJS.ProcessEnv): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/xinfang.js', 'serve', '--port', String(port), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  let partial = '';
  const sweeps: string[] = [];
  let exited: string | null = null;
  child.stdout?.on('data', (d: Buffer) => {
    const text = partial + d.toString();
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.includes('"deadline_sweep"')) sweeps.push(line);
    output = (output + d.toString()).slice(-20_000);
  });
  child.stderr?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  });
  child.on('exit', (code, signal) => {
    exited = `exit code ${code} signal ${signal}`;
  });
  const s: Served = {
    base: `http://127.0.0.1:${port}`,
    child,
    sweeps,
    output: () => output,
    alive: () => {
      if (exited) throw new Error(`xinfang serve ${args.join(' ')} ended (${exited}):\n${output}`);
    },
  };
  servers.push(s);
  return s;
}

/** The SMS gateway stand-in: the generic HTTP gateway's protocol, every request recorded. */
async function startGateway(): Promise<{ url: string; keys: string[]; unsigned: number }> {
  const got = { url: '', keys: [] as string[], unsigned: 0 };
  gateway = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const ts = req.headers['x-xinfang-timestamp'] as string | undefined;
      const sig = req.headers['x-xinfang-signature'] as string | undefined;
      if (!verifyHttpGatewaySignature(SMS_SECRET, ts, raw, sig)) got.unsigned++;
      got.keys.push(String(req.headers['idempotency-key']));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  const port = await freePort();
  await new Promise<void>((r) => gateway?.listen(port, '127.0.0.1', r));
  got.url = `http://127.0.0.1:${port}/sms`;
  return got;
}

async function call(base: string, token: string, method: string, url: string, body?: unknown) {
  const res = await fetch(base + url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${base}${url}: ${res.status} ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function login(base: string, user: string): Promise<string> {
  const body = /^1\d{10}$/.test(user)
    ? { phone: user, password: PASSWORD }
    : { username: user, password: PASSWORD };
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`login ${user}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

describe('several API processes on one PostgreSQL database', () => {
  it('refuses more than one worker on the embedded database, in Chinese and English', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-workers-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, XINFANG_DATA: dir };
      delete env.DATABASE_URL;
      const child = spawn(process.execPath, ['bin/xinfang.js', 'serve', '--workers', '2'], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr?.on('data', (d: Buffer) => {
        err += d.toString();
      });
      const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
      expect(code).toBe(1);
      expect(err).toContain('嵌入式数据库（PGlite）在一个进程内运行');
      expect(err).toContain('for several workers use PostgreSQL (set DATABASE_URL)');
      // Nothing was started: no data directory contents were created.
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a lifecycle load split between them: every SMS once, the chain verifies, the daily jobs once', async () => {
    if (!pgc) throw new Error('no cluster');
    const databaseUrl = await pgc.createDatabase(`xinfang_workers_${randomBytes(4).toString('hex')}`);
    const sms = await startGateway();
    const env = {
      DATABASE_URL: databaseUrl,
      XINFANG_SECRET: 'workers-test-secret-0123456789',
      XINFANG_DEMO_PASSWORD: PASSWORD,
      XINFANG_DEMO_CASES: '0',
      XINFANG_SMS_GATEWAY: 'http',
      XINFANG_SMS_HTTP_URL: sms.url,
      XINFANG_SMS_HTTP_SECRET: SMS_SECRET,
      XINFANG_LOGIN_RATE_PER_MINUTE: '100000',
      LOG_LEVEL: 'info',
    };
    // Started together: the first-start writes (reference data, demo accounts) take turns.
    const [a, b] = await Promise.all([serve(['--demo', '--workers', '2'], env), serve(['--demo'], env)]);
    if (!a || !b) throw new Error('no servers');
    for (const s of [a, b])
      await waitFor(`${s.base} to listen`, async () => (await fetch(`${s.base}/readyz`)).ok, 180_000);
    await waitFor('both workers of the cluster', async () => a.output().includes('2 个工作进程已就绪'));

    // Sessions are rows: opened on one process, used on the other.
    const tokens = {
      citizen: await login(a.base, CITIZEN),
      registrar: await login(b.base, 'gl_registrar'),
      handler: await login(a.base, 'gl_handler'),
    };
    const db = await openDatabase({ databaseUrl, dataDir: 'memory://' });
    try {
      const units = (await db.pool?.query<{ id: number }>(
        "SELECT id FROM units WHERE jurisdiction_code = '320106' AND dept_key = 'zhujian'",
      )) ?? { rows: [] };
      const zhujian = units.rows[0]?.id;
      if (!zhujian) throw new Error('no 鼓楼区住建局');

      // Each lifecycle's steps alternate between the two addresses, starting on either.
      const lifecycle = async (i: number) => {
        const at = (step: number) => ((i + step) % 2 === 0 ? a.base : b.base);
        const created = await call(at(0), tokens.citizen, 'POST', '/api/v1/cases', {
          form: 'online',
          purpose: 'claim',
          subject: `多进程测试：小区路灯损坏 ${i}`,
          content: '小区门口路灯损坏一个多月，夜间出行不安全，请求尽快维修。',
          jurisdictionCode: '320106',
        });
        const act = (step: number, token: string, action: string, payload: Record<string, unknown> = {}) =>
          call(at(step), token, 'POST', `/api/v1/cases/${created.caseId}/actions`, { action, ...payload });
        await act(1, tokens.registrar, 'accept');
        await act(2, tokens.registrar, 'assign', { targetUnitId: zhujian, instructions: '请依法办理' });
        await act(3, tokens.handler, 'reply', {
          outcome: 'supported',
          request: '请求维修路灯',
          facts: '经查，路灯线路老化损坏。',
          reasons: '依据城市照明管理规定，应及时维修。',
          decision: '已安排维修。',
        });
        await act(4, tokens.handler, 'deliver', { method: 'online' });
        await act(5, tokens.citizen, 'rate', { bureauRating: 'satisfied', unitRating: 'satisfied' });
        await act(6, tokens.registrar, 'close');
        return Number(created.caseId);
      };
      const ids: number[] = [];
      for (let k = 0; k < LIFECYCLES; k += 4)
        ids.push(...(await Promise.all([0, 1, 2, 3].map((j) => lifecycle(k + j)))));
      expect(new Set(ids).size).toBe(LIFECYCLES);

      const q = async <T>(text: string) => ((await db.pool?.query(text))?.rows ?? []) as T[];
      const closed = await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM cases WHERE id IN (${ids.join(',')}) AND state = 'closed'`,
      );
      expect(closed[0]?.n).toBe(LIFECYCLES);

      // Every SMS reached the gateway exactly once, whichever process's dispatcher claimed it.
      await waitFor('the outbox to be sent', async () => {
        const [left] = await q<{ n: number }>(
          "SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'",
        );
        return left?.n === 0;
      });
      const outbox = await q<{ key: string; status: string }>(
        "SELECT idempotency_key AS key, status FROM outbox WHERE channel = 'sms' ORDER BY id",
      );
      expect(outbox.length).toBeGreaterThanOrEqual(LIFECYCLES * 2);
      expect(outbox.every((r) => r.status === 'sent')).toBe(true);
      expect([...sms.keys].sort()).toEqual(outbox.map((r) => r.key).sort());
      expect(sms.unsigned).toBe(0);

      // The audit chain, sealed by whichever process came first, verifies as one chain.
      await waitFor('every audit row sealed', async () => {
        const [left] = await q<{ n: number }>(
          'SELECT count(*)::int AS n FROM audit_log WHERE chain_pos IS NULL',
        );
        return left?.n === 0;
      });
      const verified = await verifyAuditChain(db.db);
      expect(verified).toMatchObject({ ok: true });
      const [audited] = await q<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'case.%' AND entity_id IS NOT NULL",
      );
      expect(audited?.n).toBeGreaterThanOrEqual(LIFECYCLES * 7);

      // The daily jobs: three processes schedule the catch-up after start; one runs it.
      const sweepLines = () => [...a.sweeps, ...b.sweeps];
      await waitFor('all three schedulers to report', async () => sweepLines().length >= 3);
      const done = sweepLines().filter((l) => l.includes('日监测完成'));
      const skipped = sweepLines().filter((l) => l.includes('跳过'));
      expect(done).toHaveLength(1);
      expect(skipped).toHaveLength(2);
      const runs = await q<{ n: number; finished: number }>(
        "SELECT count(*)::int AS n, count(finished_at)::int AS finished FROM job_runs WHERE job = 'daily'",
      );
      expect(runs[0]).toEqual({ n: 1, finished: 1 });

      // A logout on one process ends the session on the other (NOTIFY drops its cached copy).
      const me = (base: string) =>
        fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${tokens.handler}` } });
      expect((await me(a.base)).status).toBe(200);
      expect((await me(b.base)).status).toBe(200);
      const out = await fetch(`${b.base}/api/v1/auth/logout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.handler}` },
      });
      expect(out.status).toBeLessThan(300);
      expect((await me(b.base)).status).toBe(401);
      await waitFor('the other process to refuse the token', async () => (await me(a.base)).status === 401);
      for (let k = 0; k < 4; k++) expect((await me(a.base)).status).toBe(401);
    } finally {
      await db.close();
    }

    // Both stop cleanly: the primary stops its workers and exits 0.
    for (const s of [a, b]) {
      const code = new Promise<number | null>((r) => s.child.once('exit', (c) => r(c)));
      s.child.kill('SIGTERM');
      expect(await code, s.output()).toBe(0);
    }
    servers.length = 0;
  }, 600_000);

  it("one process's change reaches another's in-memory copy through PostgreSQL NOTIFY", async () => {
    if (!pgc) throw new Error('no cluster');
    const databaseUrl = await pgc.createDatabase(`xinfang_bus_${randomBytes(4).toString('hex')}`);
    const log = pino({ level: 'silent' });
    const one = await openDatabase({ databaseUrl, dataDir: 'memory://' });
    const two = await openDatabase({ databaseUrl, dataDir: 'memory://' });
    const buses = [await startCacheBus(one, databaseUrl, log), await startCacheBus(two, databaseUrl, log)];
    try {
      const seen: string[] = [];
      const reached = new Promise<void>((resolve) =>
        onChange(two.db, 'settings', () => {
          seen.push('two');
          resolve();
        }),
      );
      onChange(one.db, 'settings', () => {
        seen.push('one');
      });
      changed(one.db, 'settings');
      await reached;
      // Here at once, there by notification.
      expect(seen).toEqual(['one', 'two']);
    } finally {
      for (const bus of buses) await bus?.stop();
      await one.close();
      await two.close();
    }
  }, 60_000);
});
