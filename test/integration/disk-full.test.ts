// A full disk under the embedded database: administrators are warned while space runs low; under
// the minimum, changes answer 507 while reads, login and /healthz keep working, and changes are
// taken again as soon as space returns. If space goes faster than the watchdog sees (here: the
// guard switched off) and PGlite's WAL meets the full disk, the process exits with a clear message
// and code 75 instead of hanging; restarted with space back, it has lost no acknowledged petition.
// Runs `xinfang serve` on a small tmpfs of its own (needs root, or passwordless sudo, to mount it).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/pgCluster.ts';

const PASSWORD = 'Disk@Test2026';
const MB = 1024 * 1024;
const mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-disk-'));
const dataDir = path.join(mnt, 'data');
const filler = path.join(mnt, 'filler');
let mounted = false;
let child: ChildProcess | undefined;

function asRoot(cmd: string, args: string[]): void {
  if (process.getuid?.() === 0) execFileSync(cmd, args, { stdio: 'pipe' });
  else execFileSync('sudo', ['-n', cmd, ...args], { stdio: 'pipe' });
}

beforeAll(() => {
  try {
    asRoot('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', mnt]);
    mounted = true;
  } catch (e) {
    throw new Error(
      `this test needs a small file system of its own: run it as root (or with passwordless sudo) so it can mount a tmpfs at ${mnt}: ${(e as Error).message}`,
    );
  }
});

afterAll(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (mounted) asRoot('umount', ['-l', mnt]);
  fs.rmSync(mnt, { recursive: true, force: true });
});

const freeMb = () => {
  const s = fs.statfsSync(mnt);
  return (s.bavail * s.bsize) / MB;
};

/** Grows or shrinks the filler file so that about `mb` MB stay free. */
function leaveFree(mb: number): void {
  if (!fs.existsSync(filler)) fs.writeFileSync(filler, '');
  const size = fs.statSync(filler).size;
  const target = Math.max(0, size + Math.floor((freeMb() - mb) * MB));
  if (target <= size) {
    fs.truncateSync(filler, target);
    return;
  }
  const fd = fs.openSync(filler, 'a');
  try {
    const chunk = Buffer.alloc(MB, 1);
    for (let left = target - size; left > 0; left -= chunk.length) {
      fs.writeSync(fd, chunk, 0, Math.min(chunk.length, left));
    }
  } finally {
    fs.closeSync(fd);
  }
}

interface Server {
  base: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: string | null }>;
  alive: () => boolean;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  let output = '';
  let done = false;
  const proc = spawn(
    process.execPath,
    ['bin/xinfang.js', 'serve', '--data', dataDir, '--port', String(port)],
    {
      env: {
        ...process.env,
        DATABASE_URL: '',
        XINFANG_SECRET: '',
        XINFANG_DEMO: '1',
        XINFANG_DEMO_CASES: '0',
        XINFANG_DEMO_PASSWORD: PASSWORD,
        XINFANG_DISK_CHECK_SECONDS: '1',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child = proc;
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-30_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    proc.on('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  const server = { base: `http://127.0.0.1:${port}`, output: () => output, exited, alive: () => !done };
  await waitFor(
    server,
    'the server to listen',
    async () => (await fetch(`${server.base}/healthz`)).ok,
    150_000,
  );
  return server;
}

/** Polls `check` (errors count as "not yet") until true; fails early if the server ended. */
async function waitFor(s: Server, what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (!s.alive()) throw new Error(`xinfang serve ended while waiting for ${what}:\n${s.output()}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}:\n${s.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function login(s: Server, username: string): Promise<Record<string, string>> {
  const res = await fetch(`${s.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

/** Varied text (compresses poorly, so each petition costs real space in the tables and the WAL). */
const text = (n: number) =>
  Array.from({ length: n }, () => String.fromCodePoint(0x4e00 + randomInt(0, 20_000))).join('');

let serial = 0;
function intake(s: Server, auth: Record<string, string>, contentLength = 60): Promise<Response> {
  serial++;
  return fetch(`${s.base}/api/v1/cases`, {
    signal: AbortSignal.timeout(30_000), // a hung server must fail the test, not stall it
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({
      form: 'phone',
      subject: `来电反映道路积水（${serial}）`,
      content: `来电人反映小区门口道路积水严重。${text(contentLength)}`,
      jurisdictionCode: '320106',
      petitioner: { name: '钱八', phone: `137${String(serial).padStart(8, '0')}` },
    }),
  });
}

describe('disk full under the embedded database', () => {
  it('warns, refuses changes with 507 while reads go on, recovers; a WAL write on a full disk exits 75', async () => {
    const acked: number[] = [];
    const accept = async (res: Response) => {
      expect(res.status).toBe(201);
      acked.push(((await res.json()) as { caseId: number }).caseId);
    };

    // Warn below 80 MB free, refuse changes below 40 MB.
    let s = await startServer({ XINFANG_DISK_WARN_MB: '80', XINFANG_DISK_MIN_FREE_MB: '40' });
    const registrar = await login(s, 'gl_registrar');
    const admin = await login(s, 'admin');
    await accept(await intake(s, registrar));
    const storageWarnings = async () => {
      const res = await fetch(`${s.base}/api/v1/warnings?kind=storage_low`, { headers: admin });
      return ((await res.json()) as { items: { level: string; title: string }[] }).items;
    };
    expect(await storageWarnings()).toEqual([]);

    // Low: administrators are warned, changes still go through.
    leaveFree(60);
    await waitFor(s, 'a storage warning for administrators', async () =>
      (await storageWarnings()).some((w) => w.level === 'medium'),
    );
    expect(s.output()).toMatch(/磁盘空间偏低/);
    await accept(await intake(s, registrar));

    // Under the minimum: changes answer 507, reads, login and liveness keep working.
    leaveFree(20);
    let refused: Response | undefined;
    await waitFor(s, 'changes to be refused', async () => {
      const res = await intake(s, registrar);
      if (res.status === 201) acked.push(((await res.json()) as { caseId: number }).caseId);
      refused = res;
      return res.status === 507;
    });
    expect(
      ((await refused?.json()) as { error: { code: string; message: string } } | undefined)?.error,
    ).toMatchObject({
      code: 'storage_full',
      message: expect.stringMatching(/存储空间已满/),
    });
    expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
    const ready = (await (await fetch(`${s.base}/readyz`)).json()) as { storage: string };
    expect(ready.storage).toBe('critical');
    const list = await fetch(`${s.base}/api/v1/cases`, { headers: registrar });
    expect(list.status).toBe(200);
    const detail = await fetch(`${s.base}/api/v1/cases/${acked[0]}`, { headers: registrar });
    expect(detail.status).toBe(200);
    await login(s, 'gl_registrar');
    await waitFor(s, 'a high-level storage warning', async () =>
      (await storageWarnings()).some((w) => w.level === 'high' && /暂停写入/.test(w.title)),
    );

    // Space returns: changes are taken again, without a restart.
    fs.rmSync(filler);
    await waitFor(s, 'changes to be taken again', async () => {
      const res = await intake(s, registrar);
      if (res.status !== 201) return false;
      acked.push(((await res.json()) as { caseId: number }).caseId);
      return true;
    });
    expect(s.output()).toMatch(/磁盘空间已恢复/);
    const stop = s.exited;
    child?.kill('SIGTERM');
    expect((await stop).code).toBe(0);

    // The guard switched off (space taken faster than it looks): a WAL segment cannot be created.
    s = await startServer({ XINFANG_DISK_WARN_MB: '0', XINFANG_DISK_MIN_FREE_MB: '0' });
    const writer = await login(s, 'gl_registrar');
    leaveFree(14); // room for table growth, none for the next 16 MB WAL segment
    const answers = new Map<number, number>();
    let loading = true;
    const worker = async () => {
      while (loading && s.alive()) {
        const res = await intake(s, writer, 4900).catch(() => null);
        if (!res) return;
        answers.set(res.status, (answers.get(res.status) ?? 0) + 1);
        // Tables full before the WAL needed its next segment (where the WAL stands in its segment
        // depends on what startup wrote): give the tables 2 MB more — still far from the 16 MB a
        // segment needs — so writes go on and the WAL reaches its segment's end.
        if (res.status === 507 && freeMb() < 0.5) leaveFree(2);
        if (res.status === 201) acked.push(((await res.json()) as { caseId: number }).caseId);
      }
    };
    const workers = Promise.all(Array.from({ length: 3 }, worker));
    const end = await Promise.race([
      s.exited,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 180_000).unref()),
    ]);
    loading = false;
    await workers;

    const wal = fs.readdirSync(path.join(dataDir, 'pgdata', 'pg_wal')).join(' ');
    expect(
      end,
      `the server did not exit: ${JSON.stringify([...answers])} ${wal}\n${s.output().slice(-3000)}`,
    ).toEqual({
      code: 75,
      signal: null,
    });
    expect(s.output()).toMatch(/嵌入式数据库写入预写日志失败（磁盘空间不足）/);
    expect(s.output()).toMatch(/could not write its WAL \(disk full\)/);
    // Whatever was answered before the exit was a success or a clean 507, never a 500.
    for (const status of answers.keys()) expect([201, 507]).toContain(status);

    // Space freed, restarted (as a supervisor would): every acknowledged petition is there.
    fs.rmSync(filler);
    s = await startServer({ XINFANG_DISK_WARN_MB: '80', XINFANG_DISK_MIN_FREE_MB: '40' });
    const reader = await login(s, 'gl_registrar');
    for (const id of acked) {
      const res = await fetch(`${s.base}/api/v1/cases/${id}`, { headers: reader });
      expect(res.status, `case ${id}`).toBe(200);
    }
    await accept(await intake(s, reader));
    const last = s.exited;
    child?.kill('SIGTERM');
    expect((await last).code).toBe(0);
  }, 420_000);
});
