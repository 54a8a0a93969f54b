// Co-handling (会办) and 三跨三分离 (issue 11 item 5): the bureau hands a matter to a lead unit with
// co-handling units (会办交办); each co-unit reads the matter and files its part; the lead replies
// only once every part is in; 三跨三分离 is recorded (跨地区/跨部门 derived, the separations given);
// a matter crossing county-level jurisdictions is handed out only by their common superior bureau.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const PASSWORD = 'Huiban#Unit2026x';
const u = { zhujian: 0, gongan: 0, chengguan: 0, minzheng: 0, xuanwuZhujian: 0 };

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['gl_registrar', 'gl_handler', 'gl_admin', 'nj_registrar']);
  const unitsOf = async (code: string) =>
    (await h.app.inject({ url: `/api/v1/jurisdictions/${code}` })).json().units as {
      id: number;
      name: string;
    }[];
  const gl = await unitsOf('320106');
  const id = (list: { id: number; name: string }[], name: string) =>
    list.find((x) => x.name === name)?.id ?? 0;
  u.zhujian = id(gl, '鼓楼区住房和城乡建设局');
  u.gongan = id(gl, '鼓楼区公安局');
  u.chengguan = id(gl, '鼓楼区城市管理局');
  u.minzheng = id(gl, '鼓楼区民政局');
  u.xuanwuZhujian = id(await unitsOf('320102'), '玄武区住房和城乡建设局');
  for (const [username, unitId] of [
    ['gl_gongan', u.gongan],
    ['gl_chengguan', u.chengguan],
  ] as const) {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: h.as('gl_admin'),
      payload: { username, password: PASSWORD, role: 'handler', unitId, displayName: `${username}经办人` },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  await h.loginAll(['gl_gongan', 'gl_chengguan'], PASSWORD);
});
afterAll(async () => {
  await h?.close();
});

const letter = (subject: string) => ({
  form: 'letter',
  purpose: 'claim',
  categoryCode: '010000',
  subject,
  content: `${subject}，涉及多个部门，多次反映未果，请协调解决。`,
  jurisdictionCode: '320106',
  petitioner: { name: '吴丽', phone: '13812340000' },
});
const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const act = (user: string, id: number, action: string, payload: Record<string, unknown> = {}) =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/actions`,
    headers: h.as(user),
    payload: { action, ...payload },
  });
const accepted = async (user: string, subject: string) => {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as(user),
    payload: letter(subject),
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().caseId as number;
  await h.act(user, id, 'accept');
  return id;
};
const feedback = (user: string, id: number, text: string) =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/cohandling/feedback`,
    headers: h.as(user),
    payload: { feedback: text },
  });
const reply = {
  outcome: 'supported',
  request: '请求解决小区违建占道及噪声问题',
  facts: '经住建、公安、城管会办核查，违建属实',
  reasons: '依据相关规定',
  decision: '由城管局限期拆除，公安加强巡查',
};

describe('a matter co-handled by three 鼓楼 departments', () => {
  let id = 0;
  beforeAll(async () => {
    id = await accepted('gl_registrar', '小区违建占道噪声扰民');
  });

  it('is handed to a lead unit with co-units: 三跨三分离 and the coordinating bureau recorded', async () => {
    const res = await act('gl_registrar', id, 'assign_cohandling', {
      targetUnitId: u.zhujian,
      coUnitIds: [u.gongan, u.chengguan],
      crossTypes: ['separated_person_household'],
      instructions: '住建局牵头，公安、城管会办，10日内反馈会办意见',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('handling');
    const [c] = await h.ctx.db.select().from(cases).where(eq(cases.id, id));
    expect(c).toMatchObject({
      currentUnitId: u.zhujian,
      assignedUnitId: u.zhujian,
      coUnitIds: [u.gongan, u.chengguan],
    });
    const view = (await get('gl_registrar', `/cases/${id}/cohandling`)).json().cohandling;
    expect(view).toMatchObject({
      leadUnit: '鼓楼区住房和城乡建设局',
      coordinatingUnit: '鼓楼区信访局',
      pending: 2,
    });
    expect(view.crossTypes.map((t: { name: string }) => t.name)).toEqual(['跨部门', '人户分离']);
    const detail = (await get('gl_registrar', `/cases/${id}`)).json();
    expect(detail.timeline.map((e: { label: string }) => e.label)).toContain('会办交办');
  });

  it("the co-units read it (detail, list) but may not take the lead's actions", async () => {
    expect((await get('gl_gongan', `/cases/${id}`)).statusCode).toBe(200);
    const list = (await get('gl_gongan', '/cases?pageSize=100&flag=cohandling')).json();
    expect(list.items.map((c: { id: number }) => c.id)).toContain(id);
    expect((await act('gl_gongan', id, 'reply', reply)).statusCode).toBe(403);
    // The lead unit files no part of its own.
    expect((await feedback('gl_handler', id, '住建局意见')).statusCode).toBe(403);
  });

  it("the lead's reply waits for every part: 409 naming the units that have not filed", async () => {
    const res = await act('gl_handler', id, 'reply', reply);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('cohandling_pending');
    expect(res.json().error.message).toContain('鼓楼区公安局、鼓楼区城市管理局');
    const ok = await feedback('gl_gongan', id, '已出警三次，噪声属实，将加强夜间巡查');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().cohandling.pending).toBe(1);
    const still = await act('gl_handler', id, 'reply', reply);
    expect(still.json().error.message).toContain('鼓楼区城市管理局');
    expect(still.json().error.message).not.toContain('公安局');
  });

  it('once all parts are in, the lead replies and the parts are closed', async () => {
    await feedback('gl_chengguan', id, '违建属实，已下达限期拆除通知');
    const res = await act('gl_handler', id, 'reply', reply);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('replied');
    const late = await feedback('gl_gongan', id, '补充意见');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('cohandling_closed');
    const parts = (await get('gl_handler', `/cases/${id}/cohandling`)).json().cohandling.parts;
    expect(parts.map((p: { feedback: string }) => p.feedback)).toEqual([
      '已出警三次，噪声属实，将加强夜间巡查',
      '违建属实，已下达限期拆除通知',
    ]);
  });
});

describe('refusals change nothing', () => {
  let id = 0;
  beforeAll(async () => {
    id = await accepted('gl_registrar', '跨区房屋漏水纠纷');
  });

  it('a co-unit in another county: only the common superior bureau may hand it out (400)', async () => {
    const res = await act('gl_registrar', id, 'assign_cohandling', {
      targetUnitId: u.zhujian,
      coUnitIds: [u.xuanwuZhujian],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'cohandling_needs_superior', field: 'coUnitIds' });
    expect(res.json().error.message).toContain('共同的上级信访部门');
  });

  it('the lead among the co-units, no co-unit, or an unknown unit: 400', async () => {
    const dup = await act('gl_registrar', id, 'assign_cohandling', {
      targetUnitId: u.zhujian,
      coUnitIds: [u.zhujian],
    });
    expect(dup.json().error.code).toBe('cohandling_duplicate');
    const none = await act('gl_registrar', id, 'assign_cohandling', {
      targetUnitId: u.zhujian,
      coUnitIds: [],
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toContain('请至少选择一个会办单位');
    const bad = await act('gl_registrar', id, 'assign_cohandling', {
      targetUnitId: u.zhujian,
      coUnitIds: [u.gongan],
      crossTypes: ['nonsense'],
    });
    expect(bad.statusCode).toBe(400);
    const [c] = await h.ctx.db.select().from(cases).where(eq(cases.id, id));
    expect(c).toMatchObject({ state: 'accepted', coUnitIds: [] });
    expect((await get('gl_registrar', `/cases/${id}/cohandling`)).json().cohandling).toBeNull();
  });

  it('an accused unit may not co-handle an accusation (回避)', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('gl_registrar'),
      payload: {
        ...letter('举报民政局某干部违规发放补贴'),
        purpose: 'accusation',
        accused: [{ unitId: u.minzheng }],
      },
    });
    const cid = res.json().caseId;
    await h.act('gl_registrar', cid, 'accept');
    const r = await act('gl_registrar', cid, 'assign_cohandling', {
      targetUnitId: u.zhujian,
      coUnitIds: [u.minzheng],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('accused_is_holder');
  });
});

describe('across counties: coordinated by the city bureau', () => {
  it('南京市信访局 hands out a matter to 鼓楼 and 玄武 units: 跨地区, coordinated by 南京市信访局', async () => {
    const id = await accepted('nj_registrar', '鼓楼玄武交界处道路积水');
    const res = await act('nj_registrar', id, 'assign_cohandling', {
      targetUnitId: u.zhujian,
      coUnitIds: [u.xuanwuZhujian],
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = (await get('nj_registrar', `/cases/${id}/cohandling`)).json().cohandling;
    expect(view.coordinatingUnit).toBe('南京市信访局');
    expect(view.crossTypes.map((t: { key: string }) => t.key)).toEqual(['cross_region', 'cross_department']);
  });
});
