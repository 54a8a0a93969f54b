// 意见书草稿、预览与签发 (issue 12 item D): where the unit requires 签发, a reply is issued only with
// the text a leader signed off — straight to the action API too (409, nothing stored); the draft
// is previewed as the rendered page; the opinion takes the unit's wording and is downloadable as
// Word and PDF; the template no longer doubles 经调查核实，经调查.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, documentDrafts } from '../../src/db/schema.ts';
import { docxText } from '../helpers/docx.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let zhujian = 0;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['gl_registrar', 'gl_handler', 'gl_leader', 'gl_admin', 'nj_leader', 'js_leader']);
  const gl = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units as {
    id: number;
    name: string;
  }[];
  zhujian = gl.find((u) => u.name === '鼓楼区住房和城乡建设局')?.id ?? 0;
  expect(zhujian).toBeGreaterThan(0);
});
afterAll(async () => {
  await h?.close();
});

const req = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: h.as(user), ...(payload ? { payload } : {}) });

/** A letter registered, accepted and assigned to 鼓楼区住建局 (gl_handler's unit). */
async function withHandler(subject: string): Promise<number> {
  const res = await req('gl_registrar', 'POST', '/cases', {
    form: 'letter',
    purpose: 'claim',
    categoryCode: '010000',
    subject,
    content: `${subject}，多次反映未果，请尽快解决。`,
    jurisdictionCode: '320106',
    petitioner: { name: '吴丽', phone: '13812340000' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().caseId as number;
  await h.act('gl_registrar', id, 'accept');
  await h.act('gl_registrar', id, 'assign', { targetUnitId: zhujian });
  return id;
}

const TEXT = {
  outcome: 'supported',
  request: '请求发放加装电梯补贴',
  facts: '经调查，该小区加装电梯项目已于2026年6月竣工验收，补贴申请材料齐全。',
  reasons: '补贴申请符合本市既有住宅加装电梯补贴办法的规定',
  decision: '区住建局于12月15日前发放补贴',
};

describe('drafts and sign-off', () => {
  let id = 0;
  let draftId = 0;

  it('lets the administrator require sign-off and the plain wording for one unit', async () => {
    const denied = await req('gl_handler', 'PUT', '/document-rules', {
      jurisdiction: '320106',
      unitId: zhujian,
      signoffRequired: true,
    });
    expect(denied.statusCode).toBe(403);
    const res = await req('gl_admin', 'PUT', '/document-rules', {
      jurisdiction: '320106',
      unitId: zhujian,
      signoffRequired: true,
      template: 'plain',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ signoffRequired: true, template: 'plain' });
    // The rest of the district keeps the defaults.
    const district = await req('gl_admin', 'GET', '/document-rules?jurisdiction=320106');
    expect(district.json()).toMatchObject({ signoffRequired: false, template: 'standard' });
  });

  it('refuses a reply without sign-off straight through the action API, storing nothing', async () => {
    id = await withHandler('小区加装电梯补贴迟迟未发放');
    const res = await req('gl_handler', 'POST', `/cases/${id}/actions`, { action: 'reply', ...TEXT });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('signoff_required');
    expect(res.json().error.message).toContain('领导签发');
    const [c] = await h.ctx.db.select().from(cases).where(eq(cases.id, id));
    expect(c?.state).toBe('handling');
  });

  it('drafts the reply in the unit wording and previews the rendered page', async () => {
    const list = (await req('gl_handler', 'GET', `/cases/${id}/drafts`)).json();
    expect(list.rules).toMatchObject({ signoffRequired: true, template: 'plain' });
    expect(list.draftable.map((d: { action: string }) => d.action)).toEqual(['reply']);
    const res = await req('gl_handler', 'POST', `/cases/${id}/drafts`, { action: 'reply', fields: TEXT });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'draft', template: 'plain', version: 1, maySign: false });
    draftId = res.json().id;
    const preview = await req('gl_handler', 'GET', `/drafts/${draftId}/preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().title).toBe('信访处理意见书');
    const pages = preview.json().pages as string[];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    const png = Buffer.from((pages[0] ?? '').replace('data:image/png;base64,', ''), 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000); // a page with text, not a blank
  });

  it('asks for the missing text when an incomplete draft is previewed', async () => {
    const other = await withHandler('楼道照明长期损坏');
    const d = await req('gl_handler', 'POST', `/cases/${other}/drafts`, {
      action: 'reply',
      fields: { outcome: 'explained' },
    });
    expect(d.statusCode, d.body).toBe(200);
    const res = await req('gl_handler', 'GET', `/drafts/${d.json().id}/preview`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('draft_incomplete');
  });

  it('refuses to issue before sign-off, and lets only a leader of the unit or above sign', async () => {
    const early = await req('gl_handler', 'POST', `/drafts/${draftId}/issue`, { version: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('signoff_missing');
    expect((await req('gl_handler', 'POST', `/drafts/${draftId}/sign`, { version: 1 })).statusCode).toBe(403);
    expect((await req('gl_registrar', 'POST', `/drafts/${draftId}/sign`, { version: 1 })).statusCode).toBe(
      403,
    );
    const stale = await req('gl_leader', 'POST', `/drafts/${draftId}/sign`, { version: 7 });
    expect(stale.statusCode).toBe(409);
    const signed = await req('gl_leader', 'POST', `/drafts/${draftId}/sign`, { version: 1, comment: '同意' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', signComment: '同意' });
    expect(signed.json().signedBy).toBeTruthy();
  });

  it('undoes the sign-off when the text changes, and refuses a text other than the signed one', async () => {
    const changed = await req('gl_handler', 'POST', `/cases/${id}/drafts`, {
      action: 'reply',
      fields: { ...TEXT, decision: '区住建局于12月31日前发放补贴' },
      version: 1,
    });
    expect(changed.json()).toMatchObject({ status: 'draft', version: 2, signedBy: null });
    const back = await req('gl_handler', 'POST', `/cases/${id}/drafts`, {
      action: 'reply',
      fields: TEXT,
      version: 2,
    });
    expect(back.json()).toMatchObject({ status: 'draft', version: 3 });
    expect((await req('nj_leader', 'POST', `/drafts/${draftId}/sign`, { version: 3 })).statusCode).toBe(200);
    const other = await req('gl_handler', 'POST', `/cases/${id}/actions`, {
      action: 'reply',
      ...TEXT,
      decision: '不发放',
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('signoff_mismatch');
  });

  it('issues the signed text through the action, in the unit wording, as Word and PDF', async () => {
    const res = await req('gl_handler', 'POST', `/drafts/${draftId}/issue`, { version: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('replied');
    const docId = res.json().documentId as number;
    const [d] = await h.ctx.db.select().from(documentDrafts).where(eq(documentDrafts.id, draftId));
    expect(d?.status).toBe('issued');
    expect(d?.issuedEventId).toBeTruthy();
    const again = await req('gl_handler', 'POST', `/drafts/${draftId}/issue`, { version: 3 });
    expect(again.statusCode).toBe(409);

    const word = await req('gl_handler', 'GET', `/cases/${id}/documents/${docId}`);
    expect(word.statusCode).toBe(200);
    const text = docxText(word.rawPayload);
    expect(text).toContain('二、我们了解到的情况');
    expect(text).toContain('经调查，该小区加装电梯项目已于2026年6月竣工验收');
    expect(text).not.toContain('经调查，经调查');
    expect(text).toContain('区住建局于12月15日前发放补贴');

    const pdf = await req('gl_handler', 'GET', `/cases/${id}/documents/${docId}?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(decodeURIComponent(String(pdf.headers['content-disposition']))).toContain('信访处理意见书.pdf');
  });

  it('issues at once where the unit requires no sign-off, without the doubled lead-in', async () => {
    await req('gl_admin', 'PUT', '/document-rules', {
      jurisdiction: '320106',
      unitId: zhujian,
      signoffRequired: false,
      template: 'standard',
    });
    const other = await withHandler('小区停车位被长期占用');
    const r = await h.act('gl_handler', other, 'reply', { ...TEXT, facts: '经调查核实，停车位确被占用。' });
    expect(r.state).toBe('replied');
    const detail = (await req('gl_handler', 'GET', `/cases/${other}`)).json();
    const doc = (detail.documents as { id: number; kind: string }[]).find(
      (x) => x.kind === 'handling_opinion',
    );
    const word = await req('gl_handler', 'GET', `/cases/${other}/documents/${doc?.id}`);
    const text = docxText(word.rawPayload);
    expect(text).toContain('经调查核实，停车位确被占用。');
    expect(text).not.toContain('经调查核实，经调查核实');
    expect(text).toContain('二、调查核实的事实');
  });
});
