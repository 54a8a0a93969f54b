// The login page (web/public) in a real Chromium: demo accounts, staff login and logout, citizen SMS login
// on a phone-sized screen, the wrong-password message — and the Chinese text drawn with a real CJK font.
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

/** A fresh context (own cookies) per test, closed afterwards. */
async function withPage<T>(
  options: BrowserContextOptions,
  fn: (page: Page) => Promise<T>,
  b: Browser = browser,
): Promise<T> {
  const context = await b.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  context.setDefaultTimeout(10_000);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    return await fn(page);
  } finally {
    await context.close();
  }
}

/** The 已登录 panel as { 姓名: …, 角色: …, 单位: …, 数据范围: … }. */
async function shownUser(page: Page): Promise<Record<string, string>> {
  await page.getByRole('heading', { name: '已登录' }).waitFor();
  const keys = await page.locator('#me dt').allInnerTexts();
  const values = await page.locator('#me dd').allInnerTexts();
  return Object.fromEntries(keys.map((k, i) => [k.trim(), values[i]?.trim() ?? '']));
}

const staffForm = (page: Page) => page.getByRole('tabpanel', { name: '工作人员登录' });
const citizenForm = (page: Page) => page.getByRole('tabpanel', { name: '信访人登录' });

describe('login page in Chromium', () => {
  it('desktop: demo accounts, admin logs in and sees role, unit and scope, then logs out', async () => {
    await withPage(DESKTOP, async (page) => {
      expect(await page.title()).toBe('阳光信访 · 登录');
      const adminButton = page.getByRole('button', { name: 'admin', exact: true });
      await adminButton.waitFor();
      const demo = page.getByRole('region', { name: '演示账号' });
      expect(await demo.isVisible()).toBe(true);
      expect(await demo.innerText()).toContain(DEMO_PASSWORD);
      // Only the selected tab's form shows.
      expect(await staffForm(page).isVisible()).toBe(true);
      expect(await page.getByLabel('手机号码').isVisible()).toBe(false);

      const row = (username: string) =>
        page.getByRole('row').filter({ has: page.getByRole('button', { name: username, exact: true }) });
      expect(await row('admin').innerText()).toMatch(/管理员\s+江苏省信访局/);
      expect(await row('nj_registrar').innerText()).toMatch(/登记员\s+南京市信访局/);
      expect(await row('13900000001').innerText()).toContain('信访人');
      await expectNoTofu(page);
      await saveScreenshot(page, 'login-desktop-demo-accounts');

      await adminButton.click();
      expect(await page.getByLabel('用户名').inputValue()).toBe('admin');
      expect(await page.getByLabel('密码', { exact: true }).inputValue()).toBe(DEMO_PASSWORD);
      await staffForm(page).getByRole('button', { name: '登录' }).click();

      const me = await shownUser(page);
      expect(me).toMatchObject({ 角色: '管理员', 单位: '江苏省信访局', 数据范围: '江苏省' });
      expect(await page.getByLabel('用户名').isVisible()).toBe(false);
      await expectNoTofu(page);
      await saveScreenshot(page, 'login-desktop-admin-logged-in');

      // 退出登录 reloads the page: the session is gone, the login form and demo accounts are back.
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '退出登录' }).click()]);
      await adminButton.waitFor();
      expect(await page.getByRole('heading', { name: '已登录' }).isVisible()).toBe(false);
      expect(await page.getByLabel('用户名').isVisible()).toBe(true);
      const cookies = await page.context().cookies();
      expect(cookies.map((c) => c.name)).not.toContain('xf_session');
      await saveScreenshot(page, 'login-desktop-logged-out');
    });
  });

  it('mobile: a citizen logs in with phone and SMS code', async () => {
    const phone = '13812345678';
    await withPage(MOBILE, async (page) => {
      const tab = page.getByRole('tab', { name: '信访人登录' });
      await tab.click();
      expect(await tab.getAttribute('aria-selected')).toBe('true');
      expect(await page.getByLabel('用户名').isVisible()).toBe(false);
      expect(await citizenForm(page).isVisible()).toBe(true);

      await page.getByLabel('手机号码').fill(phone);
      await citizenForm(page).getByRole('button', { name: '获取验证码' }).click();
      await page.getByRole('alert').filter({ hasText: '验证码已发送' }).waitFor();

      const code = await smsCodeFor(phone);
      await page.getByLabel('短信验证码').fill(code);
      await expectNoTofu(page);
      await saveScreenshot(page, 'login-mobile-citizen-code');
      await citizenForm(page).getByRole('button', { name: '登录' }).click();

      const me = await shownUser(page);
      expect(me).toMatchObject({ 角色: '信访人', 单位: '—', 数据范围: '本人信访事项' });
      // Nothing sticks out sideways on a 375 px screen.
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
      await expectNoTofu(page);
      await saveScreenshot(page, 'login-mobile-citizen-logged-in');
    });
  });

  it('shows 用户名或密码错误 in the alert region for a wrong password', async () => {
    await withPage(DESKTOP, async (page) => {
      await page.getByLabel('用户名').fill('nj_registrar');
      await page.getByLabel('密码', { exact: true }).fill('wrong-password');
      await staffForm(page).getByRole('button', { name: '登录' }).click();
      const alert = page.getByRole('alert');
      await alert.filter({ hasText: '用户名或密码错误' }).waitFor();
      expect((await alert.innerText()).trim()).toBe('用户名或密码错误');
      expect(await page.getByRole('heading', { name: '已登录' }).isVisible()).toBe(false);
      await expectNoTofu(page);
      await saveScreenshot(page, 'login-desktop-wrong-password');
    });
  });

  it('the tofu check fails on a machine without CJK fonts (where document.fonts.check still says yes)', async () => {
    const bare = await launchBrowser({ env: await envWithoutCjkFonts() });
    try {
      await withPage(
        DESKTOP,
        async (page) => {
          await page.getByRole('heading', { name: '阳光信访平台' }).waitFor();
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
