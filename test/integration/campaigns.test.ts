// 专项行动 over HTTP: 南京市 launches a 百日攻坚 over the city with targets; 鼓楼区 and 南京市 register
// disputes (some 三跨三分离) and a petitioned case; statuses move; the numbers match what was entered,
// overall and by county; a bureau outside a campaign's scope neither sees it nor adds to it; the
// responsible unit sees its own entries; the Excel register has the rows; refusals change nothing.
import { and, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaignEntries, campaigns } from '../../src/db/schema.ts';
import { seedCampaigns } from '../../src/seed/campaigns.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let zhujian = 0; // 鼓楼区住房和城乡建设局

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    '13900000001',
    'gl_registrar',
    'gl_handler',
    'gl_supervisor',
    'nj_registrar',
    'nj_supervisor',
    'nj_leader',
    'nj_analyst',
    'js_leader',
  ]);
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
});
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const post = (user: string, url: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });

const dispute = (jurisdictionCode: string, extra: Record<string, unknown> = {}) => ({
  description: '小区业主与物业公司因维修资金使用产生纠纷',
  jurisdictionCode,
  category: '城乡建设',
  partiesCount: 12,
  riskLevel: 'medium',
  ...extra,
});

describe('专项行动: launch, register, numbers', () => {
  let id = 0;
  let other = 0; // a campaign over 玄武区 only
  const entries: number[] = [];

  it('a city supervisor launches a campaign over the city; a county cannot launch one over the city', async () => {
    const res = await post('nj_supervisor', '/campaigns', {
      name: '2026年百日攻坚专项行动',
      kind: 'hundred_days',
      startDate: '2026-07-01',
      endDate: '2026-10-08',
      targetRate: 60,
      targetInvestigated: 5,
      targetStabilityRate: 80,
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    id = c.id;
    expect(c).toMatchObject({
      scopeCode: '320100',
      scopeName: '南京市',
      kindName: '百日攻坚',
      statusName: '进行中',
    });
    expect(c.numbers).toMatchObject({ investigated: 0, rate: null });

    const county = await post('gl_supervisor', '/campaigns', {
      name: '越权',
      kind: 'other',
      startDate: '2026-07-01',
      endDate: '2026-07-31',
      scopeCode: '320100',
    });
    expect(county.statusCode).toBe(403);
    const registrar = await post('nj_registrar', '/campaigns', {
      name: '无权',
      kind: 'other',
      startDate: '2026-07-01',
      endDate: '2026-07-31',
    });
    expect(registrar.statusCode).toBe(403);
    const period = await post('nj_supervisor', '/campaigns', {
      name: '日期错',
      kind: 'screening',
      startDate: '2026-07-31',
      endDate: '2026-07-01',
    });
    expect(period.statusCode).toBe(400);
    expect(period.json().error).toMatchObject({ code: 'campaign_period_invalid', field: 'endDate' });
    const kind = await post('nj_supervisor', '/campaigns', {
      name: '类型错',
      kind: 'parade',
      startDate: '2026-07-01',
      endDate: '2026-07-31',
    });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.message).toContain('类型');

    const xw = await post('nj_supervisor', '/campaigns', {
      name: '玄武区矛盾纠纷大排查大化解',
      kind: 'screening',
      startDate: '2026-07-01',
      endDate: '2026-12-31',
      scopeCode: '320102',
    });
    expect(xw.statusCode).toBe(201);
    other = xw.json().id;
  });

  it('the county and the city register disputes in their own places; a petitioned case is linked once', async () => {
    const add = async (user: string, body: Record<string, unknown>) => {
      const res = await post(user, `/campaigns/${id}/entries`, body);
      expect(res.statusCode, res.body).toBe(201);
      entries.push(res.json().entry.id);
      return res.json();
    };
    await add('gl_registrar', dispute('320106', { crossKinds: ['cross_region', 'person_household'] }));
    await add('gl_registrar', dispute('320106001', { crossKinds: ['cross_department'] }));
    await add('gl_registrar', dispute('320106', { responsibleUnitId: zhujian, riskLevel: 'high' }));
    await add('nj_registrar', dispute('320102', { category: '劳动社保' }));
    // A case petitioned in 鼓楼区: place and subject come from the case.
    const c = await post('13900000001', '/cases', {
      form: 'online',
      purpose: 'claim',
      subject: '拆迁安置补偿款长期未落实',
      content: '拆迁安置补偿款长期未落实，多次反映未果，请求协调解决。',
      jurisdictionCode: '320106',
    });
    expect(c.statusCode).toBe(201);
    const caseId = c.json().caseId as number;
    const linked = await add('gl_registrar', { caseId, riskLevel: 'high' });
    expect(linked.entry).toMatchObject({
      caseId,
      jurisdictionCode: '320106',
      description: '拆迁安置补偿款长期未落实',
    });
    expect(linked.entry.caseNumber).toMatch(/^320106\d{11}$/);
    expect(linked.numbers.investigated).toBe(3 + 1); // 鼓楼区 sees its own four

    const again = await post('gl_registrar', `/campaigns/${id}/entries`, { caseId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('campaign_entry_exists');
    // The case is not in 玄武区: it cannot go on that campaign's register.
    const outside = await post('nj_registrar', `/campaigns/${other}/entries`, { caseId });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe('campaign_case_out_of_scope');
  });

  it("refusals: another county's place, a place outside the scope, missing fields, no such case", async () => {
    const before = await h.ctx.db.select().from(campaignEntries);
    const xuanwu = await post('gl_registrar', `/campaigns/${id}/entries`, dispute('320102'));
    expect(xuanwu.statusCode).toBe(403);
    expect(xuanwu.json().error.message).toContain('本辖区');
    const suzhou = await post('nj_registrar', `/campaigns/${id}/entries`, dispute('320505'));
    expect(suzhou.statusCode).toBe(400);
    expect(suzhou.json().error).toMatchObject({
      code: 'campaign_entry_out_of_scope',
      field: 'jurisdictionCode',
    });
    const bare = await post('gl_registrar', `/campaigns/${id}/entries`, { jurisdictionCode: '320106' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error).toMatchObject({ code: 'campaign_entry_description_required' });
    const badCross = await post(
      'gl_registrar',
      `/campaigns/${id}/entries`,
      dispute('320106', { crossKinds: ['x'] }),
    );
    expect(badCross.statusCode).toBe(400);
    const noCase = await post('gl_registrar', `/campaigns/${id}/entries`, { caseId: 99_999_999 });
    expect(noCase.statusCode).toBe(404);
    const analyst = await post('nj_analyst', `/campaigns/${id}/entries`, dispute('320102'));
    expect(analyst.statusCode).toBe(403);
    expect(await h.ctx.db.select().from(campaignEntries)).toHaveLength(before.length);
  });

  it('statuses move by the table; stability is marked for 三跨三分离 matters only', async () => {
    const [crossA, crossB, plain, xuanwu, linked] = entries as [number, number, number, number, number];
    const status = (user: string, entry: number, body: Record<string, unknown>) =>
      post(user, `/campaigns/${id}/entries/${entry}/status`, body);
    expect((await status('gl_supervisor', crossA, { status: 'resolving' })).statusCode).toBe(200);
    const done = await status('gl_supervisor', crossA, { status: 'resolved', note: '已签订协议' });
    expect(done.json().entry).toMatchObject({ statusName: '已化解', statusNote: '已签订协议' });
    const back = await status('gl_supervisor', crossA, { status: 'resolving' });
    expect(back.statusCode).toBe(409);
    expect(back.json().error).toMatchObject({ code: 'campaign_entry_wrong_status' });
    expect(back.json().error.message).toContain('已化解');
    expect(
      (await status('gl_supervisor', crossB, { status: 'unresolved', stable: true })).json().entry,
    ).toMatchObject({
      statusName: '未化解（稳控）',
      stable: true,
    });
    const notCross = await status('gl_supervisor', plain, { status: 'resolving', stable: true });
    expect(notCross.statusCode).toBe(400);
    expect(notCross.json().error.code).toBe('campaign_stable_not_cross');
    // The responsible unit moves its own entry; the county may not touch 玄武区's.
    expect((await status('gl_handler', plain, { status: 'resolved' })).statusCode).toBe(200);
    expect((await status('gl_supervisor', xuanwu, { status: 'resolved' })).statusCode).toBe(404);
    expect((await status('nj_analyst', xuanwu, { status: 'resolved' })).statusCode).toBe(403);
    expect((await status('nj_registrar', xuanwu, { status: 'resolving' })).statusCode).toBe(200);
    expect((await status('gl_registrar', linked, { status: 'resolving' })).statusCode).toBe(200);
    // The linked case's timeline shows both steps (internal events).
    const caseId = (await get('gl_registrar', `/campaigns/${id}`))
      .json()
      .entries.find((e: { id: number }) => e.id === linked).caseId;
    const labels = (await get('gl_supervisor', `/cases/${caseId}`))
      .json()
      .timeline.map((e: { label: string }) => e.label);
    expect(labels).toEqual(expect.arrayContaining(['列入专项行动排查台账', '专项行动排查台账状态更新']));
  });

  it('the numbers match what was entered: overall, by county, and against the targets', async () => {
    const d = (await get('nj_supervisor', `/campaigns/${id}`)).json();
    // 5 entries: 2 resolved (crossA, plain); 三跨三分离: crossA resolved, crossB stabilised → 2/2.
    expect(d.numbers).toMatchObject({
      investigated: 5,
      resolved: 2,
      unresolved: 1,
      resolving: 2,
      cross: 2,
      crossStable: 2,
    });
    expect(d.numbers.rate).toBeCloseTo(0.4);
    expect(d.numbers.stabilityRate).toBe(1);
    expect(d.partial).toBe(false);
    expect(
      d.byJurisdiction.map((r: { name: string; investigated: number; resolved: number }) => [
        r.name,
        r.investigated,
        r.resolved,
      ]),
    ).toEqual([
      ['玄武区', 1, 0],
      ['鼓楼区', 4, 2],
    ]);
    expect(d.targets.map((t: { key: string; met: boolean }) => [t.key, t.met])).toEqual([
      ['investigated', true],
      ['rate', false], // 40 % < 60 %
      ['stabilityRate', true],
    ]);
    expect(d.targetMet).toBe(false);
    // The province sees the same; 鼓楼区 sees its own four, by town.
    expect((await get('js_leader', `/campaigns/${id}`)).json().numbers.investigated).toBe(5);
    const gl = (await get('gl_supervisor', `/campaigns/${id}`)).json();
    expect(gl).toMatchObject({ partial: true, base: { code: '320106' } });
    expect(gl.numbers).toMatchObject({ investigated: 4, resolved: 2 });
    expect(gl.byJurisdiction.map((r: { code: string }) => r.code)).toEqual(['320106', '320106001']);
    // The list carries the numbers too.
    const list = (await get('nj_supervisor', '/campaigns')).json().items;
    expect(list.find((c: { id: number }) => c.id === id).numbers.investigated).toBe(5);
    // By the year it started, and by status.
    const y2026 = (await get('nj_supervisor', '/campaigns?year=2026&status=active')).json().items;
    expect(y2026.map((c: { id: number }) => c.id)).toContain(id);
    expect((await get('nj_supervisor', '/campaigns?year=2025')).json().items).toEqual([]);
    expect((await get('nj_supervisor', '/campaigns?year=abc')).statusCode).toBe(400);
    // Filters narrow the rows, not the numbers.
    const cross = (await get('nj_supervisor', `/campaigns/${id}?cross=true`)).json();
    expect(cross.entries).toHaveLength(2);
    expect(cross.numbers.investigated).toBe(5);
  });

  it("a bureau outside a campaign's scope neither sees it nor adds to it; the responsible unit sees its own", async () => {
    const list = (await get('gl_supervisor', '/campaigns')).json().items.map((c: { id: number }) => c.id);
    expect(list).toContain(id);
    expect(list).not.toContain(other);
    expect((await get('gl_supervisor', `/campaigns/${other}`)).statusCode).toBe(404);
    const add = await post('gl_registrar', `/campaigns/${other}/entries`, dispute('320106'));
    expect(add.statusCode).toBe(404);
    expect(add.json().error.message).toContain('专项行动');
    expect((await get('gl_supervisor', `/campaigns/${other}/register.xlsx`)).statusCode).toBe(404);
    // 住建局 (a department) sees the city's campaign with only the entry it is responsible for.
    const dept = (await get('gl_handler', `/campaigns/${id}`)).json();
    expect(dept.entries.map((e: { responsibleUnitId: number }) => e.responsibleUnitId)).toEqual([zhujian]);
    expect(dept.numbers.investigated).toBe(1);
  });

  it('the Excel register has a row per entry and the numbers', async () => {
    const res = await get('nj_supervisor', `/campaigns/${id}/register.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('filename*=');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('排查台账');
    if (!ws) throw new Error('the register has no worksheet');
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toContain('矛盾纠纷概况');
    const rows = [2, 3, 4, 5, 6].map(values);
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5]);
    expect(rows.filter((r) => r.includes('已化解'))).toHaveLength(2);
    expect(rows.some((r) => r.includes('跨地区、人户分离'))).toBe(true);
    const text = JSON.stringify(ws?.getSheetValues());
    expect(text).toContain('排查 5 件，化解 2 件，化解率 40.0%');
    expect(text).toContain('化解稳定率 100.0%');
  });

  it('targets change; a closed campaign takes no entries until reopened; only the scope bureau manages', async () => {
    const t = await post('nj_leader', `/campaigns/${id}/actions`, { action: 'set_targets', targetRate: 40 });
    expect(t.statusCode).toBe(200);
    expect(t.json().targetMet).toBe(true);
    expect((await post('gl_supervisor', `/campaigns/${id}/actions`, { action: 'close' })).statusCode).toBe(
      403,
    );
    expect(
      (await post('nj_supervisor', `/campaigns/${id}/actions`, { action: 'close' })).json().statusName,
    ).toBe('已结束');
    const closed = await post('gl_registrar', `/campaigns/${id}/entries`, dispute('320106'));
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('campaign_closed');
    const twice = await post('nj_supervisor', `/campaigns/${id}/actions`, { action: 'close' });
    expect(twice.statusCode).toBe(409);
    expect((await post('nj_supervisor', `/campaigns/${id}/actions`, { action: 'reopen' })).statusCode).toBe(
      200,
    );
  });

  it('every change left one audit row', async () => {
    const rows = await h.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'campaign'), like(auditLog.action, 'campaign.%')));
    const n = (a: string) => rows.filter((r) => r.action === a).length;
    expect(n('campaign.create')).toBe(2);
    expect(n('campaign.add_entry')).toBe(5);
    expect(n('campaign.update_entry')).toBe(6);
    expect(n('campaign.set_targets') + n('campaign.close') + n('campaign.reopen')).toBe(3);
  });
});

describe('demo data', () => {
  it('one 百日攻坚 over the province with 30 entries in every status, key projects (three with a 住建 department as 责任单位) with one overdue milestone', async () => {
    const first = await seedCampaigns(h.ctx, { seed: 1 });
    expect(first).toEqual({ entries: 0, projects: 0 }); // a campaign exists already: nothing added
    await h.ctx.db.delete(campaignEntries);
    await h.ctx.db.delete(campaigns);
    expect(await seedCampaigns(h.ctx, { seed: 1 })).toEqual({ entries: 30, projects: 8 });
    // 鼓楼区住建局 is 责任单位 of one of them: its handler sees that one (and only that one).
    const own = (await get('gl_handler', '/projects')).json().items;
    expect(own.map((p: { title: string }) => p.title)).toEqual(['物业服务纠纷“一站式”化解']);
    const list = (await get('js_leader', '/campaigns')).json().items;
    expect(list).toHaveLength(1);
    const c = list[0];
    expect(c.name).toMatch(/^\d{4}年百日攻坚专项行动$/);
    expect(c).toMatchObject({ scopeCode: '320000', statusName: '进行中' });
    expect(c.numbers).toMatchObject({ investigated: 30, resolved: 19, resolving: 7, unresolved: 4 });
    expect(c.numbers.cross).toBeGreaterThan(3);
    const d = (await get('js_leader', `/campaigns/${c.id}`)).json();
    expect(new Set(d.entries.map((e: { status: string }) => e.status))).toEqual(
      new Set(['registered', 'resolving', 'resolved', 'unresolved']),
    );
    expect(d.byJurisdiction.length).toBeGreaterThan(1);
    const overdue = await get('js_leader', '/projects/overdue');
    expect(overdue.json().items.map((m: { projectTitle: string }) => m.projectTitle)).toEqual([
      '进京越级访专项整治',
    ]);
  });
});
