// 督查督办 over HTTP: a county supervisor raises a 书面督办 on a case (督办函 with its number) and a
// 网上督办 on a unit; the addressed unit files feedback; the raising bureau returns it, then accepts
// it (办结). The daily escalation pass reminds, then escalates an order past its deadline, once. The
// case timeline shows each step; the counts and the first-handling unit (首办) are recorded; and who
// may not see or do what.
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFirstUnits, outbox, users } from '../../src/db/schema.ts';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { runSupervisionEscalationPass } from '../../src/supervision/escalation.ts';
import { supervisionCounts } from '../../src/supervision/queries.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const DAY = 86_400_000;
const today = () => shanghaiDate(new Date());
const inDays = (n: number) => shanghaiDate(new Date(Date.now() + n * DAY));
let zhujian = 0; // 鼓楼区住房和城乡建设局 (gl_handler's unit)
let renshe = 0; // 鼓楼区人力资源和社会保障局
let firstCaseId = 0; // the citizen's first matter (初信初访)

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    '13900000001',
    'gl_registrar',
    'gl_handler',
    'gl_supervisor',
    'gl_reviewer',
    'gl_leader',
    'gl_analyst',
    'nj_supervisor',
    'nj_handler',
  ]);
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
  renshe = units.find((u: { name: string }) => u.name.includes('人力资源')).id;
  // gl_handler has a mobile number on file: the reminder is sent to them by SMS.
  await h.ctx.db
    .update(users)
    .set({ phoneEnc: h.ctx.pii.encrypt('13812340001') })
    .where(eq(users.username, 'gl_handler'));
});
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const post = (user: string, url: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });
const act = (user: string, id: number, payload: Record<string, unknown>) =>
  post(user, `/supervision/${id}/actions`, payload);
const timelineLabels = async (caseId: number) =>
  (await get('gl_supervisor', `/cases/${caseId}`)).json().timeline.map((e: { label: string }) => e.label);

async function newAssignedCase(subject: string): Promise<number> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as('13900000001'),
    payload: {
      form: 'online',
      purpose: 'claim',
      subject,
      content: `${subject}，本人张三（电话13900000001）多次反映未果。`,
      jurisdictionCode: '320106',
    },
  });
  expect(res.statusCode).toBe(201);
  const id = res.json().caseId as number;
  await h.act('gl_registrar', id, 'accept');
  await h.act('gl_registrar', id, 'assign', { targetUnitId: zhujian });
  return id;
}

describe('督查督办: an order on a case, from 督办 to 办结', () => {
  let caseId = 0;
  let id = 0;

  it('records the first-handling unit (首办) when the case is assigned, once', async () => {
    caseId = await newAssignedCase('老旧小区加装电梯补贴未发放');
    firstCaseId = caseId;
    const [first] = await h.ctx.db.select().from(caseFirstUnits).where(eq(caseFirstUnits.caseId, caseId));
    expect(first).toMatchObject({ unitId: zhujian, action: 'assign' });
  });

  it('refuses bad payloads (400) and who may not raise (403, 404)', async () => {
    const base = { type: 'written', target: 'case', caseId, facts: '逾期未办结', requirements: '限期办结' };
    const past = await post('gl_supervisor', '/supervision', { ...base, deadline: today() });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.code).toBe('supervision_deadline_past');
    const noType = await post('gl_supervisor', '/supervision', { ...base, type: 'shout' });
    expect(noType.statusCode).toBe(400);
    const noCase = await post('gl_supervisor', '/supervision', { ...base, caseId: undefined });
    expect(noCase.json().error.code).toBe('supervision_case_required');
    // A registrar of the bureau or the unit's handler may not; a unit outside does not see the case.
    expect((await post('gl_registrar', '/supervision', base)).statusCode).toBe(403);
    expect((await post('gl_handler', '/supervision', base)).statusCode).toBe(403);
    expect((await post('nj_handler', '/supervision', base)).statusCode).toBe(404);
  });

  it('the county supervisor raises a 书面督办: the order, its 督办函 number, the case timeline', async () => {
    const res = await post('gl_supervisor', '/supervision', {
      type: 'written',
      target: 'case',
      caseId,
      facts: '该事项交办后已逾期，信访人张三多次来电催问。',
      requirements: '请于期限内查明补贴发放情况，依法依规答复信访人，并报送办理结果。',
    });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    id = d.id;
    expect(d).toMatchObject({
      typeName: '书面督办',
      targetName: '信访事项',
      unit: '鼓楼区住房和城乡建设局',
      status: 'issued',
      statusName: '待反馈',
      deadline: inDays(15),
      overdue: false,
      raisingUnit: '鼓楼区信访局',
      escalationName: '',
    });
    expect(d.number).toMatch(/^〔\d{4}〕督字第\d+号$/);
    expect(d.letterUrl).toBe(`/api/v1/supervision/${id}/letter.docx`);
    expect(await timelineLabels(caseId)).toContain('督查督办');
    // The case carries the 督办 flag (the workbench's filter).
    expect((await get('gl_supervisor', `/cases/${caseId}`)).json().flags.supervised).toBe(true);
    // The case page's question.
    const list = (await get('gl_supervisor', `/supervision?caseId=${caseId}`)).json().items;
    expect(list.map((o: { id: number }) => o.id)).toEqual([id]);
  });

  it('the 督办函 is a Word file with the number, the requirements and the deadline, names masked', async () => {
    const res = await get('gl_handler', `/supervision/${id}/letter.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    const { number } = (await get('gl_supervisor', `/supervision/${id}`)).json();
    expect(text).toContain('督办函');
    expect(text).toContain(number);
    expect(text).toContain('请于期限内查明补贴发放情况');
    expect(text).toContain('鼓楼区住房和城乡建设局：');
    expect(text).toContain('信访人张*多次来电催问');
    expect(text).not.toContain('张三');
    expect(text).not.toContain('13900000001');
  });

  it('the addressed unit files feedback; the raising bureau returns it with a reason', async () => {
    // Only the raising bureau decides, only the unit files.
    expect((await act('gl_supervisor', id, { action: 'file_feedback', feedback: '已办' })).statusCode).toBe(
      403,
    );
    expect((await act('gl_supervisor', id, { action: 'accept' })).statusCode).toBe(409);
    expect((await act('gl_handler', id, { action: 'file_feedback', feedback: '' })).statusCode).toBe(400);
    const fb = await act('gl_handler', id, {
      action: 'file_feedback',
      feedback: '已核实，补贴已列入本月发放计划。',
      attachments: '发放计划表1份',
    });
    expect(fb.statusCode).toBe(200);
    expect(fb.json()).toMatchObject({ status: 'feedback_filed', feedbackBy: expect.any(String) });
    expect(fb.json().availableActions).toEqual([]);
    expect((await act('gl_handler', id, { action: 'accept' })).statusCode).toBe(403);
    const d = (await get('gl_supervisor', `/supervision/${id}`)).json();
    expect(d.availableActions.map((a: { action: string }) => a.action)).toEqual(['accept', 'return']);
    const ret = await act('gl_supervisor', id, { action: 'return', reason: '未写明发放日期和金额' });
    expect(ret.statusCode).toBe(200);
    expect(ret.json()).toMatchObject({ status: 'issued', statusName: '待反馈' });
    expect(ret.json().history.map((x: { label: string }) => x.label)).toEqual([
      '书面督办',
      '报送反馈',
      '退回重报',
    ]);
  });

  it('feedback again, and the raising bureau accepts it (办结); nothing more can be done', async () => {
    await act('gl_handler', id, {
      action: 'file_feedback',
      feedback: '补贴已于本周发放到位，信访人已签收。',
    });
    const ok = await act('gl_reviewer', id, { action: 'accept', note: '反馈属实' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'closed', statusName: '已办结', overdue: false });
    const again = await act('gl_supervisor', id, { action: 'return', reason: '再看看' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('supervision_wrong_status');
    const labels = await timelineLabels(caseId);
    for (const l of ['督查督办', '督办反馈', '督办反馈退回', '督办办结']) expect(labels).toContain(l);
  });

  it('a unit or bureau outside does not see it (404)', async () => {
    expect((await get('nj_handler', `/supervision/${id}`)).statusCode).toBe(404);
    expect((await get('nj_handler', `/supervision/${id}/letter.docx`)).statusCode).toBe(404);
    expect((await get('nj_handler', '/supervision')).json().items).toEqual([]);
    expect((await act('nj_handler', id, { action: 'file_feedback', feedback: 'x' })).statusCode).toBe(404);
    expect((await get('13900000001', '/supervision')).statusCode).toBe(403);
    // The city bureau above sees it (its subtree holds the place).
    expect((await get('nj_supervisor', `/supervision/${id}`)).statusCode).toBe(200);
  });
});

describe('督查督办: an order on a unit, and escalation', () => {
  let id = 0;

  it('a 网上督办 on a unit has no letter; the list filters by unit and status', async () => {
    const res = await post('gl_leader', '/supervision', {
      type: 'online',
      target: 'unit',
      unitId: zhujian,
      facts: '你单位本月有5件信访事项超期未办结。',
      requirements: '逐件说明超期原因，提出整改措施。',
      deadline: inDays(3),
    });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ target: 'unit', caseId: null, number: null, letterUrl: null });
    expect((await get('gl_leader', `/supervision/${id}/letter.docx`)).statusCode).toBe(409);
    const mine = (await get('gl_handler', `/supervision?unitId=${zhujian}&status=issued`)).json().items;
    expect(mine.map((o: { id: number }) => o.id)).toContain(id);
    expect((await get('gl_handler', '/supervision?status=nonsense')).statusCode).toBe(400);
    // A bureau may not address a unit outside its subtree, nor itself.
    const out = await post('gl_supervisor', '/supervision', {
      type: 'online',
      target: 'unit',
      unitId: (await h.app.inject({ url: '/api/v1/jurisdictions/320100' })).json().units[0].id,
      facts: 'x',
      requirements: 'y',
    });
    expect(out.statusCode).toBe(403);
    expect(
      (
        await post('nj_supervisor', '/supervision', {
          type: 'interview',
          target: 'unit',
          unitId: renshe,
          facts: '约谈',
          requirements: '整改',
        })
      ).statusCode,
    ).toBe(201);
  });

  it('the pass does nothing before the deadline, reminds after it, escalates later — each once', async () => {
    const passAt = (n: number) => runSupervisionEscalationPass(h.ctx, new Date(Date.now() + n * DAY));
    expect(await passAt(3)).toEqual({ reminded: 0, escalated: 0 }); // deadline day
    const first = await passAt(4); // one day late: reminder (网上督办: 1 day)
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect((await passAt(4)).reminded).toBe(0); // idempotent
    let d = (await get('gl_supervisor', `/supervision/${id}`)).json();
    expect(d).toMatchObject({ escalationLevel: 1, escalationName: '已催办' });
    const sms = await h.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, 'supervision_remind')));
    expect(sms.length).toBeGreaterThanOrEqual(1);
    expect(sms[0]?.recipientMasked).toBe('138****0001');
    expect((await passAt(8)).escalated).toBe(0); // reminder + 4 days: not yet (5)
    expect((await passAt(9)).escalated).toBeGreaterThanOrEqual(1);
    expect((await passAt(9)).escalated).toBe(0);
    d = (await get('gl_supervisor', `/supervision/${id}`)).json();
    expect(d).toMatchObject({ escalationLevel: 2, escalationName: '已升级', status: 'issued' });
    expect(d.history.map((x: { label: string }) => x.label)).toEqual(['网上督办', '已催办', '已升级']);
    await passAt(30); // no step after escalation
    d = (await get('gl_supervisor', `/supervision/${id}`)).json();
    expect(d.history).toHaveLength(3);
  });

  it('counts by jurisdiction and unit: issued, overdue, closed on time', async () => {
    const c = await supervisionCounts(h.ctx, { jurisdiction: '320106' }, today(), today(), inDays(10));
    expect(c.total.issued).toBe(3);
    expect(c.total.closed).toBe(1);
    expect(c.total.closedOnTime).toBe(1);
    expect(c.total.overdue).toBe(2); // on day 10, the 网上督办 (3 days) and the 约谈 (7 days)
    const byZhujian = c.byUnit.find((u) => u.unitId === zhujian);
    expect(byZhujian).toMatchObject({ issued: 2, closed: 1, closedOnTime: 1, escalated: 1 });
    const api = await get('gl_analyst', `/supervision/counts?from=${today()}&to=${today()}`);
    expect(api.statusCode).toBe(200);
    expect(api.json().total.issued).toBe(3);
    expect((await get('gl_handler', `/supervision/counts?from=${today()}&to=${today()}`)).statusCode).toBe(
      403,
    );
    const ft = await get('gl_analyst', `/supervision/first-time?from=${inDays(-30)}&to=${today()}`);
    expect(ft.statusCode).toBe(200);
    expect(ft.json().total).toHaveProperty('rate');
  });
});

describe('初信初访一次性化解率', () => {
  it('counts the petitioner’s first matter, answered without repeat or review, for its 首办单位', async () => {
    const ask = async () =>
      (await get('gl_analyst', `/supervision/first-time?from=${inDays(-1)}&to=${today()}`)).json();
    expect((await ask()).total).toEqual({ answered: 0, resolvedOnce: 0, rate: null });
    const first = { id: firstCaseId };
    await h.act('gl_handler', first.id, 'reply', {
      outcome: 'supported',
      request: '请求发放加装电梯补贴',
      facts: '经查，补贴资金已到位。',
      reasons: '依据本市加装电梯补贴办法。',
      decision: '本月内发放补贴。',
    });
    await h.act('gl_handler', first.id, 'deliver', { method: 'online' });
    const r = await ask();
    expect(r.total).toEqual({ answered: 1, resolvedOnce: 1, rate: 100 });
    expect(r.byUnit).toEqual([
      { unitId: zhujian, unit: '鼓楼区住房和城乡建设局', answered: 1, resolvedOnce: 1, rate: 100 },
    ]);
  });
});
