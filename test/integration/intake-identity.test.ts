// Intake trusts nothing the client says about identity or time (issue 10, faults 2 and 6): a
// citizen's petitioner is the account's own profile and its received time the server's clock; a
// citizen's repeats are only that account's matters; identical submissions at the same moment, and
// retries with one Idempotency-Key, open one matter.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, cases } from '../../src/db/schema.ts';
import { bearer, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const C = '13900000001'; // the demo citizen 张三
const B = '13900000002';
let tokenB = '';
const C_ID = '11010519491231002X';

async function smsLogin(phone: string): Promise<string> {
  await h.app.inject({ method: 'POST', url: '/api/v1/auth/sms-code', payload: { phone } });
  await h.settle();
  const code =
    h.sms.sent
      .filter((m) => m.to === phone)
      .at(-1)
      ?.body.match(/(\d{6})/)?.[1] ?? '';
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, code } });
  if (res.statusCode !== 200) throw new Error(`login ${phone}: ${res.body}`);
  return res.json().token as string;
}

const petition = (subject: string, extra: Record<string, unknown> = {}) => ({
  form: 'online',
  purpose: 'claim',
  jurisdictionCode: '320106',
  subject,
  content: '小区电梯长期故障，多次报修无人处理，老人上下楼十分困难，请求督促物业尽快维修。',
  ...extra,
});

const submit = (headers: Record<string, string>, body: unknown, key?: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) },
    payload: body as Record<string, unknown>,
  });

const countSubject = async (subject: string) =>
  (await h.ctx.db.select({ n: count() }).from(cases).where(eq(cases.subject, subject)))[0]?.n ?? 0;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([C, 'gl_registrar']);
  tokenB = await smsLogin(B);
  const profile = await h.app.inject({
    method: 'PUT',
    url: '/api/v1/me/profile',
    headers: h.as(C),
    payload: { name: '张三', idNumber: C_ID },
  });
  expect(profile.statusCode).toBe(200);
  const own = await h.app.inject({
    method: 'PUT',
    url: '/api/v1/me/profile',
    headers: bearer(tokenB),
    payload: { name: '李四', idNumber: '32010619850315201X' },
  });
  expect(own.statusCode).toBe(200);
});
afterAll(() => h?.close());

describe("a citizen's online petition", () => {
  it("cannot reach into another citizen's matter with their name, ID number and subject", async () => {
    const first = await submit(h.as(C), petition('电梯故障请求维修'));
    expect(first.statusCode).toBe(201);
    const cCase = first.json().caseId as number;
    const eventsBefore = await h.ctx.db
      .select({ n: count() })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, cCase));

    const forged = await submit(
      bearer(tokenB),
      petition('电梯故障请求维修', { petitioner: { name: '张三', idNumber: C_ID } }),
    );
    expect(forged.statusCode).toBe(201);
    const answer = forged.json();
    // A matter of B's own: nothing of C's comes back, nothing is written into C's matter.
    expect(answer.linkedTo).toBeUndefined();
    expect(answer.repeatOf).toBeUndefined();
    expect(answer.caseId).not.toBe(cCase);
    expect(forged.body).not.toContain(first.json().caseNumber);
    const eventsAfter = await h.ctx.db
      .select({ n: count() })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, cCase));
    expect(eventsAfter).toEqual(eventsBefore);
    const links = await h.ctx.db
      .select({ n: count() })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, cCase), eq(caseEvents.action, 'link_repeat')));
    expect(links[0]?.n).toBe(0);

    // B's matter names B (the verified profile), whatever the request said.
    const detail = (
      await h.app.inject({ url: `/api/v1/cases/${answer.caseId}`, headers: bearer(tokenB) })
    ).json();
    expect(detail.parties[0]).toMatchObject({
      role: 'petitioner',
      name: '李四',
      idNumber: '32010619850315201X',
    });
  });

  it('is received when the server receives it, whatever receivedAt says', async () => {
    const before = Date.now();
    const res = await submit(
      h.as(C),
      petition('路灯不亮请求维修', { receivedAt: '2021-03-01T09:00:00+08:00' }),
    );
    expect(res.statusCode).toBe(201);
    const [row] = await h.ctx.db.select().from(cases).where(eq(cases.id, res.json().caseId));
    expect(row?.receivedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("still links a citizen's own repeat to their open matter", async () => {
    const first = await submit(bearer(tokenB), petition('噪音扰民请求处理'));
    const again = await submit(bearer(tokenB), petition('噪音扰民请求处理'));
    expect(again.json().linkedTo).toEqual({
      caseId: first.json().caseId,
      caseNumber: first.json().caseNumber,
    });
  });
});

describe('a registration by staff', () => {
  const letter = (receivedAt: string) => ({
    form: 'letter',
    purpose: 'claim',
    jurisdictionCode: '320106',
    subject: '来信反映拖欠工资',
    content: '来信反映某公司拖欠工资三个月，请求督促支付。来信人留有联系电话。',
    petitioner: { name: '王五' },
    receivedAt,
  });

  it('refuses a received date before 2000 or in the future, writing nothing', async () => {
    for (const when of ['1999-12-31T10:00:00+08:00', new Date(Date.now() + 3 * 86_400_000).toISOString()]) {
      const res = await submit(h.as('gl_registrar'), letter(when));
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid_received_at', field: 'receivedAt' });
    }
    expect(await countSubject('来信反映拖欠工资')).toBe(0);
    expect((await submit(h.as('gl_registrar'), letter('2026-01-05T10:00:00+08:00'))).statusCode).toBe(201);
  });
});

describe('the same submission twice', () => {
  it('with one Idempotency-Key answers the first result again and opens one matter', async () => {
    const body = petition('围墙倒塌存在安全隐患');
    const [a, b] = await Promise.all([
      submit(h.as(C), body, 'submit-0001-abcdef'),
      submit(h.as(C), body, 'submit-0001-abcdef'),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json()).toEqual(a.json());
    expect(a.json().queryCode).toMatch(/^[0-9A-Z]{6}$/);
    const later = await submit(h.as(C), body, 'submit-0001-abcdef');
    expect(later.json()).toEqual(a.json());
    expect(await countSubject('围墙倒塌存在安全隐患')).toBe(1);
  });

  it('refuses a key reused for a different body, and a malformed key', async () => {
    const res = await submit(h.as(C), petition('另一件事情的标题'), 'submit-0001-abcdef');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('idempotency_key_reused');
    expect(await countSubject('另一件事情的标题')).toBe(0);
    const bad = await submit(h.as(C), petition('另一件事情的标题'), 'x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_idempotency_key');
  });

  it('without a key, at the same moment, opens one matter and links the other to it', async () => {
    const body = petition('井盖缺失请求补装');
    const answers = await Promise.all([submit(h.as(C), body), submit(h.as(C), body), submit(h.as(C), body)]);
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(await countSubject('井盖缺失请求补装')).toBe(1);
    const opened = answers.filter((r) => !r.json().linkedTo);
    expect(opened).toHaveLength(1);
    for (const r of answers) expect(r.json().caseId).toBe(opened[0]?.json().caseId);
  });
});
