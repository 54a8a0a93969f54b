// Routing by 细分类: an administrator sends one 细分类 of a category to another department (城乡建设 /
// 物业管理 → 市场监管局, fees being prices) while the rest of the category keeps its own; the
// suggestion follows the 细分类 the text names, a registered matter the one chosen for it; a lower
// level can take the override back ('' → the category's department again).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionaryAt } from '../../src/categories/queries.ts';
import { seedCategoryExamples } from '../../src/seed/categoryExamples.ts';
import { letter } from '../helpers/builders.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let code: (name: string) => string;
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['gl_registrar', 'gl_admin', 'nj_admin']);
  expect(await seedCategoryExamples(h.ctx)).toBeGreaterThan(0);
  const { entries } = await dictionaryAt(h.ctx.db);
  code = (name) => entries.find((e) => e.name === name)?.code as string;
});
afterAll(async () => {
  await h?.close();
});

const suggested = async (subject: string, jurisdictionCode = '320106') => {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/classify',
    headers: h.as('gl_registrar'),
    payload: { subject, content: '', jurisdictionCode },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().top3[0] as { category: string; department: { key: string; unitName?: string } };
};
const put = (user: string, place: string, body: Record<string, string>) =>
  h.app.inject({
    method: 'PUT',
    url: `/api/v1/classify/routing/${place}`,
    headers: h.as(user),
    payload: body,
  });

describe('routing by 细分类', () => {
  it('sends the 细分类 the text names to its own department, the rest of the category to the category’s', async () => {
    const fees = '小区物业收费不合理，物业公司擅自提高收费标准';
    expect(await suggested(fees)).toMatchObject({ category: '城乡建设', department: { key: 'zhujian' } });
    const res = await put('nj_admin', '320100', { [code('物业管理')]: 'shichang' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().routing[code('物业管理')]).toBe('shichang');
    // 物业收费 is a third level under 物业管理: the second level's routing covers it.
    expect((await suggested(fees)).department).toMatchObject({
      key: 'shichang',
      unitName: expect.stringContaining('市场监督管理局'),
    });
    expect((await suggested('商品房逾期交房，开发商拖延')).department.key).toBe('zhujian');
    // Elsewhere in the province the table is the default one.
    expect((await suggested(fees, '320205')).department.key).toBe('zhujian');
  });

  it('routes a registered matter by the 细分类 chosen for it', async () => {
    const c = await h.register(
      'gl_registrar',
      letter('服务太差', { categoryCode: '010000', subcategoryCode: code('物业服务质量') }),
    );
    const res = await h.app.inject({
      url: `/api/v1/cases/${c.caseId}/classification`,
      headers: h.as('gl_registrar'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().routed).toMatchObject({ category: '城乡建设', department: { key: 'shichang' } });
  });

  it('refuses what is not a 细分类 in use; a lower level takes the override back with ""', async () => {
    const bad = await put('gl_admin', '320106', { '019900': 'shichang' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('unknown_subcategory');
    expect((await put('gl_admin', '320106', { [code('物业管理')]: 'nope' })).statusCode).toBe(400);
    const back = await put('gl_admin', '320106', { [code('物业管理')]: '' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().routing[code('物业管理')]).toBeUndefined();
    expect((await suggested('小区物业收费不合理')).department.key).toBe('zhujian');
    // The city's own setting stands for its other districts.
    expect((await suggested('小区物业收费不合理', '320102')).department.key).toBe('shichang');
  });
});
