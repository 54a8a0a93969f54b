// Offline petitioners rate and follow their matters too (issue 11, item 2): the bureau in charge
// records the rating of a letter, visit or phone petitioner (代录, who recorded it is kept), and
// whoever holds the case number and query code rates and asks for review on the public query page.
// Both count in 参评率 and 满意率.
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, caseEvents, users } from '../../src/db/schema.ts';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['13900000001', 'gl_registrar', 'gl_analyst']);
});
afterAll(async () => {
  await h?.close();
});

let seq = 0;
async function delivered(user = 'gl_registrar', form = 'letter') {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as(user),
    payload: {
      form,
      purpose: 'claim',
      subject: `反映小区供暖不达标 ${++seq}`,
      content: '小区冬季供暖温度长期不达标，室内不足十五度，请求督促供热单位整改。',
      jurisdictionCode: '320106',
      ...(user === '13900000001' ? {} : { petitioner: { name: '钱七', phone: '13811114444' } }),
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const c = res.json() as { caseId: number; caseNumber: string; queryCode: string };
  await h.act('gl_registrar', c.caseId, 'accept');
  await h.act('gl_registrar', c.caseId, 'reply', {
    outcome: 'supported',
    request: '请求整改供暖',
    facts: '经检测室温不达标。',
    reasons: '依据供热管理办法。',
    decision: '责成供热单位十日内整改。',
  });
  await h.act('gl_registrar', c.caseId, 'deliver', { method: 'post' });
  return c;
}

async function todayTotals(): Promise<{ rated: number; ratable: number; satisfied: number }> {
  const today = shanghaiDate(new Date());
  const res = await h.app.inject({
    url: `/api/v1/analytics/indicators?from=${today}&to=${today}&scope=320106`,
    headers: h.as('gl_analyst'),
  });
  expect(res.statusCode).toBe(200);
  return res.json().totals;
}

const rating = { bureauRating: 'satisfied', unitRating: 'basically_satisfied', comment: '整改及时' };
const actions = (d: { availableActions: { action: string }[] }) => d.availableActions.map((a) => a.action);
const publicView = (n: string, code: string) =>
  h.app.inject({ url: `/api/v1/public/cases/${n}?code=${code}` });
const publicAct = (n: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1/public/cases/${n}/actions`, payload });

describe('the registrar records the rating of a letter petitioner (代录)', () => {
  it('is offered, recorded with who recorded it, and counted', async () => {
    const c = await delivered();
    const d0 = (
      await h.app.inject({ url: `/api/v1/cases/${c.caseId}`, headers: h.as('gl_registrar') })
    ).json();
    expect(actions(d0)).toContain('rate');
    const before = await todayTotals();
    const d = await h.act('gl_registrar', c.caseId, 'rate', rating);
    expect(d.evaluation).toMatchObject({ status: 'rated', bureauRating: 'satisfied' });
    expect(d.timeline.at(-1)).toMatchObject({
      action: 'rate',
      label: '评价（代录）',
      actorRole: 'registrar',
    });
    const [registrar] = await h.ctx.db.select().from(users).where(eq(users.username, 'gl_registrar'));
    const [event] = await h.ctx.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.caseId), eq(caseEvents.action, 'rate')));
    expect(event?.actorUserId).toBe(registrar?.id);
    expect(event?.detail).toMatchObject({ via: 'recorded' });
    const after = await todayTotals();
    expect(after.rated - before.rated).toBe(1);
    expect(after.ratable - before.ratable).toBe(1);
    expect(after.satisfied - before.satisfied).toBe(1);
    // Once only.
    const again = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.caseId}/actions`,
      headers: h.as('gl_registrar'),
      payload: { action: 'rate', ...rating },
    });
    expect(again.statusCode).toBe(409);
  });

  it('an online petitioner rates for themselves: the registrar may not record it', async () => {
    const c = await delivered('13900000001', 'online');
    const d0 = (
      await h.app.inject({ url: `/api/v1/cases/${c.caseId}`, headers: h.as('gl_registrar') })
    ).json();
    expect(actions(d0)).not.toContain('rate');
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.caseId}/actions`,
      headers: h.as('gl_registrar'),
      payload: { action: 'rate', ...rating },
    });
    expect(res.statusCode).toBe(403);
    const own = await h.act('13900000001', c.caseId, 'rate', rating);
    expect(own.timeline.at(-1).label).toBe('评价');
  });
});

describe('with the case number and query code, on the public query page', () => {
  it('the petitioner of a letter rates and asks for review, without an account', async () => {
    const c = await delivered();
    const view = await publicView(c.caseNumber, c.queryCode.toLowerCase());
    expect(view.statusCode).toBe(200);
    expect(view.json().availableActions.map((a: { action: string }) => a.action)).toEqual([
      'rate',
      'request_review',
    ]);
    expect(view.json().evaluation).toEqual({ status: 'pending', rated: false });

    // A wrong code, or another case's code, answers like an unknown number and changes nothing.
    const other = await delivered();
    for (const [n, code] of [
      [c.caseNumber, 'ZZZZZZ'],
      [c.caseNumber, other.queryCode],
    ] as const) {
      const res = await publicAct(n, { code, action: 'rate', ...rating });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe('信访件编号或查询码不正确');
    }
    // Only the petitioner's actions.
    const staffAction = await publicAct(c.caseNumber, { code: c.queryCode, action: 'close' });
    expect(staffAction.statusCode).toBe(400);

    const before = await todayTotals();
    const rated = await publicAct(c.caseNumber, { code: c.queryCode, action: 'rate', ...rating });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().evaluation).toEqual({ status: 'rated', rated: true });
    expect(rated.json().steps.at(-1).label).toBe('评价（凭查询码）');
    expect(rated.json().availableActions.map((a: { action: string }) => a.action)).toEqual([
      'request_review',
    ]);
    const after = await todayTotals();
    expect(after.rated - before.rated).toBe(1);
    expect(after.ratable - before.ratable).toBe(1);

    const [audit] = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.rate'), eq(auditLog.entityId, String(c.caseId))))
      .orderBy(desc(auditLog.seq));
    expect(audit).toMatchObject({ actorUserId: null, actorRole: 'citizen' });
    expect(audit?.summary).toMatchObject({ via: 'query_code' });

    const again = await publicAct(c.caseNumber, { code: c.queryCode, action: 'rate', ...rating });
    expect(again.statusCode).toBe(409);

    const review = await publicAct(c.caseNumber, {
      code: c.queryCode,
      action: 'request_review',
      reason: '整改未到位',
    });
    expect(review.statusCode, review.body).toBe(200);
    expect(review.json()).toMatchObject({ state: 'review_requested', unit: '南京市信访局' });
    expect(review.json().steps.at(-1).label).toBe('申请复查（凭查询码）');
    // Staff see how it was asked.
    const staff = (
      await h.app.inject({ url: `/api/v1/cases/${c.caseId}`, headers: h.as('gl_registrar') })
    ).json();
    expect(staff.timeline.at(-1)).toMatchObject({ label: '申请复查（凭查询码）', actorRole: 'citizen' });
  });

  it('the evaluation window closes for the query code too', async () => {
    const c = await delivered();
    await h.ctx.db.execute(sql`update cases set clocks = jsonb_set(clocks, '{evaluation,due}',
      '"2020-01-01T00:00:00.000Z"') where id = ${c.caseId}`);
    const res = await publicAct(c.caseNumber, { code: c.queryCode, action: 'rate', ...rating });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('window_closed');
  });
});
