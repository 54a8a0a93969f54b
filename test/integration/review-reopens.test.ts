// 撤销 or 变更 on review reopens the matter (issue 11, item 3): the original handling unit decides
// again under a new clock, issues a new 处理意见书, delivers it, and the petitioner may ask for
// review again. 按期办结率 counts the matter's first handling once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let zhujian = 0;
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['13900000001', 'gl_registrar', 'gl_handler', 'gl_analyst', 'nj_reviewer']);
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
});
afterAll(async () => {
  await h?.close();
});

const answer = (decision: string) => ({
  outcome: 'not_supported',
  request: '请求维修电梯',
  facts: '电梯已过维保期。',
  reasons: '依据物业服务合同。',
  decision,
});
const names = (d: { availableActions: { action: string }[] }) => d.availableActions.map((a) => a.action);
const detail = async (user: string, id: number) =>
  (await h.app.inject({ url: `/api/v1/cases/${id}`, headers: h.as(user) })).json();

async function completedToday(): Promise<number> {
  const today = shanghaiDate(new Date());
  const res = await h.app.inject({
    url: `/api/v1/analytics/indicators?from=${today}&to=${today}&scope=320106`,
    headers: h.as('gl_analyst'),
  });
  return res.json().totals.completed;
}

const PLACES = ['3号楼', '7号楼'];
async function reviewRequested(assignTo?: number, rateFirst = false) {
  const place = PLACES.shift() ?? '9号楼';
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as('13900000001'),
    payload: {
      form: 'online',
      purpose: 'claim',
      subject: `${place}电梯停运无人维修`,
      content: `小区${place}电梯停运两个月，物业拒绝维修，老人上下楼困难，请求协调解决。`,
      jurisdictionCode: '320106',
    },
  });
  expect(res.json().linkedTo).toBeUndefined();
  const id = res.json().caseId as number;
  await h.act('gl_registrar', id, 'accept');
  let holder = 'gl_registrar';
  if (assignTo) {
    await h.act('gl_registrar', id, 'assign', { targetUnitId: assignTo });
    holder = 'gl_handler';
  }
  await h.act(holder, id, 'reply', answer('不予支持。'));
  await h.act(holder, id, 'deliver', { method: 'online' });
  if (rateFirst) {
    await h.act('13900000001', id, 'rate', { bureauRating: 'dissatisfied', unitRating: 'dissatisfied' });
  }
  await h.act('13900000001', id, 'request_review', { reason: '物业应当维修' });
  return { id, holder };
}

describe('a review that revokes the decision', () => {
  it('sends the matter back to the department, which decides again; the petitioner may ask for review again', async () => {
    const { id } = await reviewRequested(zhujian);
    let d = await h.act('nj_reviewer', id, 'decide_review', {
      outcome: 'revoke',
      facts: '电梯仍在保修期内。',
      reasons: '原处理意见认定事实不清。',
      decision: '撤销原处理意见，由原办理单位重新作出处理意见。',
    });
    // The reviewer no longer holds it: the answer says it moved on.
    expect(d.state).toBe('handling');
    expect(d.units.current.name).toBe('鼓楼区住房和城乡建设局');
    expect(d.timeline.at(-1).label).toBe('出具复查意见（撤销，退回重新办理）');
    expect(d.documents.map((x: { kind: string }) => x.kind)).toContain('review_opinion');
    const clocks = Object.fromEntries(d.deadlines.map((c: { name: string }) => [c.name, c]));
    expect(clocks.rehandling).toMatchObject({ label: '重新办理期限', running: true });
    expect(clocks.review.running).toBe(false);
    expect(clocks.rereview_window).toBeUndefined();
    expect(names(await detail('nj_reviewer', id))).not.toContain('decide_review');

    // The petitioner is told who decides again.
    const own = await detail('13900000001', id);
    expect(own.timeline.at(-1).detail).toMatchObject({
      reopened: true,
      originalUnit: '鼓楼区住房和城乡建设局',
    });
    expect(own.availableActions).toEqual([]);

    // The department decides again: a new 处理意见书, counted once in 按期办结率.
    expect(names(await detail('gl_handler', id))).toEqual(expect.arrayContaining(['reply', 'settle']));
    const completed = await completedToday();
    d = await h.act('gl_handler', id, 'reply', answer('支持，责成物业公司十日内修复电梯。'));
    expect(d.state).toBe('replied');
    expect(d.documents.filter((x: { kind: string }) => x.kind === 'handling_opinion')).toHaveLength(2);
    expect(await completedToday()).toBe(completed);
    expect(d.deadlines.find((c: { name: string }) => c.name === 'rehandling').running).toBe(false);
    d = await h.act('gl_handler', id, 'deliver', { method: 'online' });
    expect(d.state).toBe('delivered');
    expect(d.deadlines.find((c: { name: string }) => c.name === 'review_window').running).toBe(true);

    // The same review rights, against the new decision.
    expect(names(await detail('13900000001', id))).toEqual(
      expect.arrayContaining(['rate', 'request_review']),
    );
    d = await h.act('13900000001', id, 'request_review', { reason: '修复期限过长' });
    expect(d.state).toBe('review_requested');
    expect(d.units.review.name).toBe('南京市信访局');
    d = await h.act('nj_reviewer', id, 'decide_review', {
      outcome: 'uphold',
      facts: '原单位已重新处理。',
      reasons: '重新作出的处理意见认定事实清楚。',
    });
    expect(d.state).toBe('reviewed');
    expect(d.timeline.at(-1).label).toBe('出具复查意见');
  });

  it('变更 on a matter the bureau handled itself goes back to the bureau; a rating is not asked twice', async () => {
    const { id } = await reviewRequested(undefined, true);
    const vary = { outcome: 'vary', facts: '物业应承担维修责任。', reasons: '原处理意见适用依据错误。' };
    // 变更 states the varied opinion: without it, a 400 naming the field (before: a 500 from the document).
    const missing = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      headers: h.as('nj_reviewer'),
      payload: { action: 'decide_review', ...vary },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      field: 'decision',
      message: '复查结论为变更时，请填写变更后的意见',
    });
    let d = await h.act('nj_reviewer', id, 'decide_review', {
      ...vary,
      decision: '变更为：由物业公司承担维修费用。',
    });
    expect(d.state).toBe('handling');
    expect(d.units.current.name).toBe('鼓楼区信访局');
    d = await h.act('gl_registrar', id, 'reply', answer('支持。'));
    d = await h.act('gl_registrar', id, 'deliver', { method: 'post' });
    expect(d.evaluation.status).toBe('rated');
    expect(d.deadlines.find((c: { name: string }) => c.name === 'evaluation').running).toBe(false);
    const own = await detail('13900000001', id);
    expect(names(own)).toEqual(['request_review']);
  });
});
