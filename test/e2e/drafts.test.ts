// 意见书草稿与签发 in the console, in a real Chromium: where 鼓楼区住建局 requires 签发, gl_handler
// drafts the reply and previews the rendered page, gl_leader (鼓楼区信访局) previews and signs it
// off, gl_handler issues it after a confirmation, and the opinion downloads as Word and PDF.
// Screenshots for the user guide (承办人篇).
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectNoTofu, pickRadio, saveScreenshot } from './browser.ts';

let caseId = 0;
const suite = browserSuite({
  setup: async (s) => {
    const { h } = s;
    await h.loginAll(['gl_registrar', 'gl_admin']);
    const gl = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units as {
      id: number;
      name: string;
    }[];
    const zhujian = gl.find((u) => u.name === '鼓楼区住房和城乡建设局')?.id ?? 0;
    const rules = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/document-rules',
      headers: h.as('gl_admin'),
      payload: { jurisdiction: '320106', unitId: zhujian, signoffRequired: true, template: 'plain' },
    });
    expect(rules.statusCode, rules.body).toBe(200);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('gl_registrar'),
      payload: {
        form: 'letter',
        purpose: 'claim',
        categoryCode: '010000',
        subject: '小区加装电梯补贴迟迟未发放',
        content: '小区加装电梯已竣工半年，区里承诺的补贴迟迟未发放，请尽快解决。',
        jurisdictionCode: '320106',
        petitioner: { name: '吴丽', phone: '13812340000' },
      },
    });
    caseId = res.json().caseId;
    await h.act('gl_registrar', caseId, 'accept');
    await h.act('gl_registrar', caseId, 'assign', { targetUnitId: zhujian });
  },
});
const newPage = () => suite.newPage({ width: 1280, height: 900 });

async function casePage(user: string): Promise<Page> {
  const page = await newPage();
  await suite.loginConsole(page, user);
  await page.goto(`${suite.server.url}/console/cases/${caseId}`);
  await page.getByText('意见书草稿与签发').waitFor();
  return page;
}

async function openPreview(page: Page, button: string) {
  await page.getByRole('button', { name: button }).click();
  const modal = page.locator('.ant-modal', { hasText: '预览：信访处理意见书' });
  await modal.locator('img[alt="信访处理意见书 第1页"]').waitFor();
  return modal;
}

/** Fetches a file as the logged-in browser does: status, type and bytes. */
async function fetchFile(page: Page, url: string) {
  const r = await page.evaluate(async (u) => {
    const res = await fetch(u, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return { status: res.status, type: res.headers.get('content-type'), b64: btoa(bin) };
  }, url);
  return { ...r, bytes: Buffer.from(r.b64, 'base64') };
}

describe('a reply previewed, signed off by the leader and issued as Word and PDF', () => {
  it('drafts, previews, signs off, confirms and issues', async () => {
    const handler = await casePage('gl_handler');
    await handler.getByText('本单位出具前须领导签发').waitFor();
    await handler.getByRole('button', { name: '拟写信访处理意见书' }).click();
    const form = handler.locator('.ant-modal', { hasText: '拟写信访处理意见书' });
    await pickRadio(form, '支持');
    await form.getByLabel('信访请求').fill('请求尽快发放加装电梯补贴');
    await form
      .getByLabel('查明的事实')
      .fill('经调查，该小区加装电梯项目已于2026年6月竣工验收，补贴申请材料齐全。');
    await form.getByLabel('处理理由与依据').fill('补贴申请符合本市既有住宅加装电梯补贴办法的规定');
    await form.getByLabel('处理意见').fill('区住建局于12月15日前发放补贴');
    await form.getByRole('button', { name: '保存草稿' }).click();
    await handler.locator('.xf-draft .ant-tag', { hasText: '草稿（待签发）' }).waitFor();
    // No 出具 before sign-off where the unit requires it.
    expect(await handler.getByRole('button', { name: '出具', exact: true }).count()).toBe(0);
    const preview = await openPreview(handler, '预览');
    await expectNoTofu(handler, '.ant-modal');
    await saveScreenshot(handler, 'console-draft-preview', { fullPage: false });
    await preview.locator('.ant-modal-close').click();

    const leader = await casePage('gl_leader');
    const toSign = await openPreview(leader, '预览并签发');
    await toSign.getByLabel('签发意见').fill('同意出具');
    await saveScreenshot(leader, 'console-draft-signoff', { fullPage: false });
    await toSign.getByRole('button', { name: '签发', exact: true }).click();
    await leader.locator('.xf-draft .ant-tag', { hasText: '已签发' }).waitFor();

    await handler.reload();
    await handler.locator('.xf-draft .ant-tag', { hasText: '已签发' }).waitFor();
    await handler.getByRole('button', { name: '出具', exact: true }).click();
    const confirm = handler.locator('.ant-modal', { hasText: '确认出具信访处理意见书' });
    await confirm.getByText('同意出具').waitFor();
    await saveScreenshot(handler, 'console-draft-issue-confirm', { fullPage: false });
    await confirm.getByRole('button', { name: '确认出具' }).click();
    await handler.getByText('信访处理意见书已出具').waitFor();

    const docs = handler.locator('.xf-docs');
    await docs.getByRole('link', { name: '信访处理意见书' }).waitFor();
    const word = await docs.getByRole('link', { name: '信访处理意见书' }).getAttribute('href');
    const pdf = await docs.getByRole('link', { name: 'PDF' }).last().getAttribute('href');
    expect(pdf).toBe(`${word}?format=pdf`);
    const w = await fetchFile(handler, word ?? '');
    expect(w.status).toBe(200);
    expect(w.bytes.subarray(0, 2).toString()).toBe('PK');
    const p = await fetchFile(handler, pdf ?? '');
    expect(p.status).toBe(200);
    expect(p.type).toBe('application/pdf');
    expect(p.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // Kept for looking at the pages (../shared/tools/render-doc).
    fs.mkdirSync('/tmp/xf-drafts', { recursive: true });
    fs.writeFileSync('/tmp/xf-drafts/opinion.docx', w.bytes);
    fs.writeFileSync('/tmp/xf-drafts/opinion.pdf', p.bytes);
    await saveScreenshot(handler, 'console-draft-issued', { fullPage: false });
  }, 240_000);
});
