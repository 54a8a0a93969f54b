// 常用语 over HTTP: a department handler keeps the unit's texts for replies and notes; a text with
// a placeholder that does not exist, an unknown category or a NUL is refused (400); another unit
// neither sees nor edits them; a text is filled from a case the user may read — the petitioner's
// name in full for the handler, masked for a leader — and not from a case out of scope (404); for a
// case, only the texts of its category and the general ones are offered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN, onlinePetition } from '../helpers/builders.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let zhujian = 0;
let caseId = 0;
let caseNumber = '';
let otherCaseId = 0; // 南京市's matter, out of 鼓楼区's scope

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['13900000001', 'gl_registrar', 'gl_handler', 'gl_leader', 'nj_handler', 'nj_registrar']);
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
  const c = await newCase('320106', '小区违建占用消防通道');
  caseId = c.caseId;
  caseNumber = c.caseNumber;
  await h.act('gl_registrar', caseId, 'accept');
  await h.act('gl_registrar', caseId, 'assign', { targetUnitId: zhujian });
  otherCaseId = (await newCase('320102', '玄武区道路积水')).caseId;
});
afterAll(async () => {
  await h?.close();
});

const newCase = (jurisdictionCode: string, subject: string) =>
  h.register(DEMO_CITIZEN, onlinePetition(subject, { jurisdictionCode, categoryCode: '010000' }));

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const send = (user: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: h.as(user), ...(payload ? { payload } : {}) });

const REPLY = {
  purpose: 'reply',
  categoryCode: '010000',
  title: '违建处理意见',
  body: '{信访人称呼}：您反映的“{信访事项}”（信访件编号{信访件编号}）已于{受理日期}受理，由{办理单位}办理，办理期限至{办结期限}。',
};

describe('常用语', () => {
  let id = 0;
  it('is kept by the unit: added, listed, edited', async () => {
    const r = await send('gl_handler', 'POST', '/canned-replies', REPLY);
    expect(r.statusCode, r.body).toBe(201);
    id = r.json().id;
    expect(r.json()).toMatchObject({
      purposeName: '答复意见',
      categoryName: '城乡建设',
      placeholders: ['信访人称呼', '信访事项', '信访件编号', '受理日期', '办理单位', '办结期限'],
    });
    await send('gl_handler', 'POST', '/canned-replies', {
      purpose: 'note',
      title: '已约谈',
      body: '已于{今天}约谈{信访人称呼}，听取诉求。',
    });
    await send('gl_handler', 'POST', '/canned-replies', {
      purpose: 'reply',
      categoryCode: '020000',
      title: '欠薪答复',
      body: '经核查，用人单位已支付拖欠工资。',
    });
    const list = (await get('gl_handler', '/canned-replies?purpose=reply')).json().items;
    expect(list.map((i: { title: string }) => i.title)).toEqual(['欠薪答复', '违建处理意见']);
    const u = await send('gl_handler', 'PUT', `/canned-replies/${id}`, { ...REPLY, title: '违建答复' });
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json().title).toBe('违建答复');
  });

  it('offers, for a case, its category and the general ones only', async () => {
    const r = await get('gl_handler', `/canned-replies?caseId=${caseId}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(
      r
        .json()
        .items.map((i: { title: string }) => i.title)
        .sort(),
    ).toEqual(['已约谈', '违建答复'].sort());
  });

  it('refuses an unknown placeholder, an unknown category and a NUL', async () => {
    const p = await send('gl_handler', 'POST', '/canned-replies', { ...REPLY, body: '{信访人姓名}您好' });
    expect(p.statusCode).toBe(400);
    expect(p.json().error).toMatchObject({ code: 'canned_reply_unknown_placeholder', field: 'body' });
    expect(p.json().error.message).toContain('{信访人姓名}');
    const c = await send('gl_handler', 'POST', '/canned-replies', { ...REPLY, categoryCode: '123456' });
    expect(c.statusCode).toBe(400);
    expect(c.json().error.code).toBe('unknown_category');
    const n = await send('gl_handler', 'POST', '/canned-replies', { ...REPLY, title: 'a\u0000b' });
    expect(n.statusCode).toBe(400);
    const purpose = await send('gl_handler', 'POST', '/canned-replies', { ...REPLY, purpose: 'toString' });
    expect(purpose.statusCode).toBe(400);
  });

  it('is filled from the case: the name in full for the handler', async () => {
    const r = await send('gl_handler', 'POST', `/canned-replies/${id}/render`, { caseId });
    expect(r.statusCode, r.body).toBe(200);
    const text = r.json().text as string;
    expect(text).toContain('张三：您反映的“小区违建占用消防通道”');
    expect(text).toContain(`信访件编号${caseNumber}`);
    expect(text).toContain('由鼓楼区住房和城乡建设局办理');
    expect(text).toMatch(/已于\d{4}年\d{1,2}月\d{1,2}日受理/);
    expect(text).toMatch(/办理期限至\d{4}年\d{1,2}月\d{1,2}日。$/);
    expect(text).not.toContain('{');
  });

  it('masks the name for a role that sees parties masked', async () => {
    const own = await send('gl_leader', 'POST', '/canned-replies', {
      purpose: 'note',
      title: '领导批示',
      body: '请{办理单位}尽快答复{信访人称呼}。',
    });
    expect(own.statusCode, own.body).toBe(201);
    const r = await send('gl_leader', 'POST', `/canned-replies/${own.json().id}/render`, { caseId });
    expect(r.json().text).toBe('请鼓楼区住房和城乡建设局尽快答复张*。');
    // The leader's unit (the bureau) does not see the department's texts.
    expect(
      (await get('gl_leader', '/canned-replies')).json().items.map((i: { title: string }) => i.title),
    ).toEqual(['领导批示']);
  });

  it('is nobody else’s: another unit neither reads, edits, deletes nor renders it; no case out of scope', async () => {
    expect((await get('nj_handler', '/canned-replies')).json().items).toEqual([]);
    expect((await send('nj_handler', 'PUT', `/canned-replies/${id}`, REPLY)).statusCode).toBe(404);
    expect((await send('nj_handler', 'DELETE', `/canned-replies/${id}`)).statusCode).toBe(404);
    expect((await send('nj_handler', 'POST', `/canned-replies/${id}/render`, { caseId })).statusCode).toBe(
      404,
    );
    const out = await send('gl_handler', 'POST', `/canned-replies/${id}/render`, { caseId: otherCaseId });
    expect(out.statusCode).toBe(404);
    expect((await get('13900000001', '/canned-replies')).statusCode).toBe(403);
  });

  it('is deleted by its unit', async () => {
    expect((await send('gl_handler', 'DELETE', `/canned-replies/${id}`)).statusCode).toBe(200);
    expect((await get('gl_handler', '/canned-replies?purpose=reply')).json().items).toHaveLength(1);
  });
});
