// The indicators API on a small fixture whose figures are counted by hand: who may read which
// scope, the shape of every groupBy, the cases behind a number, the trend and overdue by unit, and
// the indicator table as an Excel workbook.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { runDeadlineSweep } from '../../src/jobs/deadlines.ts';
import { letter } from '../helpers/builders.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const USERS = [
  '13900000001',
  'gl_registrar',
  'gl_handler',
  'gl_analyst',
  'nj_registrar',
  'nj_analyst',
  'js_registrar',
  'js_leader',
] as const;
const ids: Record<string, { caseId: number; caseNumber: string }> = {};

async function register(name: string, user: string, extra: Record<string, unknown> = {}) {
  const r = await h.register(user, letter(undefined, { categoryCode: '010000', ...extra }));
  ids[name] = r;
  return r;
}
const at = (d: string) => `${d}T10:00:00+08:00`;
const get = (user: string, url: string) =>
  h.app.inject({ url: `/api/v1/analytics/${url}`, headers: h.as(user) });
const ok = async (user: string, url: string) => {
  const res = await get(user, url);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(USERS);
  // October 2026, 南京市: A online (鼓楼区), B letter, C group visit of 6, D visit registered by the
  // province (越级), E letter in 玄武区, H a repeat by phone of B (linked, no new matter).
  // A citizen's own petition is received at the server's time, so the October online petition is
  // one a registrar recorded from the online channel (with its received date).
  await register('A', 'gl_registrar', { form: 'online', receivedAt: at('2026-10-10') });
  const b = await register('B', 'gl_registrar', {
    receivedAt: at('2026-10-12'),
    petitioner: { name: '钱七', phone: '13712340000' },
  });
  await register('C', 'gl_registrar', {
    form: 'visit',
    peopleCount: 6,
    representatives: [{ name: '代表甲' }],
    receivedAt: at('2026-10-15'),
  });
  await register('D', 'js_registrar', { form: 'visit', receivedAt: at('2026-10-16') });
  await register('E', 'nj_registrar', { jurisdictionCode: '320102', receivedAt: at('2026-10-20') });
  await register('H', 'gl_registrar', {
    form: 'phone',
    subject: '再次反映',
    petitioner: { name: '钱七', phone: '13712340000' },
    previousCaseNumber: b.caseNumber,
    receivedAt: at('2026-10-25'),
  });
  await register('F', 'gl_registrar', { receivedAt: at('2025-10-15') }); // a year earlier
  await register('G', 'gl_registrar', { receivedAt: at('2026-09-25') }); // the period before
  // Today: C refused late (acceptance overdue since October); I accepted in time and settled.
  await h.act('gl_registrar', ids.C?.caseId ?? 0, 'not_accept', {
    reasonCode: 'NOT_IN_REMIT',
    reasonText: '不属于本机关职权范围',
    lateReason: '来访材料补正后才能判断', // past its limit: a late decision says why (issue 11)
  });
  await register('I', 'gl_registrar');
  await h.act('gl_registrar', ids.I?.caseId ?? 0, 'accept');
  await h.act('gl_registrar', ids.I?.caseId ?? 0, 'settle', { kind: 'mediation', agreement: '达成调解协议' });
  await runDeadlineSweep(h.ctx);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const OCT = 'from=2026-10-01&to=2026-10-31';

describe('who may read which scope', () => {
  it('answers 403 outside the caller’s subtree and to citizens and department handlers', async () => {
    const out = await get('gl_analyst', `indicators?${OCT}&scope=320100`);
    expect(out.statusCode).toBe(403);
    expect(out.json().error.code).toBe('forbidden_scope');
    expect((await get('nj_analyst', `indicators?${OCT}&scope=320000`)).statusCode).toBe(403);
    expect((await get('gl_handler', `indicators?${OCT}`)).statusCode).toBe(403);
    expect((await get('13900000001', `trend?${OCT}`)).statusCode).toBe(403);
    expect((await get('gl_handler', 'overdue-by-unit')).statusCode).toBe(403);
    expect((await get('gl_analyst', 'cases?scope=320102')).statusCode).toBe(403);
    // The default scope is the caller's own jurisdiction.
    expect((await ok('gl_analyst', `indicators?${OCT}`)).scope).toEqual({ code: '320106', name: '鼓楼区' });
  });
});

describe('indicators', () => {
  it('counts October for 南京市 as done by hand', async () => {
    const r = await ok('nj_analyst', `indicators?${OCT}&scope=320100`);
    expect(r).toMatchObject({
      from: '2026-10-01',
      to: '2026-10-31',
      scope: { code: '320100', name: '南京市' },
      rows: [],
    });
    expect(r.totals).toMatchObject({
      total: 6, // A B C D E + the linked repeat H
      totalPrevYear: 1, // F
      totalPrevPeriod: 1, // G (31 Aug … 30 Sep)
      yoy: 5,
      mom: 5,
      online: 1,
      onlineShare: 1 / 6,
      onlineSharePrev: 0,
      visits: 2,
      skippedLevel: 1,
      skipLevelRate: 0.5,
      repeats: 1,
      repeatRate: 1 / 6,
      groupBatches: 1,
      groupPersons: 6,
      // nothing was decided, completed or rated in October itself
      acceptanceDecided: 0,
      timelyAcceptanceRate: null,
      onTimeCompletionRate: null,
      participationRate: null,
      satisfactionRate: null,
      backlogResolutionRate: null,
    });
  });

  it('counts today’s decisions on the day they were taken', async () => {
    const today = shanghaiDate(new Date());
    const r = await ok('gl_analyst', `indicators?from=${today}&to=${today}`);
    expect(r.totals).toMatchObject({
      total: 1, // I
      acceptanceDecided: 2, // C (late) and I
      acceptedTimely: 1,
      timelyAcceptanceRate: 0.5,
      completed: 1, // I settled
      completedOnTime: 1,
      onTimeCompletionRate: 1,
    });
  });

  it('drills from 南京市 to its counties, and from 鼓楼区 to its towns', async () => {
    const city = await ok('nj_analyst', `indicators?${OCT}&scope=320100&groupBy=jurisdiction`);
    const gulou = city.rows.find((x: { key: string }) => x.key === '320106');
    expect(gulou).toMatchObject({ label: '鼓楼区', drill: true, total: 5, visits: 2, skippedLevel: 1 });
    expect(city.rows.find((x: { key: string }) => x.key === '320102')).toMatchObject({
      label: '玄武区',
      total: 1,
    });
    expect(city.rows.length).toBeGreaterThan(8); // every county, with or without petitions
    expect(city.rows.reduce((s: number, x: { total: number }) => s + x.total, 0)).toBe(6);
    const county = await ok('gl_analyst', `indicators?${OCT}&groupBy=jurisdiction`);
    expect(county.rows.find((x: { key: string }) => x.key === '320106')).toMatchObject({
      label: '鼓楼区本级',
      drill: false,
      total: 5,
    });
    expect(county.rows.some((x: { key: string; drill: boolean }) => x.key.length === 9 && !x.drill)).toBe(
      true,
    );
  });

  it('groups by form, category, purpose and registering unit', async () => {
    const byForm = await ok('nj_analyst', `indicators?${OCT}&scope=320100&groupBy=form`);
    const forms = Object.fromEntries(
      byForm.rows.map((x: { key: string; total: number }) => [x.key, x.total]),
    );
    expect(forms).toEqual({ letter: 2, online: 1, phone: 1, visit: 2 });
    expect(byForm.rows.find((x: { key: string }) => x.key === 'visit').label).toBe('来访');
    const byCategory = await ok('nj_analyst', `indicators?${OCT}&scope=320100&groupBy=category`);
    expect(byCategory.rows).toEqual([
      expect.objectContaining({ key: '010000', label: '城乡建设', total: 6 }),
    ]);
    const byPurpose = await ok('nj_analyst', `indicators?${OCT}&scope=320100&groupBy=purpose`);
    expect(byPurpose.rows).toEqual([expect.objectContaining({ key: 'claim', label: '求决', total: 6 })]);
    const byUnit = await ok('nj_analyst', `indicators?${OCT}&scope=320100&groupBy=unit`);
    const units = Object.fromEntries(
      byUnit.rows.map((x: { label: string; total: number }) => [x.label, x.total]),
    );
    expect(units).toEqual({ 鼓楼区信访局: 4, 江苏省信访局: 1, 南京市信访局: 1 });
  });

  it('groups by month and by day, with the same bucket a year earlier and the one before', async () => {
    const m = await ok('nj_analyst', 'indicators?from=2026-09-01&to=2026-10-31&scope=320100&groupBy=month');
    expect(m.rows.map((x: { key: string }) => x.key)).toEqual(['2026-09', '2026-10']);
    expect(m.rows[1]).toMatchObject({ total: 6, totalPrevYear: 1, totalPrevPeriod: 1, yoy: 5, mom: 5 });
    expect(m.rows[0]).toMatchObject({ total: 1, totalPrevYear: 0, yoy: null });
    expect(m.totals.total).toBe(7);
    const d = await ok('gl_analyst', 'indicators?from=2026-10-10&to=2026-10-12&groupBy=day');
    expect(d.rows.map((x: { key: string; total: number }) => [x.key, x.total])).toEqual([
      ['2026-10-10', 1],
      ['2026-10-11', 0],
      ['2026-10-12', 1],
    ]);
  });
});

describe('trend, overdue by unit and the cases behind a number', () => {
  it('gives the monthly trend with last year', async () => {
    const t = await ok('nj_analyst', 'trend?from=2026-09-01&to=2026-10-31&scope=320100');
    expect(t.points).toEqual([
      { period: '2026-09', total: 1, totalPrevYear: 0, online: 0 },
      { period: '2026-10', total: 6, totalPrevYear: 1, online: 1 },
    ]);
    const c = await ok('nj_analyst', 'trend?from=2026-10-01&to=2026-10-31&scope=320100&category=010000');
    expect(c.points).toEqual([{ period: '2026-10', total: 6, totalPrevYear: 1, online: 1 }]);
  });

  it('counts open and overdue matters per holding unit', async () => {
    const r = await ok('nj_analyst', 'overdue-by-unit?scope=320100');
    // 鼓楼区信访局 holds A, B, F and G, all past their acceptance deadline; D is at the province.
    expect(r.rows[0]).toMatchObject({
      unitName: '鼓楼区信访局',
      jurisdictionName: '鼓楼区',
      open: 4,
      overdue: 4,
    });
    expect(r.rows.find((x: { unitName: string }) => x.unitName === '江苏省信访局')).toMatchObject({
      open: 1,
    });
  });

  it('lists the cases behind a figure, in the list format of /cases', async () => {
    const all = await ok('nj_analyst', `cases?${OCT}&scope=320100&metric=total`);
    expect(all.total).toBe(5); // H is a registration on B, not a matter of its own
    expect(all.items[0]).toHaveProperty('caseNumber');
    expect(all.items[0]).toHaveProperty('stateName');
    const list = async (q: string) =>
      (await ok('nj_analyst', `cases?${OCT}&scope=320100&${q}`)).items.map((x: { id: number }) => x.id);
    expect(await list('metric=skippedLevel')).toEqual([ids.D?.caseId]);
    expect(await list('metric=group')).toEqual([ids.C?.caseId]);
    expect(await list('metric=online')).toEqual([ids.A?.caseId]);
    expect(await list('metric=repeat')).toEqual([ids.B?.caseId]);
    expect(await list('metric=total&form=visit')).toEqual([ids.D?.caseId, ids.C?.caseId]);
    const page = await ok('nj_analyst', `cases?${OCT}&scope=320100&pageSize=2&page=3`);
    expect(page).toMatchObject({ total: 5, items: [expect.objectContaining({ id: ids.A?.caseId })] });
  });
});

describe('the indicator table as Excel', () => {
  it('writes the county’s table: title, header, rates as percentages, a bold 合计 row', async () => {
    const res = await get('gl_analyst', `indicators.xlsx?${OCT}&groupBy=jurisdiction`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(String(res.headers['content-disposition'])).toBe(
      `attachment; filename="indicators-320106-jurisdiction-2026-10-01-2026-10-31.xlsx"; filename*=UTF-8''${encodeURIComponent('信访指标-鼓楼区-按地区-2026-10-01至2026-10-31.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.getCell('A1').value).toBe('鼓楼区信访工作指标（按地区）');
    expect(ws.getCell('A2').value).toBe('统计期间：2026-10-01 至 2026-10-31');
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['名称', '信访总量', '同比', '环比', '网上信访占比']);
    expect(ws.getRow(3).font?.bold).toBe(true);
    // The JSON answer's rows, in its order, then 合计.
    const json = await ok('gl_analyst', `indicators?${OCT}&groupBy=jurisdiction`);
    const last = ws.getRow(4 + json.rows.length);
    expect(ws.getRow(4).getCell(1).value).toBe(json.rows[0].label);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.font?.bold).toBe(true);
    const total = last.getCell(2);
    expect(total.value).toBe(5);
    expect(total.numFmt).toBe('#,##0');
    const onlineShare = last.getCell(5); // A of the five, a real number shown as 20.0%
    expect(onlineShare.value).toBe(0.2);
    expect(onlineShare.numFmt).toBe('0.0%');
    const gulou = ws.getRow(4 + json.rows.findIndex((x: { key: string }) => x.key === '320106'));
    expect(gulou.getCell(1).value).toBe('鼓楼区本级');
    expect(gulou.getCell(2).value).toBe(5);
    // A rate without matters behind it is an empty cell, not 0 %.
    expect(last.getCell(6).value ?? null).toBeNull();
  });

  it('is scoped as the JSON is: 403 outside the subtree and without analytics', async () => {
    const out = await get('gl_analyst', `indicators.xlsx?${OCT}&scope=320100`);
    expect(out.statusCode).toBe(403);
    expect(out.json().error.code).toBe('forbidden_scope');
    expect((await get('gl_handler', `indicators.xlsx?${OCT}`)).statusCode).toBe(403);
    expect((await get('13900000001', `indicators.xlsx?${OCT}`)).statusCode).toBe(403);
    const city = await get('nj_analyst', `indicators.xlsx?${OCT}&scope=320100&groupBy=form`);
    expect(city.statusCode).toBe(200);
    expect(String(city.headers['content-disposition'])).toContain(
      encodeURIComponent('信访指标-南京市-按形式-'),
    );
  });
});
