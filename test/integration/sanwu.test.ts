// 三无县（市、区）评定 over HTTP: the criteria of each year; the platform's evidence of a county (a
// level-skipping group visit registered by the province, a group-event warning) with the cases
// behind it; 南京市's supervisor records evaluations (manual criteria as entered), its leader
// decides them and then they no longer change; a county may not evaluate itself; the list of a
// city's counties with their results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warnings } from '../../src/db/schema.ts';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let skippingCaseId = 0;
const year = Number(shanghaiDate(new Date()).slice(0, 4));

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const post = (user: string, url: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });
const allMet = [
  { key: 'beijing', met: true, note: '国家信访局通报无进京非访登记' },
  { key: 'extreme', met: true, note: '经公安机关确认，全年无极端事件' },
];

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['js_registrar', 'gl_leader', 'gl_supervisor', 'nj_supervisor', 'nj_leader', 'js_leader']);
  // A group of six from 鼓楼区 received by the province's bureau: a level-skipping group visit.
  const res = await post('js_registrar', '/cases', {
    form: 'visit',
    purpose: 'claim',
    categoryCode: '010000',
    subject: '拆迁安置补偿集体上访',
    content: '六人到省信访局反映拆迁安置补偿不到位。',
    jurisdictionCode: '320106',
    peopleCount: 6,
    representatives: [{ name: '代表甲' }],
    petitioner: { name: '赵六', phone: '13712340001' },
  });
  expect(res.statusCode, res.body).toBe(201);
  skippingCaseId = res.json().caseId;
  // A group-event warning raised for 秦淮区 this year (the daily scan's kind of row).
  await h.ctx.db.insert(warnings).values({
    kind: 'group_event',
    level: 'high',
    jurisdictionCode: '320104',
    title: '秦淮区疑似群体性事件',
    detail: '同一事由多人集中来访',
    caseIds: [],
    dedupeKey: 'group_event:320104:test',
  });
});
afterAll(async () => {
  await h?.close();
});

describe('三无县 criteria and evidence', () => {
  it('each year has its own criteria table', async () => {
    const y25 = (await get('nj_supervisor', '/sanwu/criteria?year=2025')).json().items;
    const y26 = (await get('nj_supervisor', '/sanwu/criteria?year=2026')).json().items;
    expect(y25.map((c: { name: string }) => c.name)).toEqual([
      '无进京非访',
      '无越级集体访',
      '无因信访问题引发的极端事件',
    ]);
    expect(y26).toHaveLength(4);
    expect(y26[3]).toMatchObject({ key: 'group_event', evidence: 'platform' });
  });

  it('the platform counts the level-skipping group visit against 鼓楼区, with the case behind it', async () => {
    const gulou = (await get('nj_supervisor', `/sanwu/evidence?jurisdiction=320106&year=${year}`)).json();
    const skipping = gulou.evidence.find((e: { key: string }) => e.key === 'group_skipping');
    expect(skipping).toMatchObject({ count: 1, met: false, caseIds: [skippingCaseId] });
    expect(gulou.result).toBeNull(); // manual criteria not entered yet
    const xuanwu = (await get('nj_supervisor', `/sanwu/evidence?jurisdiction=320102&year=${year}`)).json();
    expect(xuanwu.evidence.find((e: { key: string }) => e.key === 'group_skipping')).toMatchObject({
      count: 0,
      met: true,
    });
    // Last year's evidence does not count this year's visit.
    const last = (await get('nj_supervisor', `/sanwu/evidence?jurisdiction=320106&year=${year - 1}`)).json();
    expect(last.evidence.find((e: { key: string }) => e.key === 'group_skipping').count).toBe(0);
    const city = await get('nj_supervisor', `/sanwu/evidence?jurisdiction=320100&year=${year}`);
    expect(city.json().error).toMatchObject({ code: 'sanwu_not_county', field: 'jurisdiction' });
  });
});

describe('三无县 evaluation records', () => {
  it('a county may not evaluate itself; bad entries are 400s and store nothing', async () => {
    const own = await post('gl_leader', '/sanwu/evaluations', {
      jurisdiction: '320106',
      year,
      manual: allMet,
    });
    expect(own.statusCode).toBe(403);
    const platform = await post('nj_supervisor', '/sanwu/evaluations', {
      jurisdiction: '320106',
      year,
      manual: [{ key: 'group_skipping', met: true }],
    });
    expect(platform.json().error).toMatchObject({ code: 'sanwu_platform_criterion', field: 'manual' });
    const unknown = await post('nj_supervisor', '/sanwu/evaluations', {
      jurisdiction: '320106',
      year,
      manual: [{ key: 'weather', met: true }],
    });
    expect(unknown.statusCode).toBe(400);
    const list = (await get('nj_leader', `/sanwu/evaluations?year=${year}`)).json();
    expect(list.items.every((i: { id: number | null }) => i.id === null)).toBe(true);
  });

  it('玄武区 meets every criterion: recorded, decided by the leader, then fixed', async () => {
    const rec = await post('nj_supervisor', '/sanwu/evaluations', {
      jurisdiction: '320102',
      year,
      manual: allMet,
      opinion: '全年信访秩序良好',
    });
    expect(rec.statusCode).toBe(200);
    const e = rec.json();
    expect(e).toMatchObject({ name: '玄武区', status: 'draft', result: 'qualified', canDecide: false });
    expect(e.evidence.find((x: { key: string }) => x.key === 'beijing').note).toContain('国家信访局');
    expect((await post('nj_supervisor', `/sanwu/evaluations/${e.id}/decide`, {})).statusCode).toBe(403);
    const decided = await post('nj_leader', `/sanwu/evaluations/${e.id}/decide`, { opinion: '评定为三无县' });
    expect(decided.json()).toMatchObject({
      status: 'decided',
      resultName: '达标（“三无”县）',
      canEvaluate: false,
    });
    const again = await post('nj_supervisor', '/sanwu/evaluations', {
      jurisdiction: '320102',
      year,
      manual: allMet,
    });
    expect(again.statusCode).toBe(409);
    expect((await post('nj_leader', `/sanwu/evaluations/${e.id}/decide`, {})).statusCode).toBe(409);
  });

  it('鼓楼区 fails on the platform’s evidence; 秦淮区 on its group-event warning', async () => {
    const gulou = (
      await post('nj_supervisor', '/sanwu/evaluations', { jurisdiction: '320106', year, manual: allMet })
    ).json();
    expect(gulou.result).toBe('not_qualified');
    const qinhuai = (
      await post('nj_supervisor', '/sanwu/evaluations', { jurisdiction: '320104', year, manual: allMet })
    ).json();
    expect(qinhuai.result).toBe('not_qualified');
    expect(qinhuai.evidence.find((x: { key: string }) => x.key === 'group_event')).toMatchObject({
      count: 1,
      met: false,
    });
  });

  it('an incomplete record cannot be decided; entering the missing criterion completes it', async () => {
    const part = (
      await post('nj_supervisor', '/sanwu/evaluations', {
        jurisdiction: '320105',
        year,
        manual: [{ key: 'beijing', met: true }],
      })
    ).json();
    expect(part.result).toBeNull();
    const refused = await post('nj_leader', `/sanwu/evaluations/${part.id}/decide`, {});
    expect(refused.json().error.code).toBe('sanwu_incomplete');
    const full = (
      await post('nj_supervisor', '/sanwu/evaluations', {
        jurisdiction: '320105',
        year,
        manual: [...allMet.slice(0, 1), { key: 'extreme', met: false, note: '发生一起因信访引发的极端事件' }],
      })
    ).json();
    expect(full).toMatchObject({ id: part.id, result: 'not_qualified' });
  });

  it('the city’s list shows its counties with their status; a county sees its own only', async () => {
    const list = (await get('nj_leader', `/sanwu/evaluations?year=${year}`)).json();
    expect(list.items.length).toBeGreaterThanOrEqual(11);
    expect(list.summary).toMatchObject({ decided: 1, qualified: 1 });
    expect(
      list.items.find((i: { jurisdictionCode: string }) => i.jurisdictionCode === '320106').statusName,
    ).toBe('评定中');
    const own = (await get('gl_supervisor', `/sanwu/evaluations?year=${year}`)).json();
    expect(own.items.map((i: { name: string }) => i.name)).toEqual(['鼓楼区']);
    expect(own.items[0].canEvaluate).toBe(false);
    expect(
      (await get('gl_supervisor', `/sanwu/evaluations?jurisdiction=320100&year=${year}`)).statusCode,
    ).toBe(403);
    const gulouId = list.items.find((i: { jurisdictionCode: string }) => i.jurisdictionCode === '320106').id;
    expect((await get('gl_supervisor', `/sanwu/evaluations/${gulouId}`)).statusCode).toBe(200);
    const xuanwuId = list.items.find((i: { jurisdictionCode: string }) => i.jurisdictionCode === '320102').id;
    expect((await get('gl_supervisor', `/sanwu/evaluations/${xuanwuId}`)).statusCode).toBe(404);
  });
});
