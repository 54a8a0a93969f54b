// The staff console (/console/, React + antd ProLayout from web/dist) in a real Chromium at 1280×800:
// (a) gl_registrar finds the citizen's petition in 待受理, accepts it (keyboard shortcut) and assigns it
//     to 鼓楼区住房和城乡建设局 (pre-selected by routing, found by name); gl_handler replies and delivers it;
// (b) gl_registrar registers a letter through the form and refuses it (不予受理, LEGAL_CHANNEL);
// (c) after the citizen asks for review, nj_reviewer decides it in the console;
// (d) a repeat petition shows the earlier matter under 疑似重复 and is linked to it (关联重复件);
// plus keyboard navigation of a list, the admin pages, and citizens sent to the portal.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idNumberCheckDigit } from '../../src/domain/validation/index.ts';
import { DEMO_PASSWORD } from '../helpers/harness.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

const suite = browserSuite({
  setup: async (s) => {
    await s.h.loginAll(['13900000001', 'gl_registrar', 'gl_handler']);
  },
});
const newPage = () => suite.newPage({ width: 1280, height: 800 });
const login = (page: Page, username: string) => suite.loginConsole(page, username);

async function check(page: Page, name: string): Promise<void> {
  await expectNoTofu(page);
  // From the top, so the fixed header is where it belongs in a full-page shot.
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, name);
}

async function citizenPetition(subject: string): Promise<{ caseId: number; caseNumber: string }> {
  const res = await suite.server.h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: suite.server.h.as('13900000001'),
    payload: {
      form: 'online',
      purpose: 'claim',
      jurisdictionCode: '320106',
      subject,
      content: '小区3号楼电梯已经停运两个月，物业拒绝维修，老人上下楼十分困难，请求协调解决。',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function zhujianId(): Promise<number> {
  const units = (await suite.server.h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  return units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
}

async function stateOf(caseId: number): Promise<string> {
  const r = await suite.server.h.app.inject({
    url: `/api/v1/cases/${caseId}`,
    headers: suite.server.h.as('gl_registrar'),
  });
  return r.json().state;
}

/** Picks 江苏省 / 南京市 / 鼓楼区 in the open cascader, then closes it by clicking `away`. */
async function pickGulou(page: Page, away: () => Promise<void>): Promise<void> {
  for (const name of ['江苏省', '南京市', '鼓楼区']) {
    await page
      .locator('.ant-cascader-menu-item')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .click();
  }
  await away();
}

/** Picks an option in an antd Select and waits until it shows as chosen (the dropdown animates). */
async function chooseOption(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  const chosen = scope.locator('.ant-select-selection-item').filter({ hasText: option });
  for (let attempt = 0; attempt < 3 && !(await chosen.isVisible()); attempt++) {
    await scope.getByLabel(label).click();
    // Bounded, so that a dropdown closed under the click (its list re-rendered by a refetch) is
    // opened again by the next attempt instead of being waited on for the whole test timeout.
    await page
      .locator('.ant-select-item-option:visible')
      .filter({ hasText: option })
      .click({ timeout: 5000 })
      .catch(() => {});
    await chosen.waitFor({ timeout: 3000 }).catch(() => {});
  }
  await chosen.waitFor();
}

/** Clicks the modal's confirm button and waits for the new state; an error toast fails fast with its text. */
async function confirm(page: Page, button: string, state: string): Promise<void> {
  const dialog = page.getByRole('dialog').last();
  await dialog.getByRole('button', { name: button }).click();
  const ok = page.locator('.xf-state').filter({ hasText: new RegExp(`^${state}$`) });
  const failed = page.locator('.ant-message-error');
  await ok
    .or(failed)
    .first()
    .waitFor({ timeout: 30_000 })
    .catch(async (e: Error) => {
      // Say why: usually a form field the test did not manage to fill.
      const invalid = await dialog.locator('.ant-form-item-explain-error').allInnerTexts();
      throw new Error(`${button}: ${e.message} ${invalid.join('；')}`);
    });
  if (await failed.isVisible()) throw new Error(`${button}: ${await failed.innerText()}`);
}

describe('staff console in Chromium (1280 × 800)', () => {
  it('(a) registrar accepts and assigns; handler replies and delivers', async () => {
    const subject = '小区电梯长期故障无人维修';
    const { caseId, caseNumber } = await citizenPetition(subject);

    const page = await newPage();
    await page.goto(`${suite.server.url}/console/`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    expect(page.url()).toBe(`${suite.server.url}/console/login`);
    // Demo accounts: a click fills the form.
    await page.getByRole('button', { name: 'gl_registrar', exact: true }).click();
    expect(await page.getByLabel('用户名').inputValue()).toBe('gl_registrar');
    await check(page, 'console-login');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    // Header: name, role, unit.
    const who = await page.getByLabel('当前用户').innerText();
    expect(who).toContain('登记员');
    expect(who).toContain('鼓楼区信访局');

    // 待受理 with a count and the petition with its countdown.
    await page.getByRole('tab', { name: /待受理\s*1/ }).waitFor();
    const row = page.locator('tr').filter({ hasText: caseNumber });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/剩余\d+天/);
    expect(await row.innerText()).toContain(subject);

    // Keyboard: Tab from the filters reaches the first row's link.
    await page.getByRole('button', { name: '清除筛选' }).focus();
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate<boolean>(
        `document.activeElement?.classList.contains('xf-case-link') && document.activeElement.textContent === ${JSON.stringify(caseNumber)}`,
      );
    }
    expect(reached, 'Tab reaches the first row link').toBe(true);
    await check(page, 'console-workbench');

    // Quick filter goes to the URL.
    await page.getByLabel('督办件').click();
    await page.waitForURL(/supervised=true/);
    await page.getByText('暂无待办事项').waitFor();
    await page.goBack();
    await row.waitFor();

    await row.getByRole('link', { name: caseNumber }).focus();
    await page.keyboard.press('Enter'); // the row link opens the case
    await page.waitForURL(new RegExp(`/console/cases/${caseId}$`));
    await page.getByText(`信访件 ${caseNumber}`).waitFor();
    const legend = await page.getByLabel('快捷键').innerText();
    expect(legend).toContain('受理');
    expect(legend).toContain('不予受理');
    expect(legend).toContain('转送');
    expect(await page.locator('.xf-docs a').count()).toBe(0);
    await check(page, 'console-case-registered');

    // `a` = 受理 (nothing focused).
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    await page.keyboard.press('a');
    const accept = page.getByRole('dialog', { name: '受理' });
    await accept.waitFor();
    await confirm(page, '确认受理', '已受理');

    // 交办: the routed department comes pre-selected (search by name: test/integration/intake.test.ts).
    await page.getByRole('button', { name: '交办', exact: true }).click();
    const assign = page.getByRole('dialog', { name: '交办' });
    await assign.getByText('已按内容分类').waitFor();
    expect(await assign.locator('.ant-select-selection-item').first().innerText()).toBe(
      '鼓楼区住房和城乡建设局',
    );
    await assign.getByLabel('交办意见').fill('请于期限内查明情况并答复');
    await saveScreenshot(page, 'console-assign-modal', { fullPage: false });
    await confirm(page, '确认交办', '办理中');
    const timeline = await page.locator('.xf-timeline').innerText();
    expect(timeline).toContain('交办');
    expect(timeline).toContain('鼓楼区住房和城乡建设局');
    expect(await page.locator('.xf-docs a').count()).toBeGreaterThanOrEqual(2);
    // Deadlines with their explanation.
    expect(await page.locator('.xf-deadline').first().innerText()).toContain('期限');
    expect(await page.getByLabel(/办理期限的计算方法/).count()).toBe(1);
    await check(page, 'console-case-handling');
    await page.context().close();

    // The handler of 住建局.
    const hp = await newPage();
    await login(hp, 'gl_handler');
    // A handler lands on their own queue, 办理中 (the server's queue table, docs/workbench.md).
    await hp.locator('.ant-tabs-tab-active').filter({ hasText: '办理中' }).waitFor();
    await hp.getByRole('link', { name: caseNumber }).click();
    await hp.getByRole('button', { name: '出具处理意见书' }).click();
    const reply = hp.getByRole('dialog', { name: '出具处理意见书' });
    await reply.getByRole('radio', { name: '支持', exact: true }).check();
    await reply.getByLabel('信访请求').fill('请求维修3号楼电梯');
    await reply.getByLabel('查明的事实').fill('经查，该电梯因主板故障停运，物业公司未及时申请维修资金。');
    await reply
      .getByLabel('处理理由与依据')
      .fill('依据《物业管理条例》，物业服务企业应当及时维修养护共用设施设备。');
    await reply.getByLabel('处理意见').fill('责成物业公司于15日内完成维修。');
    await check(hp, 'console-reply-modal');
    await confirm(hp, '确认出具处理意见书', '已答复');
    await hp.getByRole('button', { name: '送达', exact: true }).click();
    const deliver = hp.getByRole('dialog', { name: '送达' });
    await deliver.getByRole('radio', { name: '网上送达' }).check();
    await confirm(hp, '确认送达', '已送达');
    await check(hp, 'console-case-delivered');
    await hp.context().close();
    expect(await stateOf(caseId)).toBe('delivered');
  });

  it('(b) registers a letter and refuses it with a reason', async () => {
    const page = await newPage();
    await login(page, 'gl_registrar');
    await page.getByRole('link', { name: '登记' }).click();
    await page.getByRole('heading', { name: '登记来信' }).waitFor();
    const first17 = '32010619850512201';
    await page.getByLabel('姓名').fill('李四');
    await page.getByLabel('身份证号码').fill(first17 + idNumberCheckDigit(first17));
    await page.getByLabel('联系电话').fill('13812345678');
    await page.getByLabel('住址').fill('南京市鼓楼区中山路1号');
    await page.getByLabel('问题属地').click();
    await pickGulou(page, () => page.getByRole('heading', { name: '信访事项' }).click());
    await page.getByLabel('标题').fill('劳动合同纠纷请求处理');
    await page
      .getByLabel('信访内容')
      .fill('本人与某公司存在劳动合同纠纷，公司拖欠工资三个月，请求信访部门处理。');
    // 依法分类处理: the text points to labour arbitration (src/domain/legalChannels.ts).
    await page.getByText('依法分类处理提示：劳动人事争议仲裁').waitFor();
    await check(page, 'console-register-letter');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByRole('heading', { name: '登记成功' }).waitFor();
    const [caseNumber = '', queryCode = ''] = (await page.locator('.xf-code').allInnerTexts()).map((s) =>
      s.trim(),
    );
    expect(caseNumber).toMatch(/^320106\d{11}$/);
    expect(queryCode).toMatch(/^[2-9A-Z]{6}$/);
    await check(page, 'console-registered');

    await page.getByRole('button', { name: '查看事项' }).click();
    await page.getByText(`信访件 ${caseNumber}`).waitFor();
    expect(await page.locator('.ant-descriptions').first().innerText()).toContain('来信');
    await page.keyboard.press('n');
    const modal = page.getByRole('dialog', { name: '不予受理' });
    await modal.waitFor();
    // The form's fields first: on a heavily loaded CI machine a click on the footer's button right
    // after the dialog appeared once brought no inline message within 30 s (likely a submit before
    // the fields and their rules had mounted).
    await modal.getByLabel('不予受理理由').waitFor();
    // Nothing chosen: the form says so and nothing is sent.
    await modal.getByRole('button', { name: '确认不予受理' }).click();
    await modal.getByText('请选择不予受理理由').waitFor();
    await chooseOption(page, modal, '不予受理理由', '应当通过法定途径解决');
    await modal.getByLabel('具体理由').fill('该劳动争议应当依法申请劳动争议仲裁。');
    await modal.getByLabel('有权处理的机关').fill('鼓楼区劳动人事争议仲裁委员会');
    await confirm(page, '确认不予受理', '不予受理');
    expect(await page.locator('.xf-docs a').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.xf-docs').innerText()).toMatch(/告知书/);
    expect(await page.locator('.xf-timeline').innerText()).toContain('应当通过法定途径解决');
    await check(page, 'console-not-accepted');
    await page.context().close();
  });

  it('(c) nj_reviewer decides a review in the console', async () => {
    const { caseId, caseNumber } = await citizenPetition('道路施工噪音扰民');
    await suite.server.h.act('gl_registrar', caseId, 'accept');
    await suite.server.h.act('gl_registrar', caseId, 'assign', { targetUnitId: await zhujianId() });
    await suite.server.h.act('gl_handler', caseId, 'reply', {
      outcome: 'explained',
      request: '请求夜间停止施工',
      facts: '经查，施工单位已取得夜间施工许可。',
      reasons: '依据相关规定，夜间施工许可范围内的施工合法。',
      decision: '向信访人解释说明，并督促施工单位降低噪音。',
    });
    await suite.server.h.act('gl_handler', caseId, 'deliver', { method: 'online' });
    await suite.server.h.act('13900000001', caseId, 'request_review', {
      reason: '对处理意见不服，噪音仍然严重。',
    });

    const page = await newPage();
    await login(page, 'nj_reviewer');
    await page.getByRole('tab', { name: /复查复核\s*1/ }).click();
    await page.getByRole('link', { name: caseNumber }).click();
    await page.locator('.xf-state').filter({ hasText: '复查中' }).waitFor();
    await check(page, 'console-review-requested');
    await page.getByRole('button', { name: '出具复查意见' }).click();
    const modal = page.getByRole('dialog', { name: '出具复查意见' });
    await modal.getByRole('radio', { name: '维持' }).check();
    await modal.getByLabel('复查认定的事实').fill('原处理意见认定事实清楚。');
    await modal.getByLabel('复查理由').fill('适用依据正确，处理程序合法。');
    await modal.getByLabel('复查意见').fill('维持原处理意见。');
    await confirm(page, '确认出具复查意见', '已复查');
    expect(await page.locator('.xf-timeline').innerText()).toContain('出具复查意见');
    await check(page, 'console-reviewed');
    await page.context().close();
    expect(await stateOf(caseId)).toBe('reviewed');
  });

  it('(d) a repeat petition shows its earlier matter as a possible duplicate and is linked to it', async () => {
    const first = await citizenPetition('小区电梯停运无人维修');
    // A neighbour writes about the same lift (a letter registered by the bureau), slightly reworded.
    const id17 = '32010619800101123';
    const res = await suite.server.h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: await suite.server.h.as('gl_registrar'),
      payload: {
        form: 'letter',
        purpose: 'claim',
        jurisdictionCode: '320106',
        subject: '3号楼电梯停运请求维修',
        content: '小区3号楼电梯已经停运两个多月，物业拒绝维修，老人上下楼十分困难，请求尽快协调解决。',
        petitioner: { name: '王五', idNumber: id17 + idNumberCheckDigit(id17), phone: '13900000123' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const second = res.json() as { caseId: number; caseNumber: string };
    const page = await newPage();
    await login(page, 'gl_registrar');
    await page.goto(`${suite.server.url}/console/cases/${second.caseId}`);
    const related = page.getByRole('list', { name: '疑似重复信访件' });
    await related.getByRole('link', { name: first.caseNumber }).waitFor();
    expect(await related.innerText()).toMatch(/相似/);
    await page.getByRole('button', { name: '关联重复件', exact: true }).click();
    const modal = page.getByRole('dialog', { name: '关联重复件' });
    await chooseOption(page, modal, '关联到的信访事项', first.caseNumber);
    await confirm(page, '确认关联重复件', '不予受理');
    expect(await page.locator('.xf-timeline').innerText()).toContain('关联重复件');
    await check(page, 'console-linked-repeat');
    await page.context().close();
    expect(await stateOf(second.caseId)).toBe('not_accepted');
  });

  it('admin pages; citizens are sent to the portal', async () => {
    const page = await newPage();
    await login(page, 'admin');
    // The menu shows its groups as headings, their pages always listed beneath.
    await page.locator('.ant-menu-item-group-title', { hasText: '管理' }).waitFor();
    for (const [menu, path, text] of [
      ['用户', 'users', 'gl_registrar'],
      ['行政区划与单位', 'orgs', '江苏省'],
      ['分类', 'categories', '劳动和社会保障'],
      ['办理期限', 'limits', '复查申请期限'],
      ['节假日', 'holidays', /年共有法定节假日|日历中没有/],
      ['短信模板', 'sms', '【阳光信访】'],
      ['法定途径清单', 'legal-channels', '劳动人事争议仲裁'],
    ] as const) {
      await page.getByRole('link', { name: menu }).click();
      await page.waitForURL(new RegExp(`/console/admin/${path}$`));
      await page.getByText(text).first().waitFor();
      await check(page, `console-admin-${path}`);
    }
    await page.context().close();

    const citizen = await newPage();
    await citizen.goto(`${suite.server.url}/console/login`);
    await citizen.getByLabel('用户名').fill('13900000001');
    await citizen.getByLabel('密码').fill(DEMO_PASSWORD);
    await citizen.getByRole('button', { name: '登录', exact: true }).click();
    await citizen.waitForURL(/\/portal\//);
    await citizen.context().close();
  });
});
