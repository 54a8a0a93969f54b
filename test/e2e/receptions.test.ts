// 领导接访 and 权益保障卡 in a real Chromium against the seeded platform (demo calendar and cards): the
// citizen books the coming 视频接访 on the portal (phone size); the county registrar sees the calendar,
// a held reception's record and the indicators, and issues a card for a first visit; the province
// registrar checks the card at a later visit (越级) and downloads the guidance notice; the citizen
// has the digital card with its QR code, and the QR's page shows the public its handling.
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedCases } from '../../src/seed/cases.ts';
import { seedReceptions } from '../../src/seed/receptions.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

let caseNumber = '';
let caseId = 0;
let cardNo = '';
let qrPath = '';
const suite = browserSuite({
  setup: async (s) => {
    await seedCases(s.h.ctx.db, s.h.ctx.pii, { count: 800, seed: 11 });
    await seedReceptions(s.h.ctx);
    // The citizen's first visit to 鼓楼区信访局, registered at the counter.
    await s.h.loginAll(['gl_registrar']);
    const res = await s.h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: s.h.as('gl_registrar'),
      payload: {
        form: 'visit',
        subject: '房屋征收补偿款未足额支付',
        content: '来访人反映其房屋被征收后补偿款未足额支付，多次协商无果，请求依法处理。',
        jurisdictionCode: '320106',
        petitioner: { name: '张三', phone: '13900000001' },
      },
    });
    caseNumber = res.json().caseNumber;
    caseId = res.json().caseId;
  },
});
const MOBILE: BrowserContextOptions = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, acceptDownloads: true };

async function newPage(options: BrowserContextOptions): Promise<Page> {
  const context = await suite.browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options,
  });
  context.setDefaultTimeout(30_000);
  return context.newPage();
}

const staffLogin = (page: Page, username: string) => suite.loginConsole(page, username);

async function citizenLogin(page: Page): Promise<void> {
  await page.goto(`${suite.server.url}/portal/login`);
  await page.getByRole('button', { name: '填入演示账号' }).click();
  await page
    .getByRole('tabpanel', { name: '密码登录' })
    .getByRole('button', { name: '登录', exact: true })
    .click();
  await page.waitForURL(/\/portal\/(cases|profile)/);
}

/** Nothing wider than the phone, the CJK glyphs drawn, from the top. */
async function phoneShot(page: Page, name: string): Promise<void> {
  await expectNoTofu(page);
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, name);
}

describe('领导接访', () => {
  it('the citizen books the coming 视频接访 on the portal and sees the booking', async () => {
    const page = await newPage(MOBILE);
    await citizenLogin(page);
    await page.getByRole('link', { name: '领导接访' }).click();
    await page.getByRole('heading', { name: '领导接访日程' }).waitFor();
    await page.getByText('约访由工作人员联系预约').waitFor();
    await phoneShot(page, 'portal-receptions');
    const video = page.locator('.ant-list-item').filter({ hasText: '视频接访' }).first();
    await video.getByRole('button', { name: /^预约/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('或简要描述新的事项').fill('企业拖欠工资三个月，申请视频反映');
    await saveScreenshot(page, 'portal-reception-book', { fullPage: false });
    await dialog.getByRole('button', { name: '确认预约' }).click();
    await page.getByText(/预约成功，预约号R\d+/).waitFor();
    await page.getByRole('heading', { name: '我的预约' }).waitFor();
    await page.getByText('已预约', { exact: true }).first().waitFor();
    // The calendar no longer offers the booked reception.
    const calendar = page.locator('.xf-card').filter({ hasText: '领导接访日程' });
    const booked = calendar.locator('.ant-list-item').filter({ hasText: '视频接访' }).first();
    await booked.getByText('已预约', { exact: true }).waitFor();
    expect(await booked.getByRole('button', { name: /^预约/ }).count()).toBe(0);
    await phoneShot(page, 'portal-reception-booked');
    await page.context().close();
  });

  it('the county registrar sees the calendar, a held reception’s record and the indicators', async () => {
    const page = await newPage(DESKTOP);
    await staffLogin(page, 'gl_registrar');
    await page.getByRole('link', { name: '领导接访' }).click();
    await page.getByRole('heading', { name: '领导接访', exact: true }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: '视频接访' }).first().waitFor();
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-receptions');
    await rows.filter({ hasText: '已接访' }).first().getByRole('link').click();
    await page.waitForURL(/\/console\/receptions\/\d+$/);
    await page.getByRole('heading', { name: '接访记录' }).waitFor();
    await page.getByText('领导处理意见').waitFor();
    await page.getByText('当场解决', { exact: true }).first().waitFor();
    await saveScreenshot(page, 'console-reception-record');
    await page.getByRole('link', { name: '领导接访' }).click();
    await page.getByRole('tab', { name: '接访统计' }).click();
    await page.getByText('按领导').waitFor();
    await page.locator('.ant-statistic').filter({ hasText: '接待批次' }).getByText('10').waitFor();
    await saveScreenshot(page, 'console-reception-indicators');
    await page.context().close();
  });
});

describe('权益保障卡', () => {
  it('the county registrar issues a card for the first visit; the card page shows it', async () => {
    const page = await newPage(DESKTOP);
    await staffLogin(page, 'gl_registrar');
    await page.getByRole('link', { name: '权益保障卡' }).click();
    await page.getByRole('tab', { name: '发卡', exact: true }).click();
    await page.getByLabel('信访件编号').fill(caseNumber);
    await page.getByRole('button', { name: '发卡', exact: true }).click();
    await page.waitForURL(/\/console\/cards\/QB320106-/);
    cardNo = decodeURIComponent(page.url().split('/cards/')[1] ?? '');
    await page.getByRole('heading', { name: '办理情况记载' }).waitFor();
    await page.getByText('张三').waitFor();
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-card');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '打印卡片（PDF）' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`权益保障卡${cardNo}.pdf`);
    expect((await readFile(await file.path())).subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });

  it('the province registrar checks the card at a later visit: 越级, with the guidance notice', async () => {
    const page = await newPage(DESKTOP);
    await staffLogin(page, 'js_registrar');
    await page.getByRole('link', { name: '权益保障卡' }).click();
    await page.getByLabel('权益保障卡号').fill(cardNo);
    await page.getByRole('button', { name: '核验' }).click();
    await page.getByRole('alert').getByText('越级走访', { exact: true }).waitFor();
    await page.getByText(/该事项由鼓楼区信访局（县级）办理/).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '出具引导告知书' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^逐级走访引导告知书〔\d{4}〕引字第\d+号\.docx$/);
    const zip = await JSZip.loadAsync(await readFile(await file.path()));
    const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    expect(text).toContain('属于越级走访');
    expect(text).toContain('请你持本告知书和权益保障卡到鼓楼区信访局反映诉求');
    // The counter's record of checks has it, the notice issued.
    const checked = page.getByRole('row').filter({ hasText: cardNo });
    await checked.getByText('越级走访').waitFor();
    await checked.getByRole('button', { name: '再次下载' }).waitFor();
    await saveScreenshot(page, 'console-card-check');

    // The same check beside the card field of the visit registration form.
    await page.getByRole('link', { name: '登记' }).click();
    await page.getByRole('heading', { name: '登记来信' }).waitFor();
    await page.getByText('来访', { exact: true }).click();
    await page.getByRole('heading', { name: '登记来访' }).waitFor();
    await page.getByLabel('权益保障卡号').fill(cardNo);
    await page.getByRole('button', { name: '核验权益保障卡' }).click();
    await page.getByText('越级走访（持卡人：张三）').waitFor();
    await saveScreenshot(page, 'console-register-card-check', { fullPage: false });
    await page.context().close();
  });

  it('the citizen has the digital card with its QR code; the QR page shows the public the handling', async () => {
    // The bureau accepts the matter: 受理 is written on the card.
    await suite.server.h.act('gl_registrar', caseId, 'accept');
    const page = await newPage(MOBILE);
    await citizenLogin(page);
    await page.getByRole('link', { name: '权益卡' }).click();
    await page.getByRole('heading', { name: '依法逐级走访权益保障卡' }).waitFor();
    await page.getByText(cardNo).waitFor();
    await page.getByRole('img', { name: '权益保障卡二维码' }).waitFor();
    await phoneShot(page, 'portal-card');
    const my = await page.evaluate<{ items: { qrUrl: string }[] }>(
      "fetch('/api/v1/my/cards').then((r) => r.json())",
    );
    const url = new URL(my.items[0]?.qrUrl ?? '');
    qrPath = `${url.pathname}${url.search}`;
    await page.context().close();

    const anon = await newPage(MOBILE);
    await anon.goto(`${suite.server.url}${qrPath}`);
    await anon.getByRole('heading', { name: '依法逐级走访权益保障卡' }).waitFor();
    await anon.getByText(cardNo).waitFor();
    await anon.getByText(/受理 \d{4}-\d{2}-\d{2} 鼓楼区信访局（县级）/).waitFor();
    expect(await anon.getByText('张三').count()).toBe(0);
    await phoneShot(anon, 'portal-card-scan');
    await anon.context().close();
  });
});
