// Issue 13's scenario over HTTP, one matter through every mechanism: the system proposes a
// candidate → the county proposes and the city bureau approves (认定) → a county leader takes it as
// 包案 → a plan with steps → a supervision order with its 督办函 → the unit's feedback → the
// seven-standard check → the city bureau approves closing (销号); the ledger, the quota view, the
// daily monitoring page and the monthly bulletin all show it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacklogCandidatePass } from '../../src/backlog/candidates.ts';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const DAY = 86_400_000;
const inDays = (n: number) => shanghaiDate(new Date(Date.now() + n * DAY));
const SUBJECT = '征地拆迁安置房多年未交付';
let zhujian = 0; // 鼓楼区住房和城乡建设局
let caseId = 0;
let matterId = 0;

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
    const res = await post('13900000001', '/cases', {
      form: 'online',
      purpose: 'claim',
      subject: SUBJECT,
      content: `${SUBJECT}，多年来多次反映未果，请求有关部门协调解决。`,
      jurisdictionCode: '320106',
    });
    expect(res.statusCode).toBe(201);
    caseId = res.json().caseId;
    await h.act('gl_registrar', caseId, 'accept');
    await runBacklogCandidatePass(h.ctx, new Date(Date.now() + 200 * DAY));
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
  });
});
