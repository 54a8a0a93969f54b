// 责任落实 in a real Chromium against the seeded platform (demo cases, orders, letters and records):
// the province analyst ranks the 13 cities for last month and drills down from a deduction to the
// matters behind it, and sees which cities lack a responsibility letter; the city supervisor opens
// the 约谈 linked to the seeded 约谈 order, records its follow-up, and opens the unit's history.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedAssessment } from '../../src/seed/assessment.ts';
import { seedBacklog } from '../../src/seed/backlog.ts';
import { seedSupervision } from '../../src/seed/supervision.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

const suite = browserSuite({
  server: { cases: { count: 2000, seed: 11 } },
  setup: async (s) => {
    await seedBacklog(s.h.ctx, { seed: 11 });
    await seedSupervision(s.h.ctx);
    await seedAssessment(s.h.ctx);
  },
});
const newPage = () => suite.newPage();
const login = (page: Page, username: string) => suite.loginConsole(page, username);

describe('责任落实 (console)', () => {
  it('ranks the 13 cities, drills down from a deduction, and lists the letters', async () => {
    const page = await newPage();
    await login(page, 'js_analyst');
    await page.getByRole('link', { name: '责任落实' }).click();
    await page.getByRole('heading', { name: '责任落实', exact: true }).waitFor();
    const rows = page.locator('.ant-tabs-tabpane-active .ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(13);
    await page.getByRole('cell', { name: '南京市', exact: true }).first().waitFor();
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-assessment-scorecard');

    // A deduction with matters behind it opens them.
    const deduction = page.getByRole('button', { name: /扣分事项$/ }).first();
    const label = (await deduction.getAttribute('aria-label')) ?? '';
    await deduction.click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText(/背后的事项/).waitFor();
    await drawer.getByText(/^共 \d+ 件$/).waitFor();
    const n = Number((await drawer.getByText(/^共 \d+ 件$/).textContent())?.match(/\d+/)?.[0]);
    expect(n, label).toBeGreaterThan(0);
    await drawer.locator('a[href^="/console/cases/"]').first().waitFor();
    await saveScreenshot(page, 'console-assessment-drill', { fullPage: false });
    // Close by its button: Escape reaches the drawer only while the focus is inside it.
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });

    // The year's scheme behind the points (read only for an analyst).
    await page.getByRole('button', { name: '考核方案' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText(/年度考核方案（默认）/)
      .first()
      .waitFor();
    await dialog.getByRole('cell', { name: '越级上访率' }).waitFor();
    await dialog.getByRole('cell', { name: '100', exact: true }).waitFor();
    await saveScreenshot(page, 'console-assessment-scheme', { fullPage: false });
    await dialog.locator('.ant-modal-close').click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: '责任书' }).click();
    await page.getByText(/尚无责任书：连云港市/).waitFor();
    const pane = page.locator('.ant-tabs-tabpane-active');
    await pane.getByRole('cell', { name: '宿迁市', exact: true }).waitFor();
    await pane.getByText('已起草').first().waitFor();
    await saveScreenshot(page, 'console-assessment-letters');
    await page.context().close();
  });

  it('the city supervisor follows up the 约谈 linked to its order and opens the unit’s history', async () => {
    const page = await newPage();
    await login(page, 'nj_supervisor');
    await page.getByRole('link', { name: '责任落实' }).click();
    await page.getByRole('tab', { name: '通报·约谈·问责' }).click();
    const rows = page.locator('.ant-tabs-tabpane-active .ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: '约谈' }).first().waitFor();
    await rows.filter({ hasText: '约谈' }).getByRole('button').first().click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText('关联督办').waitFor();
    await drawer.locator('a[href^="/console/supervision/"]').first().waitFor();
    await drawer.getByText(/约谈 · 鼓楼区住房和城乡建设局/).waitFor();
    await drawer.getByText('待回访').waitFor();
    await drawer.getByLabel('回访结果').fill('重复信访事项已逐件排查，督办事项已反馈。');
    await drawer.getByRole('button', { name: '回访整改情况' }).click();
    await drawer.getByText('已回访').waitFor();
    await drawer.getByText('重复信访事项已逐件排查，督办事项已反馈。').waitFor();
    await saveScreenshot(page, 'console-assessment-record', { fullPage: false });

    await drawer.getByRole('link', { name: '鼓楼区住房和城乡建设局' }).click();
    await page.getByRole('heading', { name: /鼓楼区住房和城乡建设局 · 责任落实档案/ }).waitFor();
    await page.getByText('约谈鼓楼区住建局主要负责人').waitFor();
    await page.locator('a[href^="/console/supervision/"]').first().waitFor();
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-assessment-unit-history');
    await page.context().close();
  });

  it('the provincial leader adjusts the year’s scheme and drafts the missing letter', async () => {
    const page = await newPage();
    await login(page, 'js_leader');
    await page.getByRole('link', { name: '责任落实' }).click();
    await page.locator('.ant-tabs-tabpane-active .ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: '考核方案' }).click();
    const dialog = page.getByRole('dialog');
    const points = dialog.getByLabel('越级上访率分值');
    await points.fill('20');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存本年度考核方案').waitFor();
    await dialog.getByText(/年度考核方案（本年度调整）/).waitFor();
    await dialog.getByRole('cell', { name: '110', exact: true }).waitFor();
    await dialog.getByRole('button', { name: '恢复默认' }).click();
    await dialog.getByText(/年度考核方案（默认）/).waitFor();
    await dialog.locator('.ant-modal-close').click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: '责任书' }).click();
    await page.getByText(/尚无责任书：连云港市/).waitFor();
    await page.getByRole('button', { name: '起草责任书' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('责任方').click();
    await page.keyboard.type('连云港');
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已起草').first().waitFor();
    const pane = page.locator('.ant-tabs-tabpane-active');
    await pane.getByRole('cell', { name: '连云港市', exact: true }).waitFor();
    expect(await page.getByText(/尚无责任书/).count()).toBe(0);
    await page.context().close();
  });
});
