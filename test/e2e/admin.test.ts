// 系统管理 in a real Chromium: an administrator disables an account whose console is open — that
// console's next request is answered 401 and it shows the login page; an administrator resets a
// password and its owner must change it before anything else; the province administrator enters
// a year's holidays the platform does not ship (test days, not the real calendar).
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { calendarCoverage, installSuppliedDays } from '../../src/domain/deadlines/index.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

const suite = browserSuite();
const newPage = () => suite.newPage({ width: 1440, height: 900 });
afterAll(() => installSuppliedDays([]));

async function openUsers(page: Page) {
  await page.goto(`${suite.server.url}/console/admin/users`);
  await page.getByRole('heading', { name: '用户', exact: true }).waitFor();
}
const row = (page: Page, username: string) =>
  page.locator('tr.ant-table-row', { has: page.getByRole('cell', { name: username, exact: true }) });

describe('系统管理', () => {
  it('an admin disabling an account whose session then ends', async () => {
    // The auditor's console is open on the audit log.
    const auditor = await newPage();
    await suite.loginConsole(auditor, 'gl_auditor', '审计日志');

    const admin = await newPage();
    await suite.loginConsole(admin, 'gl_admin');
    await openUsers(admin);
    await row(admin, 'gl_auditor').getByRole('button', { name: '停用' }).click();
    const disabled = admin.waitForResponse((r) => r.url().endsWith('/disable') && r.status() === 200);
    await admin.locator('.ant-popconfirm').getByRole('button', { name: '停用' }).click();
    expect((await (await disabled).json()).sessionsEnded).toBe(1);
    await row(admin, 'gl_auditor').getByText('已停用').waitFor();
    await expectNoTofu(admin);
    await saveScreenshot(admin, 'console-users-disabled', { fullPage: false });

    // The auditor's next request is refused and the console falls back to the login page.
    const refused = auditor.waitForResponse((r) => r.url().includes('/api/v1/audit') && r.status() === 401);
    await auditor.getByPlaceholder('用户名或用户编号').fill('gl_admin');
    await auditor.getByRole('button', { name: /^查\s?询$/ }).click();
    await refused;
    await auditor.getByRole('heading', { name: '工作人员登录' }).waitFor();
    // And it cannot log in again.
    await auditor.getByLabel('用户名').fill('gl_auditor');
    await auditor.getByLabel('密码').fill('Demo@Test2026');
    await auditor.getByRole('button', { name: '登录', exact: true }).click();
    await auditor.getByText('用户名或密码错误').first().waitFor();
    await auditor.context().close();
    await admin.context().close();
  }, 150_000);

  it('a reset password is shown once and must be changed at the next login', async () => {
    const admin = await newPage();
    await suite.loginConsole(admin, 'gl_admin');
    await openUsers(admin);
    await row(admin, 'gl_leader').getByRole('button', { name: '重置密码' }).click();
    await admin.locator('.ant-popconfirm').getByRole('button', { name: '重置' }).click();
    const shown = admin.getByTestId('temporary-password');
    await shown.waitFor();
    const temporary = (await shown.textContent())?.trim() ?? '';
    expect(temporary).toMatch(/^[a-zA-Z2-9]{14}$/);
    await saveScreenshot(admin, 'console-users-reset', { fullPage: false });
    await admin.locator('.ant-modal-confirm-btns button').click();
    await admin.context().close();

    const leader = await newPage();
    await leader.goto(`${suite.server.url}/console/`);
    await leader.getByLabel('用户名').fill('gl_leader');
    await leader.getByLabel('密码').fill(temporary);
    await leader.getByRole('button', { name: '登录', exact: true }).click();
    await leader.getByRole('heading', { name: '修改密码' }).waitFor();
    await leader.getByLabel('临时密码').fill(temporary);
    await leader.getByLabel('新密码', { exact: true }).fill('Gulou-Leader-2027');
    await leader.getByLabel('确认新密码').fill('Gulou-Leader-2027');
    await saveScreenshot(leader, 'console-password-change', { fullPage: false });
    await leader.getByRole('button', { name: '保存新密码' }).click();
    // The console itself opens (its header has the 修改密码 button only then).
    await leader.getByRole('button', { name: '修改密码' }).waitFor();
    await expect(leader.getByText('管理员已为您重置密码').count()).resolves.toBe(0);
    await leader.context().close();
  }, 150_000);

  it('the province administrator enters a year the platform does not ship', async () => {
    const year = calendarCoverage().lastYear + 1;
    const page = await newPage();
    await suite.loginConsole(page, 'admin');
    await page.goto(`${suite.server.url}/console/admin/holidays`);
    await page.getByRole('heading', { name: '节假日', exact: true }).waitFor();
    await page
      .locator('.ant-select')
      .filter({ has: page.getByRole('combobox', { name: '年份：' }) })
      .click();
    await page.getByTitle(`${year}年`).click();
    await page.getByText(`日历中没有${year}年的放假安排`).waitFor();
    for (const [i, date] of [`${year}-01-01`, `${year}-01-02`].entries()) {
      await page.getByRole('button', { name: '添加一天' }).click();
      await page.getByLabel(`第${i + 1}天日期`).fill(date);
      await page.getByLabel(`第${i + 1}天节日`).fill('元旦');
    }
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/calendar/years/${year}`) && r.status() === 200,
    );
    await page.getByRole('button', { name: `保存${year}年放假安排` }).click();
    await saved;
    await page.getByText(`${year}年的放假安排由管理员录入。`).waitFor();
    await page.getByRole('cell', { name: `${year}-01-01 至 ${year}-01-02` }).waitFor();
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-holidays-entry');
    await page.context().close();
  }, 150_000);
});
