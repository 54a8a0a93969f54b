// 月通报 and 专报 in a real Chromium against the seeded platform: nj_leader generates last month's
// 通报 — the counties ranked on the scorecard, who is named — edits a section, saves, downloads the
// Word file and issues it; the 专报 page (same page component) still drafts with its charts.
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

describe('通报 and 专报 (console)', () => {
  it('generates the monthly bulletin with the ranking, edits, downloads Word and issues it', async () => {
    const page = await newPage();
    await login(page, 'nj_leader');
    await page.getByRole('link', { name: '通报' }).click();
    await page.getByRole('heading', { name: '通报', exact: true }).waitFor();
    await page.getByRole('button', { name: '生成草稿' }).click();
    await page
      .getByText(/关于\d{4}年\d{1,2}月全市信访工作情况的通报/)
      .first()
      .waitFor();
    // The ranking: county rows of 南京市, the first ranked 1 or without data.
    const table = page.locator('.ant-card').last().locator('table').first();
    const firstRow = table.locator('tbody tr.ant-table-row').first();
    await firstRow.waitFor();
    expect(await firstRow.innerText()).toMatch(/区|县/);
    expect(await table.locator('thead').innerText()).toContain('综合评分');
    await expect
      .poll(() => page.getByRole('textbox', { name: '二、综合排名' }).inputValue())
      .toMatch(/综合评分/);
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-bulletin');

    const requirements = page.getByRole('textbox', { name: '六、下步工作要求' });
    await requirements.fill('（一）各区于下月10日前报送整改情况。');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('已保存').waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 Word' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/信访工作情况的通报\.docx$/);
    expect((await readFile(await file.path())).subarray(0, 2).toString()).toBe('PK');

    await page.getByRole('button', { name: '签发' }).click();
    // A confirmation shows what will be issued before it is.
    await page.locator('.ant-modal', { hasText: '确认签发通报' }).waitFor();
    await page.getByRole('button', { name: '确认签发' }).click();
    await page.getByText('通报已签发').first().waitFor();
    expect(await page.locator('.ant-tag', { hasText: '已签发' }).count()).toBeGreaterThan(0);
    expect(await requirements.getAttribute('readonly')).not.toBeNull();
  }, 120_000);

  it('the 专报 page still drafts the report with its figures and charts', async () => {
    const page = await newPage();
    await login(page, 'nj_leader');
    await page.getByRole('link', { name: '专报' }).click();
    await page.getByRole('heading', { name: '专报', exact: true }).waitFor();
    await page.getByRole('button', { name: '生成草稿' }).click();
    await page
      .getByText(/信访形势的专报/)
      .first()
      .waitFor();
    await page.getByRole('cell', { name: '信访总量' }).waitFor();
    const chart = page.getByRole('img', { name: '近13个月信访总量' });
    await chart.waitFor();
    await expect
      .poll(() => chart.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(100);
  }, 120_000);
});
