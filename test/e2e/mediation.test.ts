// 访调对接 and 专家库 in a real Chromium against the seeded platform (demo referrals, experts):
// nj_supervisor opens the referrals, the agreed one with its 调解协议书, records a session on the one
// still mediating, reads the counts by body and the expert library; gl_supervisor, on a matter 鼓楼区
// 住建局 is handling, assigns that bureau's engineer (refused: 回避), then a lawyer, and records the
// lawyer's opinion, which the case page shows.
import { readFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { units } from '../../src/db/schema.ts';
import { seedMediation } from '../../src/seed/mediation.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

const suite = browserSuite({
  server: { cases: { count: 2000, seed: 11 } },
  setup: async (s) => {
    await seedMediation(s.h.ctx);
  },
});
const newPage = () => suite.newPage();
const login = (page: Page, username: string) => suite.loginConsole(page, username);

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('访调对接 and 专家库 (console)', () => {
  it('referrals, the 调解协议书, a session recorded, counts by body and the expert library', async () => {
    const page = await newPage();
    await login(page, 'nj_supervisor');
    await page.getByRole('link', { name: '访调对接' }).click();
    await page.getByRole('heading', { name: '访调对接', exact: true }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: '达成协议' }).first().waitFor();
    await expectNoTofu(page);
    await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
    await saveScreenshot(page, 'console-mediation-list');

    // The agreed referral and its agreement.
    await rows.filter({ hasText: '达成协议' }).first().getByRole('link').click();
    await page.waitForURL(/\/console\/mediation\/referrals\/\d+$/);
    await page.getByText('调解协议书').first().waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载调解协议书' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^调解协议书〔\d{4}〕调协字第\d+号\.docx$/);
    const zip = await JSZip.loadAsync(await readFile(await file.path()));
    const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    expect(text).toContain('相对方于十五日内完成维修并承担相关费用');
    await saveScreenshot(page, 'console-mediation-referral');

    // The one still mediating: record a session.
    await page.getByRole('link', { name: '访调对接' }).click();
    await rows.filter({ hasText: '调解中' }).first().getByRole('link').click();
    await page.getByRole('button', { name: '记录调解' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('调解日期').fill(today());
    await dialog.getByLabel('调解地点').fill('社区调解室');
    await dialog.getByLabel('参加人员（每行一人：姓名，身份）').fill('王建国，调解员\n刘某某，相对方代表');
    await dialog.getByLabel('调解情况').fill('双方就维修方案达成初步一致，约定下周再次调解。');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('双方就维修方案达成初步一致，约定下周再次调解。').first().waitFor();
    await page.getByText('社区调解室').first().waitFor();

    // Counts by body.
    await page.getByRole('link', { name: '访调对接' }).click();
    await page.getByRole('tab', { name: '调解统计' }).click();
    await page.getByLabel('开始日期').fill('2020-01-01');
    await page.getByText('调解成功率').first().waitFor();
    await page
      .getByRole('cell', { name: '南京市人民调解委员会' })
      .or(page.getByRole('cell', { name: '鼓楼区人民调解委员会' }))
      .first()
      .waitFor();
    await saveScreenshot(page, 'console-mediation-counts');

    // The expert library with load; an expert's opinions.
    await page.getByRole('link', { name: '专家库' }).click();
    await page.getByRole('heading', { name: '专家库', exact: true }).waitFor();
    await page.getByRole('cell', { name: '江苏金陵律师事务所' }).waitFor();
    await saveScreenshot(page, 'console-experts');
    await page.getByRole('button', { name: '陈静' }).click();
    await page.getByText('已出具意见 1 件').waitFor();
    await page.waitForTimeout(500); // the drawer slides in: let the screenshot show it settled
    await saveScreenshot(page, 'console-experts-opinions');
    await page.context().close();
  });

  it('an expert of the handling unit is refused (回避); another is assigned and gives an opinion', async () => {
    // A matter 鼓楼区住建局 is handling, registered and assigned for this test.
    const h = suite.server.h;
    await h.loginAll(['13900000001', 'gl_registrar']);
    const [zhujian] = await h.ctx.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.jurisdictionCode, '320106'), eq(units.deptKey, 'zhujian')));
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('13900000001'),
      payload: {
        form: 'online',
        purpose: 'claim',
        subject: '新建住宅楼墙体开裂',
        content: '交房不到一年，住宅楼墙体多处开裂，要求开发商维修。',
        jurisdictionCode: '320106',
      },
    });
    const c = { id: res.json().caseId as number };
    await h.act('gl_registrar', c.id, 'accept');
    await h.act('gl_registrar', c.id, 'assign', { targetUnitId: zhujian?.id });
    const page = await newPage();
    await login(page, 'gl_supervisor');
    await page.goto(`${suite.server.url}/console/cases/${c?.id}`);
    const panel = page.locator('.ant-card').filter({ hasText: '专家意见' }).first();
    await panel.getByRole('button', { name: '指派专家' }).waitFor();

    const assign = async (name: string) => {
      await panel.getByRole('button', { name: '指派专家' }).click();
      const dialog = page.getByRole('dialog');
      const box = dialog.getByRole('combobox', { name: '专家' });
      await box.click();
      await box.fill(name);
      await page.locator('.ant-select-item-option-active').filter({ hasText: name }).waitFor();
      await box.press('Enter');
      await dialog.locator('.ant-select-selection-item').filter({ hasText: name }).waitFor();
      await dialog.getByLabel('咨询事项').fill('房屋质量问题的责任如何认定？');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      return dialog;
    };
    const refused = await assign('钱国栋');
    await page.locator('.ant-message-notice').filter({ hasText: '应当回避，不予指派' }).waitFor();
    await page.waitForTimeout(500); // the notice fades in: let the screenshot show it
    await saveScreenshot(page, 'console-experts-conflict', { fullPage: false });
    await refused.getByRole('button', { name: /取\s*消/ }).click();

    await assign('陈静');
    await panel.getByText('待出具意见').waitFor();
    await panel.getByRole('button', { name: '录入专家意见' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('意见日期').fill(today());
    await dialog.getByLabel('专家意见').fill('属于保修期内的质量问题，建设单位应承担维修责任。');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await panel.getByText('已出具意见').waitFor();
    await panel.getByText(/建设单位应承担维修责任/).waitFor();
    await panel.screenshot({ path: 'artifacts/screenshots/console-experts-case.png' });
    // The steps are on the case's timeline (internal).
    await page.reload();
    await page.getByText('专家指派', { exact: true }).first().waitFor();
    await page.getByText('属于保修期内的质量问题，建设单位应承担维修责任。').last().waitFor();
    await saveScreenshot(page, 'console-mediation-case-page');
    await page.context().close();
  });
});
