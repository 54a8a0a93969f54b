// The audit log page of the console (审计日志) in a real Chromium: an auditor lands on it, sees who
// read a petitioner's personal data, and narrows the list by person and action; an administrator
// finds it in the menu; a registrar does not.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

let caseId = 0;
const suite = browserSuite({
  setup: async (s) => {
    await s.h.loginAll(['gl_registrar']);
    const res = await s.h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: s.h.as('gl_registrar'),
      payload: {
        form: 'visit',
        subject: '房屋征收补偿争议',
        content: '房屋征收补偿款长期未到位，多次反映无果，请求依法处理。',
        jurisdictionCode: '320106',
        petitioner: { name: '孙七', idNumber: '11010519491231002X', phone: '13500000007' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().caseId;
    // gl_registrar opens the matter: the parties in full, so the read is recorded.
    const read = await s.h.app.inject({
      url: `/api/v1/cases/${caseId}`,
      headers: s.h.as('gl_registrar'),
    });
    expect(read.statusCode).toBe(200);
  },
});
const newPage = () => suite.newPage({ width: 1280, height: 800 });
const login = (page: Page, username: string, landing: string) => suite.loginConsole(page, username, landing);

describe('审计日志', () => {
  it('an auditor lands on the audit log and finds who read a petitioner’s data', async () => {
    const page = await newPage();
    await login(page, 'gl_auditor', '审计日志');
    expect(page.url()).toMatch(/\/console\/audit$/);
    const read = page.locator('tr', { hasText: 'case.read_personal' }).first();
    await read.waitFor();
    await expect(read.textContent()).resolves.toMatch(/登记员鼓楼区信访局登记员gl_registrar查阅个人信息/);
    await expect(read.textContent()).resolves.toContain(`信访事项 #${caseId}`);

    // Narrow to one person and to logins only.
    await page.getByPlaceholder('用户名或用户编号').fill('gl_registrar');
    await page.getByRole('combobox', { name: '操作' }).click();
    await page.getByTitle('登录与退出（auth.*）').click();
    await page.getByRole('button', { name: /^查\s?询$/ }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await page.locator('tr', { hasText: 'auth.login' }).first().waitFor();
    await expect(page.locator('tr', { hasText: 'case.read_personal' }).count()).resolves.toBe(0);
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toMatch(/gl_registrar.*auth\.login/);
    await expectNoTofu(page);
    await saveScreenshot(page, 'console-audit-log');
    await page.context().close();
  });

  it('administrators find it in the menu; registrars do not', async () => {
    const admin = await newPage();
    await login(admin, 'gl_admin', '工作台');
    await admin.getByRole('link', { name: '审计日志' }).click();
    await admin.getByRole('heading', { name: '审计日志', exact: true }).waitFor();
    await admin.locator('tr', { hasText: 'case.read_personal' }).first().waitFor();
    await admin.context().close();

    const registrar = await newPage();
    await login(registrar, 'gl_registrar', '工作台');
    await expect(registrar.getByRole('link', { name: '审计日志' }).count()).resolves.toBe(0);
    await registrar.context().close();
  });
});
