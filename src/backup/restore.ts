// `xinfang restore ARCHIVE --data DIR`: unpacks a backup (src/backup/backup.ts) into a new data dir
// (embedded) or an empty PostgreSQL database (DATABASE_URL), with its key, then proves the result
// before declaring success: file hashes, every table's row count and checksum against the
// manifest, the key against the stored personal data, and the audit chain. A failed restore
// removes what it created.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { verifyAuditChain } from '../audit/chain.ts';
import { openDatabase } from '../db/client.ts';
import { keyOpensData } from '../security/keyCheck.ts';
import { createPii, SECRET_KEY_FILE } from '../security/pii.ts';
import { runPgTool } from './backup.ts';
import {
  compareSummaries,
  inSnapshot,
  KEY_ENTRY,
  MANIFEST,
  type Manifest,
  PGDATA_ENTRY,
  PGDUMP_ENTRY,
  summarizeDatabase,
} from './manifest.ts';
import { extractTar } from './tar.ts';

export interface RestoreResult {
  manifest: Manifest;
  auditRows: number;
  /** Where the key was written. */
  keyFile: string;
}

function fail(message: string): never {
  throw new Error(message);
}

/** Unpacks the archive into `staging` and checks every file against the manifest. */
function unpack(archivePath: string, staging: string): { manifest: Manifest; secret: string } {
  const entries = extractTar(archivePath, staging);
  if (!entries.has(MANIFEST)) fail('备份文件中没有清单 manifest.json / not an xinfang backup');
  const manifest = JSON.parse(fs.readFileSync(path.join(staging, MANIFEST), 'utf8')) as Manifest;
  if (manifest.format !== 'xinfang-backup' || manifest.formatVersion !== 1) {
    fail(`不支持的备份格式 / unsupported backup format: ${manifest.format} ${manifest.formatVersion}`);
  }
  for (const [name, want] of Object.entries(manifest.files)) {
    const got = entries.get(name);
    if (!got) fail(`备份文件缺少 ${name} / missing from the archive`);
    if (got.sha256 !== want.sha256 || got.bytes !== want.bytes) {
      fail(`备份文件中 ${name} 已损坏（校验值不符）/ damaged: hash differs from the manifest`);
    }
  }
  if (!manifest.files[KEY_ENTRY]) fail('备份文件中没有密钥 secret.key / the archive holds no key');
  const secret = fs.readFileSync(path.join(staging, KEY_ENTRY), 'utf8').trim();
  return { manifest, secret };
}

/** The restored database matches the manifest, the key opens it, the audit chain verifies. */
async function verifyRestored(
  config: { databaseUrl?: string; dataDir: string },
  manifest: Manifest,
  secret: string,
): Promise<number> {
  const database = await openDatabase(config);
  try {
    const summary = database.pglite
      ? await inSnapshot(database.pglite, () => summarizeDatabase(database.pglite as PGlite))
      : await (async () => {
          const client = await (database.pool as NonNullable<typeof database.pool>).connect();
          try {
            return await inSnapshot(client, () => summarizeDatabase(client));
          } finally {
            client.release();
          }
        })();
    const problems = compareSummaries(manifest, summary);
    if (problems.length > 0)
      fail(`恢复结果与备份清单不符 / restored data differs from the manifest:\n  ${problems.join('\n  ')}`);
    if (!(await keyOpensData(database.db, createPii(secret)))) {
      fail('备份中的密钥无法解密恢复的个人信息 / the archived key does not open the restored personal data');
    }
    const audit = await verifyAuditChain(database.db);
    if (!audit.ok) fail(`审计链校验失败 / audit chain broken at ${audit.brokenAt}: ${audit.reason}`);
    return audit.rows;
  } finally {
    await database.close();
  }
}

export async function restoreBackup(
  archivePath: string,
  config: { databaseUrl?: string; dataDir: string },
): Promise<RestoreResult> {
  if (!fs.existsSync(archivePath)) fail(`找不到备份文件 / no such file: ${archivePath}`);
  const target = path.resolve(config.dataDir);
  const targetExisted = fs.existsSync(target);
  if (targetExisted && fs.readdirSync(target).length > 0) {
    fail(
      `目标目录 ${target} 非空，恢复不会覆盖已有数据 / the target directory is not empty; restore never overwrites`,
    );
  }
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  // Unpacked next to the target (same file system, room for the dump), removed in any case.
  const staging = fs.mkdtempSync(path.join(path.dirname(target), '.xinfang-restore-'));
  const keyFile = path.join(target, SECRET_KEY_FILE);
  try {
    const { manifest, secret } = unpack(archivePath, staging);
    if (manifest.database === 'pglite') {
      if (config.databaseUrl) {
        fail(
          '这是嵌入式数据库的备份，请先取消 DATABASE_URL / an embedded backup: unset DATABASE_URL to restore it',
        );
      }
      const dump = fs.readFileSync(path.join(staging, PGDATA_ENTRY));
      const pglite = await PGlite.create({
        dataDir: path.join(target, 'pgdata'),
        loadDataDir: new Blob([dump]),
      });
      await pglite.close();
    } else {
      if (!config.databaseUrl)
        fail(
          '这是 PostgreSQL 的备份，请设置 DATABASE_URL（指向一个空库）/ set DATABASE_URL to an empty database',
        );
      await ensureEmpty(config.databaseUrl);
      await runPgTool(
        process.env.PG_RESTORE ?? 'pg_restore',
        [
          '--no-owner',
          '--no-privileges',
          '--exit-on-error',
          '--single-transaction',
          path.join(staging, PGDUMP_ENTRY),
        ],
        config.databaseUrl,
      );
    }
    fs.writeFileSync(keyFile, secret, { mode: 0o600, flag: 'wx' });
    const auditRows = await verifyRestored(
      { databaseUrl: config.databaseUrl, dataDir: target },
      manifest,
      secret,
    );
    return { manifest, auditRows, keyFile };
  } catch (e) {
    // Leave nothing half-restored behind. On PostgreSQL a failed pg_restore rolled back (one
    // transaction); data restored but failing the checks stays in the database: drop it to retry.
    if (targetExisted)
      for (const f of fs.readdirSync(target))
        fs.rmSync(path.join(target, f), { recursive: true, force: true });
    else fs.rmSync(target, { recursive: true, force: true });
    throw e;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

async function ensureEmpty(databaseUrl: string): Promise<void> {
  const database = await openDatabase({ databaseUrl, dataDir: 'memory://' });
  try {
    const client = await (database.pool as NonNullable<typeof database.pool>).connect();
    try {
      const { rows } = await client.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM pg_tables WHERE schemaname IN ('public', 'drizzle')",
      );
      if (Number(rows[0]?.n) > 0)
        fail(
          'DATABASE_URL 指向的数据库不是空库，恢复不会覆盖已有数据 / the database is not empty; restore never overwrites',
        );
    } finally {
      client.release();
    }
  } finally {
    await database.close();
  }
}
