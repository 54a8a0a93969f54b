// Accusations (检举控告, issue 11 item 7): the accused (被反映人/被反映单位) are recorded with the
// matter; the matter is never assigned, forwarded or held by the accused unit, and the accused
// unit's staff provably cannot see it: list, detail, search, export, documents, the accused list,
// analytics drill-down and the daily monitoring all answer nothing or 404. Referral bodies
// (纪委监委, 人大, 政法委, 法院, 检察院) exist per jurisdiction and take the matter by 转送.

import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseAccused, cases, outbox } from '../../src/db/schema.ts';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let glBureau = 0; // 鼓楼区信访局
let zhujian = 0; // 鼓楼区住房和城乡建设局 (gl_handler's unit)
let gongan = 0; // 鼓楼区公安局
let jiwei = 0; // 鼓楼区纪委监委
const GL_STAFF = ['gl_registrar', 'gl_reviewer', 'gl_supervisor', 'gl_leader', 'gl_analyst'];

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['13900000001', 'nj_registrar', 'nj_leader', 'gl_handler', ...GL_STAFF]);
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units as {
    id: number;
    name: string;
  }[];
  const id = (name: string) => units.find((u) => u.name === name)?.id ?? 0;
  glBureau = id('鼓楼区信访局');
  zhujian = id('鼓楼区住房和城乡建设局');
  gongan = id('鼓楼区公安局');
  jiwei = id('鼓楼区纪委监委');
});
afterAll(async () => {
  await h?.close();
});

const accusation = (subject: string, accused: unknown[], extra: Record<string, unknown> = {}) => ({
  form: 'letter',
  purpose: 'accusation',
  categoryCode: '010000',
  subject,
  content: `${subject}，反映其在履职中收受好处、违规审批，请求查处。`,
  jurisdictionCode: '320106',
  petitioner: { name: '李明', phone: '13812345678' },
  accused,
  ...extra,
});
const register = (user: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: '/api/v1/cases', headers: h.as(user), payload });
const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const act = (user: string, id: number, action: string, payload: Record<string, unknown> = {}) =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/actions`,
    headers: h.as(user),
    payload: { action, ...payload },
  });
const count = async () => (await h.ctx.db.select({ id: cases.id }).from(cases)).length;

describe('the org model has the referral bodies per jurisdiction', () => {
  it('鼓楼区 has 纪委监委, 人大常委会, 委政法委, 人民法院, 人民检察院; 南京市 a 中级人民法院', async () => {
    const res = await get('gl_registrar', '/accusations/bodies?jurisdiction=320106');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((b: { name: string }) => b.name)).toEqual([
      '鼓楼区纪委监委',
      '鼓楼区人大常委会',
      '鼓楼区委政法委',
      '鼓楼区人民法院',
      '鼓楼区人民检察院',
    ]);
    const city = await get('nj_registrar', '/accusations/bodies?jurisdiction=320100');
    expect(city.json().items.map((b: { name: string }) => b.name)).toContain('南京市中级人民法院');
    expect(jiwei).toBeGreaterThan(0);
  });
});

describe('recording the accused', () => {
  it('only on an accusation: 400, nothing stored', async () => {
    const before = await count();
    const res = await register(
      'gl_registrar',
      accusation('反映某局违规收费', [{ unitId: zhujian }], { purpose: 'claim' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'accused_not_accusation', field: 'accused' });
    expect(await count()).toBe(before);
  });

  it('an empty accused entry is a 400 in Chinese', async () => {
    const res = await register('gl_registrar', accusation('反映某人违纪', [{}]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('请填写被反映人或被反映单位');
  });

  it('a bureau may not register an accusation against itself: 400, nothing stored', async () => {
    const before = await count();
    const queued = (await h.ctx.db.select({ id: outbox.id }).from(outbox)).length;
    const res = await register('gl_registrar', accusation('反映区信访局工作人员', [{ unitId: glBureau }]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('accused_is_registrar');
    expect(await count()).toBe(before);
    expect((await h.ctx.db.select({ id: outbox.id }).from(outbox)).length).toBe(queued);
  });

  it('a department may not register one against itself either', async () => {
    const res = await register('gl_handler', accusation('反映住建局某科长', [{ unitId: zhujian }]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('accused_is_registrar');
  });
});

describe('an accusation against a department (鼓楼区住建局)', () => {
  let id = 0;
  it('is registered with the person and the unit; staff read them, names masked by role', async () => {
    const res = await register(
      'gl_registrar',
      accusation('举报住建局某科长违规审批', [{ personName: '王建国', position: '科长', unitId: zhujian }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().caseId;
    const full = (await get('gl_registrar', `/cases/${id}/accused`)).json().items;
    expect(full).toEqual([
      expect.objectContaining({
        personName: '王建国',
        position: '科长',
        unitId: zhujian,
        unitName: '鼓楼区住房和城乡建设局',
      }),
    ]);
    const masked = (await get('gl_leader', `/cases/${id}/accused`)).json().items;
    expect(masked[0].personName).not.toBe('王建国');
    const [stored] = await h.ctx.db.select().from(caseAccused).where(eq(caseAccused.caseId, id));
    expect(stored?.personNameEnc).not.toContain('王建国');
  });

  it('is never assigned to the accused unit: 400, the matter stays with the bureau', async () => {
    await h.act('gl_registrar', id, 'accept');
    const res = await act('gl_registrar', id, 'assign', { targetUnitId: zhujian, instructions: '请核查' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'accused_is_holder' });
    expect(res.json().error.message).toContain('不得交由被反映单位');
    const [c] = await h.ctx.db.select().from(cases).where(eq(cases.id, id));
    expect(c).toMatchObject({ state: 'accepted', currentUnitId: glBureau, assignedUnitId: null });
  });

  it("the accused department's staff see nothing of it: detail, accused, actions 404; not in lists", async () => {
    expect((await get('gl_handler', `/cases/${id}`)).statusCode).toBe(404);
    expect((await get('gl_handler', `/cases/${id}/accused`)).statusCode).toBe(404);
    expect((await act('gl_handler', id, 'add_progress', { note: '看看' })).statusCode).toBe(404);
    const list = (await get('gl_handler', '/cases?pageSize=200')).json();
    expect(list.items.map((c: { id: number }) => c.id)).not.toContain(id);
  });

  it('may be assigned to another department, which sees it', async () => {
    await h.act('gl_registrar', id, 'assign', { targetUnitId: gongan, instructions: '请核查' });
    expect((await get('gl_registrar', `/cases/${id}`)).json().state).toBe('handling');
  });

  it('a unit named later is kept out from then on; naming the holder is refused', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/accused`,
      headers: h.as('gl_registrar'),
      payload: { accused: [{ unitId: gongan }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('accused_is_holder');
    expect((await get('gl_registrar', `/cases/${id}/accused`)).json().items).toHaveLength(1);
  });
});

describe('an accusation against a petition bureau (鼓楼区信访局), registered by the city bureau', () => {
  let id = 0;
  let control = 0;
  let caseNumber = '';
  const subject = '举报区信访局工作人员推诿刁难';
  beforeAll(async () => {
    const res = await register(
      'nj_registrar',
      accusation(subject, [{ personName: '赵刚', position: '科员', unitId: glBureau }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().caseId;
    caseNumber = res.json().caseNumber;
    await h.act('nj_registrar', id, 'accept');
    // The same kind of letter without an accused unit: the 鼓楼 bureau sees it (its subtree).
    const other = await register('nj_registrar', accusation('举报某小区物业乱收费', []));
    control = other.json().caseId;
  });

  it('the city bureau sees it and its documents; the control matter is visible to 鼓楼 staff', async () => {
    const detail = (await get('nj_registrar', `/cases/${id}`)).json();
    expect(detail.documents.length).toBeGreaterThan(0);
    for (const u of GL_STAFF) expect((await get(u, `/cases/${control}`)).statusCode, u).toBe(200);
  });

  it('鼓楼 staff of every role: detail, accused list, notifications, documents, actions all 404', async () => {
    const docs = (await get('nj_registrar', `/cases/${id}`)).json().documents as { id: number }[];
    for (const u of GL_STAFF) {
      expect((await get(u, `/cases/${id}`)).statusCode, u).toBe(404);
      expect((await get(u, `/cases/${id}/accused`)).statusCode, u).toBe(404);
      expect((await get(u, `/cases/${id}/notifications`)).statusCode, u).toBe(404);
      for (const d of docs) expect((await get(u, `/cases/${id}/documents/${d.id}`)).statusCode, u).toBe(404);
    }
    expect((await act('gl_registrar', id, 'add_progress', { note: '了解情况' })).statusCode).toBe(404);
  });

  it('not in their lists, searches (words, case number) or the Excel export', async () => {
    for (const u of GL_STAFF) {
      const ids = (url: string) =>
        get(u, url).then((r) => r.json().items.map((c: { id: number }) => c.id) as number[]);
      expect(await ids('/cases?pageSize=200'), u).not.toContain(id);
      expect(await ids('/cases?pageSize=200&jurisdiction=320106'), u).not.toContain(id);
      expect(await ids(`/cases?q=${encodeURIComponent('推诿刁难')}`), u).not.toContain(id);
      expect(await ids(`/cases?q=${caseNumber}`), u).toEqual([]);
    }
    // The control proves the search would find such a letter.
    const found = await get('gl_registrar', `/cases?q=${encodeURIComponent('物业乱收费')}`);
    expect(found.json().items.map((c: { id: number }) => c.id)).toContain(control);
    const res = await get('gl_registrar', '/cases/export.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]?.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).not.toContain(caseNumber);
    expect(cells.join()).not.toContain(subject);
  });

  it("not among the related matters of the same petitioner's other letter, nor in the duplicate check", async () => {
    const related = (await get('gl_registrar', `/cases/${control}`)).json().related as { caseId: number }[];
    expect(related.map((r) => r.caseId)).not.toContain(id);
    const nj = (await get('nj_registrar', `/cases/${control}`)).json().related as { caseId: number }[];
    expect(nj.map((r) => r.caseId)).toContain(id); // the city sees the link: the check would find it
    const similar = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases/similar',
      headers: h.as('gl_registrar'),
      payload: {
        subject,
        content: `${subject}，反映其在履职中收受好处。`,
        jurisdictionCode: '320106',
        phone: '13812345678',
      },
    });
    expect(similar.statusCode, similar.body).toBe(200);
    expect(similar.json().candidates.map((c: { caseId: number }) => c.caseId)).not.toContain(id);
  });

  it('not in the analytics drill-down nor the daily monitoring of 鼓楼; the city sees it', async () => {
    const today = shanghaiDate(new Date());
    const drill = (u: string, scope: string) =>
      get(u, `/analytics/cases?scope=${scope}&from=${today}&to=${today}&metric=total&pageSize=100`);
    const gl = await drill('gl_analyst', '320106');
    expect(gl.statusCode, gl.body).toBe(200);
    expect(gl.json().items.map((c: { id: number }) => c.id)).toContain(control);
    expect(gl.json().items.map((c: { id: number }) => c.id)).not.toContain(id);
    const nj = await drill('nj_leader', '320106');
    expect(nj.json().items.map((c: { id: number }) => c.id)).toContain(id);
    const daily = await get('gl_leader', '/monitoring/daily');
    expect(daily.statusCode).toBe(200);
    expect(daily.body).not.toContain(caseNumber);
  });

  it('is never forwarded to the accused bureau; it may be referred to the 纪委监委', async () => {
    const c2 = await register('nj_registrar', accusation('再次举报区信访局推诿', [{ unitId: glBureau }]));
    const cid = c2.json().caseId;
    const bad = await act('nj_registrar', cid, 'forward', { targetUnitId: glBureau });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('accused_is_holder');
    const ok = await act('nj_registrar', cid, 'forward', { targetUnitId: jiwei, note: '移送纪检监察机关' });
    expect(ok.statusCode, ok.body).toBe(200);
    const [row] = await h.ctx.db.select().from(cases).where(eq(cases.id, cid));
    expect(row?.currentUnitId).toBe(jiwei);
    expect((await get('gl_registrar', `/cases/${cid}`)).statusCode).toBe(404);
  });
});
