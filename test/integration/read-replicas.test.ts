// DATABASE_READ_URL against a real streaming replica: a throwaway primary cluster and a hot standby
// made from it with pg_basebackup -R (test/helpers/pgCluster.ts), never the shared test server, so
// the file runs the same in both CI steps. Replay is paused on the standby to make its lag visible:
// lists, search and analytics of other users serve the standby's (older) data; the user who just
// acted reads the primary and sees the change; a stopped standby's reads fall back to the primary.
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/logging.ts';
import { READ_AFTER_COOKIE } from '../../src/server/readDb.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';
import { type PgCluster, startPgCluster } from '../helpers/pgCluster.ts';

const DB = 'xinfang_replicas';
let primary: PgCluster | undefined;
let standby: PgCluster | undefined;
let h: Harness;
const logLines: string[] = [];

beforeAll(async () => {
  primary = await startPgCluster();
  const databaseUrl = await primary.createDatabase(DB);
  standby = await primary.replica();
  const log = createLogger(
    'info',
    new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  // replicaRetryMs 0: a standby that failed is tried again on the next read (5 s in production).
  h = await startHarness({
    config: { databaseUrl, databaseReadUrls: [standby.url(DB)], replicaRetryMs: 0 },
    log,
  });
  await h.loginAll(['gl_registrar', 'gl_leader', 'gl_supervisor']);
  await caughtUp();
}, 300_000);

afterAll(async () => {
  await h?.close();
  await standby?.destroy();
  await primary?.destroy();
});

/** Waits until the standby has replayed everything the primary has written so far. */
async function caughtUp(): Promise<void> {
  if (!primary || !standby) throw new Error('no clusters');
  await standby.replayedTo(await primary.walPosition());
}

async function primaryCount(text: string): Promise<number> {
  if (!primary) throw new Error('no clusters');
  const c = new pg.Client({ connectionString: primary.url(DB) });
  await c.connect();
  try {
    return (await c.query<{ n: number }>(text)).rows[0]?.n ?? 0;
  } finally {
    await c.end();
  }
}

let n = 0;
async function register(username: string): Promise<{ caseId: number; setCookie: string[] }> {
  n++;
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as(username),
    payload: {
      form: 'phone',
      subject: `来电反映路灯损坏（第${n}次）`,
      content: `来电人反映小区门口路灯损坏一个月无人维修，夜间出行不便。编号${n}`,
      jurisdictionCode: '320106',
      petitioner: { name: '钱八', phone: `136${String(n).padStart(8, '0')}` },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const raw = res.headers['set-cookie'];
  return { caseId: res.json().caseId, setCookie: raw === undefined ? [] : [raw].flat() };
}

const get = async (username: string, url: string, cookie?: string) => {
  const res = await h.app.inject({
    method: 'GET',
    url,
    headers: { ...h.as(username), ...(cookie ? { cookie } : {}) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const readyz = () => h.app.inject({ method: 'GET', url: '/readyz' });
const listTotal = async (username: string, cookie?: string) =>
  (await get(username, '/api/v1/cases?pageSize=1', cookie)).total as number;
const searchTotal = async (username: string) =>
  (await get(username, `/api/v1/cases?q=${encodeURIComponent('路灯损坏')}&pageSize=1`)).total as number;
const yearTotal = async (username: string) =>
  (await get(username, '/api/v1/analytics/indicators')).totals.total as number;

describe('read replicas (DATABASE_READ_URL)', () => {
  it('serves lists, search and analytics from the standby, and the acting user their own change from the primary', async () => {
    if (!primary || !standby) throw new Error('no clusters');
    await register('gl_registrar');
    await caughtUp();
    const before = {
      list: await listTotal('gl_leader'),
      search: await searchTotal('gl_leader'),
      year: await yearTotal('gl_leader'),
    };
    expect(before.list).toBeGreaterThan(0);
    expect(before.search).toBeGreaterThan(0);

    // The platform reads the standby through its own pool, named so in pg_stat_activity.
    const c = new pg.Client({ connectionString: standby.url(DB) });
    await c.connect();
    try {
      const { rows } = await c.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'xinfang-read'",
      );
      expect(rows[0]?.n).toBeGreaterThan(0);
    } finally {
      await c.end();
    }

    // /readyz reports the replica, by position only.
    const ready = await readyz();
    expect(ready.statusCode).toBe(200);
    expect(ready.json().replicas).toEqual([
      { replica: 1, state: 'up', lagBytes: expect.any(Number), lagSeconds: expect.any(Number) },
    ]);
    expect(ready.body).not.toMatch(/127\.0\.0\.1|postgres:\/\/|localhost/);

    await standby.pauseReplay();
    try {
      const { caseId, setCookie } = await register('gl_registrar');
      // Paused replay with the primary ahead: lagging, by the bytes not yet replayed.
      const lagging = (await readyz()).json().replicas[0];
      expect(lagging).toMatchObject({ replica: 1, state: 'lagging' });
      expect(lagging.lagBytes).toBeGreaterThan(0);
      // The registrar's next reads show the new matter: the standby has not replayed it, the primary serves them.
      expect(await listTotal('gl_registrar')).toBe(before.list + 1);
      // Another user's lists, search and figures tolerate the lag: the standby's data, one matter short.
      expect(await listTotal('gl_leader')).toBe(before.list);
      expect(await searchTotal('gl_leader')).toBe(before.search);
      expect(await yearTotal('gl_leader')).toBe(before.year);
      // Hotspots read the standby and store the new matters' features on the primary (a standby refuses writes).
      expect((await get('gl_leader', '/api/v1/analytics/hotspots')).items).toBeDefined();
      expect(await primaryCount('SELECT count(*)::int AS n FROM hotspot_terms')).toBeGreaterThan(0);
      // A matter's own page is not a lag-tolerant read: the primary answers it for everyone.
      expect((await get('gl_leader', `/api/v1/cases/${caseId}`)).id).toBe(caseId);

      // The browser's cookie carries the write position to another API process: a request
      // carrying it reads the change wherever it lands (here: a user without writes of their own).
      const cookie = setCookie.find((s) => s.startsWith(`${READ_AFTER_COOKIE}=`));
      expect(cookie).toMatch(/^xf_read_after=[0-9A-F]+\/[0-9A-F]+;.*HttpOnly/);
      const pair = (cookie as string).split(';')[0] as string;
      expect(await listTotal('gl_supervisor')).toBe(before.list);
      expect(await listTotal('gl_supervisor', pair)).toBe(before.list + 1);
    } finally {
      await standby.resumeReplay();
    }
    await caughtUp();
    expect(await listTotal('gl_leader')).toBe(before.list + 1);
    expect(await searchTotal('gl_leader')).toBe(before.search + 1);
    expect(await yearTotal('gl_leader')).toBe(before.year + 1);
  }, 120_000);

  it('after an action, the actor sees the new state in the list while the standby lags', async () => {
    if (!standby) throw new Error('no clusters');
    const { caseId } = await register('gl_registrar');
    await caughtUp();
    const states = async (username: string) =>
      (await get(username, '/api/v1/cases?pageSize=100')).items.find((c: { id: number }) => c.id === caseId)
        ?.state as string;
    const was = await states('gl_leader');
    await standby.pauseReplay();
    try {
      await h.act('gl_registrar', caseId, 'accept');
      const now = await states('gl_registrar');
      expect(now).not.toBe(was);
      expect(await states('gl_leader')).toBe(was);
    } finally {
      await standby.resumeReplay();
    }
    await caughtUp();
    expect(await states('gl_leader')).not.toBe(was);
  }, 120_000);

  it('a stopped standby: reads fall back to the primary, the log says so, and it serves again once back', async () => {
    if (!standby) throw new Error('no clusters');
    const before = await listTotal('gl_leader');
    await standby.stop();
    await register('gl_registrar');
    // The leader has no write of their own: their list went to the standby, which is gone.
    expect(await listTotal('gl_leader')).toBe(before + 1);
    expect(await yearTotal('gl_leader')).toBeGreaterThan(0);
    expect(logLines.join('')).toMatch(/只读副本不可用/);
    // The node stays ready (the primary answers) and says the replica is down.
    const ready = await readyz();
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ready',
      replicas: [{ replica: 1, state: 'down', lagBytes: null, lagSeconds: null }],
    });
    // The log names the replica by host and port, never by its connection string.
    expect(logLines.join('')).not.toMatch(/postgres:\/\//);

    // Started again, it serves again: paused, it shows the leader its older state once more.
    await standby.start();
    await caughtUp();
    const now = await listTotal('gl_leader');
    expect(logLines.join('')).toMatch(/只读副本已恢复/);
    expect((await readyz()).json().replicas[0].state).toBe('up');
    await standby.pauseReplay();
    try {
      await register('gl_registrar');
      expect(await listTotal('gl_leader')).toBe(now);
      expect(await listTotal('gl_registrar')).toBe(now + 1);
    } finally {
      await standby.resumeReplay();
    }
  }, 120_000);
});
