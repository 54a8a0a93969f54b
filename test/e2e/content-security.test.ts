// The Content-Security-Policy (src/server/headers.ts) in a real Chromium: the login page, the
// portal, the console (logged in: workbench, a case, analytics with its charts and the Excel
// export), the big screen and the Swagger UI all work under it, and the browser reports no
// violation; no page of the platform can be framed by another site.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCases } from '../../src/seed/cases.ts';
import { DEMO_PASSWORD } from '../helpers/harness.ts';
import { launchBrowser, type Server, startServer } from './browser.ts';

let browser: Browser;
let server: Server;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer();
  await seedCases(server.h.ctx.db, server.h.ctx.pii, { count: 300, seed: 5 });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records every CSP violation (the DOM event and the console message). */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  return { page, violations };
}

async function login(page: Page, username: string): Promise<void> {
  await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

describe('pages under the Content-Security-Policy', () => {
  it('the login page, the portal and the Swagger UI load without a violation', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await page.goto(`${server.url}/portal/`);
    await page.locator('#root *').first().waitFor();
    await page.goto(`${server.url}/api/docs/`);
    // The operations are listed: the UI's scripts ran and read /api/openapi.json.
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('the console (workbench, analytics charts, Excel export) and the big screen work without a violation', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${server.url}/console/`);
    await login(page, 'js_analyst');
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await page.getByRole('link', { name: '数据分析' }).click();
    await page.getByRole('heading', { name: '数据分析', exact: true }).waitFor();
    await page.locator('[aria-label="江苏省信访量地图"] canvas').first().waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await page.goto(`${server.url}/screen/`);
    await page.getByRole('heading', { name: '江苏省信访工作态势' }).waitFor();
    await page.locator('[aria-label="信访量地图"] canvas').first().waitFor();
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('no page can be framed by another site', async () => {
    const { page } = await watchedPage();
    // A page of another origin (about:blank with its own content) framing the console.
    await page.setContent(`<iframe id="f" src="${server.url}/console/"></iframe>`);
    const frame = await (await page.waitForSelector('#f')).contentFrame();
    await frame?.waitForLoadState('load');
    // Chromium shows its own error page in a refused frame: the app's root never appears.
    expect(await frame?.locator('#root').count()).toBe(0);
    await page.context().close();
  });
});
