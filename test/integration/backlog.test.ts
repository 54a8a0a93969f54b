// 积案 over HTTP: the daily pass proposes a candidate (rules editable per jurisdiction) → a county
// supervisor proposes it → the city bureau identifies it (认定) → the responsible unit works a plan
// with progress → the seven standards, each with evidence and a reviewer's sign-off → the county
// requests closing → the city bureau approves (销号). Also: unflagging needs the bureau above, the
// case's timeline shows each step, and who may not do what.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacklogCandidatePass } from '../../src/backlog/candidates.ts';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { runDailyJobs } from '../../src/jobs/scheduler.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const DAY = 86_400_000;
const inDays = (n: number) => shanghaiDate(new Date(Date.now() + n * DAY));
let zhujian = 0; // 鼓楼区住房和城乡建设局

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    '13900000001',
    'gl_registrar',
    'gl_handler',
    'gl_supervisor',
    'gl_reviewer',
    'gl_leader',
    'gl_admin',
    'nj_admin',
    'nj_supervisor',
    'nj_reviewer',
    'nj_leader',
    'js_leader',
    'js_reviewer',
  ]);
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
});
afterAll(async () => {
  await h?.close();
});

async function newAcceptedCase(subject: string): Promise<number> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as('13900000001'),
    payload: {
      form: 'online',
      purpose: 'claim',
      subject,
      content: `${subject}，多年来多次反映未果，请求有关部门协调解决。`,
      jurisdictionCode: '320106',
    },
  });
  expect(res.statusCode).toBe(201);
  const id = res.json().caseId as number;
  await h.act('gl_registrar', id, 'accept');
  return id;
}

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const post = (user: string, url: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });
const act = (user: string, id: number, payload: Record<string, unknown>) =>
  post(user, `/backlog/${id}/actions`, payload);
const timelineLabels = async (caseId: number) =>
  (await get('gl_supervisor', `/cases/${caseId}`)).json().timeline.map((e: { label: string }) => e.label);

describe('积案: from candidate to 销号', () => {
  let caseId = 0;
  let id = 0;

  it('the daily pass proposes nothing where the rules are off, a candidate once they are on', async () => {
    caseId = await newAcceptedCase('拆迁安置补偿款长期未落实');
    const later = new Date(Date.now() + 200 * DAY); // unresolved for 200 days
    // 鼓楼区 turns the rules off: nothing proposed there.
    const off = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/backlog/rules/320106',
      headers: h.as('gl_admin'),
      payload: { enabled: false },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().rules).toMatchObject({ enabled: false, openDaysMin: 180, repeatMin: 3 });
    await runBacklogCandidatePass(h.ctx, later);
    expect((await get('gl_supervisor', `/backlog?caseId=${caseId}`)).json().items).toEqual([]);
    // A county admin may not set the province's rules.
    const up = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/backlog/rules/320100',
      headers: h.as('gl_admin'),
      payload: { enabled: false },
    });
    expect(up.statusCode).toBe(403);

    await h.app.inject({
      method: 'PUT',
      url: '/api/v1/backlog/rules/320106',
      headers: h.as('gl_admin'),
      payload: { enabled: true, openDaysMin: 150 },
    });
    const r = await runBacklogCandidatePass(h.ctx, later);
    expect(r.added).toBeGreaterThanOrEqual(1);
    const items = (await get('gl_supervisor', '/backlog?status=candidate')).json().items;
    const mine = items.find((i: { caseId: number }) => i.caseId === caseId);
    expect(mine).toMatchObject({ status: 'candidate', statusName: '候选', source: 'system' });
    expect(mine.ruleHits.map((x: { rule: string }) => x.rule)).toContain('open_days');
    id = mine.id;
    // Run again: nothing new.
    expect((await runBacklogCandidatePass(h.ctx, later)).added).toBe(0);
  });

  it('a department outside the matter does not see the candidate; citizens see nothing', async () => {
    expect((await get('gl_handler', `/backlog/${id}`)).statusCode).toBe(404);
    expect((await get('13900000001', '/backlog')).statusCode).toBe(403);
  });

  it('the county supervisor proposes; only the city bureau may identify it (认定)', async () => {
    const bad = await act('gl_supervisor', id, {
      action: 'propose',
      reason: '受理后逾150天未化解',
      level: 'county',
      responsibleUnitId: zhujian,
      deadline: inDays(-1),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('backlog_deadline_past');
    const res = await act('gl_supervisor', id, {
      action: 'propose',
      reason: '受理后逾150天未化解，信访人多次反映',
      level: 'county',
      responsibleUnitId: zhujian,
      deadline: inDays(90),
    });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      status: 'proposed',
      statusName: '待认定',
      levelName: '县级',
      approvingUnit: '南京市信访局',
      responsibleUnit: { id: zhujian, name: '鼓楼区住房和城乡建设局' },
    });
    // 鼓楼区's own leader may not identify it, nor may the proposer's colleague propose twice.
    const own = await act('gl_leader', id, { action: 'approve', note: '同意' });
    expect(own.statusCode).toBe(403);
    const again = await act('gl_supervisor', id, {
      action: 'propose',
      reason: 'x',
      level: 'county',
      responsibleUnitId: zhujian,
      deadline: inDays(9),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('backlog_wrong_status');
    // The city bureau sees it among its matters to decide, with the action offered.
    const city = (await get('nj_supervisor', `/backlog/${id}`)).json();
    expect(city.availableActions.map((a: { action: string }) => a.action)).toEqual(['approve', 'reject']);
    const ok = await act('nj_supervisor', id, {
      action: 'approve',
      note: '经审核，符合积案认定条件，予以认定',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'identified',
      statusName: '化解中',
      identifiedBy: '南京市信访局督查员',
    });
    const c = (await get('gl_supervisor', `/cases/${caseId}`)).json();
    expect(c.flags.backlog).toBe(true);
    expect(await timelineLabels(caseId)).toEqual(expect.arrayContaining(['提请认定积案', '认定为积案']));
  });

  it('the responsible unit works a plan with owners and dates, and records progress', async () => {
    // Now responsible, 鼓楼区住建局 sees the matter.
    let res = await act('gl_handler', id, {
      action: 'add_step',
      title: '核实安置补偿标准及发放情况',
      ownerName: '住建局王科长',
      ownerUnitId: zhujian,
      dueDate: inDays(20),
    });
    expect(res.statusCode).toBe(200);
    res = await act('gl_supervisor', id, {
      action: 'add_step',
      title: '召开协调会，当面答复信访人',
      ownerName: '区信访局李主任',
      dueDate: inDays(40),
    });
    const steps = res.json().plan.steps as { id: number; title: string }[];
    expect(steps.map((s) => s.title)).toEqual(['核实安置补偿标准及发放情况', '召开协调会，当面答复信访人']);
    expect(res.json().plan.status).toMatchObject({ total: 2, done: 0, label: '推进中' });
    res = await act('gl_handler', id, {
      action: 'add_progress',
      note: '已调取2019年安置协议及补偿发放台账',
      stepId: steps[0]?.id,
    });
    res = await act('gl_handler', id, {
      action: 'complete_step',
      stepId: steps[0]?.id,
      note: '补偿款差额已核实为3.2万元',
    });
    const d = res.json();
    expect(d.plan.status).toMatchObject({ total: 2, done: 1 });
    expect(d.progress.map((p: { note: string }) => p.note)).toEqual([
      '补偿款差额已核实为3.2万元',
      '已调取2019年安置协议及补偿发放台账',
    ]);
    const twice = await act('gl_handler', id, { action: 'complete_step', stepId: steps[0]?.id });
    expect(twice.statusCode).toBe(409);
  });

  it('closing needs all seven standards met — evidence and another person’s sign-off for each', async () => {
    let res = await act('gl_supervisor', id, { action: 'request_close', note: '已化解' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('backlog_standards_unmet');
    expect(res.json().error.message).toContain('认定恰当');
    const standards = (await get('gl_supervisor', `/backlog/${id}`)).json().standards as {
      key: string;
      name: string;
    }[];
    expect(standards.map((s) => s.name)).toEqual([
      '认定恰当',
      '标识准确',
      '程序完整',
      '要件齐全',
      '实体合理',
      '结案合规',
      '审核严谨',
    ]);
    for (const s of standards) {
      res = await act('gl_reviewer', id, {
        action: 'record_evidence',
        standard: s.key,
        evidence: `${s.name}：见卷宗第${s.key.length}页`,
      });
      expect(res.statusCode).toBe(200);
    }
    // Whoever wrote the evidence may not sign it; a supervisor is not a signer.
    expect(
      (await act('gl_reviewer', id, { action: 'sign_standard', standard: 'procedure' })).statusCode,
    ).toBe(403);
    expect(
      (await act('gl_supervisor', id, { action: 'sign_standard', standard: 'procedure' })).statusCode,
    ).toBe(403);
    for (const s of standards.slice(0, 6)) {
      res = await act('gl_leader', id, { action: 'sign_standard', standard: s.key });
      expect(res.statusCode).toBe(200);
    }
    expect(res.json().standardsMet).toBe(6);
    res = await act('gl_supervisor', id, { action: 'request_close', note: '已化解' });
    expect(res.json().error.message).toContain('审核严谨');
    res = await act('gl_leader', id, { action: 'sign_standard', standard: 'review' });
    expect(res.json().standardsMet).toBe(7);
    res = await act('gl_supervisor', id, {
      action: 'request_close',
      note: '补偿差额已发放，信访人签署息诉罢访承诺书',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('closing');
  });

  it('the city bureau approves closing (审核销号); the matter is resolved and on the case timeline', async () => {
    expect((await act('gl_leader', id, { action: 'approve_close', note: '同意' })).statusCode).toBe(403);
    // Returned once, then requested and approved.
    let res = await act('nj_reviewer', id, { action: 'return_close', note: '请补充息诉罢访承诺书扫描件' });
    expect(res.json().status).toBe('identified');
    res = await act('gl_supervisor', id, { action: 'request_close', note: '已补充承诺书扫描件' });
    expect(res.json().status).toBe('closing');
    res = await act('nj_reviewer', id, { action: 'approve_close', note: '七条标准均已达到，同意销号' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'resolved',
      statusName: '已化解',
      resolvedBy: '南京市信访局审核人',
    });
    expect(res.json().availableActions).toEqual([]);
    expect(await timelineLabels(caseId)).toEqual(
      expect.arrayContaining(['积案申请销号', '退回积案销号申请', '积案化解销号']),
    );
    // A resolved matter takes no more evidence.
    const late = await act('gl_reviewer', id, {
      action: 'record_evidence',
      standard: 'review',
      evidence: '补充',
    });
    expect(late.statusCode).toBe(409);
  });
});

describe('积案台账 (ledger)', () => {
  it('shows identified matters with level, unit, plan and days open, and 化解率 by jurisdiction', async () => {
    // A second matter in 鼓楼区, identified and still open.
    const caseId = await newAcceptedCase('老旧小区加装电梯费用分摊纠纷');
    const p = await post('gl_supervisor', '/backlog', {
      caseId,
      reason: '群众多次反映，协调未果',
      level: 'county',
      responsibleUnitId: zhujian,
      deadline: inDays(30),
    });
    await act('nj_reviewer', p.json().id, { action: 'approve', note: '予以认定' });

    const county = (await get('gl_supervisor', '/backlog/ledger')).json();
    expect(county.scope).toEqual({ code: '320106', name: '鼓楼区' });
    expect(county.total).toMatchObject({ identified: 2, resolved: 1, open: 1, rate: 0.5 });
    const resolved = county.rows.find((r: { statusName: string }) => r.statusName === '已化解');
    expect(resolved).toMatchObject({
      subject: '拆迁安置补偿款长期未落实',
      place: '鼓楼区',
      levelName: '县级',
      responsibleUnit: '鼓楼区住房和城乡建设局',
      standardsMet: 7,
      plan: { total: 2, done: 1 },
      daysOpen: 0,
      overdue: false,
    });
    // Unflagged and proposed matters are not in the ledger.
    expect(county.rows.map((r: { subject: string }) => r.subject)).not.toContain(
      '企业改制职工身份置换补偿争议',
    );

    // 南京市 sees the rate by county; the province by city.
    const city = (await get('nj_leader', '/backlog/ledger')).json();
    expect(city.byJurisdiction).toEqual([
      expect.objectContaining({ code: '320106', name: '鼓楼区', identified: 2, resolved: 1, rate: 0.5 }),
    ]);
    const province = (await get('js_leader', '/backlog/ledger')).json();
    expect(province.byJurisdiction).toEqual([
      expect.objectContaining({ code: '320100', name: '南京市', identified: 2, resolved: 1 }),
    ]);
    // A county may not read its city's ledger; departments have none.
    expect((await get('gl_supervisor', '/backlog/ledger?jurisdiction=320100')).statusCode).toBe(403);
    expect((await get('gl_handler', '/backlog/ledger')).statusCode).toBe(403);
  });

  it('exports the ledger as Excel: title, one numbered row per matter, and the rates', async () => {
    const res = await get('nj_leader', '/backlog/ledger.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('南京市积案化解台账'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('积案化解台账');
    expect(ws?.getCell(1, 1).value).toBe('南京市信访积案化解工作台账');
    expect(String(ws?.getCell(2, 1).value)).toContain('化解率 50.0%');
    expect(ws?.getRow(3).getCell(2).value).toBe('信访件编号');
    const subjects = [4, 5].map((n) => ws?.getRow(n).getCell(4).value);
    expect(subjects).toEqual(
      expect.arrayContaining(['拆迁安置补偿款长期未落实', '老旧小区加装电梯费用分摊纠纷']),
    );
    const rates = wb.getWorksheet('化解率');
    expect(rates?.getRow(2).values).toEqual([undefined, '鼓楼区', 2, 1, 1, '50.0%']);
  });
});

describe('领导包案 (leaders own backlog matters)', () => {
  let id = 0;
  let packageId = 0;

  it('a county leader and a city leader take a matter, with the 包案 plan and meetings recorded', async () => {
    const l = (await get('gl_supervisor', '/backlog/ledger')).json();
    id = l.rows.find((r: { subject: string }) => r.subject === '老旧小区加装电梯费用分摊纠纷').id;
    let res = await act('gl_leader', id, {
      action: 'take_package',
      grasp: '全面掌握加装电梯费用分摊争议及各方诉求',
      solve: '协调住建、街道和业主委员会确定分摊方案',
    });
    expect(res.statusCode).toBe(200);
    const [pkg] = res.json().packages;
    packageId = pkg.id;
    expect(pkg).toMatchObject({ leader: '鼓楼区信访局领导', levelName: '县级' });
    expect(pkg.plan).toMatchObject({ solve: '协调住建、街道和业主委员会确定分摊方案' });
    expect((await act('gl_leader', id, { action: 'take_package' })).json().error.code).toBe(
      'backlog_package_exists',
    );
    // Only a leader takes a matter; the city's leader takes it too.
    expect((await act('gl_supervisor', id, { action: 'take_package' })).statusCode).toBe(403);
    res = await act('nj_leader', id, { action: 'take_package', settle: '督促落实，确保息访息诉' });
    expect(res.json().packages.map((p: { leader: string }) => p.leader)).toEqual([
      '鼓楼区信访局领导',
      '南京市信访局领导',
    ]);

    res = await act('gl_leader', id, {
      action: 'package_record',
      packageId,
      kind: 'meeting',
      date: inDays(0),
      note: '召开协调会，明确一楼住户补偿方案',
    });
    expect(res.json().packages[0].records).toEqual([
      expect.objectContaining({ kindName: '协调会', note: '召开协调会，明确一楼住户补偿方案' }),
    ]);
    res = await act('gl_leader', id, { action: 'package_plan', packageId, educate: '向信访人讲清政策依据' });
    expect(res.json().packages[0].plan).toMatchObject({
      grasp: '全面掌握加装电梯费用分摊争议及各方诉求',
      educate: '向信访人讲清政策依据',
    });
    // The city leader may not write in the county leader's package; dates ahead are refused.
    const other = await act('nj_leader', id, { action: 'package_plan', packageId, educate: 'x' });
    expect(other.statusCode).toBe(403);
    const ahead = await act('gl_leader', id, {
      action: 'package_record',
      packageId,
      kind: 'visit',
      date: inDays(3),
      note: '走访',
    });
    expect(ahead.json().error.code).toBe('backlog_date_future');
    // The ledger names the leaders; the case timeline shows the step.
    const row = (await get('gl_supervisor', '/backlog/ledger'))
      .json()
      .rows.find((r: { id: number }) => r.id === id);
    expect(row.leaders).toEqual(['鼓楼区信访局领导', '南京市信访局领导']);
    expect(await timelineLabels(row.caseId)).toContain('领导包案');
  });

  it('the compliance view shows each city and county leader against the quota, and 包案化解率', async () => {
    let c = (await get('nj_leader', '/backlog/packages/compliance')).json();
    expect(c.items.map((i: { leader: { name: string } }) => i.leader.name)).toEqual([
      '南京市信访局领导',
      '鼓楼区信访局领导',
    ]);
    const [city, county] = c.items;
    expect(city).toMatchObject({
      levelName: '市级',
      quota: { name: '每半年1件' },
      taken: 1,
      required: 1,
      met: true,
    });
    expect(city.period.key).toMatch(/^\d{4}-H[12]$/);
    expect(county).toMatchObject({
      levelName: '县级',
      quota: { name: '每季度1件' },
      taken: 1,
      met: true,
      rate: 0,
    });
    expect(c.summary).toMatchObject({ leaders: 2, met: 2, packages: 2, resolved: 0, rate: 0 });
    // Next year nothing is taken yet.
    const nextYear = `${Number(inDays(0).slice(0, 4)) + 1}-02-01`;
    c = (await get('nj_leader', `/backlog/packages/compliance?date=${nextYear}`)).json();
    expect(c.items.map((i: { met: boolean }) => i.met)).toEqual([false, false]);
    // 南京市 asks two a quarter of its county leaders.
    const q = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/backlog/quotas/320100',
      headers: h.as('nj_admin'),
      payload: { county: { period: 'quarter', count: 2 } },
    });
    expect(q.statusCode).toBe(200);
    expect(q.json().quotas).toMatchObject({ city: { period: 'half_year', count: 1 }, county: { count: 2 } });
    c = (await get('gl_leader', '/backlog/packages/compliance')).json();
    expect(c.items).toEqual([expect.objectContaining({ taken: 1, required: 2, met: false })]);
    expect((await get('gl_leader', '/backlog/packages/compliance?jurisdiction=320100')).statusCode).toBe(403);
  });
});

describe('积案: manual proposal, dismissal and unflagging', () => {
  it('a city supervisor proposes a case by hand; the province identifies; unflagging needs the province too', async () => {
    const caseId = await newAcceptedCase('企业改制职工身份置换补偿争议');
    const res = await post('nj_supervisor', '/backlog', {
      caseId,
      reason: '涉及多部门，久拖未决',
      level: 'city',
      responsibleUnitId: zhujian,
      deadline: inDays(60),
    });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ source: 'manual', status: 'proposed', approvingUnit: '江苏省信访局' });
    // The same case cannot be proposed twice.
    const dup = await post('gl_supervisor', '/backlog', {
      caseId,
      reason: '重复',
      level: 'county',
      responsibleUnitId: zhujian,
      deadline: inDays(60),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('backlog_exists');
    expect((await act('js_leader', d.id, { action: 'approve', note: '予以认定' })).json().status).toBe(
      'identified',
    );
    expect((await get('gl_supervisor', `/cases/${caseId}`)).json().flags.backlog).toBe(true);
    expect(
      (await act('nj_supervisor', d.id, { action: 'request_unflag', note: '经核实系正常办理中事项' })).json()
        .status,
    ).toBe('unflagging');
    expect((await act('nj_reviewer', d.id, { action: 'approve_unflag', note: '同意' })).statusCode).toBe(403);
    const done = await act('js_reviewer', d.id, { action: 'approve_unflag', note: '同意撤销积案标识' });
    expect(done.json().status).toBe('unflagged');
    expect((await get('gl_supervisor', `/cases/${caseId}`)).json().flags.backlog).toBe(false);
    expect(await timelineLabels(caseId)).toEqual(
      expect.arrayContaining(['申请撤销积案标识', '撤销积案标识']),
    );
  });

  it('a dismissed candidate is not proposed again by the next passes', async () => {
    const caseId = await newAcceptedCase('农村宅基地确权纠纷反复信访');
    const later = new Date(Date.now() + 200 * DAY);
    // The daily jobs run the pass after the deadline sweep.
    expect(await runDailyJobs(h.ctx, later)).not.toBeNull();
    const [cand] = (await get('gl_supervisor', `/backlog?caseId=${caseId}`)).json().items;
    expect(cand.status).toBe('candidate');
    const res = await act('gl_leader', cand.id, { action: 'dismiss', note: '已进入诉讼程序' });
    expect(res.json().status).toBe('dismissed');
    // Dismissed now; 鼓楼区 does not see it again for a year (the pass below runs 200 days on).
    await h.app.inject({
      method: 'PUT',
      url: '/api/v1/backlog/rules/320106',
      headers: h.as('gl_admin'),
      payload: { cooldownDays: 365 },
    });
    await runBacklogCandidatePass(h.ctx, later);
    let items = (await get('gl_supervisor', `/backlog?caseId=${caseId}`)).json().items;
    expect(items.map((i: { status: string }) => i.status)).toEqual(['dismissed']);
    // After the cooldown, still unresolved: a candidate again.
    await runBacklogCandidatePass(h.ctx, new Date(Date.now() + 400 * DAY));
    items = (await get('gl_supervisor', `/backlog?caseId=${caseId}`)).json().items;
    expect(items.map((i: { status: string }) => i.status).sort()).toEqual(['candidate', 'dismissed']);
  });
});
