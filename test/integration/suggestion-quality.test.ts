// 分类建议的准确程度 (GET /api/v1/intake/suggestion-quality): the suggestions kept at intake against
// the categories the matters were filed under — confirmed, changed, or given at registration — with
// the suggestions still 待确认 counted apart; read by the statistics' readers within their subtree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const CITIZEN = '13900000001';
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([CITIZEN, 'gl_registrar', 'gl_analyst', 'gl_handler', 'nj_leader']);
});
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });

async function online(subject: string, content: string): Promise<number> {
  const r = await h.register(CITIZEN, {
    form: 'online',
    purpose: 'claim',
    subject,
    content,
    jurisdictionCode: '320106',
  });
  return r.caseId as number;
}
async function decide(caseId: number, categoryCode: string) {
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/category`,
    headers: h.as('gl_registrar'),
    payload: { categoryCode },
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('how the intake suggestions held up', () => {
  it('counts decided matters against their suggestion, given ones apart, pending ones aside', async () => {
    const wages = await online(
      '公司拖欠三个月工资',
      '本人在某装饰公司工作，公司拖欠三个月工资，多次讨要无果。',
    );
    const noise = await online('工厂排放废气污染', '工厂夜间排放废气，附近居民无法开窗，请环保部门查处。');
    const stalls = await online('小区门口占道摆摊', '小区门口每天傍晚有大量摊贩占道经营，车辆行人通行困难。');
    await online('孩子入学划片不合理', '我家孩子按户籍应划入附近小学，却被划到三公里外的学校。');
    await h.register('gl_registrar', {
      form: 'letter',
      purpose: 'claim',
      categoryCode: '020000',
      subject: '拖欠工资',
      content: '某公司拖欠农民工工资三个月。',
      jurisdictionCode: '320106',
      petitioner: { name: '王五', phone: '13812340001' },
    });
    await h.settle();
    const suggested = async (id: number) =>
      (await get('gl_registrar', `/cases/${id}/classification`)).json().suggestion.top3[0].code as string;
    expect(await suggested(wages)).toBe('020000');
    expect(await suggested(noise)).toBe('130000');
    expect(await suggested(stalls)).toBe('010000');
    await decide(wages, '020000'); // confirmed
    await decide(noise, '130000'); // confirmed
    await decide(stalls, '080000'); // changed: 城乡建设 suggested, filed under 政法

    const res = await get('gl_analyst', '/intake/suggestion-quality');
    expect(res.statusCode, res.body).toBe(200);
    const q = res.json();
    expect(q).toMatchObject({
      scope: '320106',
      matters: 4,
      firstRight: 0.75,
      pending: 1,
      givenAtRegistration: { matters: 1, firstRight: 1 },
      byVersion: [{ modelVersion: 'lexicon', modelName: '内置关键词表', matters: 4, firstRight: 0.75 }],
      corrections: [
        {
          suggestedCode: '010000',
          suggestedName: '城乡建设',
          finalCode: '080000',
          finalName: '政法',
          matters: 1,
        },
      ],
    });
    const byCode = new Map(q.byCategory.map((c: { code: string }) => [c.code, c]));
    expect(byCode.get('020000')).toMatchObject({
      name: '劳动和社会保障',
      matters: 2,
      firstRight: 1,
      suggested: 2,
      precision: 1,
    });
    expect(byCode.get('080000')).toMatchObject({ matters: 1, firstRight: 0, suggested: 0, precision: null });
    // 城乡建设 was suggested once and was wrong; no matter is filed under it.
    expect(byCode.has('010000')).toBe(false);
    // Every matter falls in one band of the first suggestion's probability.
    expect(q.bands.reduce((n: number, b: { matters: number }) => n + b.matters, 0)).toBe(4);

    // The city's leader reads the same matters in the city's scope.
    const city = (await get('nj_leader', '/intake/suggestion-quality?months=3')).json();
    expect(city).toMatchObject({ scope: '320100', matters: 4, firstRight: 0.75, pending: 1 });
  });

  it('refuses readers without statistics, scopes outside the subtree and bad periods, plainly', async () => {
    const citizen = await get(CITIZEN, '/intake/suggestion-quality');
    expect(citizen.statusCode).toBe(403);
    expect((await get('gl_handler', '/intake/suggestion-quality')).statusCode).toBe(403);
    const outside = await get('gl_analyst', '/intake/suggestion-quality?scope=320100');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error).toMatchObject({
      code: 'forbidden_scope',
      message: '只能查看本辖区的统计分析',
    });
    const months = await get('gl_analyst', '/intake/suggestion-quality?months=48');
    expect(months.statusCode).toBe(400);
  });
});
