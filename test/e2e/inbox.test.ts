// 站内消息 in a real Chromium: the registrar assigns a matter to 鼓楼区住建局; gl_handler sees the
// bell's badge, opens 我的消息, opens the matter from the item (which is then read), and inserts a
// 常用语 into the 办理进展 form, filled for the matter.
import { describe, expect, it } from 'vitest';
import { seedInbox } from '../../src/seed/inbox.ts';
import { browserSuite, saveScreenshot } from './browser.ts';

const suite = browserSuite({ setup: async (s) => void (await seedInbox(s.h.ctx)) });

describe('站内消息 (console)', () => {
  it('a handler sees the new-assignment badge and opens the matter from the inbox', async () => {
    const page = await suite.newPage();
    await suite.loginConsole(page, 'gl_handler');
    const badge = page.locator('.xf-inbox-badge .ant-badge-count');
    await badge.waitFor();
    expect(Number(await badge.getAttribute('title'))).toBe(4);
    await saveScreenshot(page, 'console-inbox-badge', { fullPage: false });
    await page.getByRole('button', { name: /我的消息/ }).click();
    await page.getByRole('heading', { name: '我的消息', exact: true }).waitFor();
    const item = page.locator('.xf-inbox-unread').filter({ hasText: '新交办' }).first();
    await item.waitFor();
    await saveScreenshot(page, 'console-inbox');
    await item.getByRole('button', { name: '查看事项' }).click();
    await page.waitForURL(/\/console\/cases\/\d+$/);
    await page.getByText('办理过程').first().waitFor();
    await page.waitForFunction(
      () => document.querySelector('.xf-inbox-badge .ant-badge-count')?.getAttribute('title') === '3',
    );
    await page.context().close();
  });
});
