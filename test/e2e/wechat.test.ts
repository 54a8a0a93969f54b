// 微信信访 in a real Chromium that says it is WeChat's browser (MicroMessenger), against a stand-in of
// the WeChat API that also plays the authorisation page: an unlinked WeChat is told what to do, the
// citizen signs in by mobile, links WeChat on 实名信息, and then signs in with 微信登录 alone.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers/harness.ts';
import { WechatStandIn } from '../helpers/wechatStandIn.ts';
import { launchBrowser, type Server, saveScreenshot, startServer } from './browser.ts';

const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 ' +
  'Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F30) NetType/WIFI Language/zh_CN';
const OPENID = 'oE2E_0123456789abcdefghijklmn';

let browser: Browser;
let server: Server;
const wx = new WechatStandIn();

beforeAll(async () => {
  browser = await launchBrowser();
  await wx.start();
  server = await startServer({
    config: {
      demoCases: 0,
      wechat: {
        appId: 'wx0123456789abcdef',
        appSecret: 'test-app-secret',
        apiBase: wx.url,
        oauthBase: wx.url,
        scope: 'snsapi_base',
        templateId: 'TPL-PROGRESS',
      },
    },
  });
  wx.currentOpenid = OPENID;
}, 300_000); // the platform's start (migrations, demo accounts) on a busy shared machine

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await wx.close();
});

async function inWechat(): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    userAgent: WECHAT_UA,
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  context.setDefaultTimeout(15_000);
  return context;
}

describe('微信信访 in the portal', () => {
  it('an unlinked WeChat is told to sign in by mobile and link; once linked, 微信登录 signs in', async () => {
    const first = await inWechat();
    try {
      const page = await first.newPage();
      await page.goto(`${server.url}/portal/login`);
      await page.getByRole('link', { name: /微信登录/ }).click();
      await page.waitForURL(/\/portal\/login\?wechat=unlinked/);
      await page.getByText('该微信尚未绑定信访账号', { exact: false }).waitFor();
      await saveScreenshot(page, 'portal-wechat-unlinked');

      // Sign in with the mobile number (the demo citizen's password stands in for the SMS code).
      await page.getByRole('tab', { name: '密码登录' }).click();
      await page.locator('#pw_phone').fill('13900000001');
      await page.locator('#pw_password').fill(DEMO_PASSWORD);
      await page.locator('form[id="pw"] button[type="submit"]').click();
      await page.waitForURL(/\/portal\/cases/);

      await page.goto(`${server.url}/portal/profile`);
      await page.getByRole('link', { name: /绑定微信/ }).click();
      await page.waitForURL(/\/portal\/profile\?wechat=linked/);
      await page.getByText('微信已绑定：以后可在微信中直接登录', { exact: false }).waitFor();
      await page.getByText('已绑定微信，办理进展通过公众号消息通知您。').waitFor();
      await saveScreenshot(page, 'portal-wechat-linked');
    } finally {
      await first.close();
    }

    // Another day, a fresh browser in WeChat: one tap, no code.
    const later = await inWechat();
    try {
      const page = await later.newPage();
      await page.goto(`${server.url}/portal/login`);
      await page.getByRole('link', { name: /微信登录/ }).click();
      // Signed in: the portal goes on to 我要信访 (which asks for 实名信息 first when it is missing).
      await page.waitForURL(/\/portal\/cases/);
      await page.getByRole('button', { name: '退出登录' }).waitFor();
      await saveScreenshot(page, 'portal-wechat-signed-in');
    } finally {
      await later.close();
    }
  });
});
