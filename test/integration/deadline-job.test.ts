import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../src/audit/chain.ts';
import type { AppContext } from '../../src/context.ts';
import { auditLog, caseEvents, cases, jobRuns } from '../../src/db/schema.ts';
import { addDays } from '../../src/domain/deadlines/index.ts';
import { runDeadlineSweep, type SweepResult } from '../../src/jobs/deadlines.ts';
import {
  DAILY_JOBS_LOCK_KEY,
  nextDailyRun,
  previousDailyRun,
  runDailyJobs,
  startScheduler,
} from '../../src/jobs/scheduler.ts';
import { bearer, type Harness, startHarness } from '../helpers/harness.ts';
import { captureLog } from '../helpers/logCapture.ts';

let h: Harness;
const CITIZEN = '13900000001';
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([CITIZEN, 'gl_registrar', 'gl_handler', 'nj_reviewer']);
});
afterAll(async () => {
  vi.useRealTimers();
  await h?.close();
});

const ZERO: SweepResult = { near: 0, overdue: 0, evaluationsExpired: 0, autoClosed: 0 };
/** An instant on a Shanghai calendar date. */
const at = (date: string, time = '09:00:00') => new Date(`${date}T${time}+08:00`);
const sweep = (now: Date) => runDeadlineSweep(h.ctx, now);

interface Deadline {
  name: string;
  due: string;
  dueDate: string;
  running: boolean;
}
async function detail(id: number, user = 'gl_registrar') {
  const res = await h.app.inject({ url: `/api/v1/cases/${id}`, headers: h.as(user) });
  expect(res.statusCode).toBe(200);
  return res.json();
}
const deadline = (d: { deadlines: Deadline[] }, name: string) => {
  const x = d.deadlines.find((c) => c.name === name);
  if (!x) throw new Error(`no ${name} clock`);
  return x;
};
const eventCount = async () =>
  (await h.ctx.db.select({ n: sql<number>`count(*)::int` }).from(caseEvents))[0]?.n ?? 0;
const eventsOf = (id: number) =>
  h.ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.id));
const row = async (id: number) => (await h.ctx.db.select().from(cases).where(eq(cases.id, id)))[0];

async function submit(subject: string): Promise<number> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as(CITIZEN),
    payload: {
      form: 'online',
      purpose: 'claim',
      subject,
      content: `${subject}，已多次向有关部门反映仍未解决，请求依法处理并答复。`,
      jurisdictionCode: '320106',
    },
  });
  expect(res.statusCode).toBe(201);
  expect(res.json().state).toBe('registered');
  return res.json().caseId as number;
}

let zhujian = 0;
/** registered → accepted → handling (assigned to 鼓楼区住建局). */
async function toHandling(subject: string) {
  const id = await submit(subject);
  await h.act('gl_registrar', id, 'accept');
  await h.act('gl_registrar', id, 'assign', { targetUnitId: zhujian, instructions: '请依法办理并答复' });
  return id;
}
/** … → replied → delivered (review window and evaluation start). */
async function toDelivered(subject: string) {
  const id = await toHandling(subject);
  await h.act('gl_handler', id, 'reply', {
    outcome: 'explained',
    request: '请求解决',
    facts: '经查，情况属实。',
    reasons: '依据有关规定。',
    decision: '已责成有关单位处理。',
  });
  const d = await h.act('gl_handler', id, 'deliver', { method: 'online' });
  expect(d.state).toBe('delivered');
  return id;
}

describe('the daily deadline sweep', () => {
  // A: handling (duty clock 'handling', 60 days).
  // B: delivered and rated: closes when the review window lapses.
  // C: reviewed, not rated: evaluation expires and closes when the re-review window lapses.
  // D: review requested, not rated: evaluation expires; the review clock (duty) goes near, overdue.
  let A = 0;
  let B = 0;
  let C = 0;
  let D = 0;
  let W = ''; // the Shanghai date the 30-day clocks of B, C and D end
  let HA = ''; // the date A's handling limit ends

  it('sets up four matters through the API', async () => {
    const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
    zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;

    A = await toHandling('小区路灯损坏长期无人维修');
    B = await toDelivered('楼道堆放杂物存在消防隐患');
    await h.act(CITIZEN, B, 'rate', { bureauRating: 'satisfied', unitRating: 'satisfied' });
    C = await toDelivered('小区绿地被占用改建停车位');
    await h.act(CITIZEN, C, 'request_review', { reason: '问题仍未解决' });
    const c = await h.act('nj_reviewer', C, 'decide_review', {
      outcome: 'uphold',
      facts: '经复查，原处理意见认定事实清楚。',
      reasons: '原处理意见适用依据正确，处理恰当。',
    });
    expect(c.state).toBe('reviewed');
    D = await toDelivered('临街商铺油烟扰民');
    const d = await h.act(CITIZEN, D, 'request_review', { reason: '油烟问题依旧' });
    expect(d.state).toBe('review_requested');

    const a = await detail(A);
    expect(a.state).toBe('handling');
    HA = deadline(a, 'handling').dueDate;
    expect(a.dueAt).toBe(deadline(a, 'handling').due);
    expect(a.dueFlag).toBeNull();
    W = deadline(await detail(D), 'review').dueDate;
    expect(deadline(await detail(D), 'evaluation').dueDate).toBe(W);
    expect(deadline(await detail(B), 'review_window').dueDate).toBe(W);
    expect(deadline(await detail(C), 'evaluation').dueDate).toBe(W);
    expect(deadline(await detail(C), 'rereview_window').dueDate).toBe(W);
    expect((await detail(C)).dueAt).toBeNull(); // no duty clock while the petitioner may ask for re-review
  });

  it('changes nothing today, nor four days before a deadline', async () => {
    expect(await sweep(new Date())).toEqual(ZERO);
    expect(await sweep(at(addDays(W, -4), '23:59:59'))).toEqual(ZERO);
    expect((await row(D))?.dueFlag).toBeNull();
  });

  it('flags a matter near due exactly nearDueDays (3) before its due date, once', async () => {
    const now = at(addDays(W, -3), '00:00:00');
    const before = await eventCount();
    expect(await sweep(now)).toEqual({ ...ZERO, near: 1 });
    const d = await detail(D);
    expect(d.dueFlag).toBe('near');
    const last = d.timeline.at(-1);
    expect(last).toMatchObject({ action: 'deadline', label: '期限提醒', actorRole: null });
    expect(last.detail).toEqual({
      kind: 'near',
      clock: 'review',
      due: deadline(d, 'review').due,
      daysRemaining: 3,
    });
    const r = await row(D);
    expect(r?.updatedAt.toISOString()).toBe(now.toISOString());
    // not on the petitioner's timeline
    const own = await detail(D, CITIZEN);
    expect(own.timeline.some((e: { action: string }) => e.action === 'deadline')).toBe(false);
    // idempotent
    expect(await sweep(now)).toEqual(ZERO);
    expect(await eventCount()).toBe(before + 1);
  });

  it('the list filter due=near lists the flagged matter', async () => {
    const res = await h.app.inject({ url: '/api/v1/cases?due=near', headers: h.as('gl_registrar') });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { id: number }) => i.id)).toEqual([D]);
  });

  it('nothing changes on the last day of the windows', async () => {
    expect(await sweep(at(W, '23:59:00'))).toEqual(ZERO);
    expect((await detail(B)).state).toBe('delivered');
  });

  it('the day after: overdue, evaluations expired, matters closed — two sweeps at once write once', async () => {
    const now = at(addDays(W, 1), '00:00:00');
    const before = await eventCount();
    const versions = Object.fromEntries(
      await Promise.all([B, C, D].map(async (id) => [id, (await row(id))?.version ?? 0])),
    );
    const [r1, r2] = await Promise.all([sweep(now), sweep(now)]);
    const sum = (k: keyof SweepResult) => r1[k] + r2[k];
    expect({
      near: sum('near'),
      overdue: sum('overdue'),
      evaluationsExpired: sum('evaluationsExpired'),
      autoClosed: sum('autoClosed'),
    }).toEqual({ near: 0, overdue: 1, evaluationsExpired: 2, autoClosed: 2 });
    // D: 1 overdue + 1 evaluation_expired; C: evaluation_expired + close; B: close
    expect(await eventCount()).toBe(before + 5);

    // D: overdue on its review clock, evaluation expired, still under review
    const d = await detail(D);
    expect(d).toMatchObject({ state: 'review_requested', dueFlag: 'overdue' });
    expect(d.evaluation.status).toBe('expired');
    expect(deadline(d, 'evaluation').running).toBe(false);
    expect(d.timeline.slice(-2).map((e: { detail: unknown }) => e.detail)).toEqual([
      { kind: 'overdue', clock: 'review', due: deadline(d, 'review').due, daysOverdue: 1 },
      { kind: 'evaluation_expired', clock: 'evaluation', due: deadline(d, 'evaluation').due },
    ]);
    expect((await row(D))?.version).toBe(versions[D] + 1);

    // B: closed when the review window lapsed (rated, so no evaluation change)
    const b = await detail(B);
    expect(b).toMatchObject({ state: 'closed', stateName: '已办结' });
    expect(b.evaluation.status).toBe('rated');
    expect(b.units.current).toBeNull();
    expect(deadline(b, 'review_window').running).toBe(false);
    expect(b.timeline.at(-1)).toMatchObject({
      action: 'close',
      fromState: 'delivered',
      toState: 'closed',
      actorRole: null,
      detail: { auto: true, reason: '复查申请期限届满' },
    });
    const rb = await row(B);
    expect(rb?.closedAt?.toISOString()).toBe(now.toISOString());
    expect(rb?.currentUnitId).toBeNull();
    expect(rb?.version).toBe(versions[B] + 1);
    expect(deadline(b, 'review_window').due).toBe(
      (rb?.clocks as Record<string, { due: string }> | undefined)?.review_window?.due,
    );
    expect((rb?.clocks as Record<string, { stoppedAt?: string }> | undefined)?.review_window?.stoppedAt).toBe(
      now.toISOString(),
    );

    // C: evaluation expired and closed when the re-review window lapsed, in one change
    const c = await detail(C);
    expect(c.state).toBe('closed');
    expect(c.evaluation.status).toBe('expired');
    expect(deadline(c, 'rereview_window').running).toBe(false);
    expect(
      c.timeline.slice(-2).map((e: { action: string; detail: unknown }) => [e.action, e.detail]),
    ).toEqual([
      ['deadline', { kind: 'evaluation_expired', clock: 'evaluation', due: deadline(c, 'evaluation').due }],
      [
        'close',
        {
          auto: true,
          reason: '复核申请期限届满',
          clock: 'rereview_window',
          due: deadline(c, 'rereview_window').due,
        },
      ],
    ]);
    expect((await row(C))?.version).toBe(versions[C] + 1);

    // the petitioner sees the closing, cannot rate or ask for review any more
    const own = await detail(C, CITIZEN);
    expect(own.timeline.at(-1)).toMatchObject({ action: 'close' });
    expect(own.timeline.some((e: { action: string }) => e.action === 'deadline')).toBe(false);
    expect(own.availableActions).toEqual([]);
  });

  it('is idempotent: a second run the same day changes nothing', async () => {
    const now = at(addDays(W, 1), '00:00:00');
    const before = await eventCount();
    const snapshot = await h.ctx.db.select().from(cases).orderBy(asc(cases.id));
    expect(await sweep(now)).toEqual(ZERO);
    expect(await sweep(at(addDays(W, 2)))).toEqual(ZERO); // nor the next day
    expect(await eventCount()).toBe(before);
    expect(await h.ctx.db.select().from(cases).orderBy(asc(cases.id))).toEqual(snapshot);
  });

  it('A: near at exactly 3 days before its handling limit, overdue the day after', async () => {
    expect(await sweep(at(addDays(HA, -4), '12:00:00'))).toEqual(ZERO);
    expect(await sweep(at(addDays(HA, -3), '00:00:00'))).toEqual({ ...ZERO, near: 1 });
    expect(await sweep(at(HA, '23:59:00'))).toEqual(ZERO); // the last day: still near, not overdue
    const overdueAt = at(addDays(HA, 1), '00:00:00');
    expect(await sweep(overdueAt)).toEqual({ ...ZERO, overdue: 1 });
    expect(await sweep(overdueAt)).toEqual(ZERO);
    const a = await detail(A);
    expect(a.dueFlag).toBe('overdue');
    const flags = (await eventsOf(A)).filter((e) => e.action === 'deadline');
    expect(flags.map((e) => [e.public, e.detail])).toEqual([
      [false, { kind: 'near', clock: 'handling', due: deadline(a, 'handling').due, daysRemaining: 3 }],
      [false, { kind: 'overdue', clock: 'handling', due: deadline(a, 'handling').due, daysOverdue: 1 }],
    ]);
    expect(a.state).toBe('handling'); // a duty deadline never changes the state
  });

  it('one audit row per batch, no personal data, the chain still verifies', async () => {
    const rows = await h.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'case.deadline_sweep'));
    // near D; overdue D + expiries + closings (one batch per pass); near A; overdue A
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows) {
      expect(r.actorUserId).toBeNull();
      expect(JSON.stringify(r.summary)).not.toContain(CITIZEN);
    }
    const all = rows.flatMap((r) => (r.summary as { caseIds: number[] }).caseIds);
    expect(new Set(all)).toEqual(new Set([A, B, C, D]));
    expect((await verifyAuditChain(h.ctx.db)).ok).toBe(true);
  });

  it('walks in batches: a tiny batch size gives the same result', async () => {
    const E = await toHandling('公交站台雨棚破损');
    const F = await toHandling('人行道井盖缺失');
    const G = await toHandling('小区门口占道经营');
    const due = deadline(await detail(E), 'handling').dueDate;
    expect(await runDeadlineSweep(h.ctx, at(addDays(due, -2)), { batchSize: 1 })).toEqual({
      ...ZERO,
      near: 3,
    });
    expect(await runDeadlineSweep(h.ctx, at(addDays(due, 5)), { batchSize: 2 })).toEqual({
      ...ZERO,
      overdue: 3,
    });
    expect(await runDeadlineSweep(h.ctx, at(addDays(due, 5)), { batchSize: 1 })).toEqual(ZERO);
    for (const id of [E, F, G]) expect((await row(id))?.dueFlag).toBe('overdue');
  });

  it('stops before the next batch when asked to (shutdown)', async () => {
    const abort = new AbortController();
    abort.abort();
    const H = await toHandling('小区健身器材损坏');
    const due = deadline(await detail(H), 'handling').dueDate;
    const later = at(addDays(due, 1));
    expect(await runDeadlineSweep(h.ctx, later, { signal: abort.signal })).toEqual(ZERO);
    expect((await row(H))?.dueFlag).toBeNull();
    expect(await runDeadlineSweep(h.ctx, later)).toEqual({ ...ZERO, overdue: 1 });
    expect((await row(H))?.dueFlag).toBe('overdue');
  });

  it('the list filter due=overdue lists the overdue matters (clock moved past the deadline)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(at(addDays(HA, 1), '10:00:00'));
      const token = await h.login('gl_registrar'); // sessions are checked against the (moved) clock
      const res = await h.app.inject({
        url: '/api/v1/cases?due=overdue&pageSize=200',
        headers: bearer(token),
      });
      expect(res.statusCode).toBe(200);
      const items: { id: number; dueFlag: string; daysRemaining: number }[] = res.json().items;
      expect(items.map((i) => i.id)).toEqual(expect.arrayContaining([A, D]));
      expect(items.find((i) => i.id === A)).toMatchObject({ dueFlag: 'overdue', daysRemaining: -1 });
      expect(items.map((i) => i.id)).not.toContain(B);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the scheduler', () => {
  it('computes the next daily run on the Shanghai clock', () => {
    // 2026-11-27 00:30 Shanghai = 2026-11-26T16:30Z → today 01:00 Shanghai
    expect(nextDailyRun('01:00', new Date('2026-11-26T16:30:00Z')).toISOString()).toBe(
      '2026-11-26T17:00:00.000Z',
    );
    // exactly at 01:00 → tomorrow
    expect(nextDailyRun('01:00', new Date('2026-11-26T17:00:00Z')).toISOString()).toBe(
      '2026-11-27T17:00:00.000Z',
    );
    // 09:00 Shanghai on the 27th → 01:00 on the 28th
    expect(nextDailyRun('01:00', new Date('2026-11-27T01:00:00Z')).toISOString()).toBe(
      '2026-11-27T17:00:00.000Z',
    );
    expect(nextDailyRun('23:30', new Date('2026-12-31T16:00:00Z')).toISOString()).toBe(
      '2027-01-01T15:30:00.000Z',
    );
    expect(() => nextDailyRun('25:00', new Date())).toThrow(RangeError);
    expect(() => startScheduler(h.ctx, { dailyAt: '1am' })).toThrow(RangeError);
  });

  it('runs a sweep shortly after start and logs a summary without personal data', async () => {
    const { log, lines, logged } = captureLog();
    const s = startScheduler({ ...h.ctx, log }, { initialDelayMs: 0, intervalMs: 60_000 });
    await logged(1);
    await s.stop();
    expect(lines[0]).toMatchObject({ level: 30, job: 'deadline_sweep', near: 0, overdue: 0 });
    expect(String(lines[0]?.msg)).toContain('日监测完成');
    expect(JSON.stringify(lines)).not.toContain(CITIZEN);
  });

  it('logs a failing sweep instead of throwing, and keeps going', async () => {
    const { log, lines, logged } = captureLog();
    const broken = new Proxy({} as AppContext['db'], {
      get() {
        throw new Error('database unavailable');
      },
    });
    const s = startScheduler({ ...h.ctx, db: broken, log }, { initialDelayMs: 0, intervalMs: 30 });
    await logged(2);
    await s.stop();
    expect(lines[0]).toMatchObject({ level: 50, job: 'deadline_sweep' });
    expect(String(lines[0]?.msg)).toContain('日监测失败');
  });

  it('only one node sweeps at a time (advisory lock on PostgreSQL; one process per data dir on PGlite)', async () => {
    const pool = h.ctx.database.pool;
    if (!pool) {
      // Embedded: the data-dir lock already allows one process, so the job runs without a lock.
      expect(h.ctx.database.kind).toBe('pglite');
      expect(await runDailyJobs(h.ctx)).toEqual(ZERO);
      return;
    }
    const other = await pool.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [DAILY_JOBS_LOCK_KEY]);
      expect(await runDailyJobs(h.ctx)).toBeNull();
      const { log, lines, logged } = captureLog();
      const s = startScheduler({ ...h.ctx, log }, { initialDelayMs: 0, intervalMs: 60_000 });
      await logged(1);
      await s.stop();
      expect(String(lines[0]?.msg)).toContain('跳过');
      await other.query('SELECT pg_advisory_unlock($1)', [DAILY_JOBS_LOCK_KEY]);
      expect(await runDailyJobs(h.ctx)).toEqual(ZERO);
      // the lock was released after the run
      const { rows } = await other.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
        DAILY_JOBS_LOCK_KEY,
      ]);
      expect(rows[0]?.ok).toBe(true);
      await other.query('SELECT pg_advisory_unlock($1)', [DAILY_JOBS_LOCK_KEY]);
    } finally {
      other.release();
    }
  });
});

describe('the daily slot (several processes scheduling the same run)', () => {
  it('a slot runs once: the second process to reach it finds it finished and skips', async () => {
    const slot = previousDailyRun('01:00', new Date());
    expect(slot.getTime()).toBeLessThanOrEqual(Date.now());
    expect(nextDailyRun('01:00', slot).getTime()).toBeGreaterThan(Date.now() - 1000);
    expect(await runDailyJobs(h.ctx, new Date(), undefined, slot)).not.toBeNull();
    expect(await runDailyJobs(h.ctx, new Date(), undefined, slot)).toBeNull();
    const runs = await h.ctx.db.select().from(jobRuns).where(eq(jobRuns.slot, slot));
    expect(runs).toHaveLength(1);
    expect(runs[0]?.finishedAt).not.toBeNull();
    // The next day's slot is another run; a run without a slot (the CLI) always runs.
    expect(await runDailyJobs(h.ctx, new Date(), undefined, nextDailyRun('01:00', slot))).not.toBeNull();
    expect(await runDailyJobs(h.ctx)).not.toBeNull();
  });

  it('a slot whose run was stopped midway (shutdown) is run again by the next process', async () => {
    const slot = new Date(previousDailyRun('01:00', new Date()).getTime() - 7 * 86_400_000);
    const stop = new AbortController();
    stop.abort();
    expect(await runDailyJobs(h.ctx, new Date(), stop.signal, slot)).not.toBeNull();
    const [left] = await h.ctx.db.select().from(jobRuns).where(eq(jobRuns.slot, slot));
    expect(left?.finishedAt).toBeNull();
    expect(await runDailyJobs(h.ctx, new Date(), undefined, slot)).not.toBeNull();
    const [done] = await h.ctx.db.select().from(jobRuns).where(eq(jobRuns.slot, slot));
    expect(done?.finishedAt).not.toBeNull();
  });
});
