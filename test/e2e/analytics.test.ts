// 数据分析 and 数据大屏 in a real Chromium against the seeded platform:
// (a) js_analyst opens /console/analytics: KPI numbers, the Jiangsu map drawn (canvas), no tofu;
//     drills from the province to 南京市 (its districts appear), opens the cases behind 信访总量 and
//     follows one to its detail page; exports the indicator table to Excel;
//     a department handler is not offered the page;
//     every rate says how many matters it stands on; the trend's month not over yet is drawn apart
//     (本月截至X日); the forecast is a band in plain words, and a quiet county gets 历史数据不足;
// (b) /screen/ at 1920×1080 sends a stranger to the console login and back, then shows the big
//     numbers, the map and the clock on one screen without scrolling (screenshot kept);
// (c) /screen/?kiosk=TOKEN (大屏展示令牌) shows the city's screen without a login, and a revoked
//     token sends the screen to the login page.
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST, webBuilt } from '../../src/server/web.ts';
import { runWarningScan } from '../../src/warnings/scan.ts';
import { DEMO_PASSWORD } from '../helpers/harness.ts';
import { expectNoTofu, launchBrowser, type Server, saveScreenshot, startServer } from './browser.ts';

let browser: Browser;
let server: Server;

beforeAll(async () => {
  if (!webBuilt()) {
    throw new Error(
      `The web apps are not built: ${WEB_DIST}. Run \`npm run build:web\` before the browser tests.`,
    );
  }
  browser = await launchBrowser();
  // Two years of synthetic petitions across Jiangsu (rollups kept by the seed), then one warning scan.
  server = await startServer({ cases: { count: 2000, seed: 11 } });
  await runWarningScan(server.h.ctx);
}, 600_000); // seeding 2,000 cases takes minutes on a busy shared machine

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(30_000);
  return context.newPage();
}

async function fillLogin(page: Page, username: string): Promise<void> {
  await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** A screenshot of one panel, for the user guide (artifacts/screenshots/<name>.png). */
async function panelShot(panel: Locator, name: string): Promise<string> {
  const dir = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));
  await mkdir(dir, { recursive: true });
  const path = `${dir}${name}.png`;
  await panel.screenshot({ path });
  return path;
}

/** Today on the Shanghai calendar is the month's last day (then no month is partial). */
function lastDayOfMonthToday(): boolean {
  const t = new Date(Date.now() + 8 * 3600_000);
  const tomorrow = new Date(t.getTime() + 86_400_000);
  return tomorrow.getUTCMonth() !== t.getUTCMonth();
}

const kpiValue = (page: Page, key: string) => page.locator(`.xf-kpi[data-indicator="${key}"] .xf-kpi-value`);

describe('数据分析 (console)', () => {
  it('shows KPIs and the map, drills province → city → cases, exports Excel', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/console/`);
    await fillLogin(page, 'js_analyst');
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await page.getByRole('link', { name: '数据分析' }).click();
    await page.getByRole('heading', { name: '数据分析', exact: true }).waitFor();

    // The last 30 days on the seeded data: a real count, and rates as percentages or — with the
    // number of matters behind them.
    await expect.poll(() => kpiValue(page, 'total').innerText(), { timeout: 30_000 }).toMatch(/^\d[\d,]*/);
    expect(Number((await kpiValue(page, 'total').innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await kpiValue(page, 'timelyAcceptanceRate').innerText()).toMatch(/^(\d+\.\d%|—)（[\d,]+件）$/);
    await page.locator('[aria-label="江苏省信访量地图"] canvas').first().waitFor();
    await expectNoTofu(page);
    await page.evaluate('window.scrollTo(0, 0)');
    // No wait for the charts' entry animation: every test context asks for reduced motion
    // (launchBrowser), so they are drawn at once (web/shared/analytics/echarts.tsx) and shown whole.
    await saveScreenshot(page, 'analytics-province');
    expect(await kpiValue(page, 'satisfactionRate').innerText()).toMatch(/（[\d,]+件）/);
    expect(await kpiValue(page, 'timelyAcceptanceRate').innerText()).toMatch(/（[\d,]+件）/);

    // The trend: the month not over yet is drawn apart, and said so.
    const trend = page.locator('.ant-card', { hasText: '近12个月趋势' });
    await trend.locator('canvas').first().waitFor();
    if (!lastDayOfMonthToday()) await trend.getByText('末月未满').waitFor();
    await panelShot(trend, 'analytics-trend');
    // The forecast: a band, in plain words (no model names, no MAPE).
    const forecast = page.locator('.ant-card', { hasText: '信访量预测' });
    await forecast.getByText(/按近年季节规律估算/).waitFor();
    expect(await forecast.innerText()).not.toMatch(/MAPE|霍尔特/);
    await forecast.scrollIntoViewIfNeeded();
    await panelShot(forecast, 'analytics-forecast');

    // A whole month for the drill-down: early in a month 南京市 may have no petitions yet.
    await page.locator('.ant-picker-range').click();
    await page.locator('.ant-picker-presets').getByText('上月', { exact: true }).click();
    await expect.poll(() => page.locator('.ant-picker-range input').first().inputValue()).toMatch(/-01$/);
    await page.keyboard.press('Escape');

    // The ranking: 南京市 has districts below it → the scope becomes 南京市.
    const table = page.getByLabel('指标明细表');
    await table.getByRole('button', { name: '南京市', exact: true }).click();
    await page.getByLabel('统计范围层级').getByText('南京市').waitFor();
    await table.getByRole('button', { name: '鼓楼区', exact: true }).waitFor();
    expect(await table.getByRole('button', { name: '苏州市', exact: true }).count()).toBe(0);

    // The cases behind 南京市's 信访总量, each linking to its detail page.
    await page.locator('.xf-kpi[data-indicator="total"]').click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText('南京市 · 信访总量 · 全部案件').waitFor();
    const first = drawer.locator('tbody a').first();
    const number = await first.innerText();
    expect(number).toMatch(/\S+/);
    // Excel before leaving the page: the drawer closes first.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^信访指标-南京市-按地区-.*\.xlsx$/);
    const bytes = await readFile(await file.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip container, as .xlsx is

    await page.locator('.xf-kpi[data-indicator="total"]').click();
    await drawer.locator('tbody a').first().click();
    await page.waitForURL(/\/console\/cases\/\d+$/);
    await page.getByText(number).first().waitFor();
    await page.context().close();
  }, 300_000);

  it('says 历史数据不足 instead of forecasting a quiet county', async () => {
    // A county whose two years are mostly empty months (found through the API, then opened by hand).
    await server.h.loginAll(['js_analyst']);
    const get = async (url: string) =>
      (await server.h.app.inject({ url, headers: server.h.as('js_analyst') })).json();
    let found: { city: string; county: string } | null = null;
    for (const city of (await get('/api/v1/jurisdictions?parent=320000')).items) {
      for (const county of (await get(`/api/v1/jurisdictions?parent=${city.code}`)).items) {
        const f = await get(`/api/v1/analytics/forecast?scope=${county.code}`);
        if (f.insufficient === 'sparse') found = { city: city.name, county: county.name };
        if (found) break;
      }
      if (found) break;
    }
    expect(found).not.toBeNull();
    const page = await newPage();
    await page.goto(`${server.url}/console/`);
    await fillLogin(page, 'js_analyst');
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await page.getByRole('link', { name: '数据分析' }).click();
    const table = page.getByLabel('指标明细表');
    await table.getByRole('button', { name: found?.city, exact: true }).click();
    await table.getByRole('button', { name: found?.county, exact: true }).click();
    await page
      .getByLabel('统计范围层级')
      .getByText(found?.county ?? '')
      .waitFor();
    const forecast = page.locator('.ant-card', { hasText: '信访量预测' });
    await forecast.getByText('历史数据不足（多数月份为零），暂不预测').waitFor();
    expect(await forecast.locator('canvas').count()).toBe(0);
    await panelShot(forecast, 'analytics-forecast-sparse');
    await page.context().close();
  }, 300_000);

  it('is not offered to a department handler', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/console/`);
    await fillLogin(page, 'gl_handler');
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: '数据分析' }).count()).toBe(0);
    // Typed by hand, the address falls back to the workbench.
    await page.goto(`${server.url}/console/analytics`);
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: '数据分析', exact: true }).count()).toBe(0);
    await page.context().close();
  });
});

describe('数据大屏 /screen', () => {
  it('logs in through the console and shows the numbers, map and clock at 1920×1080', async () => {
    const page = await newPage({ width: 1920, height: 1080 });
    await page.goto(`${server.url}/screen/`);
    await page.waitForURL(/\/console\/login\?next=/);
    await fillLogin(page, 'js_analyst');
    await page.waitForURL(/\/screen\/$/);
    await page.getByRole('heading', { name: '江苏省信访工作态势' }).waitFor();

    const bigs = page.getByTestId('big-number');
    await expect.poll(() => bigs.count()).toBe(7);
    // 本月信访量 (the second number) is a count once the figures have arrived.
    await expect.poll(() => bigs.nth(1).innerText(), { timeout: 30_000 }).toMatch(/^\d[\d,]*$/);
    for (const text of await bigs.allInnerTexts()) expect(text.trim()).not.toBe('');
    await page.locator('[aria-label="信访量地图"] canvas').first().waitFor();
    await expect.poll(() => page.getByLabel('时钟').innerText()).toMatch(/\d{2}:\d{2}:\d{2}/);
    await expectNoTofu(page);
    // One screen: nothing scrolls.
    const overflow = await page.evaluate(
      '[document.documentElement.scrollHeight - innerHeight, document.documentElement.scrollWidth - innerWidth]',
    );
    expect(overflow).toEqual([0, 0]);
    const shot = await saveScreenshot(page, 'screen-1920x1080', { fullPage: false });
    expect((await readFile(shot)).length).toBeGreaterThan(10_000);
    await page.context().close();
  });

  it('opens with a display token (大屏展示令牌) without a login, until the token is revoked', async () => {
    await server.h.loginAll(['nj_admin']);
    const made = await server.h.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/tokens',
      headers: server.h.as('nj_admin'),
      payload: { name: '一楼接待大厅' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const { id, path } = made.json();
    const page = await newPage({ width: 1920, height: 1080 });
    await page.goto(`${server.url}${path}`);
    await page.getByRole('heading', { name: '南京市信访工作态势' }).waitFor();
    const bigs = page.getByTestId('big-number');
    await expect.poll(() => bigs.nth(1).innerText(), { timeout: 30_000 }).toMatch(/^\d[\d,]*$/);
    await page
      .getByText(/近30天（[\d,]+件）/)
      .first()
      .waitFor();
    await page.locator('[aria-label="信访量地图"] canvas').first().waitFor();
    await saveScreenshot(page, 'screen-kiosk', { fullPage: false });

    // The admin's page lists it by its prefix only.
    const admin = await newPage();
    await admin.goto(`${server.url}/console/`);
    await fillLogin(admin, 'nj_admin');
    await admin.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await admin.goto(`${server.url}/console/admin/kiosk`);
    await admin.getByRole('heading', { name: '大屏展示令牌' }).waitFor();
    await admin.getByText('一楼接待大厅').waitFor();
    await saveScreenshot(admin, 'console-kiosk-tokens');
    await admin.context().close();

    const revoked = await server.h.app.inject({
      method: 'POST',
      url: `/api/v1/kiosk/tokens/${id}/revoke`,
      headers: server.h.as('nj_admin'),
    });
    expect(revoked.statusCode).toBe(200);
    await page.reload();
    await page.waitForURL(/\/console\/login\?next=/);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await page.context().close();
  });
});
