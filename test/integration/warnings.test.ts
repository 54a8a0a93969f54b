// Early warnings end to end: extreme-risk content at intake (warning + supervisor SMS in the same
// transaction), the daily scan (overdue unit, repeat petitioner, group event, growth) once only,
// special periods tightening thresholds and sending a daily digest, acknowledgement, and scope; the
// analysts of the place's bureau and the level above are told of each new warning in their inbox.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollupCases } from '../../src/analytics/rollup.ts';
import { auditLog, cases, outbox, units, users, warnings } from '../../src/db/schema.ts';
import { runDailyJobs } from '../../src/jobs/scheduler.ts';
import { runWarningScan } from '../../src/warnings/scan.ts';
import { letter } from '../helpers/builders.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const PHONES: Record<string, string> = {
  gl_supervisor: '13700000001',
  nj_supervisor: '13700000002',
  js_supervisor: '13700000003',
};
const DAY = 86_400_000;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    '13900000001',
    'gl_registrar',
    'gl_handler',
    'gl_supervisor',
    'gl_admin',
    'nj_registrar',
    'nj_supervisor',
    'nj_analyst',
    'nj_admin',
    'js_supervisor',
  ]);
  // Supervisors with a mobile number on file (staff accounts are created without one in the demo).
  for (const [username, phone] of Object.entries(PHONES)) {
    await h.ctx.db
      .update(users)
      .set({ phoneEnc: h.ctx.pii.encrypt(phone), phoneHash: h.ctx.pii.hash(phone) })
      .where(eq(users.username, username));
  }
});
afterAll(async () => {
  await h?.close();
});

const as = (user: string) => h.as(user);
const register = (user: string, extra: Record<string, unknown> = {}) =>
  h.register(user, letter(undefined, extra));
async function list(user: string, query = '') {
  const res = await h.app.inject({ url: `/api/v1/warnings${query}`, headers: as(user) });
  return res;
}
type Item = {
  id: number;
  kind: string;
  level: string;
  caseIds: number[];
  cases: { id: number; caseNumber: string }[];
  jurisdiction: { code: string };
};
const items = async (user: string, query = ''): Promise<Item[]> => (await list(user, query)).json().items;

describe('extreme risk at intake', () => {
  it('raises a high warning linked to the case and texts the supervisors of the place, without personal data', async () => {
    const before = h.sms.sent.length;
    const c = await register('gl_registrar', {
      subject: '拖欠工资问题',
      content: '公司拖欠工资一年多，我实在活不下去了，再不解决就去跳楼。',
      petitioner: { name: '王五', phone: '13812345678', idNumber: '11010519491231002X' },
    });
    const risk = (await items('gl_supervisor', '?kind=extreme_risk')).filter((w) =>
      w.caseIds.includes(c.caseId),
    );
    expect(risk).toHaveLength(1);
    expect(risk[0]).toMatchObject({ level: 'high', jurisdiction: { code: '320106' } });
    // The page names the case by its 信访件编号, as people do, not by an internal id.
    expect(risk[0]?.cases).toEqual([{ id: c.caseId, caseNumber: c.caseNumber }]);
    // Queued in the registration's transaction, to the county and city supervisors only.
    const queued = await h.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.caseId, c.caseId), eq(outbox.template, 'warning_extreme_risk')));
    expect(queued.map((r) => r.recipientMasked).sort()).toEqual(['137****0001', '137****0002']);
    await h.settle();
    const sent = h.sms.sent.slice(before).filter((m) => m.template === 'warning_extreme_risk');
    expect(sent.map((m) => m.to).sort()).toEqual([PHONES.gl_supervisor, PHONES.nj_supervisor]);
    for (const m of sent) {
      expect(m.body).toContain(c.caseNumber);
      expect(m.body).not.toMatch(/王五|13812345678|11010519491231002X|跳楼/);
    }
  });

  it('does not warn on ordinary or negated text', async () => {
    const c = await register('gl_registrar', { content: '我不会轻生，只希望尽快解决物业费问题。' });
    const all = await h.ctx.db.select().from(warnings).where(eq(warnings.kind, 'extreme_risk'));
    expect(all.some((w) => w.caseIds.includes(c.caseId))).toBe(false);
  });
});

describe('daily scan', () => {
  const old = () => new Date(Date.now() - 40 * DAY).toISOString();
  const overdueIds: number[] = [];
  const repeatIds: number[] = [];

  beforeAll(async () => {
    // Ten letters received 40 days ago, never accepted: overdue at 鼓楼区信访局.
    for (let i = 0; i < 10; i++)
      overdueIds.push((await register('gl_registrar', { receivedAt: old() })).caseId);
    // One petitioner, five petitions: three matters and two repeats linked to the first.
    const same = { name: '赵六', idNumber: '320106198001010011', phone: '13955556666' };
    for (const subject of ['征收补偿问题', '低保申请问题', '医保报销问题', '征收补偿问题', '征收补偿问题']) {
      const r = await register('gl_registrar', { subject, petitioner: same });
      if (!repeatIds.includes(r.caseId)) repeatIds.push(r.caseId);
    }
    // Ten different people from 玄武区 about pollution within a week.
    const topics = ['化工厂夜间排放异味', '河道发黑发臭', '工地扬尘严重', '餐馆油烟扰民', '垃圾站渗滤液外溢'];
    for (let i = 0; i < 10; i++) {
      await register('nj_registrar', {
        jurisdictionCode: '320102',
        categoryCode: '130000',
        subject: `${topics[i % 5]}（${i}）`,
        content: `${topics[i % 5]}，影响周边居民第${i}户生活，请求环保部门查处。`,
      });
    }
  });

  it('creates overdue, repeat and group warnings, once however often it runs', async () => {
    expect(await runDailyJobs(h.ctx)).not.toBeNull(); // deadline sweep flags overdue, then the scan
    const first = await h.ctx.db.select().from(warnings);
    const overdue = first.find((w) => w.kind === 'overdue_unit' && w.jurisdictionCode === '320106');
    expect(overdue?.caseIds.sort()).toEqual(overdueIds.sort());
    expect(overdue?.title).toContain('鼓楼区');
    const repeat = first.find((w) => w.kind === 'repeat_petitioner');
    expect(repeat?.caseIds.sort()).toEqual(repeatIds.sort());
    expect(repeat?.detail).toContain('5次');
    expect(`${repeat?.title}${repeat?.detail}${repeat?.dedupeKey}`).not.toMatch(
      /赵六|320106198001010011|13955556666/,
    );
    const group = first.find((w) => w.kind === 'group_event');
    expect(group?.jurisdictionCode).toBe('320102');
    expect(group?.caseIds).toHaveLength(10);
    // The city's analyst is told of the scan's new warnings of its districts (inbox.warnings), each
    // once; the extreme-risk one of intake goes to supervisors by SMS (src/warnings/risk.ts).
    const told = (await h.app.inject({ url: '/api/v1/inbox', headers: as('nj_analyst') }))
      .json()
      .items.filter((i: { kind: string }) => i.kind === 'warning');
    expect(told.map((i: { title: string }) => i.title).sort()).toEqual(
      first
        .filter((w) => w.jurisdictionCode.startsWith('3201') && w.kind !== 'extreme_risk')
        .map((w) => w.title)
        .sort(),
    );
    expect(told[0]).toMatchObject({ kindLabel: '预警', link: '/warnings' });

    await runDailyJobs(h.ctx);
    const r = await runWarningScan(h.ctx);
    expect(r.inserted).toBe(0);
    expect(await h.ctx.db.select().from(warnings)).toHaveLength(first.length);
  });

  it('scans a past day with the history as it stood then (the demo’s earlier warnings)', async () => {
    // Yesterday's 01:00 scan: the five petitions and the ten pollution letters came in today, and
    // which matters are overdue is today's state — so nothing, and no digest.
    const yesterday = new Date(Date.now() - DAY);
    const r = await runWarningScan(h.ctx, yesterday, { pastDay: true });
    expect(r.found).toEqual({ growth: 0, group_event: 0, repeat_petitioner: 0, overdue_unit: 0 });
    expect(r).toMatchObject({ inserted: 0, digests: 0 });
    // The same scan as of now finds today's repeat petitioner and group event.
    const today = await runWarningScan(h.ctx, new Date(), { pastDay: true });
    expect(today.found).toMatchObject({ repeat_petitioner: 1, group_event: 1, overdue_unit: 0 });
  });

  it('tightens thresholds inside a special period and sends one digest per supervisor a day', async () => {
    // Six overdue letters at 南京市信访局: below the threshold of 10 …
    for (let i = 0; i < 6; i++)
      await register('nj_registrar', { jurisdictionCode: '320104', receivedAt: old() });
    await runDailyJobs(h.ctx);
    const atCity = async () =>
      (await h.ctx.db.select().from(warnings)).filter(
        (w) => w.kind === 'overdue_unit' && w.jurisdictionCode === '320100',
      );
    expect(await atCity()).toHaveLength(0);

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const period = { name: '全国两会', from: today, to: today, scope: '320100', thresholdFactor: 0.5 };
    for (const user of ['gl_admin', 'nj_supervisor']) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/special-periods',
        headers: as(user),
        payload: period,
      });
      expect(res.statusCode).toBe(403);
    }
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/special-periods',
      headers: as('nj_admin'),
      payload: period,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: '全国两会',
      scope: { code: '320100', name: '南京市' },
      thresholdFactor: 0.5,
    });
    // Supervisors below see the period that applies to them.
    const seen = await h.app.inject({ url: '/api/v1/special-periods', headers: as('gl_supervisor') });
    expect(seen.json().items.map((p: { id: number }) => p.id)).toContain(created.json().id);

    const before = h.sms.sent.length;
    await runWarningScan(h.ctx);
    await runWarningScan(h.ctx);
    const tightened = await atCity();
    expect(tightened).toHaveLength(1);
    expect(tightened[0]?.caseIds).toHaveLength(6);
    await h.settle();
    const digests = h.sms.sent.slice(before).filter((m) => m.template === 'warning_digest');
    // Supervisors of 南京市 and 鼓楼区, not the province's; one each despite two runs.
    expect(digests.map((m) => m.to).sort()).toEqual([PHONES.gl_supervisor, PHONES.nj_supervisor]);
    expect(digests[0]?.body).toMatch(/全国两会保障期预警日报.*未签收预警\d+条/);

    const del = await h.app.inject({
      method: 'DELETE',
      url: `/api/v1/special-periods/${created.json().id}`,
      headers: as('nj_admin'),
    });
    expect(del.statusCode).toBe(204);
  });
});

describe('acknowledge and scope', () => {
  it('lets a supervisor acknowledge with a note, once, recorded and audited', async () => {
    const [w] = await items('gl_supervisor', '?status=open&kind=overdue_unit');
    expect(w?.jurisdiction.code).toBe('320106');
    const id = w?.id ?? 0;
    const url = `/api/v1/warnings/${id}/acknowledge`;
    expect(
      (await h.app.inject({ method: 'POST', url, headers: as('gl_registrar'), payload: { note: 'x' } }))
        .statusCode,
    ).toBe(403);
    const ok = await h.app.inject({
      method: 'POST',
      url,
      headers: as('gl_supervisor'),
      payload: { note: '已约谈住建局，限期办结' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      note: '已约谈住建局，限期办结',
      acknowledgedBy: expect.stringContaining('督查员'),
    });
    expect(ok.json().acknowledgedAt).not.toBeNull();
    const again = await h.app.inject({
      method: 'POST',
      url,
      headers: as('gl_supervisor'),
      payload: { note: '' },
    });
    expect(again.statusCode).toBe(409);
    expect((await items('gl_supervisor', '?status=open')).some((x) => x.id === id)).toBe(false);
    expect((await items('gl_supervisor', '?status=acknowledged')).map((x) => x.id)).toEqual([id]);
    const [audit] = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'warning.acknowledge'), eq(auditLog.entityId, String(id))));
    expect(audit).toBeDefined();
  });

  it('shows each caller only their subtree and refuses other scopes and roles', async () => {
    const county = await items('gl_supervisor');
    expect(county.length).toBeGreaterThan(0);
    expect(county.every((w) => w.jurisdiction.code.startsWith('320106'))).toBe(true);
    const city = await items('nj_supervisor');
    expect(city.some((w) => w.jurisdiction.code === '320102')).toBe(true);
    expect(city.length).toBeGreaterThan(county.length);
    // A warning above the caller's subtree does not exist for them.
    const cityWarning = city.find((w) => w.jurisdiction.code === '320100');
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/warnings/${cityWarning?.id}/acknowledge`,
      headers: as('gl_supervisor'),
      payload: { note: '' },
    });
    expect(res.statusCode).toBe(404);
    const outside = await list('gl_supervisor', '?scope=320100');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('forbidden_scope');
    expect((await list('gl_handler')).statusCode).toBe(403);
    expect((await list('13900000001')).statusCode).toBe(403);
  });
});

describe('forecast and growth', () => {
  it('answers the forecast API in scope, says when history is too short, and refuses other scopes', async () => {
    const res = await h.app.inject({
      url: '/api/v1/analytics/forecast?horizon=3',
      headers: as('nj_analyst'),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // The cases of this file are all recent: under 12 months of history, so no forecast and no score
    // (intervals of a full history: test/domain/forecast-accuracy.test.ts).
    expect(body.forecast).toEqual([]);
    expect(body.mase).toBeNull();
    expect(body.insufficient).toBe('short');
    expect(body.note).toBe('历史数据不足（不满12个月），暂不预测');
    expect(Object.keys(body).sort()).toEqual([
      'forecast',
      'history',
      'insufficient',
      'mase',
      'model',
      'note',
    ]);
    const other = await h.app.inject({
      url: '/api/v1/analytics/forecast?scope=320200',
      headers: as('nj_analyst'),
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('forbidden_scope');
    expect(
      (await h.app.inject({ url: '/api/v1/analytics/forecast', headers: as('13900000001') })).statusCode,
    ).toBe(403);
  });

  it('warns when a month runs above the forecast interval', async () => {
    // 苏州市: two years of about 20 letters a month, then 60 in the first 19 days of October.
    const [bureau] = await h.ctx.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.jurisdictionCode, '320500'), eq(units.deptKey, 'xinfang')));
    const insert = (from: number, to: number, perMonth: string, hoursApart: number) =>
      h.ctx.db.execute(sql`
        INSERT INTO cases (case_number, jurisdiction_code, registering_unit_id, form, purpose, category_code,
                           subject, content, state, received_at)
        SELECT 'GROWTH-' || m || '-' || i, '320500', ${bureau?.id}, 'letter', 'claim', '010000', '测试', '测试',
               'closed', timestamptz '2024-10-01 08:00:00+08' + make_interval(months => m, hours => ${hoursApart} * i)
        FROM generate_series(${from}::int, ${to}::int) AS m, LATERAL generate_series(1, ${sql.raw(perMonth)}) AS i`);
    await insert(0, 23, '18 + (m % 4)', 12);
    await insert(24, 24, '60', 7);
    // Rows written behind the platform's back: add them to the monthly rollups as a rebuild would.
    const ids = await h.ctx.db
      .select({ id: cases.id })
      .from(cases)
      .where(sql`${cases.caseNumber} like 'GROWTH-%'`);
    await h.ctx.db.transaction((tx) => rollupCases(tx, { ids: ids.map((r) => r.id) }));
    const now = new Date('2026-10-20T12:00:00+08:00');
    const r = await runWarningScan(h.ctx, now);
    expect(r.found.growth).toBeGreaterThan(0);
    const growth = (await h.ctx.db.select().from(warnings)).filter(
      (w) => w.kind === 'growth' && w.jurisdictionCode === '320500',
    );
    expect(growth.map((w) => w.level)).toContain('high');
    expect(growth[0]?.caseIds).toHaveLength(60);
    // Raised at the scan's clock (a catch-up scan for a missed day dates its warnings that day).
    expect(growth[0]?.createdAt.toISOString()).toBe(now.toISOString());
    expect((await runWarningScan(h.ctx, now)).inserted).toBe(0);
    // The linked cases are October's letters of 苏州市.
    const linked = await h.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(inArray(cases.id, growth[0]?.caseIds ?? []), sql`${cases.caseNumber} like 'GROWTH-24-%'`));
    expect(linked[0]?.n).toBe(60);
  });
});
