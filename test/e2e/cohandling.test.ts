// 会办交办 in the console, in a real Chromium at 1280×800: gl_registrar hands an accepted letter to
// 鼓楼区住建局 (lead) with 鼓楼区公安局 as co-unit and 人户分离 marked; the case page's 会办 card shows
// the lead, the coordinating bureau, 三跨三分离 and the part still to file. Screenshots for the user
// guide (登记员篇).
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers/harness.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

let caseId = 0;
const suite = browserSuite({
  setup: async (s) => {
    const { h } = s;
    await h.loginAll(['gl_registrar']);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('gl_registrar'),
      payload: {
        form: 'letter',
        purpose: 'claim',
        categoryCode: '010000',
        subject: '小区违建占道噪声扰民',
        content: '小区违建占道，夜间施工噪声扰民，涉及住建、公安多个部门，请协调解决。',
        jurisdictionCode: '320106',
        petitioner: { name: '吴丽', phone: '13812340000' },
      },
    });
    caseId = res.json().caseId;
    await h.act('gl_registrar', caseId, 'accept');
  },
});
const newPage = () => suite.newPage({ width: 1280, height: 800 });

/**
 * Picks 鼓楼区 in the one place dropdown that is open, closes it by clicking `away`, and waits until
 * it has gone: the next cascader must not find this one's items.
 */
async function pickGulou(page: Page, away: Locator): Promise<void> {
  const items = page.locator('.ant-cascader-menu-item:visible');
  for (const name of ['江苏省', '南京市', '鼓楼区']) {
    await items.filter({ hasText: new RegExp(`^${name}$`) }).click();
  }
  await away.click();
  await items.first().waitFor({ state: 'hidden' });
}

describe('会办交办 in the console', () => {
  it('hands the matter to a lead and a co-unit and shows the 会办 card', async () => {
    const page = await newPage();
    await page.goto(`${suite.server.url}/console/`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await page.getByLabel('用户名').fill('gl_registrar');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await page.goto(`${suite.server.url}/console/cases/${caseId}`);

    await page.getByRole('button', { name: '会办交办' }).click();
    const modal = page.getByRole('dialog', { name: '会办交办' });
    const title = modal.locator('.ant-modal-title');
    await modal.locator('.ant-cascader').nth(0).click();
    await pickGulou(page, title);
    await modal.getByLabel('牵头单位').click();
    await page.keyboard.type('住房');
    await page.keyboard.press('Enter');
    await modal.locator('.ant-cascader').nth(1).click();
    await pickGulou(page, title);
    await modal.getByRole('combobox', { name: '单位', exact: true }).click();
    await page.keyboard.type('公安');
    await page.keyboard.press('Enter');
    await modal.getByLabel('三跨三分离').click();
    await page.keyboard.type('人户');
    await page.keyboard.press('Enter');
    await title.click();
    await modal.getByLabel('会办要求').fill('住建局牵头，公安局会办，10日内反馈会办意见');
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-cohandling-modal', { fullPage: false });
    await modal.getByRole('button', { name: '确认会办交办' }).click();
    const failed = page.locator('.ant-message-error');
    await page
      .locator('.xf-state')
      .filter({ hasText: /^办理中$/ })
      .or(failed)
      .first()
      .waitFor();
    expect(await failed.count(), await failed.allInnerTexts().then((t) => t.join())).toBe(0);

    const card = page.locator('.ant-card').filter({ hasText: '牵头单位' });
    await card.getByText('鼓楼区住房和城乡建设局').waitFor();
    const text = await card.innerText();
    expect(text).toContain('鼓楼区公安局');
    expect(text).toContain('人户分离');
    expect(text).toContain('待反馈');
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, 'console-cohandling-case');
  });
});
