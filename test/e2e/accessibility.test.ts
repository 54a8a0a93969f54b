// Accessibility (issue 18, 无障碍): axe-core checks every page a demo account reaches — the console
// (as admin, and as gl_registrar for 登记/接待大厅/常用语/案件详情), the citizen portal (anonymous and
// as the demo citizen, at phone width), the big screen and the landing page — and fails on any
// serious or critical violation, naming the rule and the elements. The portal's 大字版 (large text for
// older citizens) enlarges the text, is remembered across pages and does not overflow a 390 px phone.
import { appendFile, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedCategoryExamples } from '../../src/seed/categoryExamples.ts';
import { browserSuite, saveScreenshot } from './browser.ts';

const CITIZEN = '13900000001';
const suite = browserSuite({
  setup: async (s) => {
    await s.h.loginAll([CITIZEN, 'gl_registrar']);
    // 管理 → 分类 with its tree of 二、三级分类, and the search's category tree, audited with content.
    await seedCategoryExamples(s.h.ctx);
  },
  setupTimeoutMs: 300_000,
});

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  page: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Requests in flight per page: a page is audited once they are all answered. */
const inFlight = new WeakMap<Page, Set<unknown>>();
async function track(page: Page): Promise<void> {
  if (inFlight.has(page)) return;
  const open = new Set<unknown>();
  inFlight.set(page, open);
  // The last change to the document, on every page the tab loads and the one it shows: a page whose
  // data has just been answered re-renders (a save button loses its disabled state) and must be
  // audited after that.
  const watch = () => {
    const w = window as unknown as { lastMutation?: number };
    if (w.lastMutation !== undefined) return;
    w.lastMutation = performance.now();
    new MutationObserver(() => {
      w.lastMutation = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  await page.addInitScript(watch);
  if (page.url().startsWith('http')) await page.evaluate(watch);
  page.on('request', (r) => {
    if (r.resourceType() !== 'websocket') open.add(r);
  });
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
}

/** Waits until the page is quiet (no request, spinner or running animation), then runs axe-core. */
async function audit(page: Page, label: string): Promise<Violation[]> {
  const open = inFlight.get(page) ?? new Set();
  // Two quiet checks in a row, two frames apart: a lazily loaded page asks for its data right after
  // its code arrives, and on a busy machine React may not have rendered the new route yet when the
  // first check runs. A button showing its loading state is a fetch that has not been answered.
  // The document must also have been unchanged for 300 ms: a route that loads its code and then its
  // data can be between the two with nothing in flight for a frame or two (a save button still
  // disabled, its colours those of a disabled button when axe reads them an instant later).
  for (let quiet = 0; quiet < 2; ) {
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active, .ant-btn-loading').length ===
          0 &&
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity) &&
        performance.now() - ((window as unknown as { lastMutation?: number }).lastMutation ?? 0) > 300,
    );
    quiet = open.size === 0 ? quiet + 1 : 0;
    if (open.size > 0) await page.waitForEvent('requestfinished').catch(() => {});
  }
  // Injected by evaluation: the pages' CSP (script-src 'self') would refuse an inline script tag.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate<
    { id: string; impact: string; help: string; nodes: { target: string[]; summary: string }[] }[]
  >(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: (n.failureSummary || '').split('\\n').slice(1, 2).join('') })),
    })))`,
  );
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: label,
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(' ')} — ${n.summary.trim()}`),
    }));
}

function report(violations: Violation[]): string {
  return violations
    .map((v) => `${v.page}: [${v.impact}] ${v.id} — ${v.help}\n    ${v.targets.slice(0, 8).join('\n    ')}`)
    .join('\n');
}

/** Visits each path (a full load: the session cookie carries over) and audits it. */
async function auditAll(
  page: Page,
  paths: string[],
  ready?: (p: Page) => Promise<void>,
): Promise<Violation[]> {
  await track(page);
  const found: Violation[] = [];
  for (const path of paths) {
    const started = Date.now();
    const here = new URL(page.url());
    // Within the same app the router moves to the page (as a click on the menu would): reloading
    // the whole app for each page would triple the time on a busy machine.
    if (here.origin === suite.server.url && here.pathname.split('/')[1] === path.split('/')[1]) {
      await page.evaluate(
        `history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`,
      );
    } else {
      await page.goto(`${suite.server.url}${path}`);
    }
    await ready?.(page);
    found.push(...(await audit(page, path)));
    // A page that failed to render (the error boundary's result) has nothing for axe to object to:
    // counted as a failure here, or a broken page would pass.
    const crash = page.locator('.ant-result-error');
    if (await crash.count())
      found.push({
        page: path,
        id: 'page-crashed',
        impact: 'critical',
        help: '页面渲染失败',
        targets: [(await crash.first().innerText()).replaceAll('\n', ' ')],
      });
    if (process.env.A11Y_DUMP)
      await appendFile(process.env.A11Y_DUMP, `# ${path} ${Date.now() - started} ms\n`);
  }
  if (process.env.A11Y_DUMP) await appendFile(process.env.A11Y_DUMP, `${report(found)}\n`);
  return found;
}

async function citizenCase(): Promise<number> {
  const res = await suite.server.h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: suite.server.h.as(CITIZEN),
    payload: {
      form: 'online',
      purpose: 'claim',
      jurisdictionCode: '320106',
      subject: '小区电梯长期故障无人维修',
      content: '小区3号楼电梯已经停运两个月，物业拒绝维修，老人上下楼十分困难，请求协调解决。',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().caseId;
}

async function portalLogin(page: Page): Promise<void> {
  await page.goto(`${suite.server.url}/portal/login`);
  await page.getByRole('button', { name: '填入演示账号' }).click();
  const pane = page.getByRole('tabpanel', { name: '密码登录' });
  await pane.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}

const ADMIN_PAGES = [
  '/console/',
  '/console/tasks',
  '/console/search',
  '/console/inbox',
  '/console/inbox/preferences',
  '/console/password',
  '/console/receptions',
  '/console/video',
  '/console/cards',
  '/console/backlog',
  '/console/mediation',
  '/console/experts',
  '/console/linkage',
  '/console/relief',
  '/console/campaigns',
  '/console/projects',
  '/console/monitoring',
  '/console/dispatch',
  '/console/supervision',
  '/console/assessment',
  '/console/sanwu',
  '/console/bulletins',
  '/console/analytics',
  '/console/warnings',
  '/console/reports',
  '/console/audit',
  '/console/admin/users',
  '/console/admin/orgs',
  '/console/admin/categories',
  '/console/admin/limits',
  '/console/admin/holidays',
  '/console/admin/sms',
  '/console/admin/legal-channels',
  '/console/admin/synonyms',
  '/console/admin/special-periods',
  '/console/admin/api-keys',
  '/console/admin/webhooks',
  '/screen/',
];

describe('accessibility (axe-core: no serious or critical violation)', () => {
  let caseId = 0;

  it('anonymous pages: both logins, the public query and 领导接访', async () => {
    caseId = await citizenCase();
    const page = await suite.newPage({ width: 390, height: 844 });
    const found = await auditAll(page, ['/console/login', '/portal/login', '/portal/query']);
    expect(found, report(found)).toEqual([]);
  }, 600_000);

  it('the citizen portal, logged in as the demo citizen', async () => {
    const page = await suite.newPage({ width: 390, height: 844 });
    await portalLogin(page);
    const found = await auditAll(page, [
      '/portal/cases',
      `/portal/cases/${caseId}`,
      '/portal/submit',
      '/portal/profile',
      '/portal/receptions',
      '/portal/card',
      '/portal/video',
    ]);
    expect(found, report(found)).toEqual([]);
  }, 600_000);

  it('the console as gl_registrar: workbench, 登记, 接待大厅, 常用语 and a case', async () => {
    const page = await suite.newPage();
    await suite.loginConsole(page, 'gl_registrar');
    const found = await auditAll(page, [
      '/console/',
      '/console/register',
      '/console/hall',
      '/console/canned-replies',
      `/console/cases/${caseId}`,
    ]);
    expect(found, report(found)).toEqual([]);
  }, 600_000);

  // In groups, each in its own time budget, in one logged-in page.
  let admin: Page | undefined;
  for (let i = 0; i < ADMIN_PAGES.length; i += 10) {
    const group = ADMIN_PAGES.slice(i, i + 10);
    it(`the administrator's console pages (${group[0]} … ${group.at(-1)})`, async () => {
      if (!admin) {
        admin = await suite.newPage();
        await suite.loginConsole(admin, 'admin');
      }
      const found = await auditAll(admin, group);
      expect(found, report(found)).toEqual([]);
    }, 600_000);
  }
});

describe('大字版: large text for older citizens on the portal (390 × 844)', () => {
  const SUBJECT = '小区电梯长期故障无人维修';
  const fontSize = (page: Page, text: string) =>
    page
      .getByText(text, { exact: true })
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  const overflow = (page: Page) =>
    page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

  it('the header toggle enlarges text and tap targets, is remembered, and nothing overflows', async () => {
    const caseId = await citizenCase();
    const page = await suite.newPage({ width: 390, height: 844 });
    await portalLogin(page);
    await page.goto(`${suite.server.url}/portal/cases`);
    await page.getByText(SUBJECT).first().waitFor();
    const toggle = page.getByRole('button', { name: '大字版' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const before = await fontSize(page, SUBJECT);
    const tabBefore = await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link')
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const after = await fontSize(page, SUBJECT);
    expect(after).toBeGreaterThanOrEqual(before + 3);
    const tabAfter = await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link')
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(tabAfter).toBeGreaterThan(tabBefore);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, 'portal-large-text-cases');

    // Remembered: every portal page opens in 大字版, the field labels and buttons included, and
    // stays within the phone's width.
    await page.goto(`${suite.server.url}/portal/cases/${caseId}`);
    await page.getByText('信访件编号', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '大字版' }).getAttribute('aria-pressed')).toBe('true');
    expect(await fontSize(page, '信访件编号')).toBeGreaterThanOrEqual(17);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'portal-large-text-detail');
    for (const path of [
      '/portal/submit',
      '/portal/profile',
      '/portal/query',
      '/portal/receptions',
      '/portal/card',
      '/portal/video',
    ]) {
      await page.goto(`${suite.server.url}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate('document.documentElement.classList.contains("xf-large")'), path).toBe(true);
      expect(await overflow(page), path).toBeLessThanOrEqual(0);
    }
    // Tap targets: the query form's fields are 44 px tall (antd's default is 32), its large button 52.
    await page.goto(`${suite.server.url}/portal/query`);
    const search = page.getByRole('button', { name: '查询', exact: true });
    await search.waitFor();
    expect((await search.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(52);
    const field = page.locator('.xf-main input').first();
    expect((await field.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(40);
    await saveScreenshot(page, 'portal-large-text-query');

    // And off again: back to the standard size.
    await page.goto(`${suite.server.url}/portal/cases`);
    await page.getByRole('button', { name: '大字版' }).click();
    await page.getByText(SUBJECT).first().waitFor();
    expect(await fontSize(page, SUBJECT)).toBe(before);
  }, 300_000);
});
