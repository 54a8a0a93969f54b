// 匿名来信 in the console, in a real Chromium at 1280×800: gl_registrar ticks 匿名来信 (the
// petitioner fields go), registers the letter (no query code is shown), and the case page tags it
// 匿名 and shows the petitioner as 匿名. Screenshots for the user guide (登记员篇).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers/harness.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

const suite = browserSuite();
const newPage = () => suite.newPage({ width: 1280, height: 800 });

async function check(page: Page, name: string): Promise<void> {
  await expectNoTofu(page);
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, name);
}

describe('an anonymous letter in the console', () => {
  it('is registered without petitioner fields and shown as 匿名', async () => {
    const page = await newPage();
    await page.goto(`${suite.server.url}/console/`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await page.getByLabel('用户名').fill('gl_registrar');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();

    await page.getByRole('link', { name: '登记' }).click();
    await page.getByRole('heading', { name: '登记来信' }).waitFor();
    await page.getByRole('checkbox', { name: '匿名来信' }).check();
    await page.getByLabel('姓名').waitFor({ state: 'detached' });
    await page.getByLabel('问题属地').click();
    for (const name of ['江苏省', '南京市', '鼓楼区']) {
      await page
        .locator('.ant-cascader-menu-item')
        .filter({ hasText: new RegExp(`^${name}$`) })
        .click();
    }
    await page.getByRole('heading', { name: '信访事项' }).click();
    await page.getByLabel('标题').fill('举报某工地夜间违规施工');
    await page.getByLabel('信访内容').fill('某小区旁工地长期夜间施工，噪声扰民严重，请有关部门查处。');
    await check(page, 'console-register-anonymous');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByRole('heading', { name: '登记成功' }).waitFor();
    await page.getByText('匿名信访：无信访人可告知').waitFor();
    const codes = (await page.locator('.xf-code').allInnerTexts()).map((s) => s.trim());
    expect(codes).toHaveLength(1); // the case number only: no query code
    const [caseNumber = ''] = codes;

    await page.getByRole('button', { name: '查看事项' }).click();
    await page.getByText(`信访件 ${caseNumber}`).waitFor();
    const petitioner = page
      .locator('.ant-card')
      .filter({ has: page.getByRole('heading', { name: '信访人' }) });
    expect(await petitioner.innerText()).toContain('匿名');
    await check(page, 'console-anonymous-case');
  });
});
