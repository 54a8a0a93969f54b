// 督查督办 in a real Chromium against the seeded platform (demo orders): gl_handler of 鼓楼区住建局
// opens the list, opens the city's 约谈 waiting for feedback, files the feedback, and downloads the
// 督办函 of the closed 实地督查; nj_supervisor opens the escalated order on a matter and its case
// page, where the 督查督办 section lists it.
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedSupervision } from '../../src/seed/supervision.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

const suite = browserSuite({
  server: { cases: { count: 2000, seed: 11 } },
  setup: async (s) => {
    await seedSupervision(s.h.ctx);
  },
});
const newPage = () => suite.newPage();
const login = (page: Page, username: string) => suite.loginConsole(page, username);

describe('督查督办 (console)', () => {
  it('the addressed unit lists its orders, files feedback and downloads a 督办函', async () => {
    const page = await newPage();
    await login(page, 'gl_handler');
    await page.getByRole('link', { name: '督查督办' }).click();
    await page.getByRole('heading', { name: '督查督办', exact: true }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await page.getByRole('cell', { name: '约谈', exact: true }).waitFor();
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-supervision-list');

    // The 约谈 of 南京市信访局, waiting for feedback.
    await rows.filter({ hasText: '约谈' }).getByRole('link').click();
    await page.waitForURL(/\/console\/supervision\/\d+$/);
    await page.getByRole('heading', { name: '督办内容' }).waitFor();
    await page.getByText('尚未反馈').waitFor();
    await page.getByRole('button', { name: '报送反馈' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('反馈内容（办理情况、处理结果）')
      .fill('已召开专题会议分析重复信访原因，逐件落实化解责任人。');
    await dialog.getByLabel('附件说明（可选）').fill('专题会议纪要1份');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已报送反馈').first().waitFor();
    await page.getByText('已召开专题会议分析重复信访原因，逐件落实化解责任人。').first().waitFor();
    await page.getByText('已反馈待审核').first().waitFor();
    expect(await page.getByRole('button', { name: '报送反馈' }).count()).toBe(0);
    await saveScreenshot(page, 'console-supervision-feedback');

    // The closed 实地督查 and its 督办函.
    await page.getByRole('link', { name: '督查督办' }).click();
    await rows.filter({ hasText: '实地督查' }).getByRole('link').click();
    await page.getByRole('heading', { name: '督办内容' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载督办函' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^督办函〔\d{4}〕督字第\d+号\.docx$/);
    const zip = await JSZip.loadAsync(await readFile(await file.path()));
    const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    expect(text).toContain('完善办理台账，逐件说明超期原因并提出整改措施。');
    expect(text).toContain('鼓楼区住房和城乡建设局：');
    await page.context().close();
  });

  it('the city supervisor sees the escalated order on a matter, and the case page lists it', async () => {
    const page = await newPage();
    await login(page, 'nj_supervisor');
    await page.getByRole('link', { name: '督查督办' }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: '已升级' }).getByRole('link').click();
    await page.getByRole('heading', { name: '办理过程' }).waitFor();
    await page.getByText('催办后仍未反馈').waitFor();
    await saveScreenshot(page, 'console-supervision-escalated');
    await page.locator('a[href^="/console/cases/"]').first().click();
    await page.waitForURL(/\/console\/cases\/\d+$/);
    const section = page.locator('.ant-card').filter({ hasText: '督查督办' }).first();
    await section.getByText('书面督办').waitFor();
    await section.getByText('已升级').waitFor();
    await section.getByRole('button', { name: '发出督办' }).waitFor();
    await section.screenshot({ path: 'artifacts/screenshots/console-supervision-case.png' });
    // The steps are on the case's timeline (internal), with what was recorded.
    await page.getByText('督办升级').first().waitFor();
    await page.getByText('督查督办', { exact: true }).last().waitFor();
    await saveScreenshot(page, 'console-supervision-case-page');
    await page.context().close();
  });
});
