// Crafted input gets a field-level Chinese 4xx, never a 500, and nothing is stored: action names
// that are Object.prototype members, control characters (NUL …) in any text field, years before
// 1900 in dates, ids beyond int4 in paths, filters and payloads (src/domain/validation/fields.ts).
// Also: a lost concurrent action is told the state changed (409), and names with characters of
// CJK Extension B and beyond are accepted end to end.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let caseId = 0;
let reportId = 0;
let zhujian = 0;

const USERS = ['gl_registrar', 'gl_handler', 'nj_analyst', 'admin', 'gl_supervisor', '13900000001'];

const letter = (extra: Record<string, unknown> = {}) => ({
  form: 'letter',
  subject: '反映小区噪声扰民问题',
  content: '小区旁工地夜间施工噪声扰民，多次反映未解决，请求依法处理。',
  jurisdictionCode: '320106',
  petitioner: { name: '李四', phone: '13811112222' },
  ...extra,
});

async function register(payload: Record<string, unknown>, user = 'gl_registrar') {
  return h.app.inject({ method: 'POST', url: '/api/v1/cases', headers: h.as(user), payload });
}

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(USERS);
  const res = await register(letter());
  caseId = res.json().caseId;
  await h.act('gl_registrar', caseId, 'accept');
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
  const report = await h.app.inject({
    method: 'POST',
    url: '/api/v1/reports/monthly',
    headers: h.as('nj_analyst'),
    payload: { month: '2026-01' },
  });
  reportId = report.json().id;
});
afterAll(async () => {
  await h?.close();
});

interface Probe {
  user: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string | (() => string);
  payload?: unknown;
  field: string;
}

/** Each probe: a 4xx (400 unless said) naming the field, with a Chinese message. */
async function expectRefused(p: Probe, status = 400) {
  const url = typeof p.url === 'function' ? p.url() : p.url;
  const res = await h.app.inject({
    method: p.method ?? 'GET',
    url,
    headers: p.user === 'anonymous' ? {} : h.as(p.user),
    payload: p.payload as Record<string, unknown>,
  });
  const what = `${p.method ?? 'GET'} ${url} ${JSON.stringify(p.payload) ?? ''}`;
  expect(res.statusCode, `${what} → ${res.body}`).toBe(status);
  const error = res.json().error;
  expect(error.field, what).toBe(p.field);
  expect(error.message, what).toMatch(/[\u4e00-\u9fff]/);
  return error as { code: string; field: string; message: string };
}

/** Probes named with their method in the test titles (GET unless said). */
const withGet = (probes: Probe[]): Probe[] => probes.map((p) => ({ method: 'GET', ...p }));

const countCases = async () => (await h.ctx.db.select({ n: count() }).from(cases))[0]?.n;

describe('action names that are Object.prototype members', () => {
  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])(
    '%s is an unknown action (400), not a crash',
    async (action) => {
      const e = await expectRefused({
        user: 'gl_registrar',
        method: 'POST',
        url: () => `/api/v1/cases/${caseId}/actions`,
        payload: { action },
        field: 'action',
      });
      expect(e.code).toBe('unknown_action');
    },
  );
});

describe('control characters in text fields', () => {
  const NUL = 'a\u0000b';
  const probes: Probe[] = [
    {
      user: 'gl_registrar',
      method: 'POST',
      url: '/api/v1/cases',
      payload: letter({ subject: `噪声${NUL}` }),
      field: 'subject',
    },
    {
      user: 'gl_registrar',
      method: 'POST',
      url: '/api/v1/cases',
      payload: letter({ content: `夜间施工噪声扰民问题严重${NUL}` }),
      field: 'content',
    },
    {
      user: 'gl_registrar',
      method: 'POST',
      url: '/api/v1/cases',
      payload: letter({ categoryCode: NUL }),
      field: 'categoryCode',
    },
    {
      user: 'gl_registrar',
      method: 'POST',
      url: '/api/v1/cases',
      payload: letter({ petitioner: { name: '李四', address: `鼓楼区${NUL}` } }),
      field: 'petitioner.address',
    },
    {
      user: 'gl_registrar',
      method: 'POST',
      url: '/api/v1/cases',
      payload: letter({ subject: '噪声\u0001\u001b[31m问题' }),
      field: 'subject',
    },
    {
      user: 'gl_registrar',
      method: 'POST',
      url: () => `/api/v1/cases/${caseId}/actions`,
      payload: { action: 'add_progress', note: `已约谈${NUL}` },
      field: 'note',
    },
    {
      user: 'gl_registrar',
      method: 'POST',
      url: () => `/api/v1/cases/${caseId}/actions`,
      payload: {
        action: 'reply',
        outcome: 'supported',
        request: '请求',
        facts: `事实${NUL}`,
        reasons: '理由',
        decision: '意见',
      },
      field: 'facts',
    },
    {
      user: 'gl_registrar',
      method: 'POST',
      url: () => `/api/v1/cases/${caseId}/actions`,
      payload: { action: 'assign', targetUnitId: 1, instructions: `要求${NUL}` },
      field: 'instructions',
    },
    {
      user: 'gl_registrar',
      method: 'POST',
      url: () => `/api/v1/cases/${caseId}/actions`,
      payload: { action: `accept${NUL}` },
      field: 'action',
    },
    { user: 'gl_registrar', url: '/api/v1/cases?q=%00', field: 'q' },
    { user: 'gl_registrar', url: '/api/v1/cases?category=%00', field: 'category' },
    { user: 'gl_registrar', url: '/api/v1/cases/export.xlsx?title=a%00', field: 'title' },
    { user: 'nj_analyst', url: '/api/v1/analytics/forecast?category=%00', field: 'category' },
    { user: 'nj_analyst', url: '/api/v1/analytics/trend?category=%00', field: 'category' },
    { user: 'nj_analyst', url: '/api/v1/analytics/cases?form=%00', field: 'form' },
    {
      user: 'nj_analyst',
      method: 'PUT',
      url: () => `/api/v1/reports/${reportId}`,
      payload: { sections: { situation: NUL } },
      field: 'sections.situation',
    },
    {
      user: 'gl_supervisor',
      method: 'POST',
      url: '/api/v1/warnings/1/acknowledge',
      payload: { note: NUL },
      field: 'note',
    },
    {
      user: 'admin',
      method: 'POST',
      url: '/api/v1/special-periods',
      payload: { name: `国庆${NUL}`, from: '2026-10-01', to: '2026-10-07', scope: '320000' },
      field: 'name',
    },
    {
      user: 'admin',
      method: 'PUT',
      url: '/api/v1/settings/sms-templates',
      payload: { templates: { registered: `您的信访件${NUL}` } },
      field: 'templates.registered',
    },
    {
      user: 'admin',
      method: 'PUT',
      url: '/api/v1/classify/routing/320000',
      payload: { 城乡建设: `zhujian${NUL}` },
      field: '城乡建设',
    },
    {
      user: 'gl_registrar',
      method: 'POST',
      url: '/api/v1/classify',
      payload: { subject: NUL },
      field: 'subject',
    },
    {
      user: 'gl_registrar',
      method: 'POST',
      url: '/api/v1/cases/similar',
      payload: { subject: NUL, content: '内容', jurisdictionCode: '320106' },
      field: 'subject',
    },
    {
      user: 'admin',
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'fuzz_user',
        password: 'Abcdefgh12!',
        role: 'registrar',
        unitId: zhujian || 1,
        displayName: `张${NUL}`,
      },
      field: 'displayName',
    },
    {
      user: 'anonymous',
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: `admin${NUL}`, password: 'x' },
      field: 'username',
    },
    { user: 'anonymous', url: '/api/v1/public/cases/3201%00?code=ABC', field: 'caseNumber' },
    { user: 'anonymous', url: '/api/v1/public/cases/320106?code=%00', field: 'code' },
  ];

  it('refuses NUL and other C0 characters with a field-level 400 everywhere, storing nothing', async () => {
    const before = await countCases();
    for (const p of probes) {
      const e = await expectRefused(p);
      expect(e.message).toMatch(/控制字符/);
    }
    expect(await countCases()).toBe(before);
  });

  it('keeps newlines and tabs, and turns CRLF into a newline', async () => {
    const res = await register(
      letter({
        subject: '反映学校收费问题',
        content: '第一段：学校违规收费。\r\n第二段：\t多次反映未解决。',
        petitioner: { name: '赵六', phone: '13811114444' },
      }),
    );
    expect(res.statusCode).toBe(201);
    const d = (
      await h.app.inject({ url: `/api/v1/cases/${res.json().caseId}`, headers: h.as('gl_registrar') })
    ).json();
    expect(d.content).toBe('第一段：学校违规收费。\n第二段：\t多次反映未解决。');
  });
});

describe('dates outside sane years', () => {
  it.each(
    withGet([
      { user: 'gl_registrar', url: '/api/v1/cases?from=0999-12-31', field: 'from' },
      { user: 'gl_registrar', url: '/api/v1/cases?to=0001-01-01', field: 'to' },
      { user: 'gl_registrar', url: '/api/v1/cases/export.xlsx?from=0999-12-31', field: 'from' },
      {
        user: 'gl_registrar',
        method: 'POST',
        url: '/api/v1/cases',
        payload: letter({ receivedAt: '0999-06-01T08:00:00+08:00' }),
        field: 'receivedAt',
      },
      {
        user: 'nj_analyst',
        url: '/api/v1/analytics/indicators?from=0999-01-01&to=0999-12-31',
        field: 'from',
      },
      { user: 'nj_analyst', url: '/api/v1/analytics/trend?from=0500-01-01', field: 'from' },
      { user: 'nj_analyst', url: '/api/v1/analytics/hotspots?from=0999-01-01&to=0999-02-01', field: 'from' },
      { user: 'nj_analyst', url: '/api/v1/analytics/forecast?until=0999-01', field: 'until' },
      {
        user: 'nj_analyst',
        method: 'POST',
        url: '/api/v1/reports/monthly',
        payload: { month: '0999-01' },
        field: 'month',
      },
      {
        user: 'admin',
        method: 'POST',
        url: '/api/v1/special-periods',
        payload: { name: '保障期', from: '0999-01-01', to: '0999-01-02', scope: '320000' },
        field: 'from',
      },
      { user: 'nj_analyst', url: '/api/v1/analytics/hotspots?from=2026-13-45', field: 'from' },
    ]),
  )('$method $url → 400 on $field', async (p) => {
    const e = await expectRefused(p);
    expect(e.message).toMatch(/年|日期|月份|时间/);
  });
});

describe('ids beyond int4', () => {
  const BIG = 2 ** 31; // 2147483648
  it.each(
    withGet([
      { user: 'gl_registrar', url: `/api/v1/cases/${BIG}`, field: 'id' },
      { user: 'gl_registrar', url: `/api/v1/cases/${BIG}/notifications`, field: 'id' },
      { user: 'gl_registrar', url: `/api/v1/cases/1/documents/${BIG}`, field: 'docId' },
      {
        user: 'gl_registrar',
        method: 'POST',
        url: `/api/v1/cases/${BIG}/actions`,
        payload: { action: 'accept' },
        field: 'id',
      },
      { user: 'gl_registrar', url: `/api/v1/cases?unitId=${BIG}`, field: 'unitId' },
      { user: 'admin', url: `/api/v1/users?unitId=${BIG}`, field: 'unitId' },
      { user: 'nj_analyst', url: `/api/v1/analytics/cases?unit=${BIG}`, field: 'unit' },
      { user: 'nj_analyst', url: `/api/v1/reports/${BIG}`, field: 'id' },
      { user: 'nj_analyst', url: `/api/v1/reports/9007199254740991/charts/trend`, field: 'id' },
      {
        user: 'nj_analyst',
        method: 'PUT',
        url: `/api/v1/reports/${BIG}`,
        payload: { sections: {} },
        field: 'id',
      },
      {
        user: 'gl_supervisor',
        method: 'POST',
        url: `/api/v1/warnings/${BIG}/acknowledge`,
        payload: {},
        field: 'id',
      },
      { user: 'admin', method: 'DELETE', url: `/api/v1/special-periods/${BIG * 2}`, field: 'id' },
      {
        user: 'admin',
        method: 'POST',
        url: '/api/v1/users',
        payload: {
          username: 'big_unit',
          password: 'Abcdefgh12!',
          role: 'registrar',
          unitId: BIG,
          displayName: '张三',
        },
        field: 'unitId',
      },
      {
        user: 'gl_registrar',
        method: 'POST',
        url: '/api/v1/cases/similar',
        payload: { subject: '噪声', content: '内容', jurisdictionCode: '320106', excludeCaseId: BIG },
        field: 'excludeCaseId',
      },
      {
        user: 'gl_registrar',
        method: 'POST',
        url: () => `/api/v1/cases/${caseId}/actions`,
        payload: { action: 'assign', targetUnitId: BIG },
        field: 'targetUnitId',
      },
    ]),
  )('$method $url → 400 on $field', async (p) => {
    await expectRefused(p);
  });

  it('keeps the largest int4 a plain "not found"', async () => {
    const res = await h.app.inject({ url: `/api/v1/cases/${2 ** 31 - 1}`, headers: h.as('gl_registrar') });
    expect(res.statusCode).toBe(404);
  });
});

describe('a lost concurrent action', () => {
  it('is told the matter moved on (409), not that it may not act (403)', async () => {
    const c = (await register(letter({ subject: '反映道路积水问题' }))).json();
    const assign = () =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${c.caseId}/actions`,
        headers: h.as('gl_registrar'),
        payload: { action: 'assign', targetUnitId: zhujian },
      });
    await h.act('gl_registrar', c.caseId, 'accept');
    // Two assignments at once: the first moves the matter to the department, which now holds it;
    // the second finds it no longer 'accepted'.
    const answers = await Promise.all([assign(), assign()]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const lost = answers.find((r) => r.statusCode === 409);
    expect(lost?.json().error.code).toBe('action_not_allowed');
    const [row] = await h.ctx.db.select().from(cases).where(eq(cases.id, c.caseId));
    expect(row?.state).toBe('handling');
  });
});

describe('names with CJK Extension B and beyond', () => {
  it('registers 王𠀀 as petitioner and keeps the name intact', async () => {
    const res = await register(
      letter({ subject: '反映工资拖欠问题', petitioner: { name: '王𠀀', phone: '13811113333' } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const d = (
      await h.app.inject({ url: `/api/v1/cases/${res.json().caseId}`, headers: h.as('gl_registrar') })
    ).json();
    expect(JSON.stringify(d.parties)).toContain('王𠀀');
  });

  it('lets a citizen put 𪚥𠀀 in the real-name profile', async () => {
    const res = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: h.as('13900000001'),
      payload: { name: '𪚥𠀀', idNumber: '11010519491231002X' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const me = await h.app.inject({ url: '/api/v1/me/profile', headers: h.as('13900000001') });
    expect(me.json().name).toBe('𪚥𠀀');
  });
});
