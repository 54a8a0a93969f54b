// The citizen's side on a phone (390 × 844, touch): the site root opens the portal; 我要信访 says at
// once that the form is below the 须知; the four-level place picker stays on screen; the answer groups
// the case number for reading and says what happens next; a follow-up on an open matter says plainly
// that it was added to that matter, points to the remedy, and its text is on the matter; 我的信访's
// cards are tappable anywhere with calm colours for normal states; the 申请复查 dialog's counter
// does not sit on its help text.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idNumberCheckDigit } from '../../src/domain/validation/index.ts';
import { bearer } from '../helpers/harness.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

const CITIZEN = '13900000001';
const W = 390;
const H = 844;

const suite = browserSuite({
  setup: async (server) => {
    // The real-name details, given once (portal.test.ts covers the form that asks for them).
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

async function phone(): Promise<Page> {
  const context = await suite.browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: W, height: H },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  context.setDefaultTimeout(30_000);
  return context.newPage();
}

/** Nothing wider than the phone, the CJK font present, then a screenshot (viewport or full page). */
async function check(page: Page, name: string, fullPage = true): Promise<void> {
  await expectNoTofu(page);
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(W);
  await saveScreenshot(page, name, { fullPage });
}

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error('element has no box (not visible)');
  return b;
}

const FIRST = {
  subject: '小区门口下水道堵塞污水外溢',
  content: '我所在小区南门口的下水道堵塞已经半个月，污水流到人行道上，气味很大，请求尽快疏通。',
};
const OPEN = {
  subject: '楼下饭店油烟直排扰民',
  content: '我家楼下新开的饭店油烟没有经过净化直接排放，家里窗户不能打开，请求责令整改。',
};
const FOLLOW_UP = '补充情况：饭店这几天晚上营业到凌晨两点，油烟和噪声更严重了，我对答复不满意。';

async function act(id: number, user: string, action: string, payload: Record<string, unknown> = {}) {
  const h = suite.server.h;
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/actions`,
    headers: bearer(await h.login(user)),
    payload: { action, ...payload },
  });
  expect(res.statusCode, `${user} ${action}: ${res.body}`).toBe(200);
}

async function pickPlace(page: Page, names: string[]): Promise<void> {
  await page.getByLabel('问题发生地').click();
  for (const name of names) {
    await page
      .locator('.ant-cascader-menu-item')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .click();
  }
}

describe('the citizen portal on a 390 px phone', () => {
  let page: Page;
  let caseNumber = '';
  let openId = 0;
  let openNumber = '';

  it('the site root opens the portal; /login is the staff login', async () => {
    const root = await fetch(`${suite.server.url}/`, { redirect: 'manual' });
    expect(root.headers.get('location')).toBe('/portal/');
    const login = await fetch(`${suite.server.url}/login`, { redirect: 'manual' });
    expect(login.headers.get('location')).toBe('/console/login');

    page = await phone();
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('heading', { name: '信访人登录' }).waitFor();
    expect(page.url()).toBe(`${suite.server.url}/portal/login`);
    await page.getByRole('button', { name: '填入演示账号' }).click();
    await page
      .getByRole('tabpanel', { name: '密码登录' })
      .getByRole('button', { name: '登录', exact: true })
      .click();
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
  });

  it('我要信访: the first screen says the form is below, and takes you there', async () => {
    await page.goto(`${suite.server.url}/portal/submit`);
    const cue = page.getByText('请先阅读信访须知，再在下方填写信访事项');
    await cue.waitFor();
    const cueBox = await box(cue);
    expect(cueBox.y + cueBox.height).toBeLessThanOrEqual(H);
    await check(page, 'portal-phone-submit-first-screen', false);
    await page.getByRole('button', { name: '去填写' }).click();
    const heading = page.getByRole('heading', { name: '我要信访' });
    await expect.poll(async () => (await box(heading)).y).toBeLessThan(H / 2);
    expect((await box(heading)).y).toBeGreaterThanOrEqual(0);
  });

  it('the four-level place picker stays on the screen', async () => {
    const townships = (await suite.server.h.app.inject({ url: '/api/v1/jurisdictions?parent=320106' })).json()
      .items as { name: string }[];
    // Down to the county: the fourth column (乡镇（街道）) opens beside the three others.
    await pickPlace(page, ['江苏省', '南京市', '鼓楼区']);
    const menus = page.locator('.ant-cascader-menu');
    await expect.poll(() => menus.count()).toBe(townships.length ? 4 : 3);
    for (const menu of await menus.all()) {
      const b = await box(menu);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(W);
    }
    const popup = await box(page.locator('.xf-place-popup'));
    expect(popup.x).toBeGreaterThanOrEqual(0);
    expect(popup.x + popup.width).toBeLessThanOrEqual(W);
    await check(page, 'portal-phone-place-picker', false);
    const levels = ['江苏省', '南京市', '鼓楼区', ...(townships[0] ? [townships[0].name] : [])];
    if (townships[0]) {
      await page
        .locator('.ant-cascader-menu-item')
        .filter({ hasText: new RegExp(`^${townships[0].name}$`) })
        .click();
    }
    await page.keyboard.press('Escape');
    expect(await page.locator('.ant-cascader').innerText()).toContain(levels.join(' / '));
  });

  it('the answer groups the case number, copies it plain, and says what happens next', async () => {
    await page.getByLabel('标题').fill(FIRST.subject);
    await page.getByLabel('信访内容').fill(FIRST.content);
    await page.getByLabel('我已阅读信访须知，所反映情况属实').check();
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByRole('heading', { name: '信访事项已提交' }).waitFor();
    const shown = (await page.getByTestId('case-number').innerText()).trim();
    expect(shown).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d$/);
    caseNumber = shown.replace(/\s/g, '');
    // The copy button gives the plain 17 digits.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('case-number').getByRole('button', { name: '复制' }).click();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(caseNumber);
    const next = await page.getByRole('region', { name: '接下来' }).innerText();
    expect(next).toContain('15日内告知是否受理');
    expect(next).toContain('短信');
    expect(next).toContain('进度查询');
    await check(page, 'portal-phone-submitted');
  });

  it('a follow-up on an answered matter: added to it, the remedy pointed to, its text on the matter', async () => {
    // A second matter of the same citizen, answered and delivered by staff over the API.
    const h = suite.server.h;
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: bearer(await h.login(CITIZEN)),
      payload: { form: 'online', purpose: 'claim', jurisdictionCode: '320106', ...OPEN },
    });
    expect(created.statusCode, created.body).toBe(201);
    ({ caseId: openId, caseNumber: openNumber } = created.json());
    await act(openId, 'gl_registrar', 'accept');
    const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
    const env = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局');
    await act(openId, 'gl_registrar', 'assign', { targetUnitId: env.id, instructions: '请查明并答复' });
    await act(openId, 'gl_handler', 'reply', {
      outcome: 'not_supported',
      request: '请求责令饭店整改油烟直排',
      facts: '经查，该饭店已安装油烟净化设施，但未正常使用。',
      reasons: '依据《大气污染防治法》，排放油烟的餐饮服务业经营者应当安装并正常使用油烟净化设施。',
      decision: '责令该饭店正常使用油烟净化设施，并跟踪检查。',
    });
    await act(openId, 'gl_handler', 'deliver', { method: 'online' });

    await page.getByRole('button', { name: '再提交一件' }).click();
    await page.getByRole('heading', { name: '我要信访' }).waitFor();
    await pickPlace(page, ['江苏省', '南京市', '鼓楼区']);
    await page.keyboard.press('Escape');
    await page.getByLabel('标题').fill(OPEN.subject);
    await page.getByLabel('信访内容').fill(FOLLOW_UP);
    await page.getByLabel('我已阅读信访须知，所反映情况属实').check();
    await page.getByRole('button', { name: '提交', exact: true }).click();

    await page.getByRole('heading', { name: '已并入您尚未办结的信访事项' }).waitFor();
    const text = await page.locator('.xf-card').innerText();
    expect(text.replace(/\s/g, '')).toContain(`补充材料并入信访事项${openNumber}`);
    expect(text).not.toContain('信访事项已提交');
    expect(text).not.toContain('查询码：');
    expect(text).toMatch(/对该事项，您现在可以：.*申请复查/);
    await check(page, 'portal-phone-follow-up');

    await page.getByRole('button', { name: '去办理' }).click();
    await page.getByRole('heading', { name: OPEN.subject }).waitFor();
    const supplements = page.locator('.xf-card').filter({ hasText: '补充材料' }).last();
    expect(await supplements.innerText()).toContain(FOLLOW_UP);
    expect(await page.locator('.ant-timeline').innerText()).toContain(
      '您再次提交的内容已作为补充材料并入本事项',
    );
    await check(page, 'portal-phone-case-detail');
  });

  it('申请复查: the counter sits under the box, clear of the help text', async () => {
    await page.getByRole('button', { name: '申请复查', exact: true }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('申请复查的理由').fill('饭店仍然油烟直排，答复没有解决问题。');
    // Both read in one frame: the dialog zooms in when it opens, and two separate reads may catch
    // it at two different sizes.
    const { counterBottom, helpTop } = await modal.evaluate((dialog) => {
      const rect = (selector: string) => {
        const el = dialog.querySelector(selector);
        if (!el) throw new Error(`${selector} not in the dialog`);
        return el.getBoundingClientRect();
      };
      return {
        counterBottom: rect('.ant-input-data-count').bottom,
        helpTop: rect('.ant-form-item-extra').top,
      };
    });
    expect(counterBottom).toBeLessThanOrEqual(helpTop + 0.5);
    await saveScreenshot(page, 'portal-phone-review-dialog', { fullPage: false });
    await modal.getByRole('button', { name: '取消' }).click();
    await modal.waitFor({ state: 'hidden' });
  });

  it('我的信访: the whole card opens the matter; normal states are not red', async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的信访' }).click();
    const cards = page.locator('.xf-case-card');
    await expect.poll(() => cards.count()).toBe(2);
    const waiting = cards.filter({ hasText: FIRST.subject });
    const answered = cards.filter({ hasText: OPEN.subject });
    expect(await waiting.locator('.ant-tag', { hasText: '待受理' }).getAttribute('data-tone')).toBe('normal');
    expect(await waiting.locator('.ant-tag-red').count()).toBe(0);
    expect(await answered.locator('.ant-tag', { hasText: '已送达' }).getAttribute('data-tone')).toBe(
      'attention',
    );
    expect((await waiting.innerText()).replace(/\s/g, '')).toContain(caseNumber);
    await check(page, 'portal-phone-cases');
    // Tapped at its lower right corner, far from the title.
    const b = await box(waiting);
    await page.touchscreen.tap(b.x + b.width - 20, b.y + b.height - 10);
    await page.getByRole('heading', { name: FIRST.subject }).waitFor();
    expect(page.url()).toMatch(/\/portal\/cases\/\d+$/);
    await page.context().close();
  });
});
