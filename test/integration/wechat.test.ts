// 微信信访 against a local stand-in of the WeChat official-account API (a plain node:http server on
// loopback, test/helpers/wechatStandIn.ts): OAuth sign-in and linking, template messages instead of SMS for a linked
// follower, the access token refreshed once when WeChat refuses it, 43004 falling back to SMS
// through the outbox, and the JS-SDK signature (WeChat's documented example).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox, users, wechatLinks } from '../../src/db/schema.ts';
import { jssdkSignature } from '../../src/domain/wechat/jssdk.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';
import { WechatStandIn } from '../helpers/wechatStandIn.ts';

// ---- The platform --------------------------------------------------------------------------------

const PUBLIC_URL = 'https://xf.example.gov.cn';
const wx = new WechatStandIn();
let h: Harness;

beforeAll(async () => {
  await wx.start();
  h = await startHarness({
    demo: false,
    config: {
      wechat: {
        appId: 'wx0123456789abcdef',
        appSecret: 'test-app-secret',
        apiBase: wx.url,
        oauthBase: wx.url,
        publicUrl: PUBLIC_URL,
        scope: 'snsapi_base',
        templateId: 'TPL-PROGRESS',
      },
    },
  });
});
afterAll(async () => {
  await h?.close();
  await wx.close();
});

type Cookies = Record<string, string>;

function cookiesOf(res: { cookies: { name: string; value: string }[] }, into: Cookies = {}): Cookies {
  for (const c of res.cookies) into[c.name] = c.value;
  return into;
}
const cookieHeader = (c: Cookies) =>
  Object.entries(c)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

/**
 * A citizen in WeChat's browser: opens /wechat/oauth/start, WeChat (the stand-in) asks and sends
 * them back to the callback with a code. Returns the callback's answer and the browser's cookies.
 */
async function throughWechat(openid: string, intent: 'login' | 'link', browser: Cookies = {}) {
  wx.currentOpenid = openid;
  const start = await h.app.inject({
    url: `/api/v1/wechat/oauth/start?intent=${intent}&next=/portal/cases`,
    headers: { cookie: cookieHeader(browser) },
  });
  expect(start.statusCode, start.body).toBe(302);
  cookiesOf(start, browser);
  const authorize = start.headers.location as string;
  expect(authorize).toMatch(/\/connect\/oauth2\/authorize\?appid=wx0123456789abcdef&redirect_uri=/);
  expect(authorize).toContain(
    `redirect_uri=${encodeURIComponent(`${PUBLIC_URL}/api/v1/wechat/oauth/callback`)}`,
  );
  expect(authorize).toMatch(/scope=snsapi_base&state=[\w-]+#wechat_redirect$/);
  const agreed = await fetch(authorize, { redirect: 'manual' });
  const back = new URL(agreed.headers.get('location') ?? '');
  const callback = await h.app.inject({
    url: `${back.pathname}${back.search}`,
    headers: { cookie: cookieHeader(browser) },
  });
  cookiesOf(callback, browser);
  return { callback, browser };
}

/** Logs a citizen in with an SMS code (the account is created on first login: a verified mobile). */
async function smsLogin(phone: string): Promise<Cookies> {
  const sent = await h.app.inject({ method: 'POST', url: '/api/v1/auth/sms-code', payload: { phone } });
  expect(sent.statusCode, sent.body).toBe(200);
  await h.settle();
  const text = h.sms.sent.filter((m) => m.to === phone).at(-1)?.body ?? '';
  const code = /验证码为(\d{6})/.exec(text)?.[1];
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, code } });
  expect(res.statusCode, res.body).toBe(200);
  return cookiesOf(res);
}

// Different matters, so that none is taken for a repeat of another (重复信访).
const PETITIONS = [
  [
    '小区电梯长期故障无人维修',
    '我所在的小区3号楼电梯已经停运两个月，物业拒绝维修，老人上下楼十分困难，请求协调解决。',
  ],
  ['工地夜间施工噪音扰民', '附近工地每天夜里十一点后仍在打桩施工，噪音很大，孩子无法入睡，请求依法查处。'],
  ['拖欠农民工工资三个月', '我在某建筑公司务工，公司已拖欠我和工友三个月工资共计四万余元，请求帮助追讨。'],
  [
    '道路积水严重影响出行',
    '我村通往镇上的道路低洼处一下雨就严重积水，车辆和行人无法通行，请求尽快修缮排水。',
  ],
  ['医保报销迟迟没有到账', '我母亲住院的医保报销材料已提交半年，至今没有到账，多次询问无果，请求督促办理。'],
  ['小区垃圾清运不及时', '小区垃圾站的垃圾经常三四天无人清运，气味很大，蚊蝇滋生，请求督促物业及时清运。'],
];
let petitionNo = 0;

async function submit(browser: Cookies): Promise<{ caseId: number; caseNumber: string }> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: { cookie: cookieHeader(browser), 'x-csrf-token': browser.xf_csrf ?? '' },
    payload: (() => {
      const [subject, content] = PETITIONS[petitionNo++ % PETITIONS.length] ?? [];
      return { form: 'online', purpose: 'claim', subject, content, jurisdictionCode: '320106' };
    })(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const outboxOf = (caseId: number) => h.ctx.db.select().from(outbox).where(eq(outbox.caseId, caseId));

// ---- The tests ---------------------------------------------------------------------------------

const ALICE = { phone: '13700000071', openid: 'oALICE_0123456789abcdefghijkl' };
const BOB = { phone: '13700000072', openid: 'oBOB_0123456789abcdefghijklmn' };

describe('微信登录 and 绑定微信 (web authorisation)', () => {
  it('an openid not linked to any account gets a clear answer and no session', async () => {
    const { callback } = await throughWechat('oSTRANGER_0123456789abcdefgh', 'login');
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/portal/login?wechat=unlinked');
    expect(callback.cookies.find((c) => c.name === 'xf_session')).toBeUndefined();
  });

  it('a citizen signed in with an SMS code links their WeChat, then signs in with WeChat alone', async () => {
    const browser = await smsLogin(ALICE.phone);
    const { callback } = await throughWechat(ALICE.openid, 'link', browser);
    expect(callback.statusCode, callback.body).toBe(302);
    expect(callback.headers.location).toBe('/portal/cases?wechat=linked');

    const [user] = await h.ctx.db
      .select()
      .from(users)
      .where(eq(users.phoneHash, h.ctx.pii.hash(ALICE.phone)));
    const [link] = await h.ctx.db
      .select()
      .from(wechatLinks)
      .where(eq(wechatLinks.userId, user?.id ?? 0));
    expect(link).toMatchObject({ following: true });
    // The openid is kept hashed and encrypted only.
    expect(JSON.stringify(link)).not.toContain(ALICE.openid);
    expect(h.ctx.pii.decrypt(link?.openidEnc ?? '')).toBe(ALICE.openid);
    const audit = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'wechat.link'), eq(auditLog.entityId, String(user?.id))));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(ALICE.openid);

    // A new browser in WeChat: signed in as Alice without a code, back where the flow started.
    const { callback: signIn, browser: fresh } = await throughWechat(ALICE.openid, 'login');
    expect(signIn.headers.location).toBe('/portal/cases');
    const me = await h.app.inject({ url: '/api/v1/auth/me', headers: { cookie: cookieHeader(fresh) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ id: user?.id, role: 'citizen' });
    const status = await h.app.inject({
      url: '/api/v1/wechat/status',
      headers: { cookie: cookieHeader(fresh) },
    });
    expect(status.json()).toMatchObject({ enabled: true, link: { linked: true, following: true } });
  });

  it('a callback not started in this browser is refused, and signs nobody in', async () => {
    wx.currentOpenid = ALICE.openid;
    const res = await h.app.inject({
      url: '/api/v1/wechat/oauth/callback?code=CODEX&state=forgedstate123456789',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'wechat_state_mismatch' });
    expect(res.json().error.message).toMatch(/微信授权已失效/);
  });

  it('linking needs a signed-in citizen; an openid linked to another account is refused', async () => {
    const anonymous = await throughWechat(BOB.openid, 'link');
    expect(anonymous.callback.headers.location).toBe('/portal/login?wechat=login_first');
    const bob = await smsLogin(BOB.phone);
    const taken = await throughWechat(ALICE.openid, 'link', bob);
    expect(taken.callback.headers.location).toBe('/portal/profile?wechat=elsewhere');
    const own = await throughWechat(BOB.openid, 'link', bob);
    expect(own.callback.headers.location).toBe('/portal/cases?wechat=linked');
  });
});

describe('模板消息 as a notification channel', () => {
  it('a linked follower gets the notice as a template message, and the SMS is not sent', async () => {
    const browser = await throughWechat(ALICE.openid, 'login').then((r) => r.browser);
    const before = h.sms.sent.length;
    const { caseId, caseNumber } = await submit(browser);
    await h.settle();
    const [row] = await outboxOf(caseId);
    expect(row).toMatchObject({
      channel: 'wechat',
      status: 'sent',
      stage: 'registered',
      recipientMasked: '微信 137****0071',
    });
    const msg = wx.templates.find((t) => t.data.keyword1?.value === caseNumber);
    expect(msg).toMatchObject({
      touser: ALICE.openid,
      template_id: 'TPL-PROGRESS',
      url: `${PUBLIC_URL}/portal/cases/${caseId}`,
    });
    expect(msg?.data.keyword2?.value).toBe('信访事项已登记');
    expect(msg?.data.remark?.value).toContain(`信访件编号${caseNumber}`);
    expect(h.sms.sent.slice(before).filter((m) => m.to === ALICE.phone)).toEqual([]);
  });

  it('an expired access token is refreshed once and the message is sent', async () => {
    const browser = await throughWechat(ALICE.openid, 'login').then((r) => r.browser);
    wx.expireTokens();
    const fetches = wx.tokenFetches;
    const refused = wx.refusedWith.length;
    const { caseId, caseNumber } = await submit(browser);
    await h.ctx.dispatcher.drain();
    expect(wx.refusedWith.slice(refused)).toEqual([42001]);
    expect(wx.tokenFetches).toBe(fetches + 1);
    expect((await outboxOf(caseId))[0]).toMatchObject({ channel: 'wechat', status: 'sent', attempts: 1 });
    expect(wx.templates.some((t) => t.data.keyword1?.value === caseNumber)).toBe(true);
  });

  it('a token refused again after the refresh is not retried in a loop: one refresh per attempt, then the next pass', async () => {
    const browser = await throughWechat(ALICE.openid, 'login').then((r) => r.browser);
    wx.alwaysRefuseToken = 40001;
    const fetches = wx.tokenFetches;
    const refused = wx.refusedWith.length;
    try {
      const { caseId } = await submit(browser);
      await h.ctx.dispatcher.drain();
      const [row] = await outboxOf(caseId);
      expect(row).toMatchObject({ channel: 'wechat', status: 'pending' });
      const attempts = row?.attempts ?? 0;
      expect(attempts).toBeGreaterThanOrEqual(1);
      // Each attempt: the call, one new token, the call again — and no more.
      expect(wx.refusedWith.slice(refused)).toEqual(Array(2 * attempts).fill(40001));
      expect(wx.tokenFetches).toBe(fetches + attempts);
      expect(row?.lastError).toMatch(/errcode 40001/);
      expect(row?.lastError).not.toContain(ALICE.openid);
      wx.alwaysRefuseToken = undefined;
      await h.ctx.dispatcher.runOnce(new Date(Date.now() + 60_000));
      expect((await outboxOf(caseId))[0]).toMatchObject({ status: 'sent', attempts: attempts + 1 });
    } finally {
      wx.alwaysRefuseToken = undefined;
    }
  });

  it('43004 (no longer following) sends the notice by SMS through the outbox, and later ones go by SMS at once', async () => {
    const browser = await throughWechat(BOB.openid, 'login').then((r) => r.browser);
    wx.unfollowed.add(BOB.openid);
    const { caseId, caseNumber } = await submit(browser);
    await h.settle(); // the template message, refused; then the SMS row it wrote
    const rows = await outboxOf(caseId);
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['wechat', 'dead'],
      ['sms', 'sent'],
    ]);
    expect(rows[0]?.lastError).toMatch(/43004.*已改发短信/);
    const sms = h.sms.sent.filter((m) => m.to === BOB.phone && m.body.includes(caseNumber));
    expect(sms).toHaveLength(1);
    expect(sms[0]?.body).toContain(`信访件编号${caseNumber}`);

    const [link] = await h.ctx.db
      .select()
      .from(wechatLinks)
      .where(eq(wechatLinks.openidHash, await linkHashOf(BOB.phone)));
    expect(link?.following).toBe(false);
    const second = await submit(browser);
    const later = await outboxOf(second.caseId);
    expect(later.map((r) => r.channel)).toEqual(['sms']);
  });
});

async function linkHashOf(phone: string): Promise<string> {
  const [row] = await h.ctx.db
    .select({ hash: wechatLinks.openidHash })
    .from(wechatLinks)
    .innerJoin(users, eq(users.id, wechatLinks.userId))
    .where(eq(users.phoneHash, h.ctx.pii.hash(phone)));
  return row?.hash ?? '';
}

describe('JS-SDK signature', () => {
  it("matches WeChat's documented example", () => {
    expect(
      jssdkSignature({
        jsapiTicket: wx.ticket,
        nonceStr: 'Wm3WZYTPz0wzccnW',
        timestamp: 1414587457,
        url: 'http://mp.weixin.qq.com?params=value',
      }),
    ).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('GET /wechat/jssdk-config signs our own page with the jsapi_ticket, without its #fragment', async () => {
    const page = `${PUBLIC_URL}/portal/submit?from=share`;
    const res = await h.app.inject({
      url: `/api/v1/wechat/jssdk-config?url=${encodeURIComponent(`${page}#top`)}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.appId).toBe('wx0123456789abcdef');
    expect(c.jsApiList).toEqual(
      expect.arrayContaining(['updateAppMessageShareData', 'chooseImage', 'uploadImage']),
    );
    expect(c.signature).toBe(
      jssdkSignature({ jsapiTicket: wx.ticket, nonceStr: c.nonceStr, timestamp: c.timestamp, url: page }),
    );
    const foreign = await h.app.inject({
      url: `/api/v1/wechat/jssdk-config?url=${encodeURIComponent('https://evil.example.com/')}`,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('foreign_url');
  });
});

describe('without an app id and secret', () => {
  // Booted in a hook, like every other harness: a platform's boot is set-up, not the test.
  let off: Harness;
  beforeAll(async () => {
    off = await startHarness({ demo: false });
  });
  afterAll(async () => {
    await off?.close();
  });

  it('WeChat is off: the portal is told so, and starting a WeChat sign-in says why', async () => {
    const status = await off.app.inject({ url: '/api/v1/wechat/status' });
    expect(status.json()).toEqual({ enabled: false, link: null });
    const start = await off.app.inject({ url: '/api/v1/wechat/oauth/start' });
    expect(start.statusCode).toBe(404);
    expect(start.json().error).toMatchObject({ code: 'wechat_disabled' });
    expect(start.json().error.message).toMatch(/未开通微信信访/);
  });
});
