// `xinfang backup`: one archive holding the database, the key that opens its personal data, and a
// manifest (row counts and checksums per table, audit head, key fingerprint, file hashes) that
// `xinfang restore` checks. Embedded: PGlite's dump of its data dir (the platform must be stopped:
// the data dir admits one process). PostgreSQL: pg_dump of a snapshot, with the counts taken in the
// same snapshot, so the server keeps running. The archive is written 0600 and renamed into place.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DbConfig } from '../config/index.ts';
import { openDatabase } from '../db/client.ts';
import { keyOpensData } from '../security/keyCheck.ts';
import { createPii, SECRET_KEY_FILE } from '../security/pii.ts';
import {
  type DatabaseSummary,
  inSnapshot,
  KEY_ENTRY,
  MANIFEST,
  type Manifest,
  newManifest,
  PGDATA_ENTRY,
  PGDUMP_ENTRY,
  summarizeDatabase,
} from './manifest.ts';
import { type TarEntryInfo, TarWriter } from './tar.ts';

export interface BackupConfig extends DbConfig {
  secret?: string;
}

/** The key for this database: XINFANG_SECRET, or the embedded data dir's key file — never a new one. */
export function existingSecret(config: BackupConfig): string {
  if (config.secret) return config.secret;
  if (config.databaseUrl) {
    throw new Error(
      '请设置 XINFANG_SECRET（备份须包含密钥）/ set XINFANG_SECRET: the backup must hold the key',
    );
  }
  const file = path.join(config.dataDir, SECRET_KEY_FILE);
  if (!fs.existsSync(file)) {
    throw new Error(
      `找不到密钥文件 ${file}，没有它备份无法恢复个人信息 / key file missing: without it a backup cannot restore personal data`,
    );
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** Writes entries to `out` atomically (a 0600 temp file renamed into place). */
function writeArchive(out: string, write: (tar: TarWriter) => void): void {
  const tmp = `${out}.partial-${process.pid}`;
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.fchmodSync(fd, 0o600); // whatever the umask
    const tar = new TarWriter(fd);
    write(tar);
    tar.finish();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function archive(
  out: string,
  kind: Manifest['database'],
  summary: DatabaseSummary,
  secret: string,
  add: (tar: TarWriter) => [string, TarEntryInfo],
): Manifest {
  let manifest: Manifest | undefined;
  writeArchive(out, (tar) => {
    const [name, info] = add(tar);
    const files = { [name]: info, [KEY_ENTRY]: tar.addBuffer(KEY_ENTRY, Buffer.from(secret, 'utf8')) };
    manifest = newManifest(kind, summary, files);
    tar.addBuffer(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
  });
  return manifest as Manifest;
}

/** Runs a PostgreSQL client tool with the password in the environment, not on the command line. */
export function runPgTool(tool: string, args: string[], databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, '--dbname', url.toString()], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err = (err + d).slice(-4000);
    });
    child.on('error', (e) =>
      reject(new Error(`无法运行 ${tool}（请安装 PostgreSQL 客户端）/ cannot run ${tool}: ${e.message}`)),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} 失败 / failed (exit ${code}): ${err.trim()}`)),
    );
  });
}

export async function createBackup(config: BackupConfig, out: string): Promise<Manifest> {
  const secret = existingSecret(config);
  const pii = createPii(secret);
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pgdata'))) {
    throw new Error(`${config.dataDir} 中没有数据库 / no database in ${config.dataDir}`);
  }
  const database = await openDatabase(config);
  try {
    if (!(await keyOpensData(database.db, pii))) {
      throw new Error(
        '当前密钥无法解密库中的个人信息，备份将无法使用 / the key does not open the stored personal data; the backup would be useless',
      );
    }
    if (database.pglite) {
      const pglite = database.pglite;
      const summary = await inSnapshot(pglite, () => summarizeDatabase(pglite));
      const dump = Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
      return archive(out, 'pglite', summary, secret, (tar) => [
        PGDATA_ENTRY,
        tar.addBuffer(PGDATA_ENTRY, dump),
      ]);
    }
    const client = await (database.pool as NonNullable<typeof database.pool>).connect();
    const dumpFile = `${out}.pgdump-${process.pid}`;
    try {
      fs.closeSync(fs.openSync(dumpFile, 'wx', 0o600)); // pg_dump writes into it, keeping the mode
      const summary = await inSnapshot(client, async () => {
        const { rows } = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
        const s = await summarizeDatabase(client);
        // The dump sees exactly what was counted: the snapshot lives while this transaction does.
        await runPgTool(
          process.env.PG_DUMP ?? 'pg_dump',
          ['--format=custom', `--snapshot=${rows[0]?.id}`, `--file=${dumpFile}`],
          config.databaseUrl as string,
        );
        return s;
      });
      return archive(out, 'postgres', summary, secret, (tar) => [
        PGDUMP_ENTRY,
        tar.addFile(PGDUMP_ENTRY, dumpFile),
      ]);
    } finally {
      client.release();
      fs.rmSync(dumpFile, { force: true });
    }
  } finally {
    await database.close();
  }
}
