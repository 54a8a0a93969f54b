// 听证 (issue 11, item 4): a review body schedules a hearing (notice), the review clock pauses, the
// decision waits for the record (听证笔录), and the hearing's days are added to the limit.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['13900000001', 'gl_registrar', 'nj_reviewer']);
});
afterAll(async () => {
  await h?.close();
});

const post = (user: string, id: number, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions`, headers: h.as(user), payload });
const detail = async (user: string, id: number) =>
  (await h.app.inject({ url: `/api/v1/cases/${id}`, headers: h.as(user) })).json();
const names = (d: { availableActions: { action: string }[] }) => d.availableActions.map((a) => a.action);
const review = (d: { deadlines: { name: string }[] }) =>
  d.deadlines.find((c) => c.name === 'review') as unknown as {
    due: string;
    running: boolean;
    explanation: string;
  };

describe('a hearing in a review', () => {
  it('is scheduled with a notice, pauses the clock, and is recorded before the decision', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('13900000001'),
      payload: {
        form: 'online',
        purpose: 'claim',
        subject: '拆迁安置房面积争议',
        content: '安置房实际面积比协议少八平方米，开发商拒绝补偿，请求依法处理。',
        jurisdictionCode: '320106',
      },
    });
    const id = res.json().caseId as number;
    await h.act('gl_registrar', id, 'accept');
    await h.act('gl_registrar', id, 'reply', {
      outcome: 'not_supported',
      request: '请求补偿面积差',
      facts: '面积误差在合同约定范围内。',
      reasons: '依据安置协议。',
      decision: '不予支持。',
    });
    await h.act('gl_registrar', id, 'deliver', { method: 'online' });
    await h.act('13900000001', id, 'request_review', { reason: '面积误差超过约定' });

    let d = await detail('nj_reviewer', id);
    expect(names(d)).toEqual(expect.arrayContaining(['schedule_hearing', 'decide_review']));
    expect(names(d)).not.toContain('record_hearing');
    const dueBefore = review(d).due;

    d = await h.act('nj_reviewer', id, 'schedule_hearing', {
      hearingAt: '2026-12-20T09:30:00+08:00',
      place: '南京市信访局听证室',
      participants: '信访人、鼓楼区信访局、开发企业代表',
    });
    expect(d.timeline.at(-1).label).toBe('安排听证');
    expect(d.documents.map((x: { kind: string }) => x.kind)).toContain('hearing_notice');
    expect(review(d).running).toBe(true);
    expect(review(d).explanation).toContain('听证中，暂停计算');
    expect(d.dueAt).toBeNull(); // a paused clock is never overdue
    expect(names(d)).toEqual(expect.arrayContaining(['record_hearing']));
    expect(names(d)).not.toContain('decide_review');
    expect(names(d)).not.toContain('schedule_hearing');
    const decide = { action: 'decide_review', outcome: 'uphold', facts: '经复查。', reasons: '原意见正确。' };
    const early = await post('nj_reviewer', id, decide);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('hearing_pending');

    // The hearing took four calendar days (scheduled three days ago, recorded today).
    await h.ctx.db.execute(sql`update cases set clocks = jsonb_set(clocks, '{review,pausedAt}',
      to_jsonb((now() - interval '3 days')::text)) where id = ${id}`);
    d = await h.act('nj_reviewer', id, 'record_hearing', {
      record: '信访人陈述面积测量经过，开发企业出示测绘报告。',
      opinion: '建议委托第三方重新测绘。',
    });
    expect(d.timeline.at(-1).detail).toMatchObject({ pausedDays: 4, place: '南京市信访局听证室' });
    expect(d.documents.map((x: { kind: string }) => x.kind)).toContain('hearing_record');
    expect(review(d).explanation).toContain('听证4日不计入');
    expect(new Date(review(d).due).getTime()).toBeGreaterThan(new Date(dueBefore).getTime());
    expect(d.dueAt).toBe(review(d).due);

    // The petitioner reads both steps.
    const own = await detail('13900000001', id);
    expect(own.timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['schedule_hearing', 'record_hearing']),
    );
    const notices = own.documents.map((x: { kind: string }) => x.kind);
    expect(notices).toEqual(expect.arrayContaining(['hearing_notice', 'hearing_record']));

    d = await h.act('nj_reviewer', id, 'decide_review', {
      outcome: 'uphold',
      facts: '经听证和复查，面积误差在约定范围内。',
      reasons: '原处理意见认定事实清楚。',
    });
    expect(d.state).toBe('reviewed');
  });

  it('a registrar may not schedule a hearing (the review body does)', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('gl_registrar'),
      payload: {
        form: 'letter',
        purpose: 'claim',
        subject: '来信反映噪声扰民',
        content: '来信反映小区旁工地夜间施工噪声扰民，请求处理。',
        jurisdictionCode: '320106',
        petitioner: { name: '孙八' },
      },
    });
    const id = res.json().caseId as number;
    const r = await post('gl_registrar', id, {
      action: 'schedule_hearing',
      hearingAt: '2026-12-20T09:30:00+08:00',
      place: '听证室',
      participants: '信访人',
    });
    expect(r.statusCode).toBe(403);
  });
});
