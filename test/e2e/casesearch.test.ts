// 案件查询 in a real Chromium (issue 12 item B): a search that finds a closed matter by number and by
// synonym. gl_registrar opens 案件查询 from the menu, types the exact number of a settled (closed)
// (settled: terminal) matter — the to-do tabs would not list it — and finds it; then searches 拆迁, which the matter
// never says (it says 征收), finds it through the synonym dictionary with 征收 highlighted, and
// narrows by place typed by name (鼓楼). The province administrator sees the dictionary.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

const CLOSED = '房屋征收补偿款未到位';
const OPEN = '小区物业乱收费';
let closedNumber = '';
let closedState = '';

const suite = browserSuite({
  setup: async (s) => {
    const { h } = s;
    await h.loginAll(['gl_registrar']);
    const ids: number[] = [];
    for (const subject of [CLOSED, OPEN]) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: h.as('gl_registrar'),
        payload: {
          form: 'letter',
          purpose: 'claim',
          subject,
          content: `${subject}，多次反映无人答复，请求有关部门督促落实。`,
          jurisdictionCode: '320106',
          petitioner: { name: '周强', phone: '13812349876' },
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().caseId);
      if (subject === CLOSED) closedNumber = res.json().caseNumber;
    }
    await h.act('gl_registrar', ids[0] ?? 0, 'accept');
    await h.act('gl_registrar', ids[0] ?? 0, 'settle', { kind: 'mediation', agreement: '达成调解协议' });
    const detail = await h.app.inject({ url: `/api/v1/cases/${ids[0]}`, headers: h.as('gl_registrar') });
    expect(detail.json().state).toBe('settled'); // terminal: 已调解和解
    closedState = detail.json().stateName;
  },
});
const newPage = () => suite.newPage({ width: 1440, height: 900 });

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
async function searchFor(page: Page, text: string) {
  const box = page.getByRole('searchbox', { name: '检索' });
  await box.fill(text);
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/v1/cases?') && r.url().includes('q=')),
    box.press('Enter'),
  ]);
}

describe('案件查询', () => {
  it('finds a closed matter by its number and by a synonym, and narrows by a place typed by name', async () => {
    const page = await newPage();
    await suite.loginConsole(page, 'gl_registrar');
    // The to-do tabs do not list a closed matter.
    await expect(page.getByText(CLOSED).count()).resolves.toBe(0);
    await page.getByRole('link', { name: '案件查询' }).click();
    await page.getByRole('heading', { name: '案件查询', exact: true }).waitFor();

    await searchFor(page, closedNumber);
    await page.getByText(`查询结果（共 1 件）`).waitFor();
    await expect(rows(page).first().textContent()).resolves.toContain(closedNumber);
    await expect(rows(page).first().textContent()).resolves.toContain(closedState);

    await searchFor(page, '拆迁');
    await page.getByText('同时检索同义词').waitFor();
    await expect(page.locator('.xf-search-synonyms').textContent()).resolves.toContain('征收');
    await page.getByText(`查询结果（共 1 件）`).waitFor();
    const hit = rows(page).first();
    await expect(hit.textContent()).resolves.toContain(CLOSED);
    await expect(hit.locator('mark', { hasText: '征收' }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText(OPEN).count()).resolves.toBe(0);

    // The place by name: 鼓楼 → 南京市鼓楼区 (320106).
    const place = page.getByRole('combobox', { name: '问题属地' });
    await place.click();
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/search/places?')),
      place.fill('鼓楼'),
    ]);
    await page.getByTitle('南京市鼓楼区（320106）').click();
    await page.waitForURL(/jurisdiction=320106/);
    await page.getByText(`查询结果（共 1 件）`).waitFor();
    await expect(rows(page).first().textContent()).resolves.toContain(CLOSED);
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-case-search');

    // The link opens the matter.
    await rows(page).first().getByRole('link', { name: closedNumber }).click();
    await page.getByText(CLOSED).first().waitFor();
    await page.context().close();
  });

  it('the province administrator sees and may edit the synonym dictionary', async () => {
    const page = await newPage();
    await suite.loginConsole(page, 'admin');
    await page.goto(`${suite.server.url}/console/admin/synonyms`);
    await page.getByRole('heading', { name: '检索同义词', exact: true }).waitFor();
    await page.locator('tr', { hasText: '拖欠工资' }).first().waitFor();
    await page.getByRole('button', { name: '新增同义词组' }).waitFor();
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-search-synonyms', { fullPage: false });
    await page.context().close();
  });
});
