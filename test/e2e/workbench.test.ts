// 工作台 in a real Chromium (1280 × 800): gl_handler of 鼓楼区住建局 lands on their own queue (办理中,
// first and active, from the server's queue table) with the unit's matters; 我的 is empty until they
// claim one from the list; on the matter's page they hand it to a colleague (王敏), whom the panel
// then names, and the timeline names who did it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectNoTofu, saveScreenshot, tick } from './browser.ts';

const cases: { caseId: number; caseNumber: string }[] = [];

const suite = browserSuite({
  setup: async (s) => {
    const h = s.h;
    await h.loginAll(['13900000001', 'gl_registrar', 'gl_admin']);
    const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
    const zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
    const colleague = await h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: h.as('gl_admin'),
      payload: {
        username: 'gl_handler_wang',
        password: 'Workbench@2026x',
        role: 'handler',
        unitId: zhujian,
        displayName: '王敏',
      },
    });
    expect(colleague.statusCode, colleague.body).toBe(201);
    for (const subject of ['小区电梯停运两个月', '楼顶漏水物业不修']) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: h.as('13900000001'),
        payload: {
          form: 'online',
          purpose: 'claim',
          jurisdictionCode: '320106',
          subject,
          content: `${subject}，多次反映未果，请求协调解决。`,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json();
      await h.act('gl_registrar', c.caseId, 'accept');
      await h.act('gl_registrar', c.caseId, 'assign', { targetUnitId: zhujian });
      cases.push({ caseId: c.caseId, caseNumber: c.caseNumber });
    }
  },
});

const rowOf = (page: Page, caseNumber: string) =>
  page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: caseNumber });

describe('工作台 (console)', () => {
  it('a handler lands on their own queue, claims a matter and hands it to a colleague', async () => {
    const [first, second] = cases;
    if (!first || !second) throw new Error('set-up made no cases');
    const page = await suite.newPage({ width: 1280, height: 800 });
    await suite.loginConsole(page, 'gl_handler');

    // Landing: 办理中 is the first tab and the active one, with its count; both matters listed.
    await page
      .locator('.ant-tabs-tab-active')
      .filter({ hasText: /办理中\s*2/ })
      .waitFor();
    expect(await page.locator('.ant-tabs-tab').first().innerText()).toContain('办理中');
    await rowOf(page, first.caseNumber).waitFor();
    await rowOf(page, second.caseNumber).waitFor();

    // 我的: nothing claimed yet.
    await page.getByText('我的（已认领）').click();
    await page.waitForURL(/scope=mine/);
    await page.getByText('暂无待办事项').waitFor();
    await page.getByText('本单位', { exact: true }).click();
    await rowOf(page, first.caseNumber).waitFor();

    // Claim the first from the list.
    await tick(rowOf(page, first.caseNumber).getByRole('checkbox'));
    await page.getByRole('button', { name: '认领所选' }).click();
    await page.getByText('已认领 1 件').waitFor();
    await page.getByText('我的（已认领）').click();
    await rowOf(page, first.caseNumber).waitFor();
    await page
      .locator('.ant-tabs-tab-active')
      .filter({ hasText: /办理中\s*1/ })
      .waitFor();
    expect(await rowOf(page, second.caseNumber).count()).toBe(0);
    await expectNoTofu(page);
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, 'console-workbench-mine', { fullPage: false });

    // On the matter's page: the panel names the handler; hand it to 王敏.
    await rowOf(page, first.caseNumber).getByRole('link', { name: first.caseNumber }).click();
    await page.waitForURL(new RegExp(`/console/cases/${first.caseId}$`));
    const panel = page.getByLabel('本单位办理人');
    await panel.getByText('鼓楼区住房和城乡建设局承办人').waitFor();
    await panel.getByRole('button', { name: '移交同事' }).click();
    const dialog = page.getByRole('dialog', { name: '移交同事' });
    await dialog.getByLabel('同事').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '王敏' }).click();
    await dialog.getByLabel('移交说明').fill('王敏熟悉该小区情况');
    await dialog.getByRole('button', { name: '确认移交' }).click();
    await panel.getByText(/^王敏（/).waitFor();
    expect(await panel.getByRole('button', { name: '认领' }).count()).toBe(1);
    const timeline = page.locator('.xf-timeline');
    await timeline.getByText('移交同事').waitFor();
    const text = await timeline.innerText();
    expect(text).toContain('认领');
    expect(text).toContain('王敏熟悉该小区情况');
    expect(text).toContain('鼓楼区住房和城乡建设局承办人'); // who acted, by name
    expect(text).toContain('鼓楼区信访局登记员'); // who assigned it
    await expectNoTofu(page);
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, 'console-workbench-handover');
    await page.context().close();
  });
});
