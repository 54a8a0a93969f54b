// 积案化解 in a real Chromium against the seeded platform (demo backlog matters): nj_leader opens the
// ledger — totals, 化解率 by county, the matters with their leaders — drills into a county and
// back, downloads the Excel ledger, opens a matter (plan, seven standards, 领导包案) and the
// compliance tab; a department handler has no ledger, only its unit's matters (本单位积案).
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedBacklog } from '../../src/seed/backlog.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

const suite = browserSuite({
  server: { cases: { count: 2000, seed: 11 } },
  setup: async (s) => {
    await seedBacklog(s.h.ctx, { seed: 11 });
  },
});
const newPage = () => suite.newPage();
const login = (page: Page, username: string) => suite.loginConsole(page, username);

describe('积案化解 (console)', () => {
  it('shows the ledger with 化解率 by county, drills down, exports Excel and opens a matter', async () => {
    const page = await newPage();
    await login(page, 'nj_leader');
    await page.getByRole('link', { name: '积案化解' }).click();
    await page.getByRole('heading', { name: '积案化解', exact: true }).waitFor();
    await page.getByRole('heading', { name: '南京市积案化解情况' }).waitFor();
    const rates = page.getByLabel('各地化解率');
    const first = rates.locator('tbody tr').first().getByRole('button');
    await first.waitFor();
    const county = await first.innerText();
    expect(county).toMatch(/区|县|市$/);
    expect(await page.getByText('化解率', { exact: true }).count()).toBeGreaterThan(0);
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-backlog-ledger');

    await first.click();
    await page.getByRole('heading', { name: `${county}积案化解情况` }).waitFor();
    await page.getByRole('button', { name: '返回本辖区' }).click();
    await page.getByRole('heading', { name: '南京市积案化解情况' }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出台账' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^南京市积案化解台账-.*\.xlsx$/);
    const bytes = await readFile(await file.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // A matter from the ledger: its plan, the seven standards and the leaders who took it.
    await page.locator('.ant-pro-table tbody tr a[href^="/console/backlog/"]').first().click();
    await page.waitForURL(/\/console\/backlog\/\d+$/);
    await page.getByRole('heading', { name: /^七条标准（\d\/7）$/ }).waitFor();
    await page.getByRole('heading', { name: /^化解方案/ }).waitFor();
    await page.getByRole('heading', { name: '领导包案' }).waitFor();
    await page.getByRole('cell', { name: '认定恰当', exact: true }).waitFor();
    await saveScreenshot(page, 'console-backlog-matter');

    await page.goBack();
    await page.getByRole('tab', { name: '领导包案' }).click();
    await page.getByText('领导包案完成情况').waitFor();
    await page.getByText('南京市信访局领导').first().waitFor();
    await page.getByText('每半年1件').first().waitFor();
    await page.context().close();
  });

  it('a department handler has its unit’s matters, not the ledger, and records progress on one', async () => {
    const page = await newPage();
    // The province's 住建厅: this small seed gives 鼓楼区's 住建局 no open matter to be responsible for.
    await login(page, 'js_handler');
    await page.getByRole('link', { name: '积案化解' }).click();
    await page.getByRole('heading', { name: '积案化解', exact: true }).waitFor();
    await page.getByRole('tab', { name: '本单位积案' }).waitFor();
    expect(await page.getByRole('tab', { name: '台账' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: '候选与待办' }).count()).toBe(0);
    // The matter being resolved (化解中) that its unit is responsible for, with its deadline.
    const row = page.locator('.ant-pro-table tbody tr', { hasText: '化解中' }).first();
    await row.waitFor();
    expect(await row.innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
    await saveScreenshot(page, 'console-backlog-department');
    await row.locator('a[href^="/console/backlog/"]').click();
    await page.waitForURL(/\/console\/backlog\/\d+$/);
    await page.getByRole('heading', { name: /^化解方案/ }).waitFor();
    await page.getByRole('button', { name: '记录进展' }).first().waitFor();
    await page.context().close();
  });
});
