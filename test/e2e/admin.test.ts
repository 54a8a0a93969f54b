// 系统管理 in a real Chromium: an administrator disables an account whose console is open — that
// console's next request is answered 401 and it shows the login page; an administrator resets a
// password and its owner must change it before anything else; the province administrator enters
// a year's holidays the platform does not ship (test days, not the real calendar), and loads the
// official second and third content categories from a CSV table, and puts the built-in lexicon back
// into service in place of a trained classifier.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { train } from '../../src/classify/model.ts';
import { saveModel } from '../../src/classify/store.ts';
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

  it('the province administrator puts the built-in lexicon back into service in place of a trained model', async () => {
    const texts = ['公司拖欠工资三个月', '老板拖欠农民工工资', '学校乱收补课费', '幼儿园收费太高'];
    const labels = ['劳动和社会保障', '劳动和社会保障', '教育文体', '教育文体'];
    const { model } = train(texts, labels, { seed: 1, calibrationFolds: 0, minDf: 1 });
    await saveModel(suite.server.h.ctx.db, model, {
      trainedOn: { file: '2026年已办结事项.csv', rows: 4, labels: { 劳动和社会保障: 2, 教育文体: 2 } },
      metrics: { selectionMacroF1: [0.912] },
    });
    const page = await newPage();
    await suite.loginConsole(page, 'admin');
    await page.goto(`${suite.server.url}/console/admin/categories`);
    const card = page.locator('.ant-card', { hasText: '分类建议模型' });
    const row = (name: string) => card.locator('tr.ant-table-row', { hasText: name });
    await row('v1').getByText('在用').waitFor();
    await row('v1').getByText('2026年已办结事项.csv，4 件').waitFor();
    await row('v1').getByText('macro-F1 0.912').waitFor();
    await row('内置关键词表').getByRole('button', { name: '启用' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '启用' }).click();
    await page.getByText('已启用内置关键词表：新登记和待确认的事项按它给出分类建议').waitFor();
    await row('内置关键词表').getByText('在用').waitFor();
    expect(await row('v1').getByText('在用').count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-classifier-models', { fullPage: false });
    await page.context().close();

    // A city administrator sees the versions, but no 启用.
    const city = await newPage();
    await suite.loginConsole(city, 'nj_admin');
    await city.goto(`${suite.server.url}/console/admin/categories`);
    const cityCard = city.locator('.ant-card', { hasText: '分类建议模型' });
    await cityCard.locator('tr.ant-table-row', { hasText: 'v1' }).waitFor();
    expect(await cityCard.getByRole('button', { name: '启用' }).count()).toBe(0);
    await city.context().close();
  }, 150_000);

  it('the province administrator loads the official tree from a CSV Excel saved in GBK', async () => {
    const page = await newPage();
    await suite.loginConsole(page, 'admin');
    await page.goto(`${suite.server.url}/console/admin/categories`);
    await page.getByRole('heading', { name: '二、三级分类' }).waitFor();
    await page.getByText('尚无二、三级分类').waitFor();
    await page.getByRole('button', { name: '导入分类体系' }).click();
    const dialog = page.getByRole('dialog', { name: '导入分类体系' });
    const choose = dialog.locator('input[type=file]');

    // A UTF-8 file with a line the platform cannot take: the line is named, nothing can be loaded.
    await choose.setInputFiles({
      name: '分类体系.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('一级分类,二级分类,三级分类\n城乡建设,住房保障,公租房分配\n未知类别,某某,\n'),
    });
    await dialog.getByText('第 3 行：一级分类“未知类别”不在平台的内容分类中').waitFor();
    expect(await dialog.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);

    // The corrected file as Excel on Chinese Windows saves it (GBK, CRLF): 一级分类,二级分类,三级分类 /
    // 城乡建设,住房保障,公租房分配 / 城乡建设,住房保障,棚户区改造 / 城乡建设,物业管理,物业收费 / 教育文体,招生入学,
    const gbk = Buffer.from(
      'd2bbbcb6b7d6c0e02cb6febcb6b7d6c0e02cc8fdbcb6b7d6c0e00d0ab3c7cfe7bda8c9e82cd7a1b7bfb1a3d5cf2cb9abd7e2b7bfb7d6c5e40d0ab3c7cfe7bda8c9e82cd7a1b7bfb1a3d5cf2cc5efbba7c7f8b8c4d4ec0d0ab3c7cfe7bda8c9e82cceefd2b5b9dcc0ed2cceefd2b5cad5b7d10d0abdccd3fdcec4cce52cd5d0c9fac8ebd1a72c0d0a',
      'hex',
    );
    await choose.setInputFiles({ name: '分类体系（GBK）.csv', mimeType: 'text/csv', buffer: gbk });
    await dialog.getByText('将新增二级分类 3 个、三级分类 3 个；已有且未变的 0 个').waitFor();
    await dialog.getByRole('cell', { name: '棚户区改造' }).waitFor();
    await expectNoTofu(page, '.ant-modal');
    await saveScreenshot(page, 'console-category-import', { fullPage: false });
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('已导入：新增 6 个，词典版本 1').waitFor();

    // The tree: 城乡建设 → 住房保障 → its two third levels, with their codes.
    await page.getByText('词典版本 1：二级分类 3 个，三级分类 3 个').waitFor();
    // In the dictionary's card: the routing table above lists the categories (and their 细分类) too.
    const tree = page.locator('.ant-card', { has: page.getByRole('heading', { name: '二、三级分类' }) });
    const row = (name: string) =>
      tree.locator('tr.ant-table-row', { has: page.getByText(name, { exact: true }) });
    await row('城乡建设').getByRole('button', { name: /展开/ }).click();
    await row('住房保障').getByRole('button', { name: /展开/ }).click();
    await row('棚户区改造').getByRole('cell', { name: '010102' }).waitFor();
    await row('公租房分配').getByRole('button', { name: '更名' }).click();
    const rename = page.getByRole('dialog', { name: '更名“公租房分配”' });
    await rename.getByLabel('分类名称').fill('公共租赁住房分配');
    await rename.getByRole('button', { name: '保存' }).click();
    await row('公共租赁住房分配').getByRole('cell', { name: 'v2' }).waitFor();
    await saveScreenshot(page, 'console-category-dictionary', { fullPage: false });

    // A later edition names only 住房保障 / 公共租赁住房分配: the other four are kept unless retired.
    await page.getByRole('button', { name: '导入分类体系' }).click();
    await dialog.locator('input[type=file]').setInputFiles({
      name: '新版分类体系.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('一级分类,二级分类,三级分类\n城乡建设,住房保障,公共租赁住房分配\n'),
    });
    await dialog.getByText('词典中已有表中全部 2 个分类，无需新增').waitFor();
    expect(await dialog.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await dialog.getByText('同时停用词典中在用、表中没有的 4 个分类').click();
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('已导入：新增 0 个，停用 4 个，词典版本 3').waitFor();
    await page.getByText('词典版本 3：二级分类 1 个，三级分类 1 个，已停用 4 个').waitFor();
    await page.context().close();

    // A city administrator reads the tree but is not offered the import.
    const city = await newPage();
    await suite.loginConsole(city, 'nj_admin');
    await city.goto(`${suite.server.url}/console/admin/categories`);
    await city.getByText('词典版本 3：二级分类 1 个，三级分类 1 个，已停用 4 个').waitFor();
    expect(await city.getByRole('button', { name: '导入分类体系' }).count()).toBe(0);
    await city.context().close();
  }, 150_000);
});
