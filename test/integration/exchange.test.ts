// 平台间交换 between two installations running side by side (two harnesses, two databases, both
// listening on loopback): 江苏 assigns (交办) a matter to 浙江's platform, whose delivery goes through
// the outbox with a retry after the peer was unreachable; 浙江 registers it as its own matter, signs
// for it (签收), reports progress (报送), handles and replies, and the result comes back up by itself;
// every step is on both matters' timelines. A replayed message (same id, or an old timestamp) and a
// tampered one are refused with a clear 4xx and change nothing. Then the 12345 hotline: a work
// order comes in with an API key, is registered with the form 12345热线 (its own row in the
// indicators by form), and the reply goes back to the hotline's receiver signed.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, exchangeMessages } from '../../src/db/schema.ts';
import { ExchangeMessage } from '../../src/domain/exchange/format.ts';
import { publicKeyFrom, signMessage, verifyMessage } from '../../src/domain/exchange/signing.ts';
import { runExchangeDeliveries } from '../../src/exchange/deliverer.ts';
import { platformKey } from '../../src/exchange/identity.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

// The documented format (docs/schemas/exchange-v1.schema.json) must accept what is really sent.
const schema = JSON.parse(
  readFileSync(new URL('../../docs/schemas/exchange-v1.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv2020({ strict: false, allErrors: true });
const validate = ajv.compile(schema);
const expectDocumented = (m: unknown) => {
  expect(validate(m), JSON.stringify(validate.errors)).toBe(true);
  expect(ExchangeMessage.safeParse(m).success).toBe(true);
};

let js: Harness; // 江苏省信访平台
let zj: Harness; // 浙江省信访平台 (a second installation; seeded with the same demo data)
let jsUrl = '';
let zjUrl = '';
let hotline: Server;
let hotlineUrl = '';
const hotlineReceived: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

const exchangeConfig = (platformId: string, platformName: string) => ({
  exchange: { platformId, platformName, peers: [] },
});

beforeAll(async () => {
  js = await startHarness({
    config: { secret: 'jiangsu-secret-0123456789abcdef', ...exchangeConfig('jiangsu', '江苏省信访平台') },
  });
  zj = await startHarness({
    config: { secret: 'zhejiang-secret-0123456789abcdef', ...exchangeConfig('zhejiang', '浙江省信访平台') },
  });
  await js.app.listen({ port: 0, host: '127.0.0.1' });
  await zj.app.listen({ port: 0, host: '127.0.0.1' });
  jsUrl = `http://127.0.0.1:${(js.app.server.address() as AddressInfo).port}`;
  zjUrl = `http://127.0.0.1:${(zj.app.server.address() as AddressInfo).port}`;
  hotline = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      hotlineReceived.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((ok) => hotline.listen(0, '127.0.0.1', ok));
  hotlineUrl = `http://127.0.0.1:${(hotline.address() as AddressInfo).port}/orders/results`;
  // Each side configures the other with the public key it publishes (GET /exchange/identity).
  const jsId = (await js.app.inject({ url: '/api/v1/exchange/identity' })).json();
  const zjId = (await zj.app.inject({ url: '/api/v1/exchange/identity' })).json();
  expect(jsId.publicKey).not.toBe(zjId.publicKey);
  js.ctx.config.exchange.peers = [
    {
      id: 'zhejiang',
      name: '浙江省信访平台',
      url: `${zjUrl}/api/v1/exchange/messages`,
      publicKey: zjId.publicKey,
      kind: 'platform',
    },
  ];
  zj.ctx.config.exchange.peers = [
    {
      id: 'jiangsu',
      name: '江苏省信访平台',
      url: `${jsUrl}/api/v1/exchange/messages`,
      publicKey: jsId.publicKey,
      kind: 'platform',
    },
  ];
  await js.loginAll(['gl_registrar', 'js_supervisor', 'gl_admin', 'nj_analyst', 'gl_handler']);
  await zj.loginAll(['js_registrar', 'js_supervisor', 'gl_registrar']);
}, 300_000);

afterAll(async () => {
  await new Promise((ok) => hotline?.close(ok));
  await js?.close();
  await zj?.close();
}, 120_000);

const api = (h: Harness, user: string, method: 'GET' | 'POST', path: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${path}`, headers: h.as(user), payload });
const deliver = (h: Harness, ahead = 1000) => runExchangeDeliveries(h.ctx, new Date(Date.now() + ahead));
const timeline = async (h: Harness, user: string, id: number) => {
  const res = await api(h, user, 'GET', `/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().timeline as { label: string; lines: { key: string; label: string; value: string }[] }[];
};
const labels = async (h: Harness, user: string, id: number) =>
  (await timeline(h, user, id)).map((e) => e.label);

/** POSTs a body to 浙江's receiving end as 江苏 would, signed with 江苏's key (or not). */
const postAsJiangsu = (body: string, opts: { timestamp?: number; signBody?: string } = {}) => {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return zj.app.inject({
    method: 'POST',
    url: '/api/v1/exchange/messages',
    headers: {
      'content-type': 'application/json',
      'x-xinfang-platform': 'jiangsu',
      'x-xinfang-timestamp': String(timestamp),
      'x-xinfang-signature': signMessage(platformKey(js.ctx), timestamp, opts.signBody ?? body),
    },
    payload: body,
  });
};

describe('平台间交换: a matter goes to another platform and its result comes back', () => {
  let jsCase = 0;
  let jsNumber = '';
  let zjCase = 0;
  let zjNumber = '';
  let firstBody = '';

  it('江苏 assigns a matter to 浙江; the outbox retries until the peer answers', async () => {
    const reg = await api(js, 'gl_registrar', 'POST', '/cases', {
      form: 'letter',
      purpose: 'claim',
      categoryCode: '010000',
      subject: '跨省务工工资被拖欠',
      content:
        '本人在浙江某工地务工，工资被拖欠半年，多次讨要无果，请求协调解决。来信人孙七，电话13966667777。',
      jurisdictionCode: '320106',
      petitioner: { name: '孙七', phone: '13966667777' },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    jsCase = reg.json().caseId;
    jsNumber = reg.json().caseNumber;
    // A peer that is not configured is refused, naming the field.
    const unknown = await api(js, 'js_supervisor', 'POST', `/exchange/cases/${jsCase}/send`, {
      peer: 'anhui',
      kind: 'transfer',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('exchange_unknown_peer');
    const sent = await api(js, 'js_supervisor', 'POST', `/exchange/cases/${jsCase}/send`, {
      peer: 'zhejiang',
      kind: 'assign',
      note: '请贵省协调用工单位依法支付工资，并将结果报送我省。',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const again = await api(js, 'js_supervisor', 'POST', `/exchange/cases/${jsCase}/send`, {
      peer: 'zhejiang',
      kind: 'assign',
    });
    expect(again.statusCode).toBe(409);
    // The outbox body is encrypted at rest: no name or phone in the row.
    const [row] = await js.ctx.db.select().from(exchangeMessages).where(eq(exchangeMessages.caseId, jsCase));
    expect(row?.bodyEnc).not.toContain('孙七');
    firstBody = js.ctx.pii.decrypt(row?.bodyEnc ?? '');
    expectDocumented(JSON.parse(firstBody));

    // The peer is unreachable: the try fails and the message waits for its next try.
    const peer = js.ctx.config.exchange.peers[0];
    if (!peer) throw new Error('no peer');
    const realUrl = peer.url;
    peer.url = 'http://127.0.0.1:9/api/v1/exchange/messages';
    expect(await deliver(js)).toEqual({ delivered: 0, failed: 1, dead: 0 });
    peer.url = realUrl;
    expect(await deliver(js)).toEqual({ delivered: 0, failed: 0, dead: 0 }); // not due yet (backoff)
    expect(await deliver(js, 60_000)).toEqual({ delivered: 1, failed: 0, dead: 0 });

    const record = (await api(js, 'gl_registrar', 'GET', `/exchange/cases/${jsCase}`)).json().items;
    expect(record).toEqual([
      expect.objectContaining({ peer: 'zhejiang', direction: 'outgoing', kind: 'assign', status: 'sent' }),
    ]);
    expect(record[0].messages[0]).toMatchObject({ type: 'matter.assign', status: 'delivered', attempts: 2 });
    expect(await labels(js, 'gl_registrar', jsCase)).toContain('交办至外平台');
  });

  it('浙江 registered it as its own matter, with the history, and signs for it', async () => {
    const [c] = await zj.ctx.db.select().from(cases).where(eq(cases.subject, '跨省务工工资被拖欠'));
    if (!c) throw new Error('not registered on 浙江');
    zjCase = c.id;
    zjNumber = c.caseNumber;
    expect(c.form).toBe('letter');
    const detail = (await api(zj, 'js_registrar', 'GET', `/cases/${zjCase}`)).json();
    expect(detail.state).toBe('registered');
    const step = (await timeline(zj, 'js_registrar', zjCase)).find((e) => e.label === '外平台交办来件');
    expect(step?.lines).toEqual(
      expect.arrayContaining([
        { key: 'note', label: '备注', value: '请贵省协调用工单位依法支付工资，并将结果报送我省。' },
        expect.objectContaining({ label: '对方平台', value: '江苏省信访平台' }),
        expect.objectContaining({ label: '来件平台办理过程', value: expect.stringContaining('登记') }),
      ]),
    );
    const record = (await api(zj, 'js_registrar', 'GET', `/exchange/cases/${zjCase}`)).json().items;
    expect(record).toEqual([
      expect.objectContaining({
        id: expect.any(Number),
        direction: 'incoming',
        remoteNumber: jsNumber,
        status: 'received',
      }),
    ]);
    const accept = await api(zj, 'js_supervisor', 'POST', `/exchange/links/${record[0].id}/respond`, {
      action: 'accept',
      note: '已签收，交由属地办理。',
    });
    expect(accept.statusCode, accept.body).toBe(200);
    const twice = await api(zj, 'js_supervisor', 'POST', `/exchange/links/${record[0].id}/respond`, {
      action: 'object',
      reason: '不属于本省',
    });
    expect(twice.statusCode).toBe(409);
    const report = await api(zj, 'js_supervisor', 'POST', `/exchange/links/${record[0].id}/respond`, {
      action: 'report',
      text: '已约谈用工单位，承诺两周内支付。',
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(await deliver(zj)).toEqual({ delivered: 2, failed: 0, dead: 0 });
    const jsLabels = await labels(js, 'gl_registrar', jsCase);
    expect(jsLabels).toEqual(expect.arrayContaining(['外平台已签收', '外平台报送办理情况']));
    const jsRecord = (await api(js, 'gl_registrar', 'GET', `/exchange/cases/${jsCase}`)).json().items[0];
    expect(jsRecord).toMatchObject({ remoteNumber: zjNumber, status: 'reported' });
  });

  it('浙江 handles and replies; the result comes back up by itself onto 江苏’s matter', async () => {
    await zj.act('js_registrar', zjCase, 'accept');
    await zj.act('js_registrar', zjCase, 'reply', {
      outcome: 'supported',
      request: '支付拖欠工资',
      facts: '用工单位拖欠工资属实',
      reasons: '《保障农民工工资支付条例》',
      decision: '责令用工单位于十日内足额支付拖欠工资。',
    });
    const zjLabels = await labels(zj, 'js_registrar', zjCase);
    expect(zjLabels).toEqual(
      expect.arrayContaining([
        '外平台交办来件',
        '向来件平台签收',
        '向来件平台报送办理情况',
        '向来件平台报送办理结果',
      ]),
    );
    expect(await deliver(zj)).toEqual({ delivered: 1, failed: 0, dead: 0 });
    const result = (await timeline(js, 'gl_registrar', jsCase)).find((e) => e.label === '外平台报送办理结果');
    expect(result?.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: '处理意见', value: '责令用工单位于十日内足额支付拖欠工资。' }),
        expect.objectContaining({ label: '结论', value: '支持' }),
        expect.objectContaining({ label: '对方编号', value: zjNumber }),
      ]),
    );
    const jsRecord = (await api(js, 'gl_registrar', 'GET', `/exchange/cases/${jsCase}`)).json().items[0];
    expect(jsRecord.status).toBe('resulted');
    // Every message both ways is of the documented format.
    const rows = await zj.ctx.db.select().from(exchangeMessages).where(eq(exchangeMessages.caseId, zjCase));
    expect(rows).toHaveLength(4);
    for (const r of rows) expectDocumented(JSON.parse(zj.ctx.pii.decrypt(r.bodyEnc)));
    expect(
      jsRecord.messages.map((m: { type: string; direction: string }) => `${m.direction} ${m.type}`),
    ).toEqual(['out matter.assign', 'in matter.accept', 'in matter.report', 'in matter.result']);
  });

  it('refuses a replayed, a stale, a tampered, an unsigned and a misaddressed message, changing nothing', async () => {
    const count = async () => (await zj.ctx.db.select({ id: cases.id }).from(cases)).length;
    const before = await count();
    const replay = await postAsJiangsu(firstBody);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error).toMatchObject({
      code: 'exchange_replayed',
      message: expect.stringContaining('重放'),
    });
    const stale = await postAsJiangsu(firstBody, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.code).toBe('exchange_stale');
    // A new message id, but the body was changed after signing.
    const fresh = JSON.parse(firstBody);
    fresh.id = 'a1b2c3d4-0000-4000-8000-tampered0001';
    fresh.matter.caseNumber = '32010620269999999';
    fresh.matter.subject = '另一工地工资被拖欠';
    fresh.matter.petitioner = { name: '周九', phone: '13911112222' }; // another petitioner: a new matter
    const signed = JSON.stringify(fresh);
    const tampered = signed.replace('另一工地工资被拖欠', '另一工地工资已结清');
    const t = await postAsJiangsu(tampered, { signBody: signed });
    expect(t.statusCode).toBe(401);
    expect(t.json().error).toMatchObject({
      code: 'exchange_bad_signature',
      message: expect.stringContaining('篡改'),
    });
    const unsigned = await zj.app.inject({
      method: 'POST',
      url: '/api/v1/exchange/messages',
      headers: { 'content-type': 'application/json', 'x-xinfang-platform': 'jiangsu' },
      payload: signed,
    });
    expect(unsigned.statusCode).toBe(401);
    const stranger = await zj.app.inject({
      method: 'POST',
      url: '/api/v1/exchange/messages',
      headers: {
        'content-type': 'application/json',
        'x-xinfang-platform': 'anhui',
        'x-xinfang-timestamp': '1',
        'x-xinfang-signature': 'x',
      },
      payload: signed,
    });
    expect(stranger.json().error.code).toBe('exchange_unknown_peer');
    const misaddressed = await postAsJiangsu(JSON.stringify({ ...fresh, to: 'anhui' }));
    expect(misaddressed.statusCode).toBe(400);
    expect(misaddressed.json().error.code).toBe('exchange_misaddressed');
    expect(await count()).toBe(before);
    // The untouched, correctly signed new message is accepted: a second matter on 浙江.
    expect((await postAsJiangsu(signed)).statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
  });
});

describe('12345热线: a work order becomes a matter of its own form, and the reply goes back', () => {
  let key = '';
  let caseId = 0;

  it('registers a work order sent with a key bound to the hotline, once', async () => {
    const glBureau = (await js.app.inject({ url: '/api/v1/jurisdictions/320106' }))
      .json()
      .units.find((u: { kind: string }) => u.kind === 'bureau').id;
    const created = await api(js, 'gl_admin', 'POST', '/api-keys', {
      name: '12345热线对接',
      unitId: glBureau,
      scopes: ['register'],
    });
    expect(created.statusCode, created.body).toBe(201);
    key = created.json().key;
    const order = {
      orderNumber: 'NJ12345-20261205-0001',
      content: '小区门口道路破损严重，多次有老人摔倒，请求尽快修复。',
      callerName: '钱八',
      callerPhone: '13977778888',
      jurisdictionCode: '320106',
      categoryCode: '010000',
    };
    const post = (body: object) =>
      js.app.inject({
        method: 'POST',
        url: '/api/v1/hotline/orders',
        headers: { 'x-api-key': key },
        payload: body,
      });
    // Not yet bound to a hotline peer: refused, clearly.
    const unbound = await post(order);
    expect(unbound.statusCode).toBe(403);
    expect(unbound.json().error.code).toBe('hotline_not_configured');
    js.ctx.config.exchange.peers.push({
      id: 'nj12345',
      name: '南京12345热线',
      url: hotlineUrl,
      kind: 'hotline',
      apiKeyPrefix: created.json().prefix,
    });
    const res = await post(order);
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().caseId;
    const again = await post(order);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ caseId, duplicate: true });
    expect((await post({ ...order, orderNumber: 'x y' })).statusCode).toBe(400);
    // A staff session cannot post work orders.
    expect((await api(js, 'gl_registrar', 'POST', '/hotline/orders', order)).json().error.code).toBe(
      'hotline_key_only',
    );
    const c = (await api(js, 'gl_registrar', 'GET', `/cases/${caseId}`)).json();
    expect(c.formName).toBe('12345热线');
    expect(await labels(js, 'gl_registrar', caseId)).toContain('12345热线工单转入');
  });

  it('counts 12345热线 as its own form in the indicators', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const res = await api(
      js,
      'nj_analyst',
      'GET',
      `/analytics/indicators?from=${today}&to=${today}&scope=320100&groupBy=form`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().rows.find((r: { key: string }) => r.key === 'hotline');
    expect(row).toMatchObject({ label: '12345热线', total: 1 });
  });

  it('sends the reply back to the hotline, signed with the platform’s key', async () => {
    await js.act('gl_registrar', caseId, 'accept');
    await js.act('gl_registrar', caseId, 'reply', {
      outcome: 'supported',
      request: '修复道路',
      facts: '道路破损属实',
      reasons: '市政设施养护规定',
      decision: '已安排养护单位三日内修复。',
    });
    expect(await deliver(js)).toEqual({ delivered: 1, failed: 0, dead: 0 });
    expect(hotlineReceived).toHaveLength(1);
    const got = hotlineReceived[0];
    if (!got) throw new Error('nothing received');
    const publicKey = publicKeyFrom(
      (await js.app.inject({ url: '/api/v1/exchange/identity' })).json().publicKey,
    );
    expect(
      verifyMessage(
        publicKey,
        Number(got.headers['x-xinfang-timestamp']),
        got.body,
        String(got.headers['x-xinfang-signature']),
      ),
    ).toBe(true);
    const m = JSON.parse(got.body);
    expect(m).toMatchObject({
      type: 'matter.result',
      from: 'jiangsu',
      to: 'nj12345',
      ref: { caseNumber: 'NJ12345-20261205-0001' },
      state: 'replied',
      outcomeName: '支持',
      opinion: '已安排养护单位三日内修复。',
    });
    expectDocumented(m);
  });
});
