import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDue } from '../../src/domain/deadlines/index.ts';
import { bearer, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const t: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness();
  for (const u of ['admin', 'nj_admin', 'gl_admin', 'gl_registrar']) t[u] = await h.login(u);
});
afterAll(async () => {
  await h?.close();
});
const as = (u: string) => bearer(t[u] ?? '');

async function registerCall() {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: as('gl_registrar'),
    payload: {
      form: 'phone',
      subject: `来电反映噪音 ${Math.random()}`,
      content: '来电人反映夜间施工噪音扰民，请求处理。',
      jurisdictionCode: '320106',
      petitioner: { name: '孙九', phone: '13577778888' },
    },
  });
  return (
    await h.app.inject({ url: `/api/v1/cases/${res.json().caseId}`, headers: as('gl_registrar') })
  ).json();
}

describe('per-jurisdiction time limits', () => {
  it('a city setting applies to its districts; a district cannot set the city', async () => {
    const refused = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/limits/320100',
      headers: as('gl_admin'),
      payload: { clocks: { acceptance: { amount: 10, unit: 'calendar_days' } } },
    });
    expect(refused.statusCode).toBe(403);
    const ok = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/limits/320100',
      headers: as('nj_admin'),
      payload: { clocks: { acceptance: { amount: 10, unit: 'calendar_days' } } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().clocks.acceptance).toEqual({ amount: 10, unit: 'calendar_days' });
    expect(ok.json().clocks.handling).toEqual({ amount: 60, unit: 'calendar_days' });

    const d = await registerCall();
    const acceptance = d.deadlines.find((x: { name: string }) => x.name === 'acceptance');
    const expected = computeDue(new Date(d.receivedAt), { amount: 10, unit: 'calendar_days' });
    expect(acceptance.dueDate).toBe(expected.dueDate);
    // 苏州 keeps the law's 15 days
    const sz = (await h.app.inject({ url: '/api/v1/settings/limits/320508', headers: as('admin') })).json();
    expect(sz.clocks.acceptance.amount).toBe(15);
  });

  it('rejects nonsense limits with a field error', async () => {
    const res = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/limits/320106',
      headers: as('gl_admin'),
      payload: { clocks: { acceptance: { amount: 0, unit: 'calendar_days' } } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('clocks.acceptance.amount');
  });
});

describe('SMS templates', () => {
  it('the province admin edits a template and the next SMS uses it; nobody else may', async () => {
    const refused = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/sms-templates',
      headers: as('nj_admin'),
      payload: { templates: { registered: '新模板{caseNumber}' } },
    });
    expect(refused.statusCode).toBe(403);
    const pii = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/sms-templates',
      headers: as('admin'),
      payload: { templates: { registered: '您的身份证号{idNumber}' } },
    });
    expect(pii.statusCode).toBe(400);
    const ok = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/sms-templates',
      headers: as('admin'),
      payload: {
        templates: { registered: '【鼓楼信访】已收到您的来电，编号{caseNumber}，查询码{queryCode}。' },
      },
    });
    expect(ok.statusCode).toBe(200);
    await registerCall();
    await h.settle();
    expect(
      h.sms.sent.some((m) => m.to === '13577778888' && m.body.startsWith('【鼓楼信访】已收到您的来电')),
    ).toBe(true);
  });
});
