// 接口密钥 and 事件推送 in a real Chromium against the seeded platform (demo keys, a paused
// subscription with dead letters): gl_admin creates a key and sees it once, the key works against
// the API and stops working when revoked from the page; on 事件推送 the admin sees the dead letters,
// replays one, and subscribes a new endpoint, whose secret is shown once.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedCases } from '../../src/seed/cases.ts';
import { seedInterop } from '../../src/seed/interop.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

const suite = browserSuite({
  setup: async (s) => {
    // 鼓楼区 holds the two dead letters' matters whatever the date (spread over 95 counties, 300
    // matters left it only one on some days).
    await seedCases(s.h.ctx.db, s.h.ctx.pii, {
      count: 300,
      seed: 11,
      places: { '32': 1, '320106': 20 },
    });
    await seedInterop(s.h.ctx);
  },
});
const newPage = () => suite.newPage();
const login = (page: Page, username: string) => suite.loginConsole(page, username);

/** An antd Select: typed into and picked with Enter (mouse clicks on options are flaky under load). */
async function pick(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label);
  await input.click();
  await input.fill(text);
  await page.locator('.ant-select-item-option-active').filter({ hasText: text }).first().waitFor();
  await input.press('Enter');
  // A multiple select stays open: a click on the dialog's title closes it.
  await page.getByRole('dialog').locator('.ant-modal-title').click();
}

/** No table still loading (a refetch dims it) and none still fading back, for the screenshots. */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-spin-blur').count()).toBe(0);
  await expect
    .poll(() =>
      page
        .locator('.ant-spin-container')
        .evaluateAll((els) => els.every((e) => getComputedStyle(e).opacity === '1')),
    )
    .toBe(true);
}

const callWithKey = (key: string) =>
  fetch(`${suite.server.url}/api/v1/cases?pageSize=1`, { headers: { 'x-api-key': key } });

describe('接口密钥与事件推送 (console)', () => {
  it('an admin creates a key, sees it once, and revokes it', async () => {
    const page = await newPage();
    await login(page, 'gl_admin');
    await page.goto(`${suite.server.url}/console/admin/api-keys`);
    await page.getByRole('heading', { name: '接口密钥', exact: true }).waitFor();
    await page.getByRole('cell', { name: '12345热线对接' }).waitFor();
    await page.getByText('已吊销').first().waitFor();
    await expectNoTofu(page);
    await settled(page);
    await saveScreenshot(page, 'console-api-keys');

    await page.getByRole('button', { name: '新建密钥' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('区政务服务网');
    await pick(page, '单位', '鼓楼区信访局');
    await pick(page, '权限范围', '登记');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const shown = page.getByRole('dialog', { name: '密钥已生成' });
    await shown.waitFor();
    const key = (await shown.locator('code').innerText()).trim();
    expect(key).toMatch(/^xfk_[a-z0-9]{10}_/);
    await saveScreenshot(page, 'console-api-key-created', { fullPage: false });
    expect((await callWithKey(key)).status).toBe(200);
    await shown.getByRole('button', { name: '我已保存' }).click();

    const row = page.locator('.ant-table-row').filter({ hasText: '区政务服务网' });
    await row.getByText('有效').waitFor();
    await row.getByRole('button', { name: '吊销' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await row.getByText('已吊销').waitFor();
    expect((await callWithKey(key)).status).toBe(401);
  });

  it('an admin sees the dead letters, replays one, and subscribes an endpoint', async () => {
    const page = await newPage();
    await login(page, 'gl_admin');
    await page.goto(`${suite.server.url}/console/admin/webhooks`);
    await page.getByRole('heading', { name: '事件推送', exact: true }).waitFor();
    await page.getByRole('cell', { name: '鼓楼区融媒体中心' }).first().waitFor();
    const dead = page
      .locator('.ant-table-row')
      .filter({ has: page.getByRole('button', { name: '重新推送' }) });
    await dead.first().waitFor();
    expect(await dead.count()).toBe(2);
    await expectNoTofu(page);
    await settled(page);
    await saveScreenshot(page, 'console-webhooks');

    await dead.first().getByRole('button', { name: '重新推送' }).click();
    await page.getByText('已重新排队推送').waitFor();
    await expect.poll(() => dead.count()).toBe(1);

    await page.getByRole('button', { name: '新建订阅' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('区大数据局');
    await pick(page, '单位', '鼓楼区信访局');
    await dialog.getByLabel('推送地址').fill('https://data.example.gov.cn/hooks');
    await pick(page, '事件类型', '受理');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const shown = page.getByRole('dialog', { name: '订阅已创建' });
    await shown.waitFor();
    expect(await shown.locator('code').innerText()).toMatch(/^whsec_/);
    await shown.getByRole('button', { name: '我已保存' }).click();
    await page.getByRole('cell', { name: '区大数据局' }).waitFor();
  });
});
