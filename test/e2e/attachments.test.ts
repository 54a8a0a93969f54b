// Attachments in Chromium: a citizen on a phone (375px viewport) attaching two photos to a petition
// — chosen from the picker (accept="image/*", several at once), shown as thumbnails, sent with the
// petition — and staff seeing them as thumbnails on the case page, the full photo on a click.

import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { idNumberCheckDigit } from '../../src/domain/validation/index.ts';
import { bearer } from '../helpers/harness.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

const CITIZEN = '13900000001';
const suite = browserSuite({
  setup: async (server) => {
    // The real-name details, given once (the portal asks before the first petition; portal.test.ts covers it).
    const token = await server.h.login(CITIZEN);
    const first17 = '32010619900307123';
    const res = await server.h.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: bearer(token),
      payload: { name: '张三', idNumber: first17 + idNumberCheckDigit(first17) },
    });
    if (res.statusCode !== 200) throw new Error(`profile: ${res.statusCode} ${res.body}`);
  },
});

/** A phone photo: a gradient with a mark, so the thumbnails look like pictures. */
const photo = (w: number, h: number, from: string, to: string) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="g">` +
        `<stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
        `<rect width="100%" height="100%" fill="url(#g)"/><circle cx="${w / 2}" cy="${h / 2}" r="${h / 5}" fill="#fff8"/></svg>`,
    ),
  )
    .jpeg({ quality: 80 })
    .toBuffer();

describe('a citizen on a phone (375px viewport) attaching two photos to a petition', () => {
  let page: Page;
  let caseId = 0;

  it('picks two photos, sees them as thumbnails, and submits them with the petition', async () => {
    page = await suite.newPage({ width: 375, height: 667 });
    await page.goto(`${suite.server.url}/portal/login`);
    await page.getByRole('button', { name: '填入演示账号' }).click();
    const pane = page.getByRole('tabpanel', { name: '密码登录' });
    await pane.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(`${suite.server.url}/portal/submit`);
    await page.getByRole('heading', { name: '我要信访' }).waitFor();

    await page.getByLabel('问题发生地').click();
    for (const name of ['江苏省', '南京市', '鼓楼区'])
      await page
        .locator('.ant-cascader-menu-item')
        .filter({ hasText: new RegExp(`^${name}$`) })
        .click();
    await page.keyboard.press('Escape');
    await page.getByLabel('标题').fill('路口井盖缺失存在安全隐患');
    await page
      .getByLabel('信访内容')
      .fill('鼓楼区某路口井盖缺失已一周，夜间行人易跌落，附现场照片两张，请尽快修复。');

    const picker = page.locator('input[type=file][accept="image/*"]');
    expect(await picker.getAttribute('multiple')).not.toBeNull();
    await picker.setInputFiles([
      { name: '井盖1.jpg', mimeType: 'image/jpeg', buffer: await photo(1200, 900, '#3a6ea5', '#c0d6df') },
      { name: '井盖2.jpg', mimeType: 'image/jpeg', buffer: await photo(900, 1200, '#7a5c3a', '#e8d5b7') },
    ]);
    const thumbs = page.locator('.ant-upload-list-item-container img');
    await expect.poll(() => thumbs.count()).toBe(2);
    await page.getByLabel('我已阅读信访须知，所反映情况属实').check();
    await expectNoTofu(page);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.locator('.ant-upload-list').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'attachments-portal-photos', { fullPage: false });

    const sent = page.waitForResponse((r) => /\/api\/v1\/cases\/\d+\/attachments$/.test(r.url()));
    await page.getByRole('button', { name: '提交', exact: true }).click();
    const res = await sent;
    expect(res.status()).toBe(201);
    caseId = Number(/cases\/(\d+)\//.exec(res.url())?.[1]);
    await page.getByRole('heading', { name: '信访事项已提交' }).waitFor();
    await page.getByText('已上传 2 张照片').waitFor();
  });

  it('the registrar sees both on the case page as thumbnails, and the photo full size on a click', async () => {
    const staff = await suite.newPage();
    await suite.loginConsole(staff, 'gl_registrar');
    await staff.goto(`${suite.server.url}/console/cases/${caseId}`);
    const panel = staff.getByTestId('case-attachments');
    await panel.getByText('附件（2）').waitFor();
    const imgs = panel.locator('img');
    await expect.poll(() => imgs.count()).toBe(2);
    // Both thumbnails loaded (decoded by the browser), at most 240px on their longer side.
    await expect
      .poll(() => imgs.evaluateAll((els) => els.map((e) => (e as HTMLImageElement).naturalWidth)))
      .toEqual([240, 180]);
    await panel.scrollIntoViewIfNeeded();
    await saveScreenshot(staff, 'attachments-case-detail', { fullPage: false });
    await panel.locator('.ant-image').first().click();
    const preview = staff.locator('.ant-image-preview-img');
    await preview.waitFor();
    await expect.poll(() => preview.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBe(1200);
  });
});
