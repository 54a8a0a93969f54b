// 接待大厅 in a real Chromium: 鼓楼区's registrar reads a visitor's ID card (a keyboard-wedge reader
// types the number and Enter), sees the earlier matter at once, registers the visit and gets the
// queue number, calls the next number; the waiting-room display shows it with the surname only.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST, webBuilt } from '../../src/server/web.ts';
import { DEMO_PASSWORD } from '../helpers/harness.ts';
import { expectNoTofu, launchBrowser, type Server, saveScreenshot, startServer } from './browser.ts';

const ID = '11010519491231002X';
let browser: Browser;
let server: Server;

beforeAll(async () => {
  if (!webBuilt())
    throw new Error(
      `The web apps are not built: ${WEB_DIST}. Run \`npm run build:web\` before the browser tests.`,
    );
  browser = await launchBrowser();
  server = await startServer();
  const { h } = server;
  await h.loginAll(['gl_registrar']);
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as('gl_registrar'),
    payload: {
      form: 'visit',
      purpose: 'claim',
      jurisdictionCode: '320106',
      subject: '小区违章搭建长期未拆除',
      content: '小区内违章搭建长期未拆除，影响通行和消防安全，请求依法处理。',
      petitioner: { name: '王某某', idNumber: ID },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pageAs(username: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  context.setDefaultTimeout(30_000);
  const res = await context.request.post(`${server.url}/api/v1/auth/login`, {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(res.status()).toBe(200);
  return context.newPage();
}

describe('接待大厅 (console)', () => {
  it('reads the ID card, shows earlier matters, issues a number, calls it, and the display shows it', async () => {
    const page = await pageAs('gl_registrar');
    await page.goto(`${server.url}/console/hall`);
    await page.getByRole('heading', { name: '接待大厅', exact: true }).waitFor();
    // The reader types the number and Enter within a few milliseconds, with the focus anywhere on
    // the page. Dispatched in the page in one go: Playwright's typing sends one message per key,
    // which on a loaded machine arrive further apart than a person types (the page's MAX_GAP_MS),
    // and the page rightly takes them for a person.
    await page.locator('body').click();
    await page.evaluate(
      `for (const key of [...${JSON.stringify(ID)}, 'Enter']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))`,
    );
    await page.getByTestId('visitor-history').getByText('小区违章搭建长期未拆除').waitFor();
    expect(await page.getByLabel('身份证号（可用读卡器读取）').inputValue()).toBe(ID);
    await page.getByLabel('姓名', { exact: true }).fill('王某某');
    await page.getByLabel('来访事由').fill('再次反映违章搭建未拆除');
    await page.getByRole('button', { name: '登记取号' }).click();
    await page.getByText('取号成功：001号').waitFor();
    await page.getByRole('button', { name: '叫下一号' }).click();
    await page.getByText('已叫号：001号 到 1号窗口').waitFor();
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-hall-counter');

    const screen = await pageAs('gl_registrar');
    await screen.goto(`${server.url}/console/hall/display`);
    await screen.getByTestId('now-calling').getByText('001 号 王**').waitFor();
    expect(await screen.locator('body').innerText()).not.toContain('王某某');
    await saveScreenshot(screen, 'console-hall-display', { fullPage: false });
  });
});
