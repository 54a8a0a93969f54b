// 信访救助 over HTTP: an application on a matter of 鼓楼区 is approved by level as its amount requires
// (county alone up to 30,000元; county → city → province above 100,000元), refused at the wrong
// level; paid in instalments (never above what was approved); closed only when paid in full with
// the petitioner's undertaking — the matter's closure condition says what it still waits on. The
// applicant's name is encrypted at rest and masked by role; totals by jurisdiction and year.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, reliefApplications } from '../../src/db/schema.ts';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let caseId = 0;
const YUAN = 100;
const today = () => shanghaiDate(new Date());
const year = () => Number(today().slice(0, 4));

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const post = (user: string, url: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });
const act = (user: string, id: number, payload: Record<string, unknown>) =>
  post(user, `/relief/${id}/actions`, payload);

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    '13900000001',
    'gl_registrar',
    'gl_supervisor',
    'gl_leader',
    'gl_handler',
    'nj_leader',
    'nj_supervisor',
    'js_leader',
  ]);
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as('13900000001'),
    payload: {
      form: 'online',
      purpose: 'claim',
      subject: '因病致贫生活困难请求救助',
      content: '本人患重病，医疗费用高，家庭生活困难，请求帮助。',
      jurisdictionCode: '320106',
    },
  });
  caseId = res.json().caseId;
  await h.act('gl_registrar', caseId, 'accept');
});
afterAll(async () => {
  await h?.close();
});

const apply = (amountYuan: number, user = 'gl_registrar') =>
  post(user, '/relief', {
    caseId,
    applicantName: '张三',
    applicantIdNumber: '320106198001011233',
    reason: '信访人患重病，家庭无固定收入',
    requestedFen: amountYuan * YUAN,
  });

describe('信访救助: approval by level', () => {
  it('up to 30,000元 the county approves alone; the city may not', async () => {
    const res = await apply(20_000);
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ status: 'pending', pendingLevelName: '县级', requestedYuan: '20,000.00' });
    expect(a.chain.map((c: { name: string }) => c.name)).toEqual(['县级']);
    const city = await act('nj_leader', a.id, { action: 'approve', amountFen: 2_000_000, opinion: '同意' });
    expect(city.statusCode).toBe(403);
    expect(city.json().error.message).toContain('县级');
    // A supervisor of the county bureau is not an approver either.
    expect(
      (await act('gl_supervisor', a.id, { action: 'approve', amountFen: 1, opinion: '同意' })).statusCode,
    ).toBe(403);
    const above = await act('gl_leader', a.id, { action: 'approve', amountFen: 2_500_000, opinion: '同意' });
    expect(above.json().error).toMatchObject({ code: 'relief_amount_above_request', field: 'amountFen' });
    const ok = await act('gl_leader', a.id, {
      action: 'approve',
      amountFen: 1_500_000,
      opinion: '核实后同意救助1.5万元',
    });
    expect(ok.json()).toMatchObject({ status: 'approved', approvedFen: 1_500_000, pendingLevel: null });
  });

  it('above 100,000元: county → city → province, each stating its amount', async () => {
    const a = (await apply(150_000)).json();
    expect(a.chain.map((c: { name: string }) => c.name)).toEqual(['县级', '设区市级', '省级']);
    const c1 = await act('gl_leader', a.id, {
      action: 'approve',
      amountFen: 15_000_000,
      opinion: '同意，报市审批',
    });
    expect(c1.json()).toMatchObject({ status: 'pending', pendingLevelName: '设区市级' });
    // The county's leader cannot approve twice.
    expect(
      (await act('gl_leader', a.id, { action: 'approve', amountFen: 15_000_000, opinion: 'x' })).statusCode,
    ).toBe(403);
    const c2 = await act('nj_leader', a.id, {
      action: 'approve',
      amountFen: 12_000_000,
      opinion: '核减至12万元，报省审批',
    });
    expect(c2.json()).toMatchObject({ status: 'pending', pendingLevelName: '省级', approvedFen: 12_000_000 });
    const c3 = await act('js_leader', a.id, { action: 'approve', amountFen: 12_000_000, opinion: '同意' });
    expect(c3.json().status).toBe('approved');
    expect(c3.json().approvals.map((x: { levelName: string }) => x.levelName)).toEqual([
      '县级',
      '设区市级',
      '省级',
    ]);
  });

  it('a city cut below its limit ends the chain at the city', async () => {
    const a = (await apply(60_000)).json();
    await act('gl_leader', a.id, { action: 'approve', amountFen: 6_000_000, opinion: '同意' });
    const c2 = await act('nj_leader', a.id, { action: 'approve', amountFen: 5_000_000, opinion: '核减' });
    expect(c2.json()).toMatchObject({ status: 'approved', approvedFen: 5_000_000 });
  });

  it('a refusal ends it; nothing more can be done', async () => {
    const a = (await apply(10_000)).json();
    const r = await act('gl_leader', a.id, { action: 'reject', opinion: '经核查不符合救助条件' });
    expect(r.json()).toMatchObject({ status: 'rejected', statusName: '不予救助' });
    expect(r.json().closure.waitingOn).toContain('救助申请未获批准');
    const pay = await act('gl_registrar', a.id, {
      action: 'pay',
      amountFen: 100,
      date: today(),
      payer: '鼓楼区财政局',
      method: 'bank',
      voucher: 'V1',
    });
    expect(pay.statusCode).toBe(409);
  });
});

describe('发放 and 结案: the matter waits on the relief being paid', () => {
  it('paid in instalments, never more than approved; closed only when paid in full with the undertaking', async () => {
    const list = (await get('gl_registrar', `/relief?caseId=${caseId}&status=approved`)).json().items;
    const a = list.find((x: { approvedFen: number }) => x.approvedFen === 12_000_000);
    const pay = (amountFen: number, voucher: string) =>
      act('gl_registrar', a.id, {
        action: 'pay',
        amountFen,
        date: today(),
        payer: '鼓楼区民政局',
        method: 'bank',
        voucher,
      });
    expect((await pay(6_000_000, 'MZ-2026-001')).json()).toMatchObject({
      status: 'approved',
      paidFen: 6_000_000,
    });
    const early = await act('gl_registrar', a.id, { action: 'close', undertakingSigned: true });
    expect(early.statusCode).toBe(409);
    const detail = (await get('gl_registrar', `/relief/${a.id}`)).json();
    expect(detail.closure.met).toBe(false);
    expect(detail.closure.waitingOn).toContain('救助金尚未足额发放');
    const over = await pay(6_000_001, 'MZ-2026-002');
    expect(over.json().error).toMatchObject({ code: 'relief_overpaid', field: 'amountFen' });
    const paid = await pay(6_000_000, 'MZ-2026-002');
    expect(paid.json()).toMatchObject({ status: 'paid', paidFen: 12_000_000 });
    expect(paid.json().payments).toHaveLength(2);
    expect(paid.json().closure.waitingOn).toEqual(['信访人尚未签署息诉罢访承诺书']);
    const noUndertaking = await act('gl_registrar', a.id, { action: 'close' });
    expect(noUndertaking.statusCode).toBe(400);
    const closed = await act('gl_registrar', a.id, { action: 'close', undertakingSigned: true });
    expect(closed.json()).toMatchObject({ status: 'closed', closure: { met: true, waitingOn: [] } });
    const labels = (await get('gl_supervisor', `/cases/${caseId}`))
      .json()
      .timeline.map((e: { label: string }) => e.label);
    for (const l of ['信访救助申请', '信访救助审批', '不予信访救助', '信访救助金发放', '信访救助结案'])
      expect(labels).toContain(l);
  });
});

describe('personal data and totals', () => {
  it('the applicant is encrypted at rest, in full for the registrar, masked for a supervisor', async () => {
    const [row] = await h.ctx.db
      .select()
      .from(reliefApplications)
      .where(eq(reliefApplications.caseId, caseId));
    expect(JSON.stringify(row)).not.toContain('张三');
    expect(JSON.stringify(row)).not.toContain('320106198001011233');
    const full = (await get('gl_registrar', `/relief/${row?.id}`)).json();
    expect(full).toMatchObject({ applicantName: '张三', applicantIdNumber: '320106198001011233' });
    // The detail's full read is audited; lists show the applicant masked to everyone.
    const reads = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'relief.read_personal'), eq(auditLog.entityId, String(caseId))));
    expect(reads.length).toBeGreaterThan(0);
    const listed = (await get('gl_registrar', `/relief?caseId=${caseId}`)).json().items;
    expect(listed.every((x: { applicantName: string }) => x.applicantName === '张*')).toBe(true);
    const masked = (await get('gl_supervisor', `/relief/${row?.id}`)).json();
    expect(masked.applicantName).toBe('张*');
    expect(masked.applicantIdNumber).toBe('3201**********1233');
  });

  it('a bad application is a 400 naming the field and stores nothing', async () => {
    const before = (await get('gl_registrar', `/relief?caseId=${caseId}`)).json().items.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ requestedFen: 12.5 }, 'requestedFen'],
      [{ requestedFen: 40_000_000 }, 'requestedFen'],
      [{ applicantIdNumber: '320106198001011234' }, 'applicantIdNumber'],
    ];
    for (const [payload, field] of cases) {
      const res = await post('gl_registrar', '/relief', {
        caseId,
        applicantName: '张三',
        reason: '困难',
        requestedFen: 100_000,
        ...payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    // A department's handler does not see the matter at all: 404, as for any case out of scope.
    expect((await apply(1_000, 'gl_handler')).statusCode).toBe(404);
    expect((await get('gl_registrar', `/relief?caseId=${caseId}`)).json().items).toHaveLength(before);
  });

  it('totals by jurisdiction and year, in fen', async () => {
    const cityRes = await get('nj_leader', `/relief/totals?year=${year()}`);
    expect(cityRes.statusCode, cityRes.body).toBe(200);
    const city = cityRes.json();
    expect(city.items).toHaveLength(1);
    expect(city.items[0]).toMatchObject({
      jurisdictionCode: '320106',
      name: '鼓楼区',
      applications: 4,
      approved: 3,
      rejected: 1,
      approvedFen: 1_500_000 + 12_000_000 + 5_000_000,
      paidFen: 12_000_000,
      closed: 1,
    });
    const province = (await get('js_leader', `/relief/totals?year=${year()}`)).json();
    expect(province.items[0]).toMatchObject({ jurisdictionCode: '320100', applications: 4 });
    expect(province.total.paidFen).toBe(12_000_000);
    expect((await get('js_leader', `/relief/totals?year=${year() - 1}`)).json().items).toHaveLength(0);
    expect((await get('gl_leader', '/relief/totals?jurisdiction=320100')).statusCode).toBe(403);
  });
});
