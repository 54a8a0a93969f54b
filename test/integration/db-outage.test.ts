// PostgreSQL dropping connections under load (terminated backends, a full restart) must not end the
// API process: requests caught by the outage answer 503 `database_unavailable`, the next ones
// succeed as soon as the database is back, background loops (outbox, audit sealer) carry on, and
// every acknowledged petition exists afterwards. Runs `xinfang serve` as a child process against a
// throwaway cluster of its own (test/helpers/pgCluster.ts), never the shared test server.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/chain.ts';
import { openDatabase } from '../../src/db/client.ts';
import { freePort, type PgCluster, startPgCluster } from '../helpers/pgCluster.ts';

const PASSWORD = 'Outage@Test2026';
let cluster: PgCluster | undefined;
let child: ChildProcess | undefined;
/** Throws once the server process has ended: every wait checks it, so a death is reported at once. */
let alive: () => void = () => {};

beforeAll(async () => {
  cluster = await startPgCluster();
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await cluster?.destroy();
});

/** Polls `check` (errors count as "not yet") until it returns true, or fails after `timeoutMs`. */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    alive();
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('PostgreSQL drops connections under load', () => {
  it('the process lives, in-flight requests get 503, every acknowledged intake exists', async () => {
    if (!cluster) throw new Error('no cluster');
    const dbName = `xinfang_outage_${randomBytes(4).toString('hex')}`;
    const databaseUrl = await cluster.createDatabase(dbName);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;

    let output = '';
    let exited: string | null = null;
    child = spawn(process.execPath, ['bin/xinfang.js', 'serve', '--port', String(port), '--demo'], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        XINFANG_SECRET: 'outage-test-secret-0123456789',
        XINFANG_DEMO_PASSWORD: PASSWORD,
        XINFANG_DEMO_CASES: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (d: Buffer) => {
      output = (output + d.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('exit', (code, signal) => {
      exited = `exit code ${code} signal ${signal}`;
    });
    alive = () => {
      if (exited) throw new Error(`xinfang serve ended (${exited}):\n${output}`);
    };

    await waitFor(
      'the server to listen',
      async () => {
        return (await fetch(`${base}/healthz`)).ok;
      },
      150_000,
    );
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'gl_registrar', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };

    let n = 0;
    const intake = () => {
      n++;
      return fetch(`${base}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          form: 'phone',
          subject: `来电反映路灯损坏（第${n}次）`,
          content: `来电人反映小区门口路灯损坏一个月无人维修，夜间出行不便。编号${n}`,
          jurisdictionCode: '320106',
          petitioner: { name: '钱八', phone: `136${String(n).padStart(8, '0')}` },
        }),
      });
    };

    // The load loop: every answer is recorded; a socket error would mean the process went away.
    const acked = new Map<number, string>();
    const failures: { status: number; body: string }[] = [];
    const socketErrors: string[] = [];
    let loading = true;
    const worker = async () => {
      while (loading) {
        try {
          const res = await intake();
          const body = await res.text();
          if (res.status === 201) {
            const { caseId, caseNumber } = JSON.parse(body) as { caseId: number; caseNumber: string };
            acked.set(caseId, caseNumber);
          } else failures.push({ status: res.status, body });
        } catch (e) {
          socketErrors.push(String((e as Error & { cause?: Error }).cause ?? e));
          if (exited) return;
        }
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    const moreAcked = (k: number) => {
      const target = acked.size + k;
      return waitFor(`${k} more acknowledged intakes`, async () => {
        return acked.size >= target;
      });
    };

    try {
      await moreAcked(10);
      for (let round = 0; round < 3; round++) {
        expect(await cluster.terminate(dbName)).toBeGreaterThan(0);
        await moreAcked(10);
      }

      // A full restart: while the server is down the API answers, readiness says no, intakes get 503.
      await cluster.stop();
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect((await ready.json()).error.code).toBe('database_unavailable');
      const live = await fetch(`${base}/healthz`);
      expect(live.status).toBe(200);
      const refused = await intake();
      expect(refused.status).toBe(503);
      const refusedBody = (await refused.json()) as { error: { code: string; message: string } };
      expect(refusedBody.error.code).toBe('database_unavailable');
      expect(refusedBody.error.message).toMatch(/数据库/);
      await cluster.start();
      await waitFor('readiness after the restart', async () => {
        return (await fetch(`${base}/readyz`)).status === 200;
      });
      await moreAcked(10);
    } finally {
      loading = false;
      await Promise.all(workers);
    }

    alive();
    expect(socketErrors).toEqual([]);
    for (const f of failures) {
      expect(f.status, f.body).toBe(503);
      expect(JSON.parse(f.body).error.code, f.body).toBe('database_unavailable');
    }

    // Every acknowledged petition was committed, under the number it was acknowledged with.
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      const { rows } = await c.query<{ id: number; case_number: string }>(
        'SELECT id, case_number FROM cases WHERE id = ANY($1::bigint[])',
        [[...acked.keys()]],
      );
      expect(rows.length).toBe(acked.size);
      for (const r of rows) expect(r.case_number).toBe(acked.get(Number(r.id)));

      // The background loops survived: the outbox sends a new petition's SMS, the sealer chains
      // every committed audit row (including those whose seal the outage interrupted).
      const res = await intake();
      expect(res.status).toBe(201);
      const { caseId } = (await res.json()) as { caseId: number };
      await waitFor('the outbox to send the new SMS', async () => {
        const { rows: out } = await c.query<{ status: string }>(
          'SELECT status FROM outbox WHERE case_id = $1',
          [caseId],
        );
        return out.length > 0 && out.every((o) => o.status === 'sent');
      });
      await waitFor('the sealer to chain every audit row', async () => {
        const { rows: pending } = await c.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM audit_log WHERE chain_pos IS NULL',
        );
        return pending[0]?.n === 0;
      });
    } finally {
      await c.end();
    }
    const database = await openDatabase({ databaseUrl, dataDir: 'memory://' });
    try {
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    } finally {
      await database.close();
    }

    // And it still shuts down cleanly.
    const code = new Promise<number | null>((resolve) => child?.once('exit', (c) => resolve(c)));
    child.kill('SIGTERM');
    expect(await code).toBe(0);
  }, 300_000);

  it('a connection lost while checked out leaves the pool, even if its holder never releases it', async () => {
    if (!cluster) throw new Error('no cluster');
    const dbName = `xinfang_pool_${randomBytes(4).toString('hex')}`;
    const databaseUrl = await cluster.createDatabase(dbName);
    const before = process.env.PG_POOL_MAX;
    process.env.PG_POOL_MAX = '1';
    const database = await openDatabase({ databaseUrl, dataDir: 'memory://' }).finally(() => {
      if (before === undefined) delete process.env.PG_POOL_MAX;
      else process.env.PG_POOL_MAX = before;
    });
    try {
      const pool = database.pool;
      if (!pool) throw new Error('no pool');
      // Like a transaction whose BEGIN failed: drizzle never releases that client.
      const held = await pool.connect();
      const lost = new Promise<void>((resolve) => held.once('error', () => resolve()));
      expect(await cluster.terminate(dbName)).toBe(1);
      await lost;
      // The pool's only slot is free again: the next query gets a new connection.
      const rows = (r: unknown) => (r as { rows: unknown[] }).rows;
      expect(rows(await database.db.execute(sql`select 1 as one`))).toEqual([{ one: 1 }]);
      held.release(); // the holder's late release changes nothing
      expect(rows(await database.db.execute(sql`select 2 as two`))).toEqual([{ two: 2 }]);
    } finally {
      await database.close();
    }
  }, 30_000);
});
