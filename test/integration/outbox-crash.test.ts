// Killing the process after a commit and before the SMS leaves loses nothing: after restart the
// message is sent, once.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { appConfigFromEnv } from '../../src/config/index.ts';
import { outbox } from '../../src/db/schema.ts';
import { memorySink } from '../../src/notify/sinks.ts';
import { boot, shutdown } from '../../src/server/boot.ts';

const SECRET = 'crash-test-secret-0123456789';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-crash-'));
let databaseUrl: string | undefined;
let dropDb: (() => Promise<void>) | undefined;

afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  await dropDb?.();
});

async function prepareDatabase() {
  const base = process.env.DATABASE_URL;
  if (!base) return;
  const name = `xinfang_crash_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDb = async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}

function runChildUntilCommitted(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/crash-child.ts'], {
      env: {
        ...process.env,
        CRASH_DATA_DIR: dataDir,
        XINFANG_SECRET: SECRET,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child did not commit in time: ${err}`));
    }, 150_000);
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/COMMITTED (\d+)/);
      if (m) {
        child.kill('SIGKILL'); // no shutdown, no flush: the crash
        child.on('exit', () => {
          clearTimeout(timer);
          resolve(Number(m[1]));
        });
      }
    });
    child.on('error', reject);
  });
}

describe('outbox across a crash', () => {
  // A child process compiles the platform with tsx, migrates a new database and registers: on a
  // loaded two-core machine that took over 60 s once (PostgreSQL), hence the long timeouts.
  it('sends the committed SMS after restart, exactly once', async () => {
    await prepareDatabase();
    const caseId = await runChildUntilCommitted();
    expect(caseId).toBeGreaterThan(0);

    const sms = memorySink();
    const config = {
      ...appConfigFromEnv({ data: dataDir }),
      databaseUrl,
      demo: true,
      secret: SECRET,
      logLevel: 'silent',
    };
    const ctx = await boot(config, {
      log: pino({ level: 'silent' }),
      sink: sms,
      dispatcher: { leaseMs: 60_000 },
    });
    try {
      const [row] = await ctx.db.select().from(outbox).where(eq(outbox.caseId, caseId));
      expect(row).toMatchObject({ status: 'pending', attempts: 1, stage: 'registered' });
      // The dead process held a lease on the row; once it lapses the row is sent.
      await ctx.dispatcher.runOnce(new Date(Date.now() + 61_000));
      await ctx.dispatcher.runOnce(new Date(Date.now() + 3_600_000));
      const mine = sms.sent.filter((m) => m.to === '13655556666');
      expect(mine).toHaveLength(1);
      expect(mine[0]?.body).toMatch(/信访件编号\d{16}/);
      const [after] = await ctx.db.select().from(outbox).where(eq(outbox.caseId, caseId));
      expect(after).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      await shutdown(ctx);
    }
  }, 180_000);
});
