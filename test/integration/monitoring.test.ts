// 日监测 over HTTP: items appear and disappear as the situation changes (a case past its due date,
// near it, an extreme-risk warning until acknowledged, a backlog matter without progress, a new
// candidate); another city's bureau does not see them; thresholds per jurisdiction; the morning
// digest is written once per bureau and day, without personal data; refusals.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backlogMatters, backlogProgress, cases, units } from '../../src/db/schema.ts';
import { MONITORING_SOURCES } from '../../src/domain/monitoring/sources.ts';
import { collectSources, runMonitoringDigests } from '../../src/monitoring/daily.ts';
import { DEMO_CITIZEN, onlinePetition } from '../helpers/builders.ts';
import { DEMO_PASSWORD, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const DAY = 86_400_000;
const CHINESE = /[\u4e00-\u9fa5]/;

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
type Source = {
  id: string;
  total: number;
  items: { key: string; caseId: number | null; action: { path: string } }[];
};
const daily = async (user: string, q = '') => {
  const res = await get(user, `/monitoring/daily${q}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { scope: { code: string }; sources: Source[] };
};
const source = async (user: string, id: string, q = '') =>
  (await daily(user, q)).sources.find((s) => s.id === id) as Source;
const hasCase = (s: Source | undefined, caseId: number) => !!s?.items.some((i) => i.caseId === caseId);

const newCase = (subject: string, content?: string) =>
  h.register(DEMO_CITIZEN, onlinePetition(subject, content ? { content } : {}));

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    '13900000001',
    'gl_registrar',
    'gl_handler',
    'gl_supervisor',
    'nj_supervisor',
    'admin',
    'gl_admin',
  ]);
  // A supervisor of 苏州市信访局: another city.
  const [sz] = await h.ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.jurisdictionCode, '320500'), eq(units.deptKey, 'xinfang')));
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: h.as('admin'),
    payload: {
      username: 'sz_supervisor',
      password: DEMO_PASSWORD,
      role: 'supervisor',
      unitId: sz?.id,
      displayName: '苏州督查员',
    },
  });
  expect(res.statusCode).toBe(201);
  await h.loginAll(['sz_supervisor']);
});
afterAll(async () => {
  await h?.close();
});

describe('日监测: what needs attention today', () => {
  let c = { caseId: 0, caseNumber: '' };

  it('a case past its due date is listed as 办理超期 for the county and the city, with a link to open it', async () => {
    c = await newCase('小区电梯长期故障无人维修');
    await h.act('gl_registrar', c.caseId, 'accept');
    await h.ctx.db
      .update(cases)
      .set({ dueAt: new Date(Date.now() - 2 * DAY) })
      .where(eq(cases.id, c.caseId));
    const gl = await source('gl_supervisor', 'case_overdue');
    expect(hasCase(gl, c.caseId)).toBe(true);
    const item = gl.items.find((i) => i.caseId === c.caseId);
    expect(item).toMatchObject({ caseNumber: c.caseNumber, days: 2, action: { path: `/cases/${c.caseId}` } });
    expect(hasCase(await source('nj_supervisor', 'case_overdue'), c.caseId)).toBe(true);
    // The city asks for the county: the same item.
    expect(hasCase(await source('nj_supervisor', 'case_overdue', '?jurisdiction=320106'), c.caseId)).toBe(
      true,
    );
    // Another city's bureau does not see it.
    expect(hasCase(await source('sz_supervisor', 'case_overdue'), c.caseId)).toBe(false);
    expect(hasCase(await source('gl_supervisor', 'case_near_due'), c.caseId)).toBe(false);
  });

  it('the same case due tomorrow moves to 即将到期; due in a month it leaves both', async () => {
    await h.ctx.db
      .update(cases)
      .set({ dueAt: new Date(Date.now() + DAY) })
      .where(eq(cases.id, c.caseId));
    expect(hasCase(await source('gl_supervisor', 'case_overdue'), c.caseId)).toBe(false);
    expect(hasCase(await source('gl_supervisor', 'case_near_due'), c.caseId)).toBe(true);
    await h.ctx.db
      .update(cases)
      .set({ dueAt: new Date(Date.now() + 30 * DAY) })
      .where(eq(cases.id, c.caseId));
    expect(hasCase(await source('gl_supervisor', 'case_near_due'), c.caseId)).toBe(false);
  });

  it('an extreme-risk warning is listed until a supervisor acknowledges it', async () => {
    const r = await newCase('拖欠工资问题', '公司拖欠工资一年多，我实在活不下去了，再不解决就去跳楼。');
    const w = await source('gl_supervisor', 'warning_unacknowledged');
    const item = w.items.find((i) => i.caseId === r.caseId);
    expect(item).toBeDefined();
    expect(hasCase(await source('sz_supervisor', 'warning_unacknowledged'), r.caseId)).toBe(false);
    const id = Number(item?.key.split(':')[1]);
    const ack = await h.app.inject({
      method: 'POST',
      url: `/api/v1/warnings/${id}/acknowledge`,
      headers: h.as('gl_supervisor'),
      payload: { note: '已联系属地稳控' },
    });
    expect(ack.statusCode).toBe(200);
    expect(hasCase(await source('gl_supervisor', 'warning_unacknowledged'), r.caseId)).toBe(false);
  });

  it('a backlog matter without progress for 15 days is listed; a setting of 30 days for 鼓楼区 or new progress removes it', async () => {
    const m = await newCase('征地补偿款多年未兑现');
    const [matter] = await h.ctx.db
      .insert(backlogMatters)
      .values({
        caseId: m.caseId,
        jurisdictionCode: '320106',
        status: 'identified',
        source: 'manual',
        identifiedAt: new Date(Date.now() - 20 * DAY),
        createdAt: new Date(Date.now() - 25 * DAY),
      })
      .returning({ id: backlogMatters.id });
    const stalled = await source('gl_supervisor', 'backlog_stalled');
    const item = stalled.items.find((i) => i.caseId === m.caseId);
    expect(item).toMatchObject({ days: 20, action: { path: `/backlog/${matter?.id}` } });
    expect(hasCase(await source('sz_supervisor', 'backlog_stalled'), m.caseId)).toBe(false);
    // 鼓楼区's administrator sets 30 days (others may not; out of range is refused).
    const put = (user: string, code: string, payload: Record<string, unknown>) =>
      h.app.inject({
        method: 'PUT',
        url: `/api/v1/monitoring/thresholds/${code}`,
        headers: h.as(user),
        payload,
      });
    expect((await put('gl_supervisor', '320106', { stalledDays: 30 })).statusCode).toBe(403);
    expect((await put('gl_admin', '320100', { stalledDays: 30 })).statusCode).toBe(403);
    const zero = await put('gl_admin', '320106', { stalledDays: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.message).toBe('无进展天数应为3到180之间的整数（天）');
    const set = await put('gl_admin', '320106', { stalledDays: 30 });
    expect(set.statusCode).toBe(200);
    expect(set.json().values).toMatchObject({ stalledDays: 30, nearDueDays: 3 });
    expect((await get('gl_supervisor', '/monitoring/thresholds/320106')).json().values.stalledDays).toBe(30);
    expect((await get('nj_supervisor', '/monitoring/thresholds/320100')).json().values.stalledDays).toBe(15);
    expect(hasCase(await source('gl_supervisor', 'backlog_stalled'), m.caseId)).toBe(false);
    // The city's view uses each matter's own place: 鼓楼区's 30 days.
    expect(hasCase(await source('nj_supervisor', 'backlog_stalled'), m.caseId)).toBe(false);
    expect((await put('gl_admin', '320106', { stalledDays: 15 })).statusCode).toBe(200);
    expect(hasCase(await source('gl_supervisor', 'backlog_stalled'), m.caseId)).toBe(true);
    await h.ctx.db
      .insert(backlogProgress)
      .values({ matterId: matter?.id as number, note: '约谈信访人', at: new Date() });
    expect(hasCase(await source('gl_supervisor', 'backlog_stalled'), m.caseId)).toBe(false);
  });

  it('a candidate found today is listed as 新增积案候选 for supervisors, not one found a week ago', async () => {
    const fresh = await newCase('物业费争议多次反映');
    const old = await newCase('拆迁安置房质量问题');
    await h.ctx.db.insert(backlogMatters).values([
      { caseId: fresh.caseId, jurisdictionCode: '320106', status: 'candidate', source: 'system' },
      {
        caseId: old.caseId,
        jurisdictionCode: '320106',
        status: 'candidate',
        source: 'system',
        createdAt: new Date(Date.now() - 7 * DAY),
      },
    ]);
    const s = await source('gl_supervisor', 'backlog_new_candidates');
    expect(hasCase(s, fresh.caseId)).toBe(true);
    expect(hasCase(s, old.caseId)).toBe(false);
    // Registrars see the clocks, not the supervisors' sources (the table's roles).
    const ids = (await daily('gl_registrar')).sources.map((x) => x.id);
    expect(ids).toContain('case_overdue');
    expect(ids).not.toContain('backlog_new_candidates');
  });

  it('lists at most the limit per source and says how many in all', async () => {
    const all = await collectSources(h.ctx.db, '320106', MONITORING_SOURCES, new Date(), 1);
    const cand = all.find((s) => s.id === 'backlog_new_candidates');
    expect(cand?.items).toHaveLength(1);
    expect(cand?.total).toBeGreaterThanOrEqual(1);
  });

  it('refuses department staff (403), a scope outside the subtree (403) and a bad code (400), in Chinese', async () => {
    const dept = await get('gl_handler', '/monitoring/daily');
    expect(dept.statusCode).toBe(403);
    expect(dept.json().error.message).toMatch(CHINESE);
    const up = await get('gl_supervisor', '/monitoring/daily?jurisdiction=320100');
    expect(up.statusCode).toBe(403);
    expect(up.json().error.code).toBe('forbidden_scope');
    const other = await get('nj_supervisor', '/monitoring/daily?jurisdiction=320500');
    expect(other.statusCode).toBe(403);
    const bad = await get('gl_supervisor', '/monitoring/daily?jurisdiction=32x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(CHINESE);
  });
});

describe('日监测晨报: one digest per bureau and day', () => {
  it('writes one per bureau with supervisors, once a day, with counts and no personal data', async () => {
    await h.ctx.db
      .update(cases)
      .set({ dueAt: new Date(Date.now() - DAY) })
      .where(eq(cases.jurisdictionCode, '320106'));
    const first = await runMonitoringDigests(h.ctx);
    expect(first.written).toBeGreaterThanOrEqual(4); // 江苏省, 南京市, 鼓楼区, 苏州市
    const again = await runMonitoringDigests(h.ctx);
    expect(again.written).toBe(0);
    const gl = (await get('gl_supervisor', '/monitoring/digests')).json().items as {
      unit: string;
      body: string;
      counts: { id: string; total: number }[];
    }[];
    expect(gl).toHaveLength(1);
    expect(gl[0]?.unit).toContain('鼓楼区');
    expect(gl[0]?.counts.find((c) => c.id === 'case_overdue')?.total).toBeGreaterThan(0);
    expect(gl[0]?.body).toMatch(/日监测晨报.*办理超期\d+项/);
    expect(gl[0]?.body).not.toMatch(/张三|1390000000|\d{17}[\dX]/);
    // The city sees its own and its counties'; another city sees none of them.
    const nj = (await get('nj_supervisor', '/monitoring/digests')).json().items as { unit: string }[];
    expect(nj.map((d) => d.unit)).toEqual(expect.arrayContaining([expect.stringContaining('鼓楼区')]));
    const sz = (await get('sz_supervisor', '/monitoring/digests')).json().items as { unit: string }[];
    expect(sz.every((d) => d.unit.startsWith('苏州市'))).toBe(true);
  });
});
