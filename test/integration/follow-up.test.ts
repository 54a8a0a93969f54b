// A citizen writes again about a matter still being handled (重复信访, Art 19): the petition is linked
// to that matter, not opened anew — and the new text is kept on it as a supplement that staff read,
// and the answer tells the citizen what they may do on the matter now (申请复查 / 申请复核).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const CITIZEN = '13900000001';
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([CITIZEN, 'gl_registrar', 'gl_handler', 'nj_reviewer']);
});
afterAll(async () => {
  await h?.close();
});

const petition = {
  form: 'online',
  purpose: 'claim',
  subject: '小区路灯损坏多月无人修理',
  content: '我所在小区南门外的三盏路灯已经损坏四个月，夜间行人摔倒多次，请求尽快修复。',
  jurisdictionCode: '320106',
};

async function submit(body: Record<string, unknown>) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as(CITIZEN),
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const timeline = async (id: number, user: string) =>
  (await h.app.inject({ url: `/api/v1/cases/${id}`, headers: h.as(user) })).json().timeline as {
    action: string;
    detail: Record<string, unknown>;
  }[];

describe('a follow-up on an open matter', () => {
  let first: { caseId: number; caseNumber: string; queryCode: string };

  it('is added to the matter as a supplement that staff read; no new number, no new query code', async () => {
    first = await submit(petition);
    const again = await submit({
      ...petition,
      subject: '再次反映小区路灯问题',
      content: '补充情况：昨晚又有一位老人在南门外摔伤，路灯仍未修理。',
      previousCaseNumber: first.caseNumber,
    });
    expect(again.linkedTo).toEqual({ caseId: first.caseId, caseNumber: first.caseNumber });
    expect(again.caseNumber).toBe(first.caseNumber);
    expect(again.queryCode).toBeUndefined();
    // Nothing to do on a matter not yet accepted: the page only points to its progress.
    expect(again.nextSteps).toEqual([]);

    const merged = (await timeline(first.caseId, 'gl_registrar')).filter((e) => e.action === 'link_repeat');
    expect(merged).toHaveLength(1);
    expect(merged[0]?.detail.supplementSubject).toBe('再次反映小区路灯问题');
    expect(merged[0]?.detail.supplementContent).toBe(
      '补充情况：昨晚又有一位老人在南门外摔伤，路灯仍未修理。',
    );
    // The petitioner reads their own supplement on the matter, with the step in words.
    const mine = (await timeline(first.caseId, CITIZEN)).filter((e) => e.action === 'link_repeat');
    expect(mine.map((e) => e.detail.supplementContent)).toEqual([
      '补充情况：昨晚又有一位老人在南门外摔伤，路灯仍未修理。',
    ]);
    const citizenView = (
      await h.app.inject({ url: `/api/v1/cases/${first.caseId}`, headers: h.as(CITIZEN) })
    ).json().timeline as { action: string; label: string }[];
    expect(citizenView.find((e) => e.action === 'link_repeat')?.label).toBe(
      '收到补充材料（重复信访并入本件）',
    );
    // The public query names the step only, never the text.
    const pub = await h.app.inject({
      url: `/api/v1/public/cases/${first.caseNumber}?code=${first.queryCode}`,
    });
    expect(pub.statusCode).toBe(200);
    expect(pub.body).not.toContain('老人在南门外摔伤');
  });

  it('points to the remedy the matter is at: 申请复查 after the reply, 申请复核 after the review', async () => {
    const id = first.caseId;
    await h.act('gl_registrar', id, 'accept');
    const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
    const zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局');
    await h.act('gl_registrar', id, 'assign', { targetUnitId: zhujian.id, instructions: '请查明并答复' });
    await h.act('gl_handler', id, 'reply', {
      outcome: 'not_supported',
      request: '请求修复路灯',
      facts: '经查，该路段路灯属开发商自管，正在移交。',
      reasons: '移交完成前由开发商负责维修。',
      decision: '已督促开发商修复。',
    });
    await h.act('gl_handler', id, 'deliver', { method: 'online' });

    // The 交办单 goes from the bureau to the department: staff have it, the petitioner does not.
    type Doc = { id: number; kind: string };
    const docs = async (user: string) =>
      (await h.app.inject({ url: `/api/v1/cases/${id}`, headers: h.as(user) })).json().documents as Doc[];
    const order = (await docs('gl_registrar')).find((d) => d.kind === 'assignment_order');
    expect(order).toBeDefined();
    const mine = (await docs(CITIZEN)).map((d) => d.kind);
    expect(mine).toEqual(expect.arrayContaining(['acceptance_notice', 'handling_opinion']));
    expect(mine).not.toContain('assignment_order');
    const url = `/api/v1/cases/${id}/documents/${order?.id}`;
    expect((await h.app.inject({ url, headers: h.as(CITIZEN) })).statusCode).toBe(404);
    expect((await h.app.inject({ url, headers: h.as('gl_registrar') })).statusCode).toBe(200);

    const afterReply = await submit({ ...petition, content: '路灯至今没修，我对答复不满意。' });
    expect(afterReply.linkedTo.caseNumber).toBe(first.caseNumber);
    expect(afterReply.nextSteps.map((s: { label: string }) => s.label)).toContain('申请复查');

    await h.act(CITIZEN, id, 'request_review', { reason: '路灯仍未修复' });
    await h.act('nj_reviewer', id, 'decide_review', {
      outcome: 'uphold',
      facts: '开发商已列入维修计划。',
      reasons: '原处理意见恰当。',
      decision: '维持原处理意见。',
    });
    const afterReview = await submit({ ...petition, content: '复查后路灯还是没修。' });
    const steps = afterReview.nextSteps.map((s: { label: string }) => s.label);
    expect(steps).toContain('申请复核');
    expect(steps).not.toContain('申请复查');
    // Every follow-up's text is on the matter.
    const texts = (await timeline(id, 'gl_registrar'))
      .filter((e) => e.action === 'link_repeat')
      .map((e) => e.detail.supplementContent);
    expect(texts).toEqual([
      '补充情况：昨晚又有一位老人在南门外摔伤，路灯仍未修理。',
      '路灯至今没修，我对答复不满意。',
      '复查后路灯还是没修。',
    ]);
  });
});

describe('what the citizen reads on a due date', () => {
  it('has no staff caution: that the holiday data does not cover the period is told to staff only', async () => {
    const c = await submit({ ...petition, subject: '楼道堆放杂物存在消防隐患' });
    // A period past the holiday data the platform ships (weekends only, to be checked by hand).
    await h.ctx.db
      .update(cases)
      .set({ clocks: sql`jsonb_set(${cases.clocks}, '{acceptance,trigger}', '"2031-03-02T02:00:00.000Z"')` })
      .where(eq(cases.id, c.caseId));
    const seen = async (user: string) =>
      (await h.app.inject({ url: `/api/v1/cases/${c.caseId}`, headers: h.as(user) })).json().deadlines[0];
    const staff = await seen('gl_registrar');
    expect(staff.staffNote).toMatch(/超出节假日数据覆盖年份.*请人工核对/);
    const citizen = await seen(CITIZEN);
    expect(citizen.staffNote).toBeNull();
    expect(citizen.explanation).not.toMatch(/人工核对|覆盖/);
    expect(citizen.dueDate).toBe(staff.dueDate);
  });
});
