// 部门联动, 信访救助 and 三无县评定 in a real Chromium against the seeded platform (demo records):
// gl_supervisor lists the referrals, opens the closed 涉法涉诉 one, the member bodies and the
// cooperation records; gl_registrar refers a matter from its case page to 公安 (警信联动);
// nj_leader approves the 8万元 application waiting for the city and reads the totals; and records
// and decides a county's 三无 evaluation.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedCases } from '../../src/seed/cases.ts';
import { seedLinkage } from '../../src/seed/linkage.ts';
import { browserSuite, expectNoTofu, pickRadio, saveScreenshot } from './browser.ts';

const suite = browserSuite({
  setup: async (s) => {
    await seedCases(s.h.ctx.db, s.h.ctx.pii, { count: 1000, seed: 11 });
    expect(await seedLinkage(s.h.ctx)).toBeGreaterThan(0);
  },
});
const newPage = () => suite.newPage();
const login = (page: Page, username: string) => suite.loginConsole(page, username);

/** Lets a tab switch or a row expansion finish its fade before a screenshot (the picture only). */
const settle = (page: Page) => page.waitForTimeout(600);

describe('部门联动 (console)', () => {
  it('the county bureau lists its referrals, a referral’s history, the member bodies and cooperation', async () => {
    const page = await newPage();
    await login(page, 'gl_supervisor');
    await page.getByRole('link', { name: '部门联动' }).click();
    await page.getByRole('heading', { name: '部门联动', exact: true }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    await page.getByRole('cell', { name: '鼓楼区人民法院' }).waitFor();
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-linkage-referrals');

    await rows.filter({ hasText: '鼓楼区人民法院' }).getByRole('link').click();
    await page.waitForURL(/\/console\/linkage\/referrals\/\d+$/);
    await page.getByRole('heading', { name: '移交内容' }).waitFor();
    await page.getByText('已导入法律程序，移交办结。').waitFor();
    await page.getByText('已办结').first().waitFor();
    await saveScreenshot(page, 'console-linkage-referral');

    await page.getByRole('link', { name: '部门联动' }).click();
    await page.getByRole('tab', { name: '成员单位' }).click();
    await page.getByRole('cell', { name: '鼓楼区纪委监委' }).waitFor();
    await page.getByRole('cell', { name: '鼓楼区公安局' }).waitFor();
    await settle(page);
    await saveScreenshot(page, 'console-linkage-members');

    await page.getByRole('tab', { name: '跨省协作' }).click();
    await page.getByRole('cell', { name: '安徽省滁州市信访局' }).waitFor();
    await page.getByText('已核实信访人家庭情况，家属愿意配合做好疏导。').waitFor();
    await settle(page);
    await saveScreenshot(page, 'console-linkage-cooperation');
    await page.context().close();
  });

  it('a registrar refers a matter from its case page to 公安 (警信联动)', async () => {
    const page = await newPage();
    await login(page, 'gl_registrar');
    await page.getByRole('link', { name: '部门联动' }).click();
    await page.getByRole('tab', { name: '跨省协作' }).click();
    await page.getByRole('link', { name: /外省户籍务工人员追讨欠薪/ }).click();
    await page.waitForURL(/\/console\/cases\/\d+$/);
    const section = page.locator('.ant-card').filter({ hasText: '部门联动' }).first();
    await section.getByText(/安徽省滁州市信访局/).waitFor();
    await section.screenshot({ path: 'artifacts/screenshots/console-linkage-case.png' });
    await section.getByRole('button', { name: '移交成员单位' }).click();
    const dialog = page.getByRole('dialog');
    // The type by keyboard (typed to filter, Enter to choose), again if the dropdown was still opening.
    const item = dialog.locator('.ant-form-item').filter({ hasText: '事项类型' });
    const chosen = item.locator('.ant-select-selection-item').filter({ hasText: '治安风险' });
    for (let attempt = 0; attempt < 3 && !(await chosen.isVisible()); attempt++) {
      await item.locator('.ant-select-selector').click();
      await page.keyboard.type('治安');
      await page.keyboard.press('Enter');
      await chosen.waitFor({ timeout: 3000 }).catch(() => {});
    }
    await chosen.waitFor();
    await dialog.getByLabel('移交事由').fill('信访人讨薪未果，扬言到用工单位堵门，存在治安风险。');
    await saveScreenshot(page, 'console-linkage-refer', { fullPage: false });
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.waitForURL(/\/console\/linkage\/referrals\/\d+$/);
    await page.getByText('鼓楼区公安局').first().waitFor();
    await page.getByText('已移交待反馈').first().waitFor();
    await page.context().close();
  });
});

describe('信访救助 (console)', () => {
  it('the city leader approves the application waiting for the city, and reads the totals', async () => {
    const page = await newPage();
    await login(page, 'nj_leader');
    await page.getByRole('link', { name: '信访救助' }).click();
    await page.getByRole('heading', { name: '信访救助', exact: true }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    await saveScreenshot(page, 'console-relief-list');
    await rows.filter({ hasText: '待设区市级审批' }).getByRole('link').click();
    await page.getByRole('heading', { name: '逐级审批' }).waitFor();
    await page.getByRole('button', { name: '审批同意' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('审批意见').fill('经市信访联席办审核，同意救助8万元。');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已批准待发放').first().waitFor();
    await page.getByText(/同意 80,000\.00 元：经市信访联席办审核/).waitFor();
    await saveScreenshot(page, 'console-relief-detail');
    await page.getByRole('link', { name: '信访救助' }).click();
    await page.getByRole('tab', { name: '统计' }).click();
    await page.getByRole('cell', { name: '合计' }).waitFor();
    await page.getByRole('cell', { name: '鼓楼区' }).waitFor();
    await settle(page);
    await saveScreenshot(page, 'console-relief-totals');
    await page.context().close();
  });
});

describe('三无县评定 (console)', () => {
  it('the city records and decides a county’s evaluation', async () => {
    const page = await newPage();
    await login(page, 'nj_leader');
    await page.getByRole('link', { name: '三无县评定' }).click();
    await page.getByRole('heading', { name: '三无县（市、区）评定' }).waitFor();
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '建邺区' });
    await row.getByText('评定中').waitFor();
    await row.getByRole('button', { name: '修改评定' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/无因信访问题引发的极端事件/).waitFor();
    const extreme = dialog.locator('.ant-form-item').filter({ hasText: '无因信访问题引发的极端事件' });
    await pickRadio(extreme, '达到');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已保存评定（平台数据已重新计算）').first().waitFor();
    await row.getByRole('button', { name: '作出评定' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await row.getByText('已评定').waitFor();
    // The page as it is now (without the toasts): the decided county with its evidence open.
    await page.reload();
    await row.getByText('已评定').waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByRole('cell', { name: '无越级集体访' }).first().waitFor();
    await settle(page);
    await saveScreenshot(page, 'console-sanwu');
    await page.context().close();
  });
});
