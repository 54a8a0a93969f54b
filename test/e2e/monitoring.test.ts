// 日监测 and 周调度 in a real Chromium against the seeded platform: gl_supervisor opens 日监测 —
// cards per source, the overdue case in its table — and its action link opens the case; then opens
// 周调度 (the week's figures, topics, last week's decisions), records this week's meeting with a
// decision for the 住建局 handler, who finds it in 我的待办 and completes it.
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { backlogMatters, cases } from '../../src/db/schema.ts';
import { runMonitoringDigests } from '../../src/monitoring/daily.ts';
import { seedBacklog } from '../../src/seed/backlog.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { seedDispatch } from '../../src/seed/dispatch.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

let overdue = { id: 0, caseNumber: '' };
let stalledCase = '';

const suite = browserSuite({
  setupTimeoutMs: 300_000,
  setup: async (s) => {
    const { ctx } = s.h;
    await seedCases(ctx.db, ctx.pii, { count: 1500, seed: 11 });
    await seedBacklog(ctx, { seed: 11 });
    await seedDispatch(ctx);
    // A new case of 鼓楼区, accepted, then a week past its due date (the oldest due first in the table).
    const { h } = s;
    await h.loginAll(['13900000001', 'gl_registrar']);
    // The demo citizen's online petition to 鼓楼区.
    const register = async (subject: string, content: string) => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: h.as('13900000001'),
        payload: { form: 'online', purpose: 'claim', subject, content, jurisdictionCode: '320106' },
      });
      if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
      return { id: res.json().caseId as number, caseNumber: res.json().caseNumber as string };
    };
    const c = await register(
      '小区雨污管网改造后路面长期未恢复',
      '小区雨污管网改造后路面长期未恢复，多次反映未果，请求有关部门协调解决。',
    );
    await h.act('gl_registrar', c.id, 'accept');
    overdue = c;
    await ctx.db
      .update(cases)
      .set({ dueAt: new Date(Date.now() - 7 * 86_400_000) })
      .where(eq(cases.id, c.id));
    // A 鼓楼区 积案 worked for 40 days without progress (积案久无进展): made here, not left to the
    // demo seed, whose matters fall where its random cases do.
    const m = await register(
      '征地补偿款多年未兑现',
      '村里征地补偿款多年未兑现，多次反映未果，请求有关部门依法处理。',
    );
    stalledCase = m.caseNumber;
    await ctx.db.insert(backlogMatters).values({
      caseId: m.id,
      jurisdictionCode: '320106',
      status: 'identified',
      source: 'manual',
      identifiedAt: new Date(Date.now() - 40 * 86_400_000),
      createdAt: new Date(Date.now() - 45 * 86_400_000),
    });
    await runMonitoringDigests(ctx);
  },
});
const newPage = () => suite.newPage();
const login = (page: Page, username: string) => suite.loginConsole(page, username);

describe('日监测 and 周调度 (console)', () => {
  it('日监测 shows the sources with counts and the overdue case; its action link opens the case', async () => {
    const page = await newPage();
    await login(page, 'gl_supervisor');
    await page.getByRole('link', { name: '日监测' }).click();
    await page.getByText('日监测 · 鼓楼区').first().waitFor();
    for (const title of ['办理超期', '即将到期', '重大紧急预警未签收', '积案久无进展', '新增积案候选'])
      expect(await page.getByText(title).count()).toBeGreaterThan(0);
    const table = page.locator('#source-case_overdue');
    const row = table.locator('tr', { hasText: overdue.caseNumber });
    await row.waitFor();
    await page.getByText('日监测晨报（').first().waitFor();
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-monitoring');
    await row.getByRole('link', { name: '打开信访件' }).click();
    await page.waitForURL(`**/console/cases/${overdue.id}`);
    await page.getByText(overdue.caseNumber).first().waitFor();
    await page.context().close();
  });

  it('周调度: the agenda, recording a meeting with a decision → it is in the owner’s 我的待办', async () => {
    const page = await newPage();
    await login(page, 'gl_supervisor');
    await page.getByRole('link', { name: '周调度' }).click();
    await page.getByText('周调度 · 鼓楼区').first().waitFor();
    await page.getByText('本周数据').waitFor();
    await page.getByText(/上次调度会（.*）决定事项落实情况/).waitFor();
    // Last week's decisions: one done, one open, one overdue (the demo meeting).
    for (const s of ['已完成', '办理中', '已逾期'])
      expect(await page.getByText(s, { exact: true }).count()).toBeGreaterThan(0);
    await page.getByText(overdue.caseNumber).first().waitFor(); // a topic from 日监测

    await page.getByLabel('参会人员').fill('王局长、李科长');
    await page.getByLabel('会议记录').fill('研究超期件办理，明确责任人。');
    await page.getByLabel('决定事项1').fill('三日内书面答复超期件');
    await page.getByRole('combobox', { name: /负责人$/ }).click();
    await page.keyboard.type('住房和城乡建设局承办人');
    await page
      .locator('.ant-select-item-option', { hasText: '鼓楼区住房和城乡建设局承办人' })
      .first()
      .click();
    const due = new Date(Date.now() + (8 + 3 * 24) * 3_600_000).toISOString().slice(0, 10);
    await page.getByLabel('完成期限').fill(due);
    await page.getByRole('combobox', { name: /关联信访件/ }).click();
    await page.locator('.ant-select-item-option', { hasText: overdue.caseNumber }).first().click();
    await page.evaluate('window.scrollTo(0, 0)'); // a full-page shot of a scrolled page repeats the header
    await saveScreenshot(page, 'console-dispatch-record');
    await page.getByRole('button', { name: '保存调度会' }).click();
    await page.getByText('调度会已记录，决定事项已送达负责人').waitFor();
    await page.getByText(/本周调度会已记录/).waitFor();
    await expectNoTofu(page);
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, 'console-dispatch');
    await page.context().close();

    const owner = await newPage();
    await login(owner, 'gl_handler');
    await owner.getByRole('link', { name: '我的待办' }).click();
    const row = owner.locator('tr', { hasText: '三日内书面答复超期件' });
    await row.waitFor();
    expect(await row.getByText('办理中').count()).toBe(1);
    expect(await row.getByText(overdue.caseNumber).count()).toBe(1);
    await saveScreenshot(owner, 'console-my-tasks');
    await row.getByRole('button', { name: '办结' }).click();
    await owner.getByLabel('办结说明').fill('已书面答复信访人');
    await owner.getByRole('button', { name: /确\s*定/ }).click();
    await owner.getByText('已办结').waitFor();
    await row.getByText('已完成').waitFor();
    await owner.context().close();
  });

  it('an administrator sets 积案久无进展 to 180 days for 鼓楼区: the stalled matter leaves the list', async () => {
    const page = await newPage();
    await login(page, 'gl_admin');
    await page.getByRole('link', { name: '日监测' }).click();
    const stalled = page.locator('#source-backlog_stalled');
    const row = stalled.locator('tr', { hasText: stalledCase });
    await row.waitFor();
    expect(await row.getByText('40').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '阈值设置' }).click();
    const days = page.getByLabel('积案久无进展：无进展天数（天）');
    await days.fill('180');
    await saveScreenshot(page, 'console-monitoring-thresholds', { fullPage: false });
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('阈值已保存').waitFor();
    await row.waitFor({ state: 'detached' });
    await page.context().close();
  });
});
