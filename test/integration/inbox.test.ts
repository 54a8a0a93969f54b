// 站内消息 over HTTP: a 交办 puts a 新交办 item in the receiving department's handler's inbox (not in
// the registrar's own, not in another unit's); the bell's count; mark read, mark all read; nobody
// reads or marks another's inbox; preferences turn a kind off or add SMS (the SMS names the number
// only, never the petitioner), and SMS is refused where the kind does not allow it; a 督查督办单, a
// 复查申请, and the daily sweep's 临期 and 逾期 (once per due date, however often it runs).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxItems, outbox, users } from '../../src/db/schema.ts';
import { addDays, shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { runDeadlineSweep } from '../../src/jobs/deadlines.ts';
import { outboxText } from '../../src/notify/outbox.ts';
import { DEMO_CITIZEN, onlinePetition } from '../helpers/builders.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let zhujian = 0; // 鼓楼区住房和城乡建设局 (gl_handler's unit)
const HANDLER_PHONE = '13812340009';

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    '13900000001',
    'gl_registrar',
    'gl_handler',
    'gl_supervisor',
    'gl_leader',
    'nj_handler',
    'nj_reviewer',
    'gl_analyst',
    'gl_admin',
  ]);
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
  await h.ctx.db
    .update(users)
    .set({ phoneEnc: h.ctx.pii.encrypt(HANDLER_PHONE) })
    .where(eq(users.username, 'gl_handler'));
});
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const send = (user: string, method: 'POST' | 'PUT', url: string, payload: Record<string, unknown> = {}) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: h.as(user), payload });
const inbox = async (user: string) => (await get(user, '/inbox')).json();
const count = async (user: string) => (await get(user, '/inbox/count')).json().unread as number;

async function newCase(subject: string): Promise<{ id: number; number: string }> {
  // The content names the petitioner's phone: the inbox must not show it in clear.
  const r = await h.register(
    DEMO_CITIZEN,
    onlinePetition(subject, { content: `${subject}，本人张三（电话13900000001）多次反映未果。` }),
  );
  return { id: r.caseId, number: r.caseNumber };
}
async function assigned(subject: string) {
  const c = await newCase(subject);
  await h.act('gl_registrar', c.id, 'accept');
  await h.act('gl_registrar', c.id, 'assign', { targetUnitId: zhujian });
  return c;
}
const smsTo = async (phone: string) =>
  (await h.ctx.db.select().from(outbox)).filter((r) => h.ctx.pii.decrypt(r.recipientEnc ?? '') === phone);

describe('新交办', () => {
  let caseId = 0;
  it('reaches the handler of the receiving unit, nobody else; the bell counts it', async () => {
    const before = await count('gl_handler');
    const c = await assigned('小区电梯长期停运无人维修');
    caseId = c.id;
    const mine = await inbox('gl_handler');
    const item = mine.items.find((i: { caseId: number }) => i.caseId === c.id);
    expect(item).toMatchObject({
      kind: 'assignment',
      kindLabel: '新交办',
      title: `新交办：${c.number}`,
      link: `/cases/${c.id}`,
      readAt: null,
    });
    expect(item.body).toContain('鼓楼区信访局交办');
    expect(await count('gl_handler')).toBe(before + 1);
    expect(mine.unread).toBe(before + 1);
    // The registrar who assigned it, and a handler of another unit, are not told.
    for (const u of ['gl_registrar', 'nj_handler'])
      expect((await inbox(u)).items.some((i: { caseId: number }) => i.caseId === c.id)).toBe(false);
    // SMS for 新交办 is off by default.
    expect(await smsTo(HANDLER_PHONE)).toHaveLength(0);
  });

  it('is marked read by its owner only; 全部已读 clears the bell', async () => {
    const item = (await inbox('gl_handler')).items.find((i: { caseId: number }) => i.caseId === caseId);
    expect((await send('nj_handler', 'POST', `/inbox/${item.id}/read`)).statusCode).toBe(404);
    expect((await send('gl_registrar', 'POST', `/inbox/${item.id}/read`)).statusCode).toBe(404);
    const n = await count('gl_handler');
    const r = await send('gl_handler', 'POST', `/inbox/${item.id}/read`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().unread).toBe(n - 1);
    const again = (await inbox('gl_handler')).items.find((i: { id: number }) => i.id === item.id);
    expect(again.readAt).not.toBeNull();
    expect(
      (await get('gl_handler', '/inbox?unread=true'))
        .json()
        .items.some((i: { id: number }) => i.id === item.id),
    ).toBe(false);
    await assigned('楼道照明损坏');
    expect(await count('gl_handler')).toBeGreaterThan(0);
    const all = await send('gl_handler', 'POST', '/inbox/read-all');
    expect(all.json()).toMatchObject({ unread: 0 });
    expect(all.json().marked).toBeGreaterThan(0);
    expect(await count('gl_handler')).toBe(0);
  });

  it('has no inbox for a citizen', async () => {
    expect((await get('13900000001', '/inbox')).statusCode).toBe(403);
    expect((await get('13900000001', '/inbox/count')).statusCode).toBe(403);
  });
});

describe('preferences', () => {
  it('starts from the kinds table', async () => {
    const p = (await get('gl_handler', '/inbox/preferences')).json();
    expect(p.hasPhone).toBe(true);
    expect(p.kinds.map((k: { kind: string }) => k.kind)).toEqual([
      'assignment',
      'review_request',
      'supervision',
      'due_soon',
      'overdue',
    ]);
    expect(p.kinds.find((k: { kind: string }) => k.kind === 'due_soon')).toMatchObject({
      smsAllowed: false,
      inApp: true,
      sms: false,
    });
  });

  it('lists only the kinds the role can receive', async () => {
    const kinds = async (user: string) =>
      (await get(user, '/inbox/preferences')).json().kinds.map((k: { kind: string }) => k.kind);
    expect(await kinds('gl_analyst')).toEqual(['warning', 'monitoring_digest']);
    expect(await kinds('gl_admin')).toEqual(['account_locked', 'calendar_gap']);
    expect(await kinds('gl_leader')).toEqual(expect.arrayContaining(['supervision', 'monitoring_digest']));
    expect(await kinds('gl_leader')).not.toContain('warning');
  });

  it('refuses SMS where the kind does not send it, and an unknown kind', async () => {
    const r = await send('gl_handler', 'PUT', '/inbox/preferences', {
      preferences: [{ kind: 'due_soon', inApp: true, sms: true }],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('inbox_sms_not_allowed');
    const u = await send('gl_handler', 'PUT', '/inbox/preferences', {
      preferences: [{ kind: 'toString', inApp: true, sms: false }],
    });
    expect(u.statusCode).toBe(400);
  });

  it('with SMS on, a 交办 also sends an SMS naming the number only', async () => {
    const r = await send('gl_handler', 'PUT', '/inbox/preferences', {
      preferences: [{ kind: 'assignment', inApp: true, sms: true }],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().kinds.find((k: { kind: string }) => k.kind === 'assignment').sms).toBe(true);
    const c = await assigned('供暖管道漏水');
    const sms = await smsTo(HANDLER_PHONE);
    expect(sms).toHaveLength(1);
    const text = outboxText(h.ctx.pii, sms[0] as { body: string | null; bodyEnc: string | null }) ?? '';
    expect(text).toContain(c.number);
    expect(text).not.toContain('张三');
    expect(text).not.toContain('13900000001');
    expect(text).not.toContain('供暖');
  });

  it('with the inbox off, a 交办 adds nothing', async () => {
    await send('gl_handler', 'PUT', '/inbox/preferences', {
      preferences: [{ kind: 'assignment', inApp: false, sms: false }],
    });
    const c = await assigned('垃圾清运不及时');
    expect((await inbox('gl_handler')).items.some((i: { caseId: number }) => i.caseId === c.id)).toBe(false);
    await send('gl_handler', 'PUT', '/inbox/preferences', {
      preferences: [{ kind: 'assignment', inApp: true, sms: false }],
    });
  });
});

describe('督办 and 复查申请', () => {
  it('a 督查督办单 on a case reaches the addressed unit, with SMS by default', async () => {
    const c = await assigned('物业公司拒不退还押金');
    const smsBefore = (await smsTo(HANDLER_PHONE)).length;
    const r = await send('gl_supervisor', 'POST', '/supervision', {
      type: 'online',
      target: 'case',
      caseId: c.id,
      facts: '群众反映物业押金问题',
      requirements: '请核查并反馈',
    });
    expect(r.statusCode, r.body).toBe(201);
    const item = (await inbox('gl_handler')).items.find(
      (i: { kind: string; caseId: number }) => i.kind === 'supervision' && i.caseId === c.id,
    );
    expect(item).toMatchObject({ supervisionId: r.json().id, link: `/cases/${c.id}` });
    expect(item.body).toContain('请于');
    expect((await smsTo(HANDLER_PHONE)).length).toBe(smsBefore + 1);
  });

  it('a 复查申请 reaches the reviewers of the review body', async () => {
    const c = await assigned('房屋漏水维修纠纷');
    await h.act('gl_handler', c.id, 'reply', {
      outcome: 'explained',
      request: '维修房屋',
      facts: '经查属于业主自用部分',
      reasons: '依据物业服务合同',
      decision: '由业主自行维修',
    });
    await h.act('gl_handler', c.id, 'deliver', { method: 'online' });
    await h.act('13900000001', c.id, 'rate', { bureauRating: 'dissatisfied', unitRating: 'dissatisfied' });
    await h.act('13900000001', c.id, 'request_review', { reason: '物业应当维修' });
    const item = (await inbox('nj_reviewer')).items.find((i: { caseId: number }) => i.caseId === c.id);
    expect(item).toMatchObject({ kind: 'review_request', title: `复查申请：${c.number}` });
  });
});

describe('临期 and 逾期 from the daily sweep', () => {
  it('tells the holder once per due date, however often the sweep runs', async () => {
    const c = await assigned('路灯不亮影响出行');
    const d = (await get('gl_handler', `/cases/${c.id}`)).json();
    const due = d.deadlines.find((x: { name: string }) => x.name === 'handling').dueDate as string;
    const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
    const items = async () => h.ctx.db.select().from(inboxItems).where(eq(inboxItems.caseId, c.id));
    await runDeadlineSweep(h.ctx, at(addDays(due, -2)));
    await runDeadlineSweep(h.ctx, at(addDays(due, -1)));
    let rows = (await items()).filter((r) => r.kind === 'due_soon');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.title).toBe(`临期：${c.number}`);
    await runDeadlineSweep(h.ctx, at(addDays(due, 3)));
    await runDeadlineSweep(h.ctx, at(addDays(due, 4)));
    rows = (await items()).filter((r) => r.kind === 'overdue');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.body).toContain('已逾期');
    expect(rows[0]?.dedupeKey).toBe(`overdue:${c.id}:${shanghaiDate(new Date(d.dueAt))}`);
  });
});
