// Online petitions reach the desk classified and routed (issue 12 item A), in a real Chromium at
// 1280×800: a citizen's online petition, classified at intake, is accepted; on its page gl_registrar
// sees the suggested category with its confidence and routed department, clicks 采用建议 (the
// category is confirmed and 交办 opens with the routed department pre-selected) and 确认交办 —
// two clicks, no typing. The server then holds the category, the assignment and the timeline steps;
// then the registrar files it under a second/third level of the province's dictionary (细分类).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { caseClassifications, cases } from '../../src/db/schema.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

const suite = browserSuite({
  setup: async (s) => {
    await s.h.loginAll(['13900000001', 'gl_registrar', 'admin']);
    // The province's second and third levels under 城乡建设 (细分类 on the case page).
    const loaded = await s.h.app.inject({
      method: 'POST',
      url: '/api/v1/categories/dictionary/import',
      headers: s.h.as('admin'),
      payload: {
        csv: '一级分类,二级分类,三级分类\n城乡建设,住房保障,公租房\n城乡建设,房地产,房屋质量\n城乡建设,房地产,商品房\n',
      },
    });
    expect(loaded.statusCode, loaded.body).toBe(200);
  },
});

async function acceptedOnlinePetition(): Promise<{ caseId: number; caseNumber: string }> {
  const h = suite.server.h;
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as('13900000001'),
    payload: {
      form: 'online',
      purpose: 'claim',
      jurisdictionCode: '320106',
      subject: '小区商品房墙体开裂开发商拒不维修',
      content: '我们小区商品房交付后墙体开裂、屋顶漏水，开发商拒不维修，物业也不管，请住建部门督促整改。',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  await h.act('gl_registrar', res.json().caseId, 'accept');
  return res.json();
}

describe('the desk confirms an online petition’s category and department', () => {
  it('an online petition whose suggested category and department the registrar confirms in two clicks', async () => {
    const { caseId, caseNumber } = await acceptedOnlinePetition();
    const db = suite.server.h.ctx.db;
    const [suggested] = await db
      .select()
      .from(caseClassifications)
      .where(eq(caseClassifications.caseId, caseId));
    expect(suggested).toMatchObject({ status: 'pending', suggestedCode: '010000' });

    const page = await suite.newPage({ width: 1280, height: 800 });
    await suite.loginConsole(page, 'gl_registrar');
    await page.goto(`${suite.server.url}/console/cases/${caseId}`);
    await page.getByText(`信访件 ${caseNumber}`).waitFor();
    const panel = page.getByLabel('内容分类', { exact: true });
    await panel.locator('.xf-category-status').filter({ hasText: '待确认' }).waitFor();
    expect(await panel.innerText()).toMatch(/城乡建设 \d+%/);
    expect(await panel.innerText()).toContain('建议承办：鼓楼区住房和城乡建设局');
    await expectNoTofu(page);
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, 'intake-case-suggestion', { fullPage: false });

    // Click 1: adopt the suggestion — the category is confirmed and 交办 opens, department chosen.
    await panel.getByRole('button', { name: /^采用建议：城乡建设，交办鼓楼区住房和城乡建设局$/ }).click();
    const assign = page.getByRole('dialog', { name: '交办' });
    await assign.getByText('已按内容分类“城乡建设”预选建议承办单位').waitFor();
    expect(await assign.locator('.ant-select-selection-item').first().innerText()).toBe(
      '鼓楼区住房和城乡建设局',
    );
    await saveScreenshot(page, 'intake-assign-preselected', { fullPage: false });

    // Click 2: 确认交办.
    await assign.getByRole('button', { name: '确认交办' }).click();
    await page
      .locator('.xf-state')
      .filter({ hasText: /^办理中$/ })
      .waitFor();
    await panel.locator('.xf-category-status').filter({ hasText: '已确认' }).waitFor();
    const timeline = await page.locator('.xf-timeline').innerText();
    expect(timeline).toContain('确认内容分类');
    expect(timeline).toContain('鼓楼区住房和城乡建设局');

    const [c] = await db
      .select({ category: cases.categoryCode, assigned: cases.assignedUnitId, state: cases.state })
      .from(cases)
      .where(eq(cases.id, caseId));
    expect(c).toMatchObject({ category: '010000', state: 'handling', assigned: suggested?.routedUnitId });

    // 细分类: the text names 商品房, a third level of 城乡建设 — one click adopts it; another can be
    // chosen by typing.
    await panel.getByText('细分类：未选择').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, 'intake-case-subcategory-suggested', { fullPage: false });
    await panel.getByRole('button', { name: '采用建议：房地产 / 商品房' }).click();
    await panel.getByText('细分类：房地产 / 商品房').waitFor();
    const sub = panel.getByRole('combobox', { name: '选择细分类' });
    await sub.click();
    await sub.fill('房屋质量');
    await page.locator('.ant-select-item-option-active').filter({ hasText: '房地产 / 房屋质量' }).waitFor();
    await sub.press('Enter');
    await panel.getByRole('button', { name: '保存细分类' }).click();
    await panel.getByText('细分类：房地产 / 房屋质量').waitFor();
    // Both choices are on the timeline, the second with the first as 原细分类.
    await expect.poll(() => page.locator('.xf-timeline').getByText('选择细分类').count()).toBe(2);
    expect(await page.locator('.xf-timeline').innerText()).toContain('房地产 / 商品房');
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, 'intake-case-subcategory', { fullPage: false });
    const [filed] = await db.select({ sub: cases.subcategoryCode }).from(cases).where(eq(cases.id, caseId));
    expect(filed?.sub).toBe('010201');

    // 案件查询 finds it by its 细分类, picked from the category tree.
    await page.goto(`${suite.server.url}/console/search`);
    const filter = page.getByRole('combobox', { name: '内容分类' });
    await filter.click();
    await filter.fill('房屋质量');
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '房屋质量' }).click();
    await page.waitForURL(/category=010201/);
    await page.getByRole('link', { name: caseNumber }).waitFor();
    await saveScreenshot(page, 'casesearch-subcategory', { fullPage: false });
    await page.context().close();
  });
});
