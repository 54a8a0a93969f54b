// 专项行动 and 重点工作 in a real Chromium against the seeded platform (the demo campaign and key
// projects): js_leader opens the campaigns, the 百日攻坚 page with its numbers and the table by city,
// adds a dispute to the register and sees the numbers move, downloads the Excel register; the year
// view of the key projects shows the overdue milestone highlighted, and its project page.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedCampaigns } from '../../src/seed/campaigns.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

const suite = browserSuite({
  setup: async (s) => {
    await seedCases(s.h.ctx.db, s.h.ctx.pii, { count: 300, seed: 5 });
    await seedCampaigns(s.h.ctx, { seed: 1 });
  },
});
const newPage = () => suite.newPage();
const login = (page: Page, username: string) => suite.loginConsole(page, username);

const statistic = (page: Page, title: string) =>
  page
    .locator('.ant-statistic')
    .filter({ has: page.getByText(title, { exact: true }) })
    .locator('.ant-statistic-content');

describe('专项行动 (console)', () => {
  it('shows the campaign with its numbers, adds an entry, exports the register', async () => {
    const page = await newPage();
    await login(page, 'js_leader');
    await page.getByRole('link', { name: '专项行动' }).click();
    await page.getByRole('heading', { name: '专项行动', exact: true }).waitFor();
    const row = page.locator('.ant-pro-table tbody tr').filter({ hasText: '百日攻坚专项行动' });
    await row.waitFor();
    expect(await row.innerText()).toContain('63.3%'); // 19 of 30
    await saveScreenshot(page, 'console-campaigns');

    await row.getByRole('link').click();
    await page.waitForURL(/\/console\/campaigns\/\d+$/);
    await page.getByRole('heading', { name: '排查化解情况' }).waitFor();
    await expect.poll(() => statistic(page, '排查').innerText()).toContain('30');
    expect(await statistic(page, '化解').innerText()).toContain('19');
    expect(await statistic(page, '化解率').innerText()).toBe('63.3%');
    expect(await page.getByText(/化解率：目标 65%，实际 63.3%（未完成）/).count()).toBe(1);
    const byCity = page.getByLabel('各地排查化解情况');
    await byCity.getByRole('button', { name: '南京市' }).waitFor();
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-campaign');

    // A dispute not yet petitioned, in 鼓楼区: no names, a description, a place, a category.
    await page.getByRole('button', { name: '登记矛盾纠纷' }).click();
    const dialog = page.getByRole('dialog', { name: '登记排查台账' });
    await dialog.getByLabel('矛盾纠纷概况').fill('两村因灌溉用水分配产生争执，涉及二十余户');
    await dialog.getByLabel('发生地（行政区划代码）').fill('320106');
    await dialog.getByLabel('问题类别').click();
    await page.locator('.ant-select-item-option[title="农村农业"]').click();
    // The choice is in the field (a click during the dropdown's opening animation can miss it).
    await dialog.locator('.ant-select-selection-item[title="农村农业"]').waitFor();
    await dialog.getByLabel('涉及人数').fill('23');
    await saveScreenshot(page, 'console-campaign-add-entry', { fullPage: false });
    const saved = page.waitForResponse(
      (r) => /\/api\/v1\/campaigns\/\d+\/entries$/.test(r.url()) && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: /确\s*认|确\s*定/ }).click();
    const answer = await saved;
    expect(answer.status(), await answer.text()).toBe(201);
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => statistic(page, '排查').innerText()).toContain('31');
    await page.getByText('两村因灌溉用水分配产生争执，涉及二十余户').waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出台账' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/百日攻坚专项行动排查台账-.*\.xlsx$/);
    expect((await readFile(await file.path())).subarray(0, 2).toString()).toBe('PK');
    await page.context().close();
  });
});

describe('重点工作 (console)', () => {
  it('the year view highlights the overdue milestone; the project page shows it', async () => {
    const page = await newPage();
    await login(page, 'js_leader');
    await page.getByRole('link', { name: '重点工作' }).click();
    await page.getByRole('heading', { name: '年度重点工作时间表' }).waitFor();
    await page.getByText('有 1 个项目节点逾期未完成').waitFor();
    const overdueRow = page.getByLabel('重点工作时间表').locator('tbody tr.xf-row-overdue');
    await overdueRow.waitFor();
    expect(await overdueRow.count()).toBe(1);
    expect(await overdueRow.innerText()).toContain('进京越级访专项整治');
    const mark = overdueRow.locator('.xf-milestone-overdue');
    expect(await mark.innerText()).toMatch(/^逾期·/);
    const color = await mark.evaluate((el) => getComputedStyle(el).color);
    expect(color).not.toBe('rgba(0, 0, 0, 0.88)'); // a red tag, not a plain one
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-projects-year');

    await overdueRow.getByRole('link', { name: '进京越级访专项整治' }).click();
    await page.waitForURL(/\/console\/projects\/\d+$/);
    await page.getByRole('heading', { name: '任务书 · 路线图 · 时间表' }).waitFor();
    await page.getByText(/（逾期）$/).waitFor();
    await saveScreenshot(page, 'console-project');
    await page.context().close();
  });
});
