// 工作台 over HTTP: each role's queues come from the server (landing queue first, with counts); a
// handler claims a matter and hands it to a colleague of the same unit (not to someone of another
// unit or who could not act on it); "assigned to me" follows the assignment and drops it when the
// matter leaves the unit; the timeline names the staff member (the petitioner sees no name and no
// internal step); progress notes are internal unless marked public; bulk 受理/交办 report each
// matter; saved views are the caller's own.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.ts';
import { DEMO_CITIZEN, onlinePetition } from '../helpers/builders.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let zhujian = 0; // 鼓楼区住房和城乡建设局 (gl_handler's unit)
let renshe = 0;
let colleagueId = 0;
let outsiderId = 0;

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const post = (user: string, url: string, payload: Record<string, unknown> = {}) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });

async function newCase(subject: string): Promise<number> {
  return (await h.register(DEMO_CITIZEN, onlinePetition(subject))).caseId;
}

async function newHandlingCase(subject: string): Promise<number> {
  const id = await newCase(subject);
  await h.act('gl_registrar', id, 'accept');
  await h.act('gl_registrar', id, 'assign', { targetUnitId: zhujian });
  return id;
}

async function createStaff(username: string, role: string, unitId: number, displayName: string) {
  const res = await post('gl_admin', '/users', {
    username,
    password: 'Workbench@2026x',
    role,
    unitId,
    displayName,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['13900000001', 'gl_registrar', 'gl_handler', 'gl_reviewer', 'gl_leader', 'gl_admin']);
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
  renshe = units.find((u: { name: string }) => u.name.includes('人力资源')).id;
  colleagueId = await createStaff('gl_handler_wang', 'handler', zhujian, '王敏');
  outsiderId = await createStaff('gl_renshe_li', 'handler', renshe, '李强');
  await createStaff('gl_zhujian_analyst', 'analyst', zhujian, '赵分析');
  await h.loginAll(['gl_handler_wang'], 'Workbench@2026x');
});
afterAll(async () => {
  await h?.close();
});

const queues = async (user: string, scope = 'unit') => {
  const res = await get(user, `/workbench/queues?scope=${scope}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    landing: string;
    items: { key: string; label: string; count: number; params: Record<string, string> }[];
  };
};
const count = (q: Awaited<ReturnType<typeof queues>>, key: string) =>
  q.items.find((i) => i.key === key)?.count;

describe('queues per role, from the server', () => {
  it('each role lands on its own queue, first in the list', async () => {
    const handler = await queues('gl_handler');
    expect(handler.landing).toBe('handling');
    expect(handler.items[0]?.label).toBe('办理中');
    expect(handler.items.map((i) => i.key)).not.toContain('review');
    const reviewer = await queues('gl_reviewer');
    expect(reviewer.items[0]?.key).toBe('extension');
    expect(reviewer.items.map((i) => i.key)).toContain('review');
    const leader = await queues('gl_leader');
    expect(leader.items.slice(0, 1).map((i) => i.label)).toEqual(['督办件']);
    expect(leader.items.map((i) => i.key)).toContain('overdue');
    expect((await queues('gl_registrar')).items[0]?.params).toMatchObject({ state: 'registered,forwarded' });
  });

  it('counts follow the matters, and a citizen has no workbench', async () => {
    const before = count(await queues('gl_handler'), 'handling') ?? 0;
    await newHandlingCase('小区电梯停运两个月');
    expect(count(await queues('gl_handler'), 'handling')).toBe(before + 1);
    expect((await get('13900000001', '/workbench/queues')).statusCode).toBe(403);
    expect((await get('gl_handler', '/workbench/queues?scope=all')).statusCode).toBe(400);
  });
});

describe('claim and hand over', () => {
  let id = 0;
  beforeAll(async () => {
    id = await newHandlingCase('楼顶漏水物业不修');
  });

  it('a handler claims a matter: it is in "mine", on the timeline by name, and audited', async () => {
    const mineBefore = count(await queues('gl_handler', 'mine'), 'handling') ?? 0;
    const a = (await get('gl_handler', `/workbench/cases/${id}/assignee`)).json();
    expect(a.assignee).toBeNull();
    expect(a.canClaim).toBe(true);
    expect(a.colleagues.map((c: { name: string }) => c.name)).toEqual(['王敏']); // not the analyst
    const res = await post('gl_handler', `/workbench/cases/${id}/claim`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().changed).toBe(true);
    expect((await post('gl_handler', `/workbench/cases/${id}/claim`)).json().changed).toBe(false);
    expect(count(await queues('gl_handler', 'mine'), 'handling')).toBe(mineBefore + 1);
    const list = (await get('gl_handler', '/cases?state=handling&assignee=me')).json();
    expect(list.items.map((c: { id: number }) => c.id)).toContain(id);
    const unassigned = (await get('gl_handler', '/cases?state=handling&assignee=none')).json();
    expect(unassigned.items.map((c: { id: number }) => c.id)).not.toContain(id);

    const timeline = (await get('gl_handler', `/cases/${id}`)).json().timeline;
    const claim = timeline.find((e: { label: string }) => e.label === '认领');
    expect(claim.actorName).toBe('鼓楼区住房和城乡建设局承办人');
    expect(claim.lines).toContainEqual({
      key: 'assignee',
      label: '办理人',
      value: '鼓楼区住房和城乡建设局承办人',
    });
    const assign = timeline.find((e: { action: string }) => e.action === 'assign');
    expect(assign.actorName).toBe('鼓楼区信访局登记员');
    const audits = await h.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'workbench.claim'));
    expect(audits.map((r) => r.entityId)).toContain(String(id));
  });

  it('the petitioner sees neither the claim nor any staff name', async () => {
    const mine = (await get('13900000001', `/cases/${id}`)).json();
    expect(mine.timeline.map((e: { label: string }) => e.label)).not.toContain('认领');
    expect(mine.timeline.every((e: { actorName: string | null }) => e.actorName === null)).toBe(true);
  });

  it('hands over to a colleague of the same unit only, who then holds it', async () => {
    const other = await post('gl_handler', `/workbench/cases/${id}/hand-over`, { userId: outsiderId });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.code).toBe('colleague_not_in_unit');
    const nul = await post('gl_handler', `/workbench/cases/${id}/hand-over`, {
      userId: colleagueId,
      note: 'a\u0000',
    });
    expect(nul.statusCode).toBe(400);
    const res = await post('gl_handler', `/workbench/cases/${id}/hand-over`, {
      userId: colleagueId,
      note: '王敏熟悉该小区情况',
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = (await get('gl_handler_wang', `/workbench/cases/${id}/assignee`)).json();
    expect(a.assignee.name).toBe('王敏');
    const wangMine = (await get('gl_handler_wang', '/cases?assignee=me')).json();
    expect(wangMine.items.map((c: { id: number }) => c.id)).toEqual([id]);
    const handed = (await get('gl_handler', `/cases/${id}`)).json().timeline.at(-1);
    expect(handed).toMatchObject({ label: '移交同事', actorName: '鼓楼区住房和城乡建设局承办人' });
    expect(handed.lines.map((l: { value: string }) => l.value)).toEqual(['王敏熟悉该小区情况', '王敏']);
  });

  it('a colleague who cannot act on the matter is refused, and so is anyone outside the holding unit', async () => {
    const analyst = (await get('gl_admin', '/users?pageSize=200'))
      .json()
      .items.find((u: { username: string }) => u.username === 'gl_zhujian_analyst');
    const res = await post('gl_handler', `/workbench/cases/${id}/hand-over`, { userId: analyst.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('colleague_cannot_act');
    // The registrar's bureau no longer holds the matter: no claim (403), and the reviewer of the bureau neither.
    expect((await post('gl_registrar', `/workbench/cases/${id}/claim`)).statusCode).toBe(403);
    expect((await post('gl_handler', '/workbench/cases/999999/claim')).statusCode).toBe(404);
  });

  it('when the matter leaves the unit, the assignment no longer counts', async () => {
    const other = await newCase('违章搭建');
    expect((await post('gl_registrar', `/workbench/cases/${other}/claim`)).statusCode).toBe(200);
    const mine = async () =>
      (await get('gl_registrar', '/cases?assignee=me')).json().items.map((c: { id: number }) => c.id);
    expect(await mine()).toContain(other);
    await h.act('gl_registrar', other, 'accept');
    await h.act('gl_registrar', other, 'assign', { targetUnitId: zhujian });
    expect(await mine()).not.toContain(other);
    const there = (await get('gl_handler', `/workbench/cases/${other}/assignee`)).json();
    expect(there).toMatchObject({ assignee: null, canClaim: true });
  });
});

describe('progress notes are internal unless marked public', () => {
  it('defaults to staff only; 对信访人公开 shows it to the petitioner', async () => {
    const id = await newHandlingCase('噪音扰民');
    await h.act('gl_handler', id, 'add_progress', { note: '内部：已联系街道' });
    await h.act('gl_handler', id, 'add_progress', { note: '已约谈施工单位', public: true });
    const staff = (await get('gl_handler', `/cases/${id}`)).json().timeline;
    expect(staff.filter((e: { action: string }) => e.action === 'add_progress')).toHaveLength(2);
    const citizen = (await get('13900000001', `/cases/${id}`)).json().timeline;
    const notes = citizen
      .filter((e: { action: string }) => e.action === 'add_progress')
      .map((e: { detail: { note: string } }) => e.detail.note);
    expect(notes).toEqual(['已约谈施工单位']);
  });
});

describe('bulk 受理 and 交办', () => {
  it('runs each matter through the engine and reports each', async () => {
    const a = await newCase('路灯不亮一');
    const b = await newCase('路灯不亮二');
    const handling = await newHandlingCase('路灯不亮三'); // already past 受理: refused alone
    const res = await post('gl_registrar', '/workbench/bulk', {
      action: 'accept',
      caseIds: [a, b, handling],
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ done: 2, failed: 1 });
    expect(r.items.find((i: { caseId: number }) => i.caseId === handling)).toMatchObject({
      ok: false,
      status: 409,
    });
    const assigned = await post('gl_registrar', '/workbench/bulk', {
      action: 'assign',
      caseIds: [a, b],
      payload: { targetUnitId: zhujian, instructions: '请依法办理' },
    });
    expect(assigned.json()).toMatchObject({ done: 2, failed: 0 });
    expect((await get('gl_handler', `/cases/${a}`)).json().state).toBe('handling');
  });

  it('refuses steps that need per-matter text, and a citizen', async () => {
    const reply = await post('gl_handler', '/workbench/bulk', { action: 'reply', caseIds: [1] });
    expect(reply.statusCode).toBe(400);
    expect(
      (await post('13900000001', '/workbench/bulk', { action: 'accept', caseIds: [1] })).statusCode,
    ).toBe(403);
  });
});

describe('saved views', () => {
  it('saves, lists only the caller’s own, replaces by name and deletes', async () => {
    const save = (user: string, body: Record<string, unknown>) => post(user, '/workbench/views', body);
    const r1 = await save('gl_handler', {
      name: '我的督办件',
      queue: 'handling',
      scope: 'mine',
      filters: { supervised: 'true' },
    });
    expect(r1.statusCode, r1.body).toBe(200);
    await save('gl_handler', { name: '我的督办件', queue: 'overdue', filters: {} });
    expect((await save('gl_handler', { name: '坏', queue: 'nope', filters: {} })).statusCode).toBe(400);
    expect(
      (await save('gl_handler', { name: '坏', queue: 'handling', filters: { evil: '1' } })).statusCode,
    ).toBe(400);
    const mine = (await get('gl_handler', '/workbench/views')).json().items;
    expect(mine).toEqual([
      { id: r1.json().id, name: '我的督办件', queue: 'overdue', filters: { scope: 'unit' } },
    ]);
    expect((await get('gl_reviewer', '/workbench/views')).json().items).toEqual([]);
    const del = (user: string) =>
      h.app.inject({ method: 'DELETE', url: `/api/v1/workbench/views/${r1.json().id}`, headers: h.as(user) });
    expect((await del('gl_reviewer')).statusCode).toBe(404);
    expect((await del('gl_handler')).statusCode).toBe(200);
    expect((await get('gl_handler', '/workbench/views')).json().items).toEqual([]);
  });
});
