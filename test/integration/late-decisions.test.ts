// 逾期办理 (issue 11, item 1): a late decision is still a decision. A matter whose acceptance limit ran
// out three days ago can still be accepted, with a reason for the delay; a review or re-review not
// decided in 30 days can still be decided. Each is recorded late (timeline, petitioner, public
// query), counted late in 及时受理率 and leaves the unit's overdue count; the petitioner's windows
// still close for good.
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, caseEvents, cases } from '../../src/db/schema.ts';
import { addDays, shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { runDeadlineSweep } from '../../src/jobs/deadlines.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { letter } from '../helpers/builders.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['13900000001', 'gl_registrar', 'gl_analyst', 'nj_reviewer', 'js_reviewer', 'admin']);
});
afterAll(async () => {
  await h?.close();
});

const post = (user: string, id: number, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions`, headers: h.as(user), payload });
const detail = async (user: string, id: number) =>
  (await h.app.inject({ url: `/api/v1/cases/${id}`, headers: h.as(user) })).json();

/** The end of the day `days` days before today (Asia/Shanghai), as a clock's due instant. */
const dueDaysAgo = (days: number) =>
  new Date(`${addDays(shanghaiDate(new Date()), -days)}T23:59:59.999+08:00`).toISOString();

/** Moves a running clock's due instant, as if its limit had run out `days` days ago. */
async function expire(id: number, clock: string, days: number) {
  await h.ctx.db.execute(sql`update cases
    set clocks = jsonb_set(clocks, ${`{${clock},due}`}::text[], to_jsonb(${dueDaysAgo(days)}::text)),
        due_at = ${dueDaysAgo(days)}::timestamptz
    where id = ${id}`);
}

const snapshot = async (id: number) => {
  const [c] = await h.ctx.db.select().from(cases).where(eq(cases.id, id));
  const [e] = await h.ctx.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.caseId, id));
  const [a] = await h.ctx.db.select({ n: count() }).from(auditLog);
  return { state: c?.state, version: c?.version, clocks: c?.clocks, events: e?.n, audits: a?.n };
};

async function todayTotals(): Promise<{ acceptanceDecided: number; acceptedTimely: number }> {
  const today = shanghaiDate(new Date());
  const res = await h.app.inject({
    url: `/api/v1/analytics/indicators?from=${today}&to=${today}&scope=320106`,
    headers: h.as('gl_analyst'),
  });
  expect(res.statusCode).toBe(200);
  return res.json().totals;
}

async function overdueOf(unitName: string): Promise<number> {
  const res = await h.app.inject({
    url: '/api/v1/analytics/overdue-by-unit?scope=320106',
    headers: h.as('gl_analyst'),
  });
  expect(res.statusCode).toBe(200);
  return res.json().rows.find((r: { unitName: string }) => r.unitName === unitName)?.overdue ?? 0;
}

// One petitioner (赵六) for all: the late-decision notices go to one phone.
const register = (user: string, extra: Record<string, unknown> = {}) =>
  h.register(user, letter(undefined, { petitioner: { name: '赵六', phone: '13811113333' }, ...extra }));

describe('a matter accepted 3 days late', () => {
  it('is offered as late, refused without a reason, then accepted, recorded and counted late', async () => {
    const c = await register('gl_registrar');
    await expire(c.caseId, 'acceptance', 3);
    await runDeadlineSweep(h.ctx);
    const overdueBefore = await overdueOf('鼓楼区信访局');
    expect(overdueBefore).toBeGreaterThanOrEqual(1);

    // The console is told the decision would be late, and by how much.
    const d0 = await detail('gl_registrar', c.caseId);
    const offered = d0.availableActions.find((a: { action: string }) => a.action === 'accept');
    expect(offered.late).toMatchObject({ clock: 'acceptance', clockName: '受理期限', daysLate: 3 });
    expect(d0.availableActions.find((a: { action: string }) => a.action === 'forward').late).toBeUndefined();

    // Without a reason for the delay: 400, and nothing changes.
    const before = await snapshot(c.caseId);
    for (const lateReason of [undefined, '   ']) {
      const res = await post('gl_registrar', c.caseId, { action: 'accept', lateReason });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'late_reason_required', field: 'lateReason' });
      expect(res.json().error.message).toContain('已超过受理期限3日');
    }
    expect(await snapshot(c.caseId)).toEqual(before);

    const totals = await todayTotals();
    const d = await h.act('gl_registrar', c.caseId, 'accept', {
      lateReason: '来信在收发室滞留，登记后未及时流转',
    });
    expect(d.state).toBe('accepted');
    const event = d.timeline.at(-1);
    expect(event.label).toBe('受理（逾期3日）');
    expect(event.detail.late).toMatchObject({
      clock: 'acceptance',
      daysLate: 3,
      reason: '来信在收发室滞留，登记后未及时流转',
    });
    // The handling clock runs from the (late) acceptance; the acceptance clock stopped late.
    const clocks = Object.fromEntries(d.deadlines.map((x: { name: string }) => [x.name, x]));
    expect(clocks.acceptance.running).toBe(false);
    expect(clocks.handling.running).toBe(true);
    expect(d.dueFlag).toBeNull();

    // Counted late: one more decision, no more timely ones; no longer waiting, so no longer overdue.
    const after = await todayTotals();
    expect(after.acceptanceDecided - totals.acceptanceDecided).toBe(1);
    expect(after.acceptedTimely - totals.acceptedTimely).toBe(0);
    expect(await overdueOf('鼓楼区信访局')).toBe(overdueBefore - 1);

    // The public query says the step came late, not why.
    const pub = await h.app.inject({ url: `/api/v1/public/cases/${c.caseNumber}?code=${c.queryCode}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().steps.map((s: { label: string }) => s.label)).toContain('受理（逾期3日）');
    expect(pub.body).not.toContain('收发室');
  });

  it('a late reply needs its reason too, and no extension can be asked once the limit has passed', async () => {
    const c = await register('gl_registrar');
    await h.act('gl_registrar', c.caseId, 'accept');
    const replyPayload = {
      action: 'reply',
      outcome: 'explained',
      request: '请求足额发放补偿款',
      facts: '补偿款已按协议发放。',
      reasons: '依据征收补偿协议。',
      decision: '向信访人解释说明补偿标准。',
    };
    await expire(c.caseId, 'handling', 1);
    // The extension window closed with the limit; the reply is still owed.
    const ext = await post('gl_registrar', c.caseId, {
      action: 'request_extension',
      days: 5,
      reason: '情况复杂',
    });
    expect(ext.statusCode).toBe(409);
    expect(ext.json().error.code).toBe('window_closed');
    const refused = await post('gl_registrar', c.caseId, replyPayload);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('late_reason_required');
    const ok = await post('gl_registrar', c.caseId, { ...replyPayload, lateReason: '需会同住建部门核实' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().timeline.at(-1).label).toBe('出具处理意见书（逾期1日）');
  });
});

describe('review and re-review decided after their 30 days', () => {
  it('are decided late with a reason; the petitioner reads that they were late, not the reason', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('13900000001'),
      payload: {
        form: 'online',
        purpose: 'claim',
        subject: '小区路灯长期不亮',
        content: '小区主干道路灯已经三个月不亮，夜间出行很不安全，请求尽快维修。',
        jurisdictionCode: '320106',
      },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().caseId as number;
    await h.act('gl_registrar', id, 'accept');
    await h.act('gl_registrar', id, 'reply', {
      outcome: 'supported',
      request: '请求维修路灯',
      facts: '路灯线路老化。',
      reasons: '属于公共设施维护范围。',
      decision: '责成街道一个月内修复。',
    });
    await h.act('gl_registrar', id, 'deliver', { method: 'online' });
    await h.act('13900000001', id, 'request_review', { reason: '至今未修复' });
    await expire(id, 'review', 2);

    const decide = {
      outcome: 'uphold',
      facts: '街道已制定维修计划。',
      reasons: '原处理意见认定事实清楚。',
    };
    const offered = (await detail('nj_reviewer', id)).availableActions;
    expect(offered.find((a: { action: string }) => a.action === 'decide_review').late.clockName).toBe(
      '复查期限',
    );
    const before = await snapshot(id);
    const refused = await post('nj_reviewer', id, { action: 'decide_review', ...decide });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('late_reason_required');
    expect(await snapshot(id)).toEqual(before);

    let d = await h.act('nj_reviewer', id, 'decide_review', {
      ...decide,
      lateReason: '调取原始材料耗时较长',
    });
    expect(d.state).toBe('reviewed');
    expect(d.timeline.at(-1).label).toBe('出具复查意见（逾期2日）');
    expect(d.documents.map((x: { kind: string }) => x.kind)).toContain('review_opinion');

    await h.act('13900000001', id, 'request_rereview', { reason: '仍未修复' });
    await expire(id, 'rereview', 5);
    d = await h.act('js_reviewer', id, 'decide_rereview', { ...decide, lateReason: '复核期间组织现场核查' });
    expect(d.state).toBe('final');
    expect(d.timeline.at(-1).label).toBe('出具复核意见（逾期5日）');

    // The petitioner sees both steps as late, without the staff's reasons.
    const own = await detail('13900000001', id);
    const late = own.timeline.filter((e: { detail: { late?: unknown } }) => e.detail.late);
    expect(late.map((e: { action: string }) => e.action)).toEqual(['decide_review', 'decide_rereview']);
    expect(late.map((e: { detail: { late: { daysLate: number } } }) => e.detail.late.daysLate)).toEqual([
      2, 5,
    ]);
    expect(JSON.stringify(own)).not.toContain('调取原始材料');
    expect(JSON.stringify(own)).not.toContain('现场核查');
  });

  it('the petitioner windows still close for good', async () => {
    const c = await register('gl_registrar');
    await h.act('gl_registrar', c.caseId, 'accept');
    await h.act('gl_registrar', c.caseId, 'reply', {
      outcome: 'explained',
      request: '请求',
      facts: '事实',
      reasons: '理由',
      decision: '意见',
    });
    await h.act('gl_registrar', c.caseId, 'deliver', { method: 'post' });
    await expire(c.caseId, 'review_window', 1);
    const late = await post('gl_registrar', c.caseId, {
      action: 'request_review',
      reason: '不服',
      lateReason: '迟了',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('window_closed');
  });
});

describe('the demo data: matters left waiting past their limit', () => {
  // `xinfang seed` leaves some matters undecided past their limit (a unit that never accepted a
  // forwarded matter, a review or re-review not decided in 30 days). Before, nothing could be done
  // with them; now the unit holding each one decides it, late.
  const DECISIONS: Record<string, { action: string; payload: Record<string, unknown>; to: string[] }> = {
    forwarded: { action: 'accept', payload: {}, to: ['accepted', 'handling'] },
    review_requested: {
      action: 'decide_review',
      payload: { outcome: 'uphold', facts: '经复查，原认定事实清楚。', reasons: '适用依据正确。' },
      to: ['reviewed'],
    },
    rereview_requested: {
      action: 'decide_rereview',
      payload: { outcome: 'uphold', facts: '经复核，复查认定事实清楚。', reasons: '适用依据正确。' },
      to: ['final'],
    },
  };

  it('each can be decided by its holder, late, with a reason', async () => {
    await seedCases(h.ctx.db, h.ctx.pii, { count: 1500, seed: 11, now: new Date() });
    const stuck = (
      (await h.ctx.db.execute(sql`select c.id, c.state, u.id as unit_id, u.kind
        from cases c join units u on u.id = c.current_unit_id
        where c.state in ('forwarded', 'review_requested', 'rereview_requested') and c.due_at < now()
        order by c.id`)) as unknown as { rows: unknown[] }
    ).rows as { id: number; state: string; unit_id: number; kind: string }[];
    expect(stuck.length).toBeGreaterThan(0);
    let n = 0;
    for (const m of stuck) {
      const decision = DECISIONS[m.state];
      if (!decision) throw new Error(`unexpected state ${m.state}`);
      const role = m.state === 'forwarded' ? (m.kind === 'department' ? 'handler' : 'registrar') : 'reviewer';
      const username = `stuck${++n}_${role}`;
      const created = await h.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: h.as('admin'),
        payload: {
          username,
          password: 'Late-Decision-2026!',
          role,
          unitId: Number(m.unit_id),
          displayName: '承办人',
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      await h.loginAll([username], 'Late-Decision-2026!');
      const offered = (await detail(username, Number(m.id))).availableActions.find(
        (a: { action: string }) => a.action === decision.action,
      );
      expect(offered?.late?.daysLate, `${m.state} ${m.id}`).toBeGreaterThan(0);
      const d = await h.act(username, Number(m.id), decision.action, {
        ...decision.payload,
        lateReason: '历史遗留事项，现依法作出决定',
      });
      expect(decision.to).toContain(d.state);
      expect(d.timeline.at(-1).label).toMatch(/（逾期\d+日）$/);
    }
  }, 300_000);
});
