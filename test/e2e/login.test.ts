// The two login pages in a real Chromium — staff at /console/login (where /login leads), citizens at
// /portal/login (where the site root leads): demo accounts, staff login and logout, a citizen's SMS
// login on a phone-sized screen, the wrong-password message — and the Chinese text drawn with a real
// CJK font.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers/harness.ts';
import {
  envWithoutCjkFonts,
  expectNoTofu,
  glyphReport,
  launchBrowser,
  type Server,
  saveScreenshot,
  startServer,
} from './browser.ts';

let browser: Browser;
let server: Server;

beforeAll(async () => {
  // The browser first: a machine without Chromium fails here, with the apt-get hint.
  browser = await launchBrowser();
  server = await startServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const MOBILE: BrowserContextOptions = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** A fresh context (own cookies) per test, on `path`, closed afterwards. */
async function withPage<T>(
  options: BrowserContextOptions,
  path: string,
  fn: (page: Page) => Promise<T>,
  b: Browser = browser,
): Promise<T> {
  const context = await b.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  context.setDefaultTimeout(10_000);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    return await fn(page);
  } finally {
    await context.close();
  }
}

const staffLogin = (page: Page) => page.getByRole('heading', { name: '工作人员登录' });

describe('login pages in Chromium', () => {
  it('desktop: /login is the staff login; demo accounts; admin logs in, sees role and unit, then logs out', async () => {
    await withPage(DESKTOP, '/login', async (page) => {
      await staffLogin(page).waitFor();
      expect(new URL(page.url()).pathname).toBe('/console/login');
      expect(await page.title()).toBe('阳光信访 · 工作台');
      const adminButton = page.getByRole('button', { name: 'admin', exact: true });
      await adminButton.waitFor();
      const demo = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '演示账号' }) });
      expect(await demo.innerText()).toContain(DEMO_PASSWORD);
      const row = (username: string) =>
        page.getByRole('row').filter({ has: page.getByRole('button', { name: username, exact: true }) });
      expect(await row('admin').innerText()).toMatch(/管理员\s+江苏省信访局/);
      expect(await row('nj_registrar').innerText()).toMatch(/登记员\s+南京市信访局/);
      // Citizens are pointed to their own door, not listed among the staff.
      expect(await row('13900000001').count()).toBe(0);
      expect(await page.getByRole('link', { name: '信访人门户' }).getAttribute('href')).toBe('/portal/');
      await expectNoTofu(page);
      await saveScreenshot(page, 'login-desktop-demo-accounts');

      await adminButton.click();
      expect(await page.getByLabel('用户名').inputValue()).toBe('admin');
      expect(await page.getByLabel('密码', { exact: true }).inputValue()).toBe(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录', exact: true }).click();

      const who = page.getByLabel('当前用户');
      await who.waitFor();
      expect(await who.innerText()).toMatch(/管理员[\s\S]*江苏省信访局/);
      await expectNoTofu(page);
      await saveScreenshot(page, 'login-desktop-admin-logged-in');

      // 退出登录: the session is gone, the login form and demo accounts are back.
      await page.getByRole('button', { name: '退出登录' }).click();
      await staffLogin(page).waitFor();
      await adminButton.waitFor();
      const cookies = await page.context().cookies();
      expect(cookies.map((c) => c.name)).not.toContain('xf_session');
      await page.reload();
      await staffLogin(page).waitFor();
      await saveScreenshot(page, 'login-desktop-logged-out');
    });
  });

  it('mobile: the site root is the portal; a citizen logs in with phone and SMS code', async () => {
    const phone = '13812345678';
    await withPage(MOBILE, '/', async (page) => {
      await page.getByRole('heading', { name: '信访人登录' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/portal/login');
      const tab = page.getByRole('tab', { name: '短信验证码登录' });
      expect(await tab.getAttribute('aria-selected')).toBe('true');

      await page.getByLabel('手机号码').first().fill(phone);
      await page.getByRole('button', { name: '获取验证码' }).click();
      await page.getByText('验证码已发送，请查收短信').waitFor();

      const code = await smsCodeFor(phone);
      await page.locator('#sms-code').fill(code);
      await expectNoTofu(page);
      await saveScreenshot(page, 'login-mobile-citizen-code');
      await page
        .getByRole('tabpanel', { name: '短信验证码登录' })
        .getByRole('button', { name: '登录', exact: true })
        .click();

      await page.waitForURL((u) => u.pathname === '/portal/cases');
      await page.getByRole('button', { name: '退出登录' }).waitFor();
      // Nothing sticks out sideways on a 375 px screen.
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
      await expectNoTofu(page);
      await saveScreenshot(page, 'login-mobile-citizen-logged-in');
    });
  });

  it('shows 用户名或密码错误 in the alert region for a wrong password', async () => {
    await withPage(DESKTOP, '/console/login', async (page) => {
      await page.getByLabel('用户名').fill('nj_registrar');
      await page.getByLabel('密码', { exact: true }).fill('wrong-password');
      await page.getByRole('button', { name: '登录', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.filter({ hasText: '用户名或密码错误' }).waitFor();
      expect((await alert.innerText()).trim()).toBe('用户名或密码错误');
      expect(await page.getByLabel('当前用户').count()).toBe(0);
      await expectNoTofu(page);
      await saveScreenshot(page, 'login-desktop-wrong-password');
    });
  });

  it('the tofu check fails on a machine without CJK fonts (where document.fonts.check still says yes)', async () => {
    const bare = await launchBrowser({ env: await envWithoutCjkFonts() });
    try {
      await withPage(
        DESKTOP,
        '/console/login',
        async (page) => {
          await staffLogin(page).waitFor();
          const report = await glyphReport(page);
          expect(report.tofu.length).toBeGreaterThan(0);
          expect(report.fontsCheck).toBe(true);
          await expect(expectNoTofu(page)).rejects.toThrow(/tofu/);
          await saveScreenshot(page, 'selfcheck-without-cjk-fonts-tofu');
        },
        bare,
      );
    } finally {
      await bare.close();
    }
  });
});

/**
 * Sends the queued SMS and reads the 6-digit code of the last one to `phone`. Called once the page
 * shows 验证码已发送, i.e. the code's outbox row has committed: one settle sends it, no polling.
 */
async function smsCodeFor(phone: string): Promise<string> {
  await server.h.settle();
  const body = server.h.sms.sent.filter((m) => m.to === phone).at(-1)?.body;
  const code = body?.match(/验证码为(\d{6})/)?.[1];
  if (!code) throw new Error(`no SMS code for ${phone}; sent: ${server.h.sms.sent.length}`);
  return code;
}
