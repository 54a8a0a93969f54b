// The citizen portal (/portal/, React + antd from web/dist) in a real Chromium on a 375×667 phone
// screen: the demo citizen logs in with the password, gives the real-name details, submits a
// petition placed in 江苏省/南京市/鼓楼区, gets a case number and query code; staff accept, assign,
// reply and deliver over the API; the citizen sees the reply in the timeline, rates it and the 评价
// button is gone; the public query shows the status without logging in.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckDigit } from '../../src/domain/validation/index.ts';
import { WEB_DIST, webBuilt } from '../../src/server/web.ts';
import { bearer } from '../helpers/harness.ts';
import {
  expectNoTofu,
  launchBrowser,
  pickRadio,
  type Server,
  saveScreenshot,
  startServer,
} from './browser.ts';

let browser: Browser;
let server: Server;

beforeAll(async () => {
  if (!webBuilt()) {
    throw new Error(
      `The portal is not built: ${WEB_DIST} has no portal/index.html. Run \`npm run build:web\` ` +
        '(npm install runs it too) before the browser tests.',
    );
  }
  browser = await launchBrowser();
  server = await startServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const MOBILE: BrowserContextOptions = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

async function newPage(options: BrowserContextOptions = MOBILE): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** Screenshot + the CJK font check + nothing wider than the phone. */
async function check(page: Page, name: string): Promise<void> {
  await expectNoTofu(page);
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
  // From the top, so the sticky header is where it belongs (the fixed tab bar still shows at the
  // first screen's bottom edge in a full-page shot).
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, name);
}

const PETITION = {
  subject: '小区电梯长期故障无人维修',
  content:
    '我所在的小区3号楼电梯已经停运两个月，物业以维修基金未到位为由拒绝维修，老人上下楼十分困难，请求协调解决。',
};
const DECISION = '责成物业公司于15日内完成维修，区住建局跟踪督促。';

describe('citizen portal in Chromium (375 × 667)', () => {
  let page: Page;
  let caseNumber = '';
  let queryCode = '';
  let caseId = 0;

  it('the demo citizen logs in with the password shown in demo mode', async () => {
    page = await newPage();
    await page.goto(`${server.url}/portal/`);
    // Not logged in: sent to 登录.
    await page.getByRole('heading', { name: '信访人登录' }).waitFor();
    expect(page.url()).toBe(`${server.url}/portal/login`);
    expect(await page.title()).toBe('阳光信访 · 信访人门户');
    // The SMS tab: phone, code and 获取验证码, each labelled.
    expect(await page.getByLabel('手机号码').isVisible()).toBe(true);
    expect(await page.getByRole('textbox', { name: '短信验证码', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '获取验证码' }).isVisible()).toBe(true);
    // Client-side check before any request.
    await page.getByLabel('手机号码').fill('12345');
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText('请填写正确的11位手机号码').waitFor();
    await check(page, 'portal-login');

    const demo = page.getByRole('alert').filter({ hasText: '演示账号' });
    expect(await demo.innerText()).toContain('13900000001');
    await page.getByRole('button', { name: '填入演示账号' }).click();
    const pane = page.getByRole('tabpanel', { name: '密码登录' });
    expect(await pane.getByLabel('手机号码').inputValue()).toBe('13900000001');
    await pane.getByRole('button', { name: '登录', exact: true }).click();
    // Back to where the visit started (/portal/ → 我的信访), now logged in.
    await page.getByText('您还没有信访事项').waitFor();
    expect(page.url()).toBe(`${server.url}/portal/cases`);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我要信访' }).click();
    await page.waitForURL(/\/portal\/profile\?next=/);
  });

  it('asks for the real-name details once, checking the ID number in the browser', async () => {
    await page.getByText('提交信访事项前，请先填写实名信息').waitFor();
    expect(await page.getByLabel('姓名').inputValue()).toBe('张三'); // already known
    const first17 = '32010619900307123';
    const good = first17 + idNumberCheckDigit(first17);
    const bad = first17 + (good.endsWith('0') ? '1' : '0');
    await page.getByLabel('身份证号码').fill(bad);
    await page.getByRole('button', { name: '保存并继续' }).click();
    await page.getByText('身份证号码校验位不正确，请核对').waitFor();
    await check(page, 'portal-profile');
    await page.getByLabel('身份证号码').fill(good);
    await page.getByRole('button', { name: '保存并继续' }).click();
    await page.waitForURL(/\/portal\/submit$/);
  });

  it('submits a petition after the notice and shows the case number and query code', async () => {
    await page.getByRole('heading', { name: '我要信访' }).waitFor();
    const notice = page.locator('.xf-notice');
    expect(await notice.innerText()).toMatch(/仲裁[\s\S]*行政复议/);

    await page.getByLabel('问题类别').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^城乡建设$/ })
      .click();
    // Place of the matter: loaded level by level from /api/v1/jurisdictions?parent=.
    await page.getByLabel('问题发生地').click();
    for (const name of ['江苏省', '南京市', '鼓楼区']) {
      await page
        .locator('.ant-cascader-menu-item')
        .filter({ hasText: new RegExp(`^${name}$`) })
        .click();
    }
    await page.keyboard.press('Escape');
    expect(await page.locator('.ant-cascader').innerText()).toContain('江苏省 / 南京市 / 鼓楼区');
    await page.getByLabel('标题').fill(PETITION.subject);
    await page.getByLabel('信访内容').fill(PETITION.content);
    // The length counter.
    expect(await page.locator('.ant-input-data-count').last().innerText()).toBe(
      `${PETITION.content.length} / 5000`,
    );
    // Without ticking the notice, nothing is sent.
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText('请先阅读并确认信访须知').waitFor();
    await page.getByLabel('我已阅读信访须知，所反映情况属实').check();
    await check(page, 'portal-submit-form');
    await page.getByRole('button', { name: '提交', exact: true }).click();

    await page.getByRole('heading', { name: '信访事项已提交' }).waitFor();
    const codes = await page.locator('.xf-code').allInnerTexts();
    [caseNumber = '', queryCode = ''] = codes.map((s) => s.replace(/\s/g, ''));
    expect(caseNumber).toMatch(/^3201062026\d{7}$/);
    expect(queryCode).toMatch(/^[2-9A-Z]{6}$/);
    expect(await page.getByRole('button', { name: '复制' }).count()).toBe(2);
    await check(page, 'portal-submitted');
  });

  it('after staff accept, assign, reply and deliver: the timeline, documents and deadlines', async () => {
    const h = server.h;
    const as = async (u: string) => bearer(await h.login(u));
    const list = await h.app.inject({
      url: '/api/v1/cases?pageSize=5',
      headers: await as('gl_registrar'),
    });
    caseId = list.json().items.find((c: { caseNumber: string }) => c.caseNumber === caseNumber).id;
    const act = async (user: string, action: string, payload: Record<string, unknown> = {}) => {
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/actions`,
        headers: await as(user),
        payload: { action, ...payload },
      });
      expect(res.statusCode, `${user} ${action}: ${res.body}`).toBe(200);
    };
    await act('gl_registrar', 'accept');
    const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
    const zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局');
    await act('gl_registrar', 'assign', {
      targetUnitId: zhujian.id,
      instructions: '请于期限内查明情况并答复',
    });
    await act('gl_handler', 'reply', {
      outcome: 'supported',
      request: '请求维修3号楼电梯',
      facts: '经查，该电梯因主板故障停运，物业公司未及时申请维修资金。',
      reasons: '依据《物业管理条例》，物业服务企业应当及时维修养护共用设施设备。',
      decision: DECISION,
    });
    await act('gl_handler', 'deliver', { method: 'online' });

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的信访' }).click();
    const link = page.getByRole('link', { name: new RegExp(PETITION.subject) });
    await link.waitFor();
    expect(await page.getByText('已送达').first().isVisible()).toBe(true);
    await check(page, 'portal-cases');
    await link.click();

    await page.getByRole('heading', { name: PETITION.subject }).waitFor();
    const timeline = page.locator('.ant-timeline');
    await expect.poll(() => timeline.innerText()).toContain('出具处理意见书');
    const text = await timeline.innerText();
    expect(text).toContain('鼓楼区信访局已登记您的信访事项');
    expect(text).toContain('已交鼓楼区住房和城乡建设局办理');
    expect(text).toContain('结论：支持');
    expect(text).toContain(DECISION);
    expect(text).toContain('处理意见书已送达');
    // Every document is a download link to the API.
    const docs = page.locator(`a[href^="/api/v1/cases/${caseId}/documents/"]`);
    expect(await docs.count()).toBeGreaterThanOrEqual(2);
    expect((await docs.allInnerTexts()).join('|')).toMatch(/处理意见书/);
    // The running clocks, with days left.
    const deadlines = await page.locator('.xf-card').filter({ hasText: '办理期限' }).innerText();
    expect(deadlines).toContain('评价期限');
    expect(deadlines).toContain('复查申请期限');
    expect(deadlines).toMatch(/剩余\d+天/);
    // Only the actions the server lists.
    expect(await page.getByRole('button', { name: '评价', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '申请复查', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '申请复核' }).count()).toBe(0);
    await check(page, 'portal-case-detail');
  });

  it('rates the reply; the 评价 button is gone afterwards', async () => {
    await page.getByRole('button', { name: '评价', exact: true }).click();
    const modal = page.getByRole('dialog');
    await pickRadio(modal.getByRole('radiogroup', { name: '对信访部门的评价' }), '满意');
    await pickRadio(modal.getByRole('radiogroup', { name: '对责任单位的评价' }), '基本满意');
    await modal.getByLabel('意见（选填）').fill('处理及时');
    await saveScreenshot(page, 'portal-rate-modal', { fullPage: false });
    await modal.getByRole('button', { name: '提交' }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByText('我的评价').waitFor();
    expect(await page.getByRole('button', { name: '评价', exact: true }).count()).toBe(0);
    // Review can still be asked for within its window.
    expect(await page.getByRole('button', { name: '申请复查', exact: true }).isVisible()).toBe(true);
    const detail = await page.locator('.ant-descriptions').innerText();
    expect(detail).toMatch(/信访部门 满意，\s*责任单位 基本满意/);
    expect(await page.locator('.ant-timeline').innerText()).toContain(
      '您的评价：信访部门满意，责任单位基本满意',
    );
    await check(page, 'portal-case-rated');
    // The API agrees.
    const token = await server.h.login('13900000001');
    const d = (await server.h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: bearer(token) })).json();
    expect(d.evaluation).toEqual({
      status: 'rated',
      bureauRating: 'satisfied',
      unitRating: 'basically_satisfied',
    });
    await page.context().close();
  });

  it('the public query shows the status and reply for case number + query code, without login', async () => {
    const anon = await newPage();
    try {
      await anon.goto(`${server.url}/portal/query`);
      await anon.getByRole('heading', { name: '进度查询' }).waitFor();
      await anon.getByLabel('信访件编号').fill(caseNumber);
      await anon.getByLabel('查询码').fill('AAAAAA');
      await anon.getByRole('button', { name: '查询', exact: true }).click();
      await anon.getByRole('alert').filter({ hasText: '信访件编号或查询码不正确' }).waitFor();
      // Enter submits too; the button's name briefly includes "loading" while its spinner animates out.
      await anon.getByLabel('查询码').fill(queryCode.toLowerCase());
      await anon.getByLabel('查询码').press('Enter');
      const result = anon.getByRole('region', { name: '查询结果' });
      await result.waitFor();
      const text = await result.innerText();
      expect(text).toContain('已送达');
      expect(text).toContain(DECISION);
      expect(text).toContain(PETITION.subject);
      expect(text).not.toContain('张三');
      await check(anon, 'portal-public-query');
    } finally {
      await anon.context().close();
    }
  });

  it('serves the apps with the right caching, the console login, and links from /', async () => {
    const portal = await fetch(`${server.url}/portal/cases/1`);
    expect(portal.status).toBe(200);
    expect(portal.headers.get('cache-control')).toBe('no-cache');
    const html = await portal.text();
    const asset = html.match(/\/assets\/[^"]+\.js/)?.[0];
    expect(asset).toBeDefined();
    const js = await fetch(`${server.url}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${server.url}/portal`, { redirect: 'manual' })).headers.get('location')).toBe(
      '/portal/',
    );

    const desk = await newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await desk.goto(`${server.url}/login`);
      // The staff console (test/e2e/console.test.ts): not logged in, so its login page.
      await desk.getByRole('heading', { name: '工作人员登录' }).waitFor();
      expect(desk.url()).toBe(`${server.url}/console/login`);
      await expectNoTofu(desk);
      await saveScreenshot(desk, 'console-from-home');
      // A citizen who came to the staff login by mistake is pointed to the portal.
      await desk.getByRole('link', { name: '信访人门户' }).click();
      await desk.getByRole('heading', { name: '信访人登录' }).waitFor();
      await expectNoTofu(desk);
      await saveScreenshot(desk, 'portal-login-desktop');
    } finally {
      await desk.context().close();
    }
  });
});
