// National flags on a matter (issue 11 item 9): 重大紧急, 同意公开, 涉法涉诉, 涉港澳台侨外, 扬言 — given
// at registration or set later, filterable in lists and the export, counted in the indicators;
// 重大紧急 reports the matter to the bureau above (a record, an SMS to its leaders through the
// outbox, an item on its daily monitoring, 签收).

import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFlags, cases, flagReports, outbox, users } from '../../src/db/schema.ts';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const LEADER_PHONE = '13700001111';
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    '13900000001',
    'gl_registrar',
    'gl_handler',
    'gl_leader',
    'gl_analyst',
    'nj_leader',
    'nj_supervisor',
  ]);
  await h.ctx.db
    .update(users)
    .set({ phoneEnc: h.ctx.pii.encrypt(LEADER_PHONE) })
    .where(eq(users.username, 'nj_leader'));
});
afterAll(async () => {
  await h?.close();
});

const letter = (subject: string, extra: Record<string, unknown> = {}) => ({
  form: 'letter',
  purpose: 'claim',
  categoryCode: '010000',
  subject,
  content: `${subject}，多次反映无果，情绪激动，请尽快处理。`,
  jurisdictionCode: '320106',
  petitioner: { name: '周强', phone: '13812349876' },
  ...extra,
});
const register = (user: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: '/api/v1/cases', headers: h.as(user), payload });
const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const post = (user: string, url: string, payload: Record<string, unknown> = {}) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });
const listIds = async (user: string, q: string) =>
  ((await get(user, `/cases?pageSize=200&${q}`)).json().items as { id: number }[]).map((c) => c.id);
const count = async () => (await h.ctx.db.select({ id: cases.id }).from(cases)).length;

let threat = 0;
let urgent = 0;
let urgentNumber = '';

describe('flags at registration', () => {
  it('staff give any flags; the matter carries them and lists filter by them', async () => {
    const res = await register(
      'gl_registrar',
      letter('拆迁补偿纠纷扬言上访', { flags: ['threat', 'litigation'] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    threat = res.json().caseId;
    const f = (await get('gl_registrar', `/cases/${threat}/flags`)).json();
    expect(f.flags.map((x: { name: string }) => x.name).sort()).toEqual(['扬言', '涉法涉诉'].sort());
    expect(await listIds('gl_registrar', 'flag=threat')).toContain(threat);
    expect(await listIds('gl_registrar', 'flag=litigation')).toContain(threat);
    expect(await listIds('gl_registrar', 'flag=foreign')).not.toContain(threat);
  });

  it('a citizen online may consent to publication but not flag the matter 重大紧急: 400, nothing stored', async () => {
    const ok = await register('13900000001', {
      ...letter('小区道路破损请求维修'),
      form: 'online',
      petitioner: undefined,
      flags: ['consent_public'],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const before = await count();
    const bad = await register('13900000001', {
      ...letter('小区道路破损再次反映'),
      form: 'online',
      petitioner: undefined,
      flags: ['major_urgent'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'flag_staff_only', field: 'flags' });
    expect(bad.json().error.message).toContain('重大紧急');
    expect(await count()).toBe(before);
    expect(await listIds('gl_registrar', 'flag=consent_public')).toContain(ok.json().caseId);
  });

  it('an unknown flag is a 400 naming the field', async () => {
    const res = await register('gl_registrar', letter('某事项', { flags: ['vip'] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toContain('flags');
    expect((await get('gl_registrar', '/cases?flag=vip')).statusCode).toBe(400);
  });
});

describe('重大紧急 reports the matter upwards', () => {
  it('set later by the bureau in charge: a report to 南京市信访局 and an SMS to its leader, no personal data', async () => {
    const res = await register('gl_registrar', letter('多名群众聚集反映工资拖欠'));
    urgent = res.json().caseId;
    urgentNumber = res.json().caseNumber;
    const set = await post('gl_registrar', `/cases/${urgent}/flags`, {
      set: ['major_urgent'],
      note: '二十余人聚集，已现场稳控',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().flags.map((f: { flag: string }) => f.flag)).toContain('major_urgent');
    expect(set.json().reports).toEqual([
      expect.objectContaining({ fromUnit: '鼓楼区信访局', toUnit: '南京市信访局', flagName: '重大紧急' }),
    ]);
    const rows = await h.ctx.db.select().from(outbox).where(eq(outbox.template, 'flag_report'));
    expect(rows).toHaveLength(1);
    const body = h.ctx.pii.decrypt(rows[0]?.bodyEnc ?? '');
    expect(body).toContain(urgentNumber);
    expect(body).toContain('重大紧急');
    expect(body).not.toContain('周强');
    expect(body).not.toContain('13812349876');
    expect(h.ctx.pii.decrypt(rows[0]?.recipientEnc ?? '')).toBe(LEADER_PHONE);
  });

  it("is on the city's daily monitoring and its report list until signed for, not on 鼓楼's monitoring", async () => {
    const daily = (await get('nj_leader', '/monitoring/daily')).json();
    const src = daily.sources.find((s: { id: string }) => s.id === 'flag_report_pending');
    expect(src.total).toBe(1);
    expect(src.items[0]).toMatchObject({ caseId: urgent, caseNumber: urgentNumber, unit: '鼓楼区信访局' });
    const gl = (await get('gl_leader', '/monitoring/daily')).json();
    expect(gl.sources.find((s: { id: string }) => s.id === 'flag_report_pending').total).toBe(0);
    const pending = (await get('nj_leader', '/flag-reports?pending=true')).json().items;
    expect(pending.map((r: { caseId: number }) => r.caseId)).toEqual([urgent]);
  });

  it('only the receiving bureau signs for it, once', async () => {
    const [r] = await h.ctx.db.select().from(flagReports).where(eq(flagReports.caseId, urgent));
    expect((await post('gl_leader', `/flag-reports/${r?.id}/acknowledge`)).statusCode).toBe(403);
    expect((await post('nj_leader', `/flag-reports/${r?.id}/acknowledge`)).statusCode).toBe(200);
    expect((await post('nj_supervisor', `/flag-reports/${r?.id}/acknowledge`)).json().error.code).toBe(
      'report_acknowledged',
    );
    expect((await get('nj_leader', '/flag-reports?pending=true')).json().items).toEqual([]);
  });

  it('cleared and set again: reported once only', async () => {
    await post('gl_registrar', `/cases/${urgent}/flags`, { clear: ['major_urgent'] });
    expect(await listIds('gl_registrar', 'flag=major_urgent')).not.toContain(urgent);
    await post('gl_registrar', `/cases/${urgent}/flags`, { set: ['major_urgent'] });
    expect(await listIds('gl_registrar', 'flag=major_urgent')).toContain(urgent);
    expect(await h.ctx.db.select().from(flagReports).where(eq(flagReports.caseId, urgent))).toHaveLength(1);
  });

  it('given at registration, it reports at once', async () => {
    const res = await register('gl_registrar', letter('企业停产工人讨薪', { flags: ['major_urgent'] }));
    const id = res.json().caseId;
    const [r] = await h.ctx.db.select().from(flagReports).where(eq(flagReports.caseId, id));
    expect(r?.flag).toBe('major_urgent');
  });
});

describe('who may set flags', () => {
  it('a department that does not hold the matter sees nothing (404); bad input is a 400; nothing changes', async () => {
    expect((await post('gl_handler', `/cases/${threat}/flags`, { set: ['foreign'] })).statusCode).toBe(404);
    const empty = await post('gl_registrar', `/cases/${threat}/flags`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('flags_empty');
    const both = await post('gl_registrar', `/cases/${threat}/flags`, {
      set: ['foreign'],
      clear: ['foreign'],
    });
    expect(both.json().error.code).toBe('flags_both');
    const rows = await h.ctx.db.select().from(caseFlags).where(eq(caseFlags.caseId, threat));
    expect(rows.map((r) => r.flag).sort()).toEqual(['litigation', 'threat']);
  });

  it('the city supervisor may flag a matter of its subtree', async () => {
    const res = await post('nj_supervisor', `/cases/${threat}/flags`, { set: ['foreign'] });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('counted and exported', () => {
  it('the indicators count flagged matters of the scope and period', async () => {
    const today = shanghaiDate(new Date());
    const res = await get('gl_analyst', `/analytics/indicators?scope=320106&from=${today}&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().flags).toMatchObject({
      major_urgent: 2,
      threat: 1,
      litigation: 1,
      foreign: 1,
      consent_public: 1,
    });
  });

  it('the Excel export takes the flag filter', async () => {
    const res = await get('gl_registrar', '/cases/export.xlsx?flag=major_urgent');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]?.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain(urgentNumber);
    expect(cells.join()).not.toContain('拆迁补偿纠纷扬言上访');
  });
});
