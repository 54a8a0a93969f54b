// National flags in the console, in a real Chromium at 1280×800: gl_registrar filters the workbench
// by 事项标识 = 扬言 (only the flagged letter stays), opens it, and the case page shows its flags;
// the 修改标识 dialog marks it 重大紧急, which reports it to the city bureau. Screenshots for the
// user guide (登记员篇).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST, webBuilt } from '../../src/server/web.ts';
import { DEMO_PASSWORD } from '../helpers/harness.ts';
import { expectNoTofu, launchBrowser, type Server, saveScreenshot, startServer, tick } from './browser.ts';

let browser: Browser;
let server: Server;
const FLAGGED = '拆迁补偿纠纷信访人扬言到市里上访';
const PLAIN = '小区路灯损坏请求维修';

beforeAll(async () => {
  if (!webBuilt()) {
    throw new Error(
      `The web apps are not built: ${WEB_DIST}. Run \`npm run build:web\` before the browser tests.`,
    );
  }
  browser = await launchBrowser();
  server = await startServer();
  const { h } = server;
  await h.loginAll(['gl_registrar']);
  for (const [subject, flags] of [
    [FLAGGED, ['threat', 'litigation']],
    [PLAIN, []],
  ] as const) {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('gl_registrar'),
      payload: {
        form: 'letter',
        purpose: 'claim',
        categoryCode: '010000',
        subject,
        content: `${subject}，情况紧急，请尽快处理并答复。`,
        jurisdictionCode: '320106',
        petitioner: { name: '周强', phone: '13812349876' },
        flags,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(30_000);
  return context.newPage();
}

async function check(page: Page, name: string): Promise<void> {
  await expectNoTofu(page);
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, name);
}

describe('flags in the console', () => {
  it('filters the workbench by 扬言 and shows and changes the flags on the case page', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/console/`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await page.getByLabel('用户名').fill('gl_registrar');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await page.getByText(PLAIN).first().waitFor();

    const filter = page.getByRole('combobox', { name: '事项标识' });
    await filter.click();
    await filter.pressSequentially('扬言');
    await filter.press('Enter');
    await page.waitForURL(/flag=threat/);
    await page.getByText(PLAIN).waitFor({ state: 'detached' });
    await page.getByText(FLAGGED).first().waitFor();
    await check(page, 'console-flags-filter');

    await page.getByRole('link', { name: /^3201/ }).first().click();
    const card = page.locator('.ant-card').filter({ hasText: '事项标识' });
    await card.getByText('扬言').waitFor();
    expect(await card.innerText()).toContain('涉法涉诉');
    await card.getByRole('button', { name: '修改标识' }).click();
    const dialog = page.getByRole('dialog');
    await tick(dialog.getByRole('checkbox', { name: '重大紧急' }));
    await dialog.getByLabel('说明').fill('信访人情绪激动，已安排稳控');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await card.getByText('鼓楼区信访局→南京市信访局').waitFor();
    await card.getByText('未签收').waitFor();
    await check(page, 'console-case-flags');
  });
});
