// The whole life of a petition over HTTP only (no database access): online submission →
// acceptance → assignment → reply → delivery → rating → review → re-review → final closure →
// the same petition again is not accepted. Checks the SMS sent, in order, and every document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    '13900000001',
    'gl_registrar',
    'gl_handler',
    'nj_reviewer',
    'js_reviewer',
    'gl_reviewer',
  ]);
});
afterAll(async () => {
  await h?.close();
});

const petition = {
  form: 'online',
  purpose: 'claim',
  subject: '小区电梯长期故障无人维修',
  content:
    '我所在的小区3号楼电梯已经停运两个月，物业以维修基金未到位为由拒绝维修，老人上下楼十分困难，请求协调解决。',
  jurisdictionCode: '320106',
};

describe('a petition from submission to final closure', () => {
  let id = 0;
  let caseNumber = '';
  let queryCode = '';

  it('the citizen submits online and gets a case number and query code', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('13900000001'),
      payload: petition,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    ({ caseId: id, caseNumber, queryCode } = body);
    // Jurisdiction, the year of registration (Beijing time), a sequence number.
    expect(caseNumber).toMatch(new RegExp(`^320106${shanghaiDate(new Date()).slice(0, 4)}\\d{7}$`));
    expect(queryCode).toMatch(/^[2-9A-Z]{6}$/);
    expect(body.state).toBe('registered');
    const detail = (await h.app.inject({ url: `/api/v1/cases/${id}`, headers: h.as('gl_registrar') })).json();
    expect(detail.units.registering.name).toBe('鼓楼区信访局');
    expect(detail.deadlines.map((d: { name: string }) => d.name)).toEqual(['acceptance']);
    expect(detail.availableActions.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['accept', 'not_accept', 'forward', 'refer_channel']),
    );
    // the citizen may not accept their own petition
    const own = (await h.app.inject({ url: `/api/v1/cases/${id}`, headers: h.as('13900000001') })).json();
    expect(own.availableActions).toEqual([]);
  });

  it('the registrar accepts and assigns to 鼓楼区住建局; the handler replies and delivers', async () => {
    let d = await h.act('gl_registrar', id, 'accept');
    expect(d.state).toBe('accepted');
    expect(d.deadlines.find((x: { name: string }) => x.name === 'handling')?.running).toBe(true);
    const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
    const zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局');
    d = await h.act('gl_registrar', id, 'assign', {
      targetUnitId: zhujian.id,
      instructions: '请于期限内查明情况并答复',
    });
    expect(d.state).toBe('handling');
    expect(d.units.assigned.name).toBe('鼓楼区住房和城乡建设局');
    await h.act('gl_handler', id, 'add_progress', {
      note: '已约谈物业公司，正在核实维修基金使用情况',
      public: true, // marked for the petitioner (notes are internal by default)
    });
    d = await h.act('gl_handler', id, 'reply', {
      outcome: 'supported',
      request: '请求维修3号楼电梯',
      facts: '经查，该电梯因主板故障停运，物业公司未及时申请维修资金。',
      reasons: '依据《物业管理条例》，物业服务企业应当及时维修养护共用设施设备。',
      decision: '责成物业公司于15日内完成维修，区住建局跟踪督促。',
    });
    expect(d.state).toBe('replied');
    d = await h.act('gl_handler', id, 'deliver', { method: 'online' });
    expect(d.state).toBe('delivered');
    expect(d.deadlines.map((x: { name: string }) => x.name)).toEqual(
      expect.arrayContaining(['review_window', 'evaluation']),
    );
  });

  it('the public query shows the status and the reply, without personal data', async () => {
    const res = await h.app.inject({
      url: `/api/v1/public/cases/${caseNumber}?code=${queryCode.toLowerCase()}`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ state: 'delivered', stateName: '已送达', reply: { outcome: '支持' } });
    expect(body.reply.text).toContain('15日内完成维修');
    expect(body.steps.map((s: { label: string }) => s.label)).toEqual([
      '登记',
      '受理',
      '交办',
      '办理进展',
      '出具处理意见书',
      '送达',
    ]);
    expect(res.body).not.toContain('13900000001');
    expect(res.body).not.toContain('张三');
    const wrong = await h.app.inject({ url: `/api/v1/public/cases/${caseNumber}?code=AAAAAA` });
    const unknown = await h.app.inject({ url: '/api/v1/public/cases/3201062026999999?code=AAAAAA' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('the citizen rates, asks for review; 南京市 reviews; 江苏省 re-reviews; the matter is final', async () => {
    let d = await h.act('13900000001', id, 'rate', {
      bureauRating: 'satisfied',
      unitRating: 'dissatisfied',
      comment: '维修太慢',
    });
    expect(d.evaluation).toEqual({ status: 'rated', bureauRating: 'satisfied', unitRating: 'dissatisfied' });
    d = await h.act('13900000001', id, 'request_review', { reason: '物业至今未维修' });
    expect(d.state).toBe('review_requested');
    expect(d.units.review.name).toBe('南京市信访局');
    // 鼓楼区's reviewer is not the review body
    const notMine = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      headers: h.as('gl_reviewer'),
      payload: { action: 'decide_review', outcome: 'uphold', opinion: 'x' },
    });
    expect(notMine.statusCode).toBe(403);
    d = await h.act('nj_reviewer', id, 'decide_review', {
      outcome: 'uphold',
      facts: '物业公司已启动维修资金申请程序，维修方案已报备。',
      reasons: '原处理意见认定事实清楚，处理恰当。',
      decision: '请鼓楼区住建局督促物业限期维修。',
    });
    expect(d.state).toBe('reviewed');
    d = await h.act('13900000001', id, 'request_rereview', { reason: '仍未维修' });
    expect(d.units.review.name).toBe('江苏省信访局');
    d = await h.act('js_reviewer', id, 'decide_rereview', {
      outcome: 'uphold',
      facts: '电梯已于复核期间修复并通过检验。',
      reasons: '复查意见认定事实清楚，适用依据正确。',
    });
    expect(d.state).toBe('final');
    expect(d.stateName).toBe('已终结');
    expect(d.availableActions).toEqual([]);
  });

  it('refuses the same petition again (不再受理) with the written notice', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('13900000001'),
      payload: petition,
    });
    expect(res.statusCode).toBe(201);
    const again = res.json();
    expect(again.state).toBe('not_accepted');
    expect(again.repeatOf).toMatchObject({ caseNumber, state: 'final' });
    const d = (
      await h.app.inject({ url: `/api/v1/cases/${again.caseId}`, headers: h.as('13900000001') })
    ).json();
    expect(d.reasonCode).toBe('REREVIEW_DONE_SAME_FACTS');
    expect(d.documents.map((x: { kind: string }) => x.kind)).toEqual(['non_acceptance_notice']);
  });

  it('sent the petitioner the expected SMS, in order, with no ID numbers', async () => {
    await h.settle(); // the intake's own kicked pass may still be sending
    const res = await h.app.inject({
      url: `/api/v1/cases/${id}/notifications`,
      headers: h.as('gl_registrar'),
    });
    const stages = res.json().items.map((n: { stage: string }) => n.stage);
    expect(stages).toEqual([
      'registered',
      'accepted',
      'handling',
      'result',
      'review_decided',
      'rereview_decided',
    ]);
    for (const n of res.json().items) {
      expect(n.recipient).toBe('139****0001');
      expect(n.text).toContain(caseNumber);
      expect(n.status).toBe('sent');
    }
    expect(res.json().items[0].text).toContain(queryCode);
    const sentToCitizen = h.sms.sent.filter((m) => m.to === '13900000001').map((m) => m.body);
    expect(sentToCitizen.some((b) => b.includes('已由鼓楼区信访局受理'))).toBe(true);
    expect(sentToCitizen.some((b) => b.includes('不予受理'))).toBe(true);
  });

  it('every document downloads as a valid .docx with its hash', async () => {
    const d = (await h.app.inject({ url: `/api/v1/cases/${id}`, headers: h.as('gl_registrar') })).json();
    expect(d.documents.map((x: { kind: string }) => x.kind)).toEqual([
      'acceptance_notice',
      'assignment_order',
      'handling_opinion',
      'review_opinion',
      'rereview_opinion',
    ]);
    for (const doc of d.documents) {
      expect(doc.sha256).toBeNull(); // rendered on first download
      // Staff download them all (the petitioner has only those written to them: follow-up.test.ts).
      const res = await h.app.inject({
        url: `/api/v1/cases/${id}/documents/${doc.id}`,
        headers: h.as('gl_registrar'),
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      const buf = res.rawPayload;
      expect(buf.subarray(0, 2).toString()).toBe('PK');
      expect(buf.includes(Buffer.from('word/document.xml'))).toBe(true);
      const { createHash } = await import('node:crypto');
      const sha = createHash('sha256').update(buf).digest('hex');
      expect(res.headers['x-content-sha256']).toBe(sha);
      // the same bytes on every later download, and the hash is now on record
      const again = await h.app.inject({
        url: `/api/v1/cases/${id}/documents/${doc.id}`,
        headers: h.as('gl_registrar'),
      });
      expect(createHash('sha256').update(again.rawPayload).digest('hex')).toBe(sha);
    }
    const after = (await h.app.inject({ url: `/api/v1/cases/${id}`, headers: h.as('gl_registrar') })).json();
    for (const doc of after.documents) expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
