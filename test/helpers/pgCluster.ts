// A throwaway PostgreSQL cluster of the test's own (initdb into a temp dir, a free port), for tests
// that stop, restart or terminate the database: the shared server on 127.0.0.1:5432 serves other
// test files at the same time and must never be touched. Needs the PostgreSQL server binaries
// (/usr/lib/postgresql/<version>/bin, or PG_BIN); as root, the server runs as the `postgres` user.
// `replica()` makes a streaming standby of a cluster (pg_basebackup -R) on a port of its own.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PgCluster {
  port: number;
  /** Connection string of a database in this cluster. */
  url(database?: string): string;
  createDatabase(name: string): Promise<string>;
  /** pg_terminate_backend on every backend connected to `database`; returns how many. */
  terminate(database: string): Promise<number>;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
  /**
   * A hot standby of this cluster, streaming from it: pg_basebackup -R into a temp dir of its own,
   * started on another port. Destroy it before its primary.
   */
  replica(): Promise<PgCluster>;
  /** The primary's WAL insert position now (pg_current_wal_insert_lsn, 'X/Y'). */
  walPosition(): Promise<string>;
  /** On a standby: resolves once replay has reached `lsn` (polls pg_last_wal_replay_lsn; no sleep guess). */
  replayedTo(lsn: string, timeoutMs?: number): Promise<void>;
  /** On a standby: SELECT pg_wal_replay_pause() / pg_wal_replay_resume(). */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
}

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) throw new Error('PostgreSQL server binaries not found (set PG_BIN)');
  return path.join(root, versions[0], 'bin');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type PgCmd = (tool: string, args: string[]) => Promise<unknown>;

/** Runs a server binary, as the `postgres` user when we are root (initdb and postgres refuse root). */
async function serverTools(): Promise<{ pgCmd: PgCmd; tempDir: () => string }> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const pgCmd: PgCmd = (tool, args) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args])
      : run(path.join(bin, tool), args);
  let owner: { uid: number; gid: number } | undefined;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    owner = { uid: Number(stdout.trim()), gid: Number(gid.trim()) };
  }
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-pg-'));
    if (owner) fs.chownSync(dir, owner.uid, owner.gid);
    return dir;
  };
  return { pgCmd, tempDir };
}

/** Settings of a throwaway cluster, appended to its postgresql.conf (later lines win). */
function localSettings(dir: string, port: number): string {
  return [
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${dir}'`,
    'fsync = off', // a test cluster: durability across an OS crash is not what is tested
    'max_connections = 60',
    // A standby can be made of it (replica()): WAL for streaming, senders, a hot standby's reads.
    'wal_level = replica',
    'max_wal_senders = 5',
    'hot_standby = on',
    '',
  ].join('\n');
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

export async function startPgCluster(): Promise<PgCluster> {
  const tools = await serverTools();
  const dir = tools.tempDir();
  const data = path.join(dir, 'data');
  await tools.pgCmd('initdb', [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const port = await freePort();
  fs.appendFileSync(path.join(data, 'postgresql.conf'), localSettings(dir, port));
  // Replication connections from this machine (initdb's trust lines say so too; stated, not assumed).
  fs.appendFileSync(path.join(data, 'pg_hba.conf'), 'host replication postgres 127.0.0.1/32 trust\n');
  return running(tools, dir, data, port);
}

/** The handle of a cluster in `data`, started. */
async function running(
  tools: Awaited<ReturnType<typeof serverTools>>,
  dir: string,
  data: string,
  port: number,
): Promise<PgCluster> {
  const { pgCmd } = tools;
  let isRunning = false;
  const cluster: PgCluster = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async createDatabase(name) {
      await query(cluster.url(), `CREATE DATABASE ${name}`);
      return cluster.url(name);
    },
    async terminate(database) {
      const c = new pg.Client({ connectionString: cluster.url() });
      await c.connect();
      try {
        const { rows } = await c.query<{ n: number }>(
          'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [database],
        );
        return rows[0]?.n ?? 0;
      } finally {
        await c.end();
      }
    },
    async stop() {
      await pgCmd('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
      isRunning = false;
    },
    async start() {
      await pgCmd('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
      isRunning = true;
    },
    async destroy() {
      if (isRunning) await pgCmd('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      isRunning = false;
      fs.rmSync(dir, { recursive: true, force: true });
    },
    async replica() {
      const rdir = tools.tempDir();
      const rdata = path.join(rdir, 'data');
      // -R writes standby.signal and primary_conninfo; -X stream copies the WAL the backup needs.
      await pgCmd('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-D',
        rdata,
        '-R',
        '-X',
        'stream',
        '--no-sync',
      ]);
      const rport = await freePort();
      fs.appendFileSync(path.join(rdata, 'postgresql.conf'), localSettings(rdir, rport));
      return running(tools, rdir, rdata, rport);
    },
    async walPosition() {
      const rows = await query<{ lsn: string }>(
        cluster.url(),
        'SELECT pg_current_wal_insert_lsn()::text AS lsn',
      );
      return rows[0]?.lsn ?? '';
    },
    async replayedTo(lsn, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const rows = await query<{ done: boolean }>(
          cluster.url(),
          `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`,
        );
        if (rows[0]?.done) return;
        if (Date.now() > until) throw new Error(`replica did not replay to ${lsn} in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async pauseReplay() {
      await query(cluster.url(), 'SELECT pg_wal_replay_pause()');
    },
    async resumeReplay() {
      await query(cluster.url(), 'SELECT pg_wal_replay_resume()');
    },
  };
  try {
    await cluster.start();
  } catch (e) {
    await cluster.destroy();
    throw e;
  }
  return cluster;
}
