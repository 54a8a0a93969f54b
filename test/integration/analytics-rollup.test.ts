// The rollups kept current by intake, the lifecycle engine, the daily sweep and the seed agree with
// a direct count over `cases` and `case_events` (written here independently, in SQL), also when many
// transactions write them at once (each into its own shard), and `analytics rebuild` reproduces
// exactly the counts kept incrementally. Every read here sums over the shards.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../src/analytics/rebuild.ts';
import { addRollups } from '../../src/analytics/rollup.ts';
import { addDays, shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { runDeadlineSweep } from '../../src/jobs/deadlines.ts';
import { seedBacklog } from '../../src/seed/backlog.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { letter } from '../helpers/builders.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let zhujian = 0;
const USERS = [
  '13900000001',
  'gl_registrar',
  'gl_handler',
  'gl_supervisor',
  'gl_analyst',
  'gl_leader',
  'gl_reviewer',
  'js_registrar',
  'nj_reviewer',
] as const;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(USERS);
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  zhujian = units.find((u: { deptKey: string }) => u.deptKey === 'zhujian').id;
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const register = (user: string, extra: Record<string, unknown> = {}) =>
  h.register(user, letter(undefined, { categoryCode: '010000', ...extra }));

const rows = async (q: ReturnType<typeof sql>) =>
  ((await h.ctx.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;

// Shanghai calendar day of a timestamptz expression, without time-zone data.
const DAY = (e: string) => `to_char((${e} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;

/** Every counter of dim 'all' per (day, place), counted straight from the base tables. */
async function directCounts(): Promise<Map<string, Record<string, number>>> {
  const regEvents = `case_events e JOIN cases c ON c.id = e.case_id
    WHERE e.action = 'link_repeat' AND e.detail->>'repeatCaseId' IS NULL AND e.detail->>'targetCaseId' IS NULL`;
  const parts: [string, string][] = [
    [
      `SELECT ${DAY('received_at')} d, jurisdiction_code p, 1 total, (form='online')::int online, (form='visit')::int visits,
        skipped_level::int skipped_level, (NOT first_time)::int repeats, is_group::int group_batches,
        CASE WHEN is_group THEN people_count ELSE 0 END group_persons FROM cases`,
      'total,online,visits,skipped_level,repeats,group_batches,group_persons',
    ],
    [
      `SELECT ${DAY("(e.detail->>'receivedAt')::timestamptz")} d, c.jurisdiction_code p, 1 total,
        (e.detail->>'form'='online')::int online, (e.detail->>'form'='visit')::int visits, 1 repeats FROM ${regEvents}`,
      'total,online,visits,repeats',
    ],
    [
      `SELECT ${DAY("(clocks->'acceptance'->>'stoppedAt')::timestamptz")} d, jurisdiction_code p, 1 acceptance_decided,
        ((clocks->'acceptance'->>'stoppedAt')::timestamptz <= (clocks->'acceptance'->>'due')::timestamptz)::int accepted_timely
        FROM cases WHERE clocks->'acceptance'->>'stoppedAt' IS NOT NULL`,
      'acceptance_decided,accepted_timely',
    ],
    [
      `SELECT ${DAY("(clocks->'handling'->>'stoppedAt')::timestamptz")} d, jurisdiction_code p, 1 completed,
        ((clocks->'handling'->>'stoppedAt')::timestamptz <= (clocks->'handling'->>'due')::timestamptz)::int completed_on_time
        FROM cases WHERE clocks->'handling'->>'stoppedAt' IS NOT NULL`,
      'completed,completed_on_time',
    ],
    [
      `SELECT ${DAY('rated_at')} d, jurisdiction_code p, 1 rated, 1 ratable,
        (unit_rating IN ('satisfied','basically_satisfied'))::int satisfied,
        (bureau_rating IN ('satisfied','basically_satisfied'))::int bureau_satisfied
        FROM cases WHERE rated_at IS NOT NULL`,
      'rated,ratable,satisfied,bureau_satisfied',
    ],
    [
      `SELECT ${DAY("(clocks->'evaluation'->>'due')::timestamptz")} d, jurisdiction_code p, 1 ratable
        FROM cases WHERE rated_at IS NULL AND evaluation_status = 'expired'`,
      'ratable',
    ],
    [
      `SELECT ${DAY('m.identified_at')} d, c.jurisdiction_code p, 1 backlog, (m.status = 'resolved')::int backlog_resolved
        FROM backlog_matters m JOIN cases c ON c.id = m.case_id
        WHERE m.identified_at IS NOT NULL AND m.status IN ('identified', 'closing', 'resolved', 'unflagging')`,
      'backlog,backlog_resolved',
    ],
  ];
  const out = new Map<string, Record<string, number>>();
  for (const [query, cols] of parts) {
    const names = cols.split(',');
    const sums = names.map((c) => `sum(${c})::int ${c}`).join(', ');
    for (const r of await rows(sql.raw(`SELECT d, p, ${sums} FROM (${query}) x GROUP BY d, p`))) {
      const key = `${r.d}|${r.p}`;
      const acc = out.get(key) ?? {};
      for (const c of names) acc[c] = (acc[c] ?? 0) + Number(r[c]);
      out.set(key, acc);
    }
  }
  return out;
}

const COUNTERS =
  'total,online,visits,skipped_level,repeats,group_batches,group_persons,acceptance_decided,accepted_timely,completed,completed_on_time,rated,ratable,satisfied,bureau_satisfied,backlog,backlog_resolved'.split(
    ',',
  );

async function rolledUp(table: 'stats_daily' | 'stats_monthly', dim = 'all') {
  const out = new Map<string, Record<string, number>>();
  for (const r of await rows(
    sql.raw(`SELECT to_char(period, 'YYYY-MM-DD') d, jurisdiction_code p, key,
        ${COUNTERS.map((c) => `sum(${c})::int ${c}`).join(', ')}
      FROM ${table} WHERE dim = '${dim}' GROUP BY 1, 2, 3`),
  )) {
    const key = dim === 'all' ? `${r.d}|${r.p}` : `${r.d}|${r.p}|${r.key}`;
    const acc: Record<string, number> = {};
    for (const c of COUNTERS) if (Number(r[c]) !== 0) acc[c] = Number(r[c]);
    out.set(key, acc);
  }
  return out;
}

const nonZero = (m: Map<string, Record<string, number>>) =>
  new Map(
    [...m]
      .map(([k, v]) => [k, Object.fromEntries(Object.entries(v).filter(([, x]) => x !== 0))] as const)
      .filter(([, v]) => Object.keys(v).length > 0),
  );

async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const t of ['stats_daily', 'stats_monthly']) {
    out[t] = await rows(
      sql.raw(`SELECT to_char(period,'YYYY-MM-DD') period, jurisdiction_code, dim, key,
          ${COUNTERS.map((c) => `sum(${c})::int ${c}`).join(', ')}
        FROM ${t} GROUP BY 1, 2, 3, 4 HAVING ${COUNTERS.map((c) => `sum(${c}) <> 0`).join(' OR ')}
        ORDER BY 1, 2, 3, 4`),
    );
  }
  out.stats_open = await rows(
    sql.raw(`SELECT unit_id, jurisdiction_code, sum(open)::int open, sum(near)::int near,
        sum(overdue)::int overdue
      FROM stats_open GROUP BY 1, 2 HAVING sum(open) <> 0 OR sum(near) <> 0 OR sum(overdue) <> 0
      ORDER BY 1, 2`),
  );
  return out;
}

async function expectRollupsMatchBaseTables() {
  // Daily rows (dim 'all') equal the direct count, day by day and place by place.
  expect(nonZero(await rolledUp('stats_daily'))).toEqual(nonZero(await directCounts()));
  // Monthly rows are the daily rows summed; every other breakdown sums to 'all'.
  const check = async (q: string) => expect(await rows(sql.raw(q))).toEqual([]);
  const sumCols = COUNTERS.map((c) => `sum(${c})::int ${c}`).join(', ');
  await check(`
    (SELECT date_trunc('month', period)::date m, jurisdiction_code, dim, key, ${sumCols} FROM stats_daily GROUP BY 1,2,3,4
     EXCEPT SELECT period, jurisdiction_code, dim, key, ${sumCols} FROM stats_monthly GROUP BY 1,2,3,4)
    UNION ALL
    (SELECT period, jurisdiction_code, dim, key, ${sumCols} FROM stats_monthly GROUP BY 1,2,3,4
     EXCEPT SELECT date_trunc('month', period)::date m, jurisdiction_code, dim, key, ${sumCols} FROM stats_daily GROUP BY 1,2,3,4)`);
  for (const dim of ['category', 'form', 'purpose', 'unit']) {
    await check(`
      SELECT period, jurisdiction_code, ${sumCols} FROM stats_daily WHERE dim = 'all' GROUP BY 1, 2
      EXCEPT SELECT period, jurisdiction_code, ${sumCols} FROM stats_daily WHERE dim = '${dim}' GROUP BY 1, 2`);
  }
  // Registrations by form (a linked repeat carries the form it came in by).
  const byForm = `SELECT ${DAY('received_at')}::date d, form f FROM cases
    UNION ALL SELECT ${DAY("(detail->>'receivedAt')::timestamptz")}::date, detail->>'form' FROM case_events
      WHERE action = 'link_repeat' AND detail->>'repeatCaseId' IS NULL AND detail->>'targetCaseId' IS NULL`;
  const rolled = `SELECT period, key, sum(total)::int FROM stats_daily WHERE dim = 'form' GROUP BY 1, 2 HAVING sum(total) > 0`;
  await check(`(SELECT d, f, count(*)::int FROM (${byForm}) x GROUP BY 1, 2 EXCEPT ${rolled})
    UNION ALL (${rolled} EXCEPT SELECT d, f, count(*)::int FROM (${byForm}) x GROUP BY 1, 2)`);
  // Open matters now, per holding unit.
  const open = await rows(sql`
    SELECT current_unit_id AS unit, count(*)::int AS open, count(*) FILTER (WHERE due_flag = 'near')::int AS near,
      count(*) FILTER (WHERE due_flag = 'overdue')::int AS overdue
    FROM cases WHERE current_unit_id IS NOT NULL
      AND state NOT IN ('closed', 'final', 'not_accepted', 'channelled', 'settled')
    GROUP BY 1 ORDER BY 1`);
  const kept = await rows(sql`
    SELECT unit_id AS unit, sum(open)::int AS open, sum(near)::int AS near, sum(overdue)::int AS overdue
    FROM stats_open GROUP BY 1 HAVING sum(open) <> 0 OR sum(near) <> 0 OR sum(overdue) <> 0 ORDER BY 1`);
  expect(kept).toEqual(open);
}

/** Today's totals in 鼓楼区 (the indicators API, as an analyst sees them). */
async function todayTotals(): Promise<{ total: number; acceptanceDecided: number; backlog: number }> {
  const today = shanghaiDate(new Date());
  const res = await h.app.inject({
    url: `/api/v1/analytics/indicators?from=${today}&to=${today}&scope=320106`,
    headers: h.as('gl_analyst'),
  });
  expect(res.statusCode).toBe(200);
  return res.json().totals;
}

/** Open matters held by a unit now (overdue-by-unit API). */
async function openOf(unitId: number): Promise<number> {
  const res = await h.app.inject({
    url: '/api/v1/analytics/overdue-by-unit?scope=320106',
    headers: h.as('gl_analyst'),
  });
  expect(res.statusCode).toBe(200);
  return res.json().rows.find((r: { unitId: number }) => r.unitId === unitId)?.open ?? 0;
}

describe('rollups', () => {
  it('agree with a direct count after seeding, intake, every kind of action and the sweep', async () => {
    await seedCases(h.ctx.db, h.ctx.pii, { count: 400, seed: 11 });
    await seedBacklog(h.ctx, { seed: 11 });
    expect(
      Number((await rows(sql`SELECT count(*) n FROM backlog_matters WHERE identified_at IS NOT NULL`))[0]?.n),
    ).toBeGreaterThan(0);
    await expectRollupsMatchBaseTables();

    // Online petition: accepted, assigned, replied, delivered, rated, flagged as backlog, closed.
    const a = await register('13900000001', { form: 'online', petitioner: undefined });
    await h.act('gl_registrar', a.caseId, 'accept');
    await h.act('gl_registrar', a.caseId, 'assign', { targetUnitId: zhujian });
    await h.act('gl_handler', a.caseId, 'reply', {
      outcome: 'supported',
      request: '拆除违建',
      facts: '经查属实',
      reasons: '依法应当拆除',
      decision: '限期拆除',
    });
    await h.act('gl_handler', a.caseId, 'deliver', { method: 'online' });
    await h.act('13900000001', a.caseId, 'rate', { bureauRating: 'satisfied', unitRating: 'dissatisfied' });
    await h.act('gl_registrar', a.caseId, 'close', {});
    // 积案 (src/backlog): identified by the city bureau, then unflagged again — counted, then taken back.
    const backlog = async (user: string, url: string, payload: Record<string, unknown>) => {
      const res = await h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const f = await register('gl_registrar');
    await h.act('gl_registrar', f.caseId, 'accept');
    const matter = await backlog('gl_supervisor', '/backlog', {
      caseId: f.caseId,
      reason: '久拖未决',
      level: 'county',
      responsibleUnitId: zhujian,
      deadline: addDays(shanghaiDate(new Date()), 60),
    });
    await backlog('nj_reviewer', `/backlog/${matter.id}/actions`, { action: 'approve', note: '予以认定' });
    const identifiedDay = await todayTotals();
    await expectRollupsMatchBaseTables();
    await backlog('gl_supervisor', `/backlog/${matter.id}/actions`, {
      action: 'request_unflag',
      note: '已依法终结',
    });
    await backlog('nj_reviewer', `/backlog/${matter.id}/actions`, { action: 'approve_unflag', note: '同意' });
    expect((await todayTotals()).backlog).toBe(identifiedDay.backlog - 1);
    // Not accepted; settled by the bureau itself; a group visit registered two levels up (越级).
    const b = await register('gl_registrar');
    await h.act('gl_registrar', b.caseId, 'not_accept', {
      reasonCode: 'NOT_IN_REMIT',
      reasonText: '不属于本机关职权',
    });
    const c = await register('gl_registrar', { purpose: 'suggestion' });
    await h.act('gl_registrar', c.caseId, 'accept');
    await h.act('gl_registrar', c.caseId, 'settle', { kind: 'mediation', agreement: '双方达成调解协议' });
    await register('js_registrar', {
      form: 'visit',
      peopleCount: 9,
      representatives: [{ name: '代表甲' }, { name: '代表乙' }],
    });
    // Received weeks ago (acceptance overdue), then a repeat petition by phone linked to it.
    const dPetitioner = { name: '王五', phone: '13812349999' };
    const d = await register('gl_registrar', {
      receivedAt: '2026-10-09T09:00:00+08:00',
      petitioner: dPetitioner,
    });
    const rep = await register('gl_registrar', {
      form: 'phone',
      subject: '再次反映',
      petitioner: dPetitioner,
      previousCaseNumber: d.caseNumber,
    });
    expect(rep.caseId).toBe(d.caseId);
    // A registered case the registrar links as a repeat of the open one (link_repeat action).
    const g = await register('gl_registrar', { form: 'visit' });
    await h.act('gl_registrar', g.caseId, 'link_repeat', { targetCaseId: d.caseId });
    // Replied and delivered by the bureau; the sweep 40 days on lets the evaluation and review lapse.
    const e = await register('gl_registrar');
    await h.act('gl_registrar', e.caseId, 'accept');
    await h.act('gl_registrar', e.caseId, 'reply', {
      outcome: 'explained',
      request: '请求',
      facts: '事实',
      reasons: '理由',
      decision: '意见',
    });
    await h.act('gl_registrar', e.caseId, 'deliver', { method: 'post' });
    await expectRollupsMatchBaseTables();

    await runDeadlineSweep(h.ctx);
    const later = new Date(`${addDays(shanghaiDate(new Date()), 40)}T12:00:00+08:00`);
    const r = await runDeadlineSweep(h.ctx, later);
    expect(r.evaluationsExpired).toBeGreaterThan(0);
    expect(r.autoClosed).toBeGreaterThan(0);
    await expectRollupsMatchBaseTables();
  }, 300_000);

  it('many concurrent intakes and actions of one day and place add up exactly', async () => {
    const [before, openBefore] = [await todayTotals(), await openOf(zhujian)];
    // On PostgreSQL these run on several pooled connections, i.e. in several shards at once.
    const N = 16;
    const made = await Promise.all(Array.from({ length: N }, () => register('gl_registrar')));
    await Promise.all(made.map((c) => h.act('gl_registrar', c.caseId, 'accept')));
    await Promise.all(made.map((c) => h.act('gl_registrar', c.caseId, 'assign', { targetUnitId: zhujian })));
    const after = await todayTotals();
    expect(after.total - before.total).toBe(N);
    expect(after.acceptanceDecided - before.acceptanceDecided).toBe(N);
    expect(await openOf(zhujian)).toBe(openBefore + N);
    await expectRollupsMatchBaseTables();
  }, 300_000);

  it('a count split over shards reads as its sum, also when one shard holds a negative part', async () => {
    const today = shanghaiDate(new Date());
    const read = async () => ({
      byCategory: (
        await h.app.inject({
          url: `/api/v1/analytics/indicators?from=${today}&to=${today}&scope=320106&groupBy=category`,
          headers: h.as('gl_analyst'),
        })
      ).json(),
      overdue: (
        await h.app.inject({
          url: '/api/v1/analytics/overdue-by-unit?scope=320106',
          headers: h.as('gl_analyst'),
        })
      ).json(),
    });
    const before = await read();
    // A matter opened (and flagged overdue) in shard 5 and moved on in shard 3: shard 3's row
    // for 住建 ends up at −1 while the sum is unchanged; likewise two registrations (5: +2, 3: −2).
    const [shard3] = await rows(sql`SELECT coalesce(sum(open), 0)::int n FROM stats_open
      WHERE unit_id = ${zhujian} AND jurisdiction_code = '320106' AND shard = 3`);
    const k = Number(shard3?.n) + 1;
    const reg = (total: number, online: number) => ({
      day: today,
      place: '320106',
      category: '010000',
      subcategory: null,
      form: 'letter',
      purpose: 'claim',
      unitId: zhujian,
      counters: { total, online },
    });
    const open = (m: number) => [{ unitId: zhujian, place: '320106', open: m, near: 0, overdue: m }];
    await h.ctx.db.transaction(async (tx) => {
      await addRollups(tx, [reg(2, 1)], open(k), { shard: 5 });
      await addRollups(tx, [reg(-2, -1)], open(-k), { shard: 3 });
    });
    expect(
      await rows(sql`SELECT open FROM stats_open
        WHERE unit_id = ${zhujian} AND jurisdiction_code = '320106' AND shard = 3`),
    ).toEqual([{ open: -1 }]);
    expect(await read()).toEqual(before);
    await expectRollupsMatchBaseTables();
  });

  it('rebuild reproduces the incrementally kept rows, in full and for a range of months', async () => {
    const kept = await snapshot();
    expect((kept.stats_daily as unknown[]).length).toBeGreaterThan(100);
    const r = await rebuildRollups(h.ctx.db, { chunk: 97 });
    expect(r.cases).toBeGreaterThan(400);
    expect(await snapshot()).toEqual(kept);
    // The rebuilt rows are all in shard 0, the others are cleared.
    expect(
      await rows(sql`SELECT DISTINCT shard FROM stats_daily UNION SELECT DISTINCT shard FROM stats_monthly
        UNION SELECT DISTINCT shard FROM stats_open`),
    ).toEqual([{ shard: 0 }]);
    // Spoil one month, rebuild that month only.
    await h.ctx.db.execute(
      sql`UPDATE stats_daily SET total = total + 5 WHERE period >= '2026-10-01' AND period < '2026-11-01'`,
    );
    await h.ctx.db.execute(sql`DELETE FROM stats_monthly WHERE period = '2026-10-01'`);
    await rebuildRollups(h.ctx.db, { from: '2026-10-15', to: '2026-10-20' });
    expect(await snapshot()).toEqual(kept);
  }, 300_000);
});
