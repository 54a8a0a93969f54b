// Issue 13's scenario over HTTP, one matter through every mechanism: the system proposes a
// candidate → the county proposes and the city bureau approves (认定) → a county leader takes it as
// 包案 → a plan with steps → a supervision order with its 督办函 → the unit's feedback → the
// seven-standard check → the city bureau approves closing (销号); the ledger, the quota view, the
// daily monitoring page and the monthly bulletin all show it.

import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacklogCandidatePass } from '../../src/backlog/candidates.ts';
import { supervisionOrders } from '../../src/db/schema.ts';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { MONITORING_SOURCES } from '../../src/domain/monitoring/sources.ts';
import { collectSources } from '../../src/monitoring/daily.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const DAY = 86_400_000;
const inDays = (n: number) => shanghaiDate(new Date(Date.now() + n * DAY));
const SUBJECT = '征地拆迁安置房多年未交付';
let zhujian = 0; // 鼓楼区住房和城乡建设局
let caseId = 0;
let matterId = 0;
let orderId = 0;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    '13900000001',
    'gl_registrar',
    'gl_handler',
    'gl_supervisor',
    'gl_reviewer',
    'gl_leader',
    'nj_supervisor',
    'nj_reviewer',
    'nj_leader',
  ]);
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
});
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const post = (user: string, url: string, payload: Record<string, unknown> = {}) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });
const act = async (user: string, payload: Record<string, unknown>) => {
  const res = await post(user, `/backlog/${matterId}/actions`, payload);
  expect(res.statusCode, `${payload.action}: ${res.body}`).toBe(200);
  return res.json();
};

describe('积案 from the system’s candidate to 销号, seen by every mechanism', () => {
  it('the system proposes the long-open matter as a candidate', async () => {
    // A letter received 200 days ago, registered and accepted late (with the reason), never resolved.
    const res = await post('gl_registrar', '/cases', {
      form: 'letter',
      purpose: 'claim',
      subject: SUBJECT,
      content: `${SUBJECT}，多年来多次反映未果，请求有关部门协调解决。`,
      jurisdictionCode: '320106',
      petitioner: { name: '王五', phone: '13812345678' },
      receivedAt: new Date(Date.now() - 200 * DAY).toISOString(),
    });
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().caseId;
    await h.act('gl_registrar', caseId, 'accept', { lateReason: '来信积压，补登记' });
    await runBacklogCandidatePass(h.ctx, new Date());
    const items = (await get('gl_supervisor', '/backlog?status=candidate')).json().items;
    const mine = items.find((i: { caseId: number }) => i.caseId === caseId);
    expect(mine).toMatchObject({ source: 'system', statusName: '候选' });
    matterId = mine.id;
  });

  it('the county proposes, the city bureau identifies it, a county leader takes it as 包案', async () => {
    await act('gl_supervisor', {
      action: 'propose',
      reason: '受理后逾180天未化解，信访人多次反映',
      level: 'county',
      responsibleUnitId: zhujian,
      deadline: inDays(60),
    });
    const identified = await act('nj_reviewer', { action: 'approve', note: '予以认定，限期化解' });
    expect(identified.status).toBe('identified');
    const pkg = await act('gl_leader', {
      action: 'take_package',
      grasp: '掌握安置房交付延误原因及信访人诉求',
      solve: '协调开发主体和街道，明确交付时间表',
    });
    expect(pkg.packages.map((p: { leader: string }) => p.leader)).toEqual(['鼓楼区信访局领导']);
  });

  it('the responsible unit works a plan with steps', async () => {
    let d = await act('gl_handler', {
      action: 'add_step',
      title: '核实安置房建设进度与交付条件',
      ownerName: '住建局王科长',
      ownerUnitId: zhujian,
      dueDate: inDays(15),
    });
    const step = d.plan.steps[0];
    d = await act('gl_handler', { action: 'complete_step', stepId: step.id, note: '已核实，主体完工待验收' });
    expect(d.plan.status).toMatchObject({ total: 1, done: 1, label: '已完成' });
  });

  it('the city bureau raises a 书面督办 with its 督办函; the unit files feedback; the city accepts it', async () => {
    const res = await post('nj_supervisor', '/supervision', {
      type: 'written',
      target: 'case',
      caseId,
      unitId: zhujian,
      facts: '该积案认定后化解进度缓慢，信访人多次来电催问。',
      requirements: '请于期限内明确安置房交付时间，书面答复信访人，并报送化解进展。',
    });
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    orderId = order.id;
    expect(order).toMatchObject({ typeName: '书面督办', unit: '鼓楼区住房和城乡建设局', status: 'issued' });
    // The 督办函: a Word file addressed to the unit with its number and the requirements.
    const letter = await get('gl_handler', `/supervision/${orderId}/letter.docx`);
    expect(letter.statusCode).toBe(200);
    const xml =
      (await (await JSZip.loadAsync(letter.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain(order.number);
    expect(text).toContain('鼓楼区住房和城乡建设局');
    expect(text).toContain('请于期限内明确安置房交付时间');
    const fb = await post('gl_handler', `/supervision/${orderId}/actions`, {
      action: 'file_feedback',
      feedback: '已与开发主体明确本月底交付，已书面答复信访人。',
    });
    expect(fb.statusCode, fb.body).toBe(200);
    const ok = await post('nj_supervisor', `/supervision/${orderId}/actions`, {
      action: 'accept',
      note: '反馈属实',
    });
    expect(ok.json().status).toBe('closed');
    const labels = (await get('gl_supervisor', `/cases/${caseId}`))
      .json()
      .timeline.map((e: { label: string }) => e.label);
    expect(labels).toEqual(expect.arrayContaining(['认定为积案', '领导包案', '督查督办']));
  });

  it('the daily monitoring page lists an order past its feedback date, and the matter once stalled', async () => {
    // Another order, on the unit; its feedback date then passes (the deadline moved back: time passes).
    const late = await post('nj_supervisor', '/supervision', {
      type: 'online',
      target: 'unit',
      unitId: zhujian,
      facts: '该局超期未办结事项较多。',
      requirements: '请逐件清理并报送清理情况。',
    });
    expect(late.statusCode, late.body).toBe(201);
    await h.ctx.db
      .update(supervisionOrders)
      .set({ deadline: inDays(-2) })
      .where(eq(supervisionOrders.id, late.json().id));
    const daily = (await get('nj_supervisor', '/monitoring/daily')).json();
    const overdue = daily.sources.find((x: { id: string }) => x.id === 'supervision_overdue');
    expect(overdue.total).toBe(1);
    expect(overdue.items[0]).toMatchObject({
      unit: '鼓楼区住房和城乡建设局',
      days: 2,
      action: { path: `/supervision/${late.json().id}` },
    });
    // Twenty days without progress, the matter is listed as stalled (积案久无进展).
    const later = await collectSources(
      h.ctx.db,
      '320100',
      MONITORING_SOURCES,
      new Date(Date.now() + 20 * DAY),
      50,
    );
    const stalled = later.find((x) => x.id === 'backlog_stalled');
    expect(stalled?.items.map((i) => i.caseId)).toContain(caseId);
  });

  it('passes the seven standards and the city bureau approves closing (销号)', async () => {
    const standards = (await get('gl_supervisor', `/backlog/${matterId}`)).json().standards as {
      key: string;
      name: string;
    }[];
    for (const s of standards) {
      await act('gl_reviewer', { action: 'record_evidence', standard: s.key, evidence: `${s.name}：见卷宗` });
      await act('gl_leader', { action: 'sign_standard', standard: s.key });
    }
    const closing = await act('gl_supervisor', { action: 'request_close', note: '安置房已交付，信访人息诉' });
    expect(closing.status).toBe('closing');
    const resolved = await act('nj_reviewer', {
      action: 'approve_close',
      note: '七条标准均已达到，同意销号',
    });
    expect(resolved.status).toBe('resolved');
  });

  it('the ledger and the 包案 quota view show it resolved', async () => {
    const l = (await get('nj_leader', '/backlog/ledger')).json();
    const row = l.rows.find((r: { id: number }) => r.id === matterId);
    expect(row).toMatchObject({ status: 'resolved', standardsMet: 7, leaders: ['鼓楼区信访局领导'] });
    expect(l.total).toMatchObject({ identified: 1, resolved: 1, rate: 1 });
    const c = (await get('nj_leader', '/backlog/packages/compliance')).json();
    const county = c.items.find((i: { leader: { name: string } }) => i.leader.name === '鼓楼区信访局领导');
    expect(county).toMatchObject({ taken: 1, met: true, rate: 1 });
  });

  it('the monthly bulletin of 南京市 commends 鼓楼区 for clearing its backlog', async () => {
    const month = shanghaiDate(new Date()).slice(0, 7);
    const res = await post('nj_leader', '/bulletins', { month });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    const gulou = b.data.rows.find((r: { code: string }) => r.code === '320106');
    expect(gulou).toMatchObject({ backlogIdentified: 1, backlogResolved: 1, backlogResolutionRate: 1 });
    expect(b.sections.commendations).toContain('鼓楼区');
    expect(b.sections.commendations).toContain('认定的1件积案全部化解');
    // The month's orders: the closed 书面督办 and the one past its date, by number and unit.
    expect(b.data.supervision).toMatchObject({ raised: 2, closed: 1, closedOnTime: 1, overdue: 1 });
    expect(b.sections.supervision).toContain('本月共下发督查督办事项2件');
    expect(b.sections.supervision).toContain('逾期未反馈的单位：鼓楼区住房和城乡建设局');
  });
});
