// `xinfang backup` → `xinfang restore` gives back the same platform: every table equal, the audit
// chain intact, personal data readable (a case detail with the petitioner's ID number answers 200);
// the archive is private (0600) and holds the key; a damaged archive is refused; a start with a key
// that does not open the stored data is refused with a clear message and exit code 78.
// Embedded database by default; with DATABASE_URL the same through pg_dump / pg_restore.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/chain.ts';
import { restoreBackup } from '../../src/backup/restore.ts';
import { type AppConfig, appConfigFromEnv } from '../../src/config/index.ts';
import { openDatabase } from '../../src/db/client.ts';
import { memorySink } from '../../src/notify/sinks.ts';
import { KeyMismatchError } from '../../src/security/keyCheck.ts';
import { buildApp } from '../../src/server/app.ts';
import { boot, shutdown } from '../../src/server/boot.ts';
import { createPgDatabase } from '../helpers/harness.ts';
import { freePort } from '../helpers/pgCluster.ts';

const PASSWORD = 'Backup@Test2026';
const PG_SECRET = 'backup-test-secret-0123456789';
const baseUrl = process.env.DATABASE_URL;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-backup-'));
const drops: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const drop of drops) await drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Where a platform keeps its data: a data dir (embedded) or a database of its own (PostgreSQL). */
async function newPlace(name: string): Promise<{ databaseUrl?: string; dataDir: string }> {
  const dataDir = path.join(tmp, name);
  if (!baseUrl) return { dataDir };
  const db = await createPgDatabase(baseUrl);
  drops.push(db.drop);
  return { databaseUrl: db.url, dataDir };
}

function configOf(place: { databaseUrl?: string; dataDir: string }, secret?: string): AppConfig {
  return {
    ...appConfigFromEnv({ data: place.dataDir }),
    ...place,
    secret,
    demo: true,
    demoPassword: PASSWORD,
    logLevel: 'silent',
  };
}

/** Runs the `xinfang` command; the environment names the database exactly as an operator would. */
function xinfang(args: string[], env: Record<string, string | undefined>) {
  const { DATABASE_URL: _u, XINFANG_SECRET: _s, ...rest } = process.env;
  return new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/xinfang.js', ...args], {
      env: { ...rest, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

// A production start needs an SMS gateway or an explicit `off` (docs/configuration.md).
const envOf = (place: { databaseUrl?: string }, secret?: string) => ({
  DATABASE_URL: place.databaseUrl,
  XINFANG_SECRET: secret,
  XINFANG_SMS_GATEWAY: 'off',
});

/** Every table of the database, each as the sorted text of all its rows. */
async function contents(place: { databaseUrl?: string; dataDir: string }): Promise<Map<string, string>> {
  const database = await openDatabase(place);
  try {
    const rows = async (q: string) =>
      ((await database.db.execute(sql.raw(q))) as unknown as { rows: Record<string, string>[] }).rows;
    const tables = await rows(
      "SELECT schemaname || '.' || tablename AS t FROM pg_tables WHERE schemaname IN ('public', 'drizzle') ORDER BY 1",
    );
    const all = new Map<string, string>();
    for (const { t } of tables) {
      const [row] = await rows(
        `SELECT count(*)::text || ':' || coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '') AS v FROM ${t} r`,
      );
      all.set(t as string, row?.v as string);
    }
    return all;
  } finally {
    await database.close();
  }
}

describe(`backup and restore (${baseUrl ? 'PostgreSQL' : 'embedded'})`, () => {
  it('restores every table, the audit chain and readable personal data; refuses a wrong key', async () => {
    // The original platform: three petitions with the petitioner's ID number and phone.
    const source = await newPlace('source');
    const secret = baseUrl ? PG_SECRET : undefined; // embedded: a key generated into the data dir
    let ctx = await boot(configOf(source, secret), { log: pino({ level: 'silent' }), sink: memorySink() });
    let app = await buildApp(ctx);
    const login = async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'gl_registrar', password: PASSWORD },
      });
      return { authorization: `Bearer ${res.json().token}` };
    };
    let auth = await login();
    const ids: number[] = [];
    for (const [i, phone] of ['13655550001', '13655550002', '13655550003'].entries()) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: auth,
        payload: {
          form: 'visit',
          subject: `反映小区供暖不足（${i + 1}）`,
          content: '来访人反映小区冬季供暖温度长期不达标，多次向物业反映未果。',
          jurisdictionCode: '320106',
          petitioner: { name: '张三', idNumber: '11010519491231002X', phone },
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().caseId);
    }
    const detail = await app.inject({ url: `/api/v1/cases/${ids[0]}`, headers: auth });
    expect(detail.statusCode).toBe(200);
    const party = detail.json().parties[0];
    expect(party).toMatchObject({ name: '张三', idNumber: '11010519491231002X' });
    await app.close();
    await shutdown(ctx); // seals the audit rows of the intakes

    // Backup: one private archive, with the key.
    const archive = path.join(tmp, 'xinfang.tar');
    const backup = await xinfang(
      ['backup', '--data', source.dataDir, '--out', archive],
      envOf(source, secret),
    );
    expect(backup.code, backup.out).toBe(0);
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);

    // Restore into a new place, verified by the command itself (manifest, key, audit chain).
    const target = await newPlace('target');
    const restore = await xinfang(['restore', archive, '--data', target.dataDir], envOf(target));
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toMatch(/审计链完整/);
    const keyFile = path.join(target.dataDir, 'secret.key');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const restoredKey = fs.readFileSync(keyFile, 'utf8');
    expect(restoredKey).toBe(
      secret ?? fs.readFileSync(path.join(source.dataDir, 'secret.key'), 'utf8').trim(),
    );

    // Every table holds exactly what the original held.
    const before = await contents(source);
    const after = await contents(target);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(before.get('public.cases')).toMatch(/^3:/);
    for (const [table, rows] of before) expect(after.get(table), table).toBe(rows);

    // The audit chain verifies on the restored data.
    const check = await openDatabase(target);
    try {
      const verified = await verifyAuditChain(check.db);
      expect(verified).toMatchObject({ ok: true });
      expect(verified.rows).toBeGreaterThan(3);
    } finally {
      await check.close();
    }

    // The restored platform starts with the restored key and shows the personal data.
    const restoredSecret = baseUrl ? restoredKey : undefined; // embedded: read from <data>/secret.key
    ctx = await boot(configOf(target, restoredSecret), {
      log: pino({ level: 'silent' }),
      sink: memorySink(),
    });
    app = await buildApp(ctx);
    try {
      auth = await login();
      const again = await app.inject({ url: `/api/v1/cases/${ids[0]}`, headers: auth });
      expect(again.statusCode).toBe(200);
      expect(again.json().parties[0]).toEqual(party);
    } finally {
      await app.close();
      await shutdown(ctx);
    }

    // A damaged archive is refused, and leaves nothing behind.
    const damaged = path.join(tmp, 'damaged.tar');
    const bytes = fs.readFileSync(archive);
    bytes[2048] = (bytes[2048] ?? 0) ^ 0xff; // inside the first entry (the database)
    fs.writeFileSync(damaged, bytes);
    const elsewhere = await newPlace('elsewhere');
    await expect(restoreBackup(damaged, elsewhere)).rejects.toThrow(/已损坏/);
    expect(fs.existsSync(elsewhere.dataDir)).toBe(false);

    // A start with another key is refused: clear message, exit code 78, nothing changed.
    const wrong = await xinfang(
      ['serve', '--data', target.dataDir, '--port', String(await freePort())],
      baseUrl ? envOf(target, 'another-secret-0123456789') : { XINFANG_SECRET: 'another-secret-0123456789' },
    );
    expect(wrong.code, wrong.out).toBe(78);
    expect(wrong.out).toMatch(/无法用当前密钥.*解密，平台拒绝启动/);
    expect(wrong.out).toMatch(/does not decrypt with the present key/);
  }, 240_000);

  it('another key is refused at start; a missing key file is not replaced by a new one', async () => {
    const place = await newPlace('keyless');
    const log = pino({ level: 'silent' });
    await shutdown(await boot(configOf(place, baseUrl ? PG_SECRET : undefined), { log, sink: memorySink() }));
    const other = boot(configOf(place, 'another-secret-0123456789'), { log, sink: memorySink() });
    await expect(other).rejects.toBeInstanceOf(KeyMismatchError);
    if (baseUrl) return; // PostgreSQL has no key file: XINFANG_SECRET is required
    const keyFile = path.join(place.dataDir, 'secret.key');
    fs.rmSync(keyFile);
    const keyless = boot(configOf(place), { log, sink: memorySink() });
    await expect(keyless).rejects.toThrow(/secret\.key 不存在/);
    expect(fs.existsSync(keyFile)).toBe(false);
  });
});
