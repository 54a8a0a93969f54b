// Every path of the lifecycle table, including the refusals: wrong state (409), wrong role or
// unit (403), out of scope (404), closed windows (409), bad payload (400) — and none of them
// changes anything. Deadlines are checked against hand-computed dates that include 国庆节.
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, caseEvents, cases } from '../../src/db/schema.ts';
import { ACTIONS } from '../../src/domain/lifecycle/actions.ts';
import { bearer, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let units: { id: number; name: string; deptKey: string }[] = [];
const unitId = (dept: string) => units.find((u) => u.deptKey === dept)?.id ?? 0;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    '13900000001',
    'gl_registrar',
    'gl_handler',
    'gl_reviewer',
    'gl_supervisor',
    'nj_registrar',
    'js_registrar',
  ]);
  units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
});
afterAll(async () => {
  await h?.close();
});

const post = (user: string, id: number, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions`, headers: h.as(user), payload });
let seq = 0;
async function registerLetter(extra: Record<string, unknown> = {}) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as('gl_registrar'),
    payload: {
      form: 'letter',
      purpose: 'claim',
      subject: `来信反映拆迁补偿问题 ${++seq}`,
      content: '来信人反映其房屋征收补偿款至今未足额发放，请求依法解决。',
      jurisdictionCode: '320106',
      petitioner: { name: '李四', phone: '13811112222', idNumber: '11010519491231002X' },
      ...extra,
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}
const snapshot = async (id: number) => {
  const [c] = await h.ctx.db.select().from(cases).where(eq(cases.id, id));
  const [e] = await h.ctx.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.caseId, id));
  const [a] = await h.ctx.db.select({ n: count() }).from(auditLog);
  return { state: c?.state, version: c?.version, events: e?.n, audits: a?.n };
};

describe('deadlines', () => {
  it('computes acceptance due across 国庆节 and explains it', async () => {
    // received 2026-09-18 → day 15 is 2026-10-03, inside the National Day holiday (10-01..10-07)
    // → the next working day 2026-10-08.
    const c = await registerLetter({ receivedAt: '2026-09-18T10:00:00+08:00' });
    const d = (
      await h.app.inject({ url: `/api/v1/cases/${c.caseId}`, headers: h.as('gl_registrar') })
    ).json();
    const acceptance = d.deadlines.find((x: { name: string }) => x.name === 'acceptance');
    expect(acceptance.dueDate).toBe('2026-10-08');
    expect(acceptance.due).toBe('2026-10-08T15:59:59.999Z'); // 23:59:59.999 Asia/Shanghai
    expect(acceptance.explanation).toMatch(/国庆/);
    expect(d.daysRemaining).toBeLessThan(0); // long overdue today
  });

  it('rejects a received date in the future', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('gl_registrar'),
      payload: {
        form: 'letter',
        subject: '未来来信',
        content: '这是一封来自未来的来信，日期不对。',
        jurisdictionCode: '320106',
        petitioner: { name: '李四' },
        receivedAt: '2099-01-01T00:00:00+08:00',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_received_at', field: 'receivedAt' });
  });
});

describe('refusals change nothing', () => {
  it('409 for an action not allowed in the state, 403 for the wrong role or unit, 404 out of scope, 400 bad payload', async () => {
    const c = await registerLetter();
    const before = await snapshot(c.caseId);
    const wrongState = await post('gl_registrar', c.caseId, { action: 'reply', outcome: 'supported' });
    expect(wrongState.statusCode).toBe(409);
    expect(wrongState.json().error).toMatchObject({ code: 'action_not_allowed' });
    expect(wrongState.json().error.message).toContain('待受理');
    const wrongRole = await post('gl_handler', c.caseId, { action: 'accept' });
    expect(wrongRole.statusCode).toBe(404); // a department does not even see unassigned matters
    const wrongRole2 = await post('gl_supervisor', c.caseId, { action: 'accept' });
    expect(wrongRole2.statusCode).toBe(403);
    const otherBureau = await post('nj_registrar', c.caseId, { action: 'accept' });
    expect(otherBureau.statusCode).toBe(403); // sees it (subtree) but does not hold it
    const unknown = await post('gl_registrar', c.caseId, { action: 'approve_everything' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'unknown_action', field: 'action' });
    const badPayload = await post('gl_registrar', c.caseId, {
      action: 'not_accept',
      reasonCode: 'NOPE',
      reasonText: 'x',
    });
    expect(badPayload.statusCode).toBe(400);
    expect(badPayload.json().error.field).toBe('reasonCode');
    const citizen = await post('13900000001', c.caseId, { action: 'accept' });
    expect(citizen.statusCode).toBe(404);
    expect(await snapshot(c.caseId)).toEqual(before);
  });
});

describe('paths', () => {
  it('不予受理 with a reason and a written notice', async () => {
    const c = await registerLetter();
    const d = await h.act('gl_registrar', c.caseId, 'not_accept', {
      reasonCode: 'LEGAL_CHANNEL',
      reasonText: '该事项已进入民事诉讼程序，应当通过诉讼途径解决',
      competentBody: '南京市鼓楼区人民法院',
    });
    expect(d).toMatchObject({ state: 'not_accepted', reasonCode: 'LEGAL_CHANNEL' });
    expect(d.documents.map((x: { kind: string }) => x.kind)).toEqual(['non_acceptance_notice']);
    expect(d.availableActions).toEqual([]);
    await h.settle();
    expect(h.sms.sent.some((m) => m.to === '13811112222' && m.body.includes('不予受理'))).toBe(true);
  });

  it('导入法定途径 closes the matter with a routing notice', async () => {
    const c = await registerLetter();
    const d = await h.act('gl_registrar', c.caseId, 'refer_channel', {
      channel: 'arbitration',
      competentBody: '鼓楼区劳动人事争议仲裁委员会',
      reasonText: '劳动争议应先申请仲裁',
    });
    expect(d.state).toBe('channelled');
    expect(d.documents).toHaveLength(1);
  });

  it('转送 to another bureau, which objects within 5 working days and returns it', async () => {
    const c = await registerLetter();
    const xuanwu = (await h.app.inject({ url: '/api/v1/jurisdictions/320102' })).json().units;
    const bureau = xuanwu.find((u: { deptKey: string }) => u.deptKey === 'xinfang');
    let d = await h.act('gl_registrar', c.caseId, 'forward', {
      targetUnitId: bureau.id,
      note: '属玄武区管辖',
    });
    expect(d.state).toBe('forwarded');
    expect(d.units.current.name).toBe('玄武区信访局');
    expect(d.documents.map((x: { kind: string }) => x.kind)).toEqual(['forward_letter']);
    // 鼓楼区 no longer holds it
    expect((await post('gl_registrar', c.caseId, { action: 'accept' })).statusCode).toBe(403);
    // the province registrar sees it but does not hold it
    expect((await post('js_registrar', c.caseId, { action: 'object', reason: 'x' })).statusCode).toBe(403);
    // A 玄武区 registrar objects.
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(await h.login('nj_admin')),
      payload: {
        username: 'xw_registrar',
        password: 'Passw0rd!x',
        role: 'registrar',
        unitId: bureau.id,
        displayName: '玄武区登记员',
      },
    });
    expect(created.statusCode).toBe(201);
    await h.loginAll(['xw_registrar'], 'Passw0rd!x');
    const back = await h.act('xw_registrar', c.caseId, 'object', {
      reason: '问题属地在鼓楼区，不属本区管辖',
    });
    expect(back).toEqual({ caseId: c.caseId, state: 'registered', visible: false });
    d = (await h.app.inject({ url: `/api/v1/cases/${c.caseId}`, headers: h.as('gl_registrar') })).json();
    expect(d.units.current.name).toBe('鼓楼区信访局');
    d = await h.act('gl_registrar', c.caseId, 'accept');
    expect(d.state).toBe('accepted');
  });

  it('extension: requested by the handler, limited to 30 days, approved by the bureau reviewer', async () => {
    const c = await registerLetter();
    await h.act('gl_registrar', c.caseId, 'accept');
    let d = await h.act('gl_registrar', c.caseId, 'assign', { targetUnitId: unitId('zhujian') });
    const due0 = d.deadlines.find((x: { name: string }) => x.name === 'handling').dueDate;
    const tooLong = await post('gl_handler', c.caseId, {
      action: 'request_extension',
      days: 45,
      reason: '情况复杂',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.code).toBe('extension_too_long');
    d = await h.act('gl_handler', c.caseId, 'request_extension', {
      days: 30,
      reason: '涉及多个部门，需联合调查',
    });
    expect(d.state).toBe('extension_pending');
    // the handler cannot approve their own request; the bureau's reviewer can
    expect((await post('gl_handler', c.caseId, { action: 'approve_extension' })).statusCode).toBe(403);
    d = await h.act('gl_reviewer', c.caseId, 'approve_extension');
    expect(d.state).toBe('handling');
    const handling = d.deadlines.find((x: { name: string }) => x.name === 'handling');
    expect(handling.extendedBy).toBe(30);
    expect(handling.dueDate > due0).toBe(true);
    expect(d.documents.map((x: { kind: string }) => x.kind)).toContain('extension_notice');
    // a second extension would exceed the 30-day total
    const again = await post('gl_handler', c.caseId, {
      action: 'request_extension',
      days: 1,
      reason: '再延',
    });
    expect(again.statusCode).toBe(409);
    await h.settle();
    expect(h.sms.sent.some((m) => m.body.includes('办理期限延长') && m.body.includes('联合调查'))).toBe(true);
  });

  it('a rejected extension keeps the original deadline; the unit may settle by mediation', async () => {
    const c = await registerLetter();
    await h.act('gl_registrar', c.caseId, 'accept');
    await h.act('gl_registrar', c.caseId, 'assign', { targetUnitId: unitId('zhujian') });
    await h.act('gl_handler', c.caseId, 'request_extension', { days: 10, reason: '等待评估报告' });
    let d = await h.act('gl_reviewer', c.caseId, 'reject_extension', { reason: '评估报告可在期限内取得' });
    expect(d.state).toBe('handling');
    expect(d.deadlines.find((x: { name: string }) => x.name === 'handling').extendedBy).toBe(0);
    d = await h.act('gl_handler', c.caseId, 'settle', {
      kind: 'mediation',
      agreement: '双方同意按评估价补偿',
    });
    expect(d.state).toBe('settled');
  });

  it('the assigned department objects and the matter returns to the bureau', async () => {
    const c = await registerLetter();
    await h.act('gl_registrar', c.caseId, 'accept');
    await h.act('gl_registrar', c.caseId, 'assign', { targetUnitId: unitId('zhujian') });
    const back = await h.act('gl_handler', c.caseId, 'object', { reason: '该事项属人社部门职责' });
    expect(back).toEqual({ caseId: c.caseId, state: 'accepted', visible: false });
    const d = (
      await h.app.inject({ url: `/api/v1/cases/${c.caseId}`, headers: h.as('gl_registrar') })
    ).json();
    expect(d.state).toBe('accepted');
    expect(d.units.current.name).toBe('鼓楼区信访局');
    expect(d.units.assigned).toBeNull();
    // the department no longer sees it
    expect(
      (await h.app.inject({ url: `/api/v1/cases/${c.caseId}`, headers: h.as('gl_handler') })).statusCode,
    ).toBe(404);
  });

  it('closed windows: no objection after 5 working days, no review after 30 days, no late rating', async () => {
    const c = await registerLetter();
    await h.act('gl_registrar', c.caseId, 'accept');
    await h.act('gl_registrar', c.caseId, 'assign', { targetUnitId: unitId('zhujian') });
    // move every clock's due into the past
    await h.ctx.db.execute(sql`update cases set clocks = (
      select jsonb_object_agg(k, v || '{"due":"2020-01-01T00:00:00.000Z"}'::jsonb) from jsonb_each(clocks) as e(k, v)
    ) where id = ${c.caseId}`);
    const late = await post('gl_handler', c.caseId, { action: 'object', reason: '不属本单位' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'window_closed' });
    expect(late.json().error.message).toContain('异议期限已过');
    // the handling limit has passed too: no extension any more, but a reply is still owed (late,
    // with the reason for the delay: test/integration/late-decisions.test.ts)
    expect(
      (await post('gl_handler', c.caseId, { action: 'request_extension', days: 5, reason: 'x' })).statusCode,
    ).toBe(409);
    await h.act('gl_handler', c.caseId, 'reply', {
      lateReason: '需现场核实补偿协议',
      outcome: 'explained',
      request: '请求足额发放补偿款',
      facts: '补偿款已按协议发放。',
      reasons: '依据征收补偿协议。',
      decision: '向信访人解释说明补偿标准。',
    });
    await h.act('gl_handler', c.caseId, 'deliver', { method: 'post', receipt: 'signed' });
    await h.ctx.db.execute(sql`update cases set clocks = (
      select jsonb_object_agg(k, v || '{"due":"2020-01-01T00:00:00.000Z"}'::jsonb) from jsonb_each(clocks) as e(k, v)
    ) where id = ${c.caseId}`);
    const review = await post('gl_registrar', c.caseId, { action: 'request_review', reason: '不服' });
    expect(review.statusCode).toBe(409);
    expect(review.json().error.message).toContain('复查申请期限已过');
    // the bureau closes it
    const d = await h.act('gl_registrar', c.caseId, 'close', {});
    expect(d.state).toBe('closed');
  });

  it('supervision and backlog flags by supervisors within scope', async () => {
    const c = await registerLetter();
    await h.act('gl_registrar', c.caseId, 'accept');
    let d = await h.act('gl_supervisor', c.caseId, 'supervise', {
      instructions: '请加快办理，3日内报告进展',
    });
    expect(d.flags.supervised).toBe(true);
    d = await h.act('gl_supervisor', c.caseId, 'flag_backlog', { reason: '反复信访，久拖未决' });
    expect(d.flags.backlog).toBe(true);
    const list = (
      await h.app.inject({
        url: '/api/v1/cases?backlog=true&supervised=true',
        headers: h.as('gl_supervisor'),
      })
    ).json();
    expect(list.items.map((x: { id: number }) => x.id)).toContain(c.caseId);
  });

  it('every action of the table is exercised by these tests or the scenario', () => {
    const here = [
      'forward',
      'accept',
      'not_accept',
      'refer_channel',
      'assign',
      'object',
      'request_extension',
      'approve_extension',
      'reject_extension',
      'settle',
      'reply',
      'deliver',
      'close',
      'supervise',
      'flag_backlog',
    ];
    const scenario = [
      'add_progress',
      'rate',
      'request_review',
      'decide_review',
      'request_rereview',
      'decide_rereview',
    ];
    const elsewhere = [
      'link_repeat', // test/integration/duplicates.test.ts
      'schedule_hearing', // test/integration/hearings.test.ts
      'record_hearing',
      'assign_cohandling', // test/integration/cohandling.test.ts
    ];
    expect(new Set([...here, ...scenario, ...elsewhere])).toEqual(new Set(Object.keys(ACTIONS)));
  });
});

describe('intake rules', () => {
  it('links a repeat petition on an open matter instead of opening a new one (重复信访)', async () => {
    const first = await registerLetter();
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('gl_registrar'),
      payload: {
        form: 'visit',
        subject: '再次反映拆迁补偿',
        content: '来访人称此前来信反映的补偿问题仍未解决，再次前来反映。',
        jurisdictionCode: '320106',
        petitioner: { name: '李四', idNumber: '11010519491231002X' },
        previousCaseNumber: first.caseNumber,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ caseId: first.caseId, linkedTo: { caseNumber: first.caseNumber } });
    expect(res.json().queryCode).toBeUndefined();
    const d = (
      await h.app.inject({ url: `/api/v1/cases/${first.caseId}`, headers: h.as('gl_registrar') })
    ).json();
    expect(d.flags.repeatCount).toBe(1);
    expect(d.timeline.map((e: { action: string }) => e.action)).toContain('link_repeat');
  });

  it('limits group visits to 5 representatives and flags a group of 5 or more', async () => {
    const rep = (n: number) => ({ name: `代表${'甲乙丙丁戊己'[n]}` });
    const base = {
      form: 'visit',
      subject: '集体反映企业欠薪',
      content: '某企业拖欠三十余名职工工资，职工推选代表来访反映。',
      jurisdictionCode: '320106',
      petitioner: { name: '王五' },
      peopleCount: 30,
    };
    const tooMany = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('gl_registrar'),
      payload: { ...base, representatives: [0, 1, 2, 3, 4, 5].map(rep) },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error).toMatchObject({
      code: 'too_many_representatives',
      field: 'representatives',
    });
    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('gl_registrar'),
      payload: { ...base, representatives: [0, 1, 2, 3, 4].map(rep) },
    });
    expect(ok.statusCode).toBe(201);
    const d = (
      await h.app.inject({ url: `/api/v1/cases/${ok.json().caseId}`, headers: h.as('gl_registrar') })
    ).json();
    expect(d.flags.isGroup).toBe(true);
    expect(d.parties).toHaveLength(6);
  });

  it('records a visit to the province about a district matter as 越级', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('js_registrar'),
      payload: {
        form: 'visit',
        subject: '越级走访反映征地补偿',
        content: '来访人直接到省信访局反映区里的征地补偿问题。',
        jurisdictionCode: '320106',
        petitioner: { name: '赵六' },
      },
    });
    expect(res.statusCode).toBe(201);
    const d = (
      await h.app.inject({ url: `/api/v1/cases/${res.json().caseId}`, headers: h.as('js_registrar') })
    ).json();
    expect(d.flags.skippedLevel).toBe(true);
    expect(d.caseNumber.startsWith('320000')).toBe(true);
    // a visit to the city (one level up) is not 越级
    const city = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('nj_registrar'),
      payload: {
        form: 'visit',
        subject: '到市里反映征地补偿',
        content: '来访人到市信访局反映区里的问题。',
        jurisdictionCode: '320106',
        petitioner: { name: '赵七' },
      },
    });
    const d2 = (
      await h.app.inject({ url: `/api/v1/cases/${city.json().caseId}`, headers: h.as('nj_registrar') })
    ).json();
    expect(d2.flags.skippedLevel).toBe(false);
  });
});
