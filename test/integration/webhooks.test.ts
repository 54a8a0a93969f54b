// 事件推送 over HTTP, against a receiver started here: an admin subscribes the county's endpoint to
// some event types; registering, accepting and refusing matters write deliveries in the same
// transaction; the delivery pass POSTs them signed (HMAC-SHA256 of `<timestamp>.<body>`), with no
// personal data; a failing receiver is retried with backoff and dead-lettered after the last try;
// the dead letter is listed and replayed from the console API and then delivered. A subscription of
// another county receives nothing; a paused one neither.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, webhookDeliveries } from '../../src/db/schema.ts';
import { runDailyJobs } from '../../src/jobs/scheduler.ts';
import { runWebhookDeliveries } from '../../src/webhooks/deliverer.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let server: Server;
let url = '';
let glBureau = 0;
let xwBureau = 0;
const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
let failNext = 0;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['gl_admin', 'nj_admin', 'gl_registrar', 'gl_handler']);
  glBureau = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' }))
    .json()
    .units.find((u: { kind: string }) => u.kind === 'bureau').id;
  xwBureau = (await h.app.inject({ url: '/api/v1/jurisdictions/320102' }))
    .json()
    .units.find((u: { kind: string }) => u.kind === 'bureau').id;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end('busy');
        return;
      }
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await new Promise((ok) => server?.close(ok));
  await h?.close();
});

const deliver = (opts = {}) => runWebhookDeliveries(h.ctx, new Date(Date.now() + 1000), opts);
const api = (user: string, method: 'GET' | 'POST', path: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${path}`, headers: h.as(user), payload });

const intake = (subject: string) => ({
  form: 'phone',
  purpose: 'claim',
  subject,
  content: `${subject}，来电人赵六一，电话13955556666，请求尽快处理。`,
  jurisdictionCode: '320106',
  petitioner: { name: '赵六一', phone: '13955556666' },
});

describe('事件推送: subscribe, deliver signed, retry, dead-letter, replay', () => {
  let secret = '';
  let subId = 0;
  let caseId = 0;

  it('an admin subscribes an endpoint; the secret is answered once', async () => {
    const res = await api('gl_admin', 'POST', '/webhooks', {
      name: '区融媒体中心',
      unitId: glBureau,
      url,
      eventTypes: ['case.registered', 'case.accepted', 'case.closed'],
    });
    expect(res.statusCode, res.body).toBe(201);
    secret = res.json().secret;
    subId = res.json().id;
    expect(secret).toMatch(/^whsec_/);
    const list = await api('gl_admin', 'GET', '/webhooks');
    expect(list.body).not.toContain(secret);
    expect(list.json().items[0].eventTypes.map((e: { name: string }) => e.name)).toEqual([
      '登记',
      '受理',
      expect.stringContaining('办结'),
    ]);
    // Another county's subscription to everything, and bad input.
    const other = await api('nj_admin', 'POST', '/webhooks', {
      name: '玄武区',
      unitId: xwBureau,
      url,
      eventTypes: ['case.registered', 'case.accepted'],
    });
    expect(other.statusCode).toBe(201);
    const bad = await api('gl_admin', 'POST', '/webhooks', {
      name: '坏地址',
      unitId: glBureau,
      url: 'ftp://x',
      eventTypes: ['case.registered'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('url');
    const badType = await api('gl_admin', 'POST', '/webhooks', {
      name: '坏类型',
      unitId: glBureau,
      url,
      eventTypes: ['case.exploded'],
    });
    expect(badType.statusCode).toBe(400);
    expect((await api('gl_registrar', 'GET', '/webhooks')).statusCode).toBe(403);
  });

  it('registering and accepting deliver signed, timestamped payloads without personal data', async () => {
    const reg = await api('gl_registrar', 'POST', '/cases', intake('楼上漏水多次协调无果'));
    caseId = reg.json().caseId;
    await h.act('gl_registrar', caseId, 'accept');
    const r = await deliver();
    expect(r).toEqual({ delivered: 2, failed: 0, dead: 0 });
    expect(received).toHaveLength(2);
    const [first, second] = received;
    const now = Math.floor(Date.now() / 1000);
    for (const m of [first, second]) {
      const ts = Number(m?.headers['x-xinfang-timestamp']);
      expect(Math.abs(now - ts)).toBeLessThan(60);
      const expected = `sha256=${createHmac('sha256', secret).update(`${ts}.${m?.body}`).digest('hex')}`;
      expect(m?.headers['x-xinfang-signature']).toBe(expected);
      for (const pii of ['赵六一', '13955556666', '楼上漏水']) expect(m?.body).not.toContain(pii);
    }
    const body = JSON.parse(first?.body ?? '{}');
    expect(first?.headers['x-xinfang-event']).toBe('case.registered');
    expect(body).toMatchObject({
      type: 'case.registered',
      case: { state: 'registered', jurisdictionCode: '320106' },
    });
    expect(body.id).toBe(first?.headers['x-xinfang-delivery']);
    expect(JSON.parse(second?.body ?? '{}').type).toBe('case.accepted');
    // Nothing more is due; the other county's subscription got nothing of 鼓楼区.
    expect(await deliver()).toEqual({ delivered: 0, failed: 0, dead: 0 });
    const all = await h.ctx.db.select().from(webhookDeliveries);
    expect(all.every((d) => d.subscriptionId === subId)).toBe(true);
  });

  it('a failing receiver is retried with backoff, then dead-lettered; the console replays it', async () => {
    received.length = 0;
    const reg = await api('gl_registrar', 'POST', '/cases', intake('道路施工噪音夜间扰民'));
    const other = reg.json().caseId;
    await h.act('gl_registrar', other, 'not_accept', {
      reasonCode: 'NOT_IN_REMIT',
      reasonText: '不属于本机关职权',
    });
    failNext = 100;
    const first = await deliver({ maxAttempts: 3, baseDelayMs: 60_000 });
    expect(first).toEqual({ delivered: 0, failed: 2, dead: 0 }); // registered + closed, both refused
    const [row] = await h.ctx.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.eventType, 'case.closed'));
    expect(row?.lastStatus).toBe(503);
    expect(row?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000); // backed off
    expect(await deliver({ maxAttempts: 3 })).toEqual({ delivered: 0, failed: 0, dead: 0 }); // not yet due
    const later = (ms: number) =>
      runWebhookDeliveries(h.ctx, new Date(Date.now() + ms), { maxAttempts: 3, baseDelayMs: 60_000 });
    expect(await later(61_000)).toEqual({ delivered: 0, failed: 2, dead: 0 });
    expect(await later(200_000)).toEqual({ delivered: 0, failed: 0, dead: 2 });

    const dead = (await api('gl_admin', 'GET', '/webhooks/deliveries?status=dead')).json().items;
    expect(dead).toHaveLength(2);
    expect(dead.map((d: { eventName: string }) => d.eventName)).toContain('登记');
    expect(dead[0]).toMatchObject({ status: 'dead', attempts: 3, lastError: 'HTTP 503' });
    const subs = (await api('gl_admin', 'GET', '/webhooks')).json().items;
    expect(subs.find((s: { id: number }) => s.id === subId).counts.dead).toBe(2);

    failNext = 0;
    for (const d of dead) {
      const res = await api('gl_admin', 'POST', `/webhooks/deliveries/${d.id}/replay`);
      expect(res.statusCode).toBe(200);
    }
    expect((await api('gl_admin', 'POST', `/webhooks/deliveries/${dead[0].id}/replay`)).statusCode).toBe(409);
    expect(await deliver()).toEqual({ delivered: 2, failed: 0, dead: 0 });
    expect(received.map((m) => m.headers['x-xinfang-event']).sort()).toEqual([
      'case.closed',
      'case.registered',
    ]);
    const audits = await h.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'webhook.replay'));
    expect(audits).toHaveLength(2);
  });

  it('a paused subscription receives nothing new; admins of other counties cannot touch it', async () => {
    expect((await api('nj_admin', 'GET', '/webhooks')).json().items.length).toBe(2); // the city sees both
    const res = await api('gl_admin', 'POST', `/webhooks/${subId}/active`, { active: false });
    expect(res.statusCode).toBe(200);
    received.length = 0;
    await api('gl_registrar', 'POST', '/cases', intake('停车位被长期占用'));
    expect(await deliver()).toEqual({ delivered: 0, failed: 0, dead: 0 });
    const xw = (await api('nj_admin', 'GET', '/webhooks'))
      .json()
      .items.find((s: { name: string }) => s.name === '玄武区');
    expect((await api('gl_admin', 'POST', `/webhooks/${xw.id}/active`, { active: false })).statusCode).toBe(
      404,
    );
  });

  it('the daily sweep raises case.overdue, and the daily passes deliver it', async () => {
    const sub = await api('gl_admin', 'POST', '/webhooks', {
      name: '逾期提醒',
      unitId: glBureau,
      url,
      eventTypes: ['case.overdue'],
    });
    expect(sub.statusCode).toBe(201);
    received.length = 0;
    const number = (await api('gl_admin', 'GET', `/cases/${caseId}`)).json().caseNumber;
    await runDailyJobs(h.ctx, new Date(Date.now() + 120 * 86_400_000));
    const overdue = received.filter((m) => m.headers['x-xinfang-event'] === 'case.overdue');
    expect(overdue.map((m) => JSON.parse(m.body).case.caseNumber)).toContain(number);
    for (const m of overdue) expect(m.body).not.toContain('13955556666');
  });

  it('a warning raised at intake is delivered as warning.raised, with case numbers only', async () => {
    const sub = await api('gl_admin', 'POST', '/webhooks', {
      name: '维稳值班室',
      unitId: glBureau,
      url,
      eventTypes: ['warning.raised'],
    });
    expect(sub.statusCode).toBe(201);
    received.length = 0;
    const reg = await api('gl_registrar', 'POST', '/cases', {
      ...intake('工资拖欠一年多'),
      content: '工资拖欠一年多，来电人赵六一说再不解决就不想活了，电话13955556666。',
    });
    const number = reg.json().caseNumber;
    await deliver();
    const raised = received.filter((m) => m.headers['x-xinfang-event'] === 'warning.raised');
    expect(raised).toHaveLength(1);
    const body = JSON.parse(raised[0]?.body ?? '{}');
    expect(body.warning).toMatchObject({ kind: 'extreme_risk', kindName: '极端风险', caseNumbers: [number] });
    for (const pii of ['赵六一', '13955556666', '不想活了']) expect(raised[0]?.body).not.toContain(pii);
    // The next pass finds nothing new: picked up once.
    received.length = 0;
    await deliver();
    expect(received.filter((m) => m.headers['x-xinfang-event'] === 'warning.raised')).toHaveLength(0);
  });
});
