// 重点工作项目化管理 over HTTP: 南京市 sets up its key projects of the year with milestones
// (任务书/路线图/时间表); milestones are completed with evidence, progress is recorded; the status is
// computed (按计划推进 / 有逾期节点 / 已完成); overdue milestones are found by jurisdiction; the number of
// projects a year is capped (configurable); who may not do what; every change one audit row.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.ts';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { overdueMilestones } from '../../src/projects/queries.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const DAY = 86_400_000;
const inDays = (n: number) => shanghaiDate(new Date(Date.now() + n * DAY));
const YEAR = Number(shanghaiDate(new Date()).slice(0, 4));
let njBureau = 0;
let glBureau = 0;
let glZhujian = 0;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    'nj_supervisor',
    'nj_registrar',
    'nj_leader',
    'nj_admin',
    'gl_supervisor',
    'gl_registrar',
    'gl_handler',
    'js_leader',
  ]);
  const unitsOf = async (code: string) =>
    (await h.app.inject({ url: `/api/v1/jurisdictions/${code}` })).json().units;
  njBureau = (await unitsOf('320100')).find((u: { kind: string }) => u.kind === 'bureau').id;
  const gl = await unitsOf('320106');
  glBureau = gl.find((u: { kind: string }) => u.kind === 'bureau').id;
  glZhujian = gl.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
});
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const post = (user: string, url: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });

describe('重点工作项目化管理', () => {
  let nj = 0;
  let gl = 0;

  it('a city supervisor creates a project with its timetable; status is computed from the milestones', async () => {
    const res = await post('nj_supervisor', '/projects', {
      year: YEAR,
      title: '信访积案攻坚化解',
      goal: '年内化解积案80%以上',
      leadLeader: '王局长',
      ownerUnitId: njBureau,
      milestones: [
        { title: '排出积案清单（任务书）', ownerName: '督查处', dueDate: inDays(-30) },
        { title: '逐案制定化解方案（路线图）', ownerName: '督查处', dueDate: inDays(-3) },
        { title: '集中攻坚、销号（时间表）', ownerName: '各区信访局', dueDate: inDays(60) },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    nj = p.id;
    expect(p).toMatchObject({
      status: 'overdue',
      statusName: '有逾期节点',
      milestonesTotal: 3,
      milestonesOverdue: 2,
    });
    expect(p.milestones.filter((m: { overdue: boolean }) => m.overdue)).toHaveLength(2);
    expect(p.availableActions).toEqual(['add_milestone', 'complete_milestone', 'add_progress']);
  });

  it('completing milestones with evidence; progress; the status follows', async () => {
    const p = (await get('nj_registrar', `/projects/${nj}`)).json();
    const [first, second, third] = p.milestones as { id: number }[];
    const done = await post('nj_registrar', `/projects/${nj}/actions`, {
      action: 'complete_milestone',
      milestoneId: first?.id,
      doneDate: inDays(-31),
      evidence: '积案清单已印发（宁信发〔2026〕3号）',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'overdue', milestonesDone: 1, milestonesOverdue: 1 });
    const again = await post('nj_registrar', `/projects/${nj}/actions`, {
      action: 'complete_milestone',
      milestoneId: first?.id,
      evidence: '重复',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('project_milestone_done');
    const future = await post('nj_registrar', `/projects/${nj}/actions`, {
      action: 'complete_milestone',
      milestoneId: second?.id,
      doneDate: inDays(2),
      evidence: '提前',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('project_date_future');
    const ok = await post('nj_registrar', `/projects/${nj}/actions`, {
      action: 'complete_milestone',
      milestoneId: second?.id,
      evidence: '方案已全部制定',
    });
    expect(ok.json()).toMatchObject({ status: 'on_track', statusName: '按计划推进', nextDue: inDays(60) });
    const prog = await post('nj_leader', `/projects/${nj}/actions`, {
      action: 'add_progress',
      note: '召开推进会',
      milestoneId: third?.id,
    });
    expect(prog.json().progress[0]).toMatchObject({ note: '召开推进会', milestoneId: third?.id });
    const other = await post('nj_registrar', `/projects/${nj}/actions`, {
      action: 'add_progress',
      note: 'x',
      milestoneId: 99_999,
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.code).toBe('project_milestone_unknown');
  });

  it('a county project with an overdue milestone; overdue milestones by jurisdiction', async () => {
    const res = await post('gl_supervisor', '/projects', {
      year: YEAR,
      title: '初信初访提质增效',
      goal: '初信初访一次性化解率达到90%',
      leadLeader: '李主任',
      ownerUnitId: glZhujian,
      milestones: [{ title: '建立首接首办台账', ownerName: '住建局', dueDate: inDays(-5) }],
    });
    expect(res.statusCode, res.body).toBe(201);
    gl = res.json().id;
    // The city sees both overdue lists (its own has none left); the county sees its own only.
    const city = (await get('nj_supervisor', '/projects/overdue')).json().items;
    expect(
      city.map((m: { projectTitle: string; daysOverdue: number }) => [m.projectTitle, m.daysOverdue]),
    ).toEqual([['初信初访提质增效', 5]]);
    const byCounty = await overdueMilestones(
      h.ctx,
      {
        userId: 0,
        role: 'leader',
        displayName: '',
        unitId: njBureau,
        unitKind: 'bureau',
        unitName: '',
        jurisdictionCode: '320100',
        jurisdictionName: '',
        scopePrefix: '3201',
      },
      new Date(),
      { jurisdiction: '320102' },
    );
    expect(byCounty).toEqual([]);
    expect((await get('gl_supervisor', '/projects/overdue')).json().items).toHaveLength(1);
    // The year view: the city sees both, the county its own; the owner unit (住建局) its own.
    const year = (await get('nj_supervisor', `/projects?year=${YEAR}`)).json();
    expect(year.items.map((p: { title: string }) => p.title).sort()).toEqual([
      '信访积案攻坚化解',
      '初信初访提质增效',
    ]);
    expect(year.perYear).toBe(10);
    expect((await get('gl_supervisor', `/projects?year=${YEAR}`)).json().items).toHaveLength(1);
    const dept = (await get('gl_handler', `/projects?year=${YEAR}`)).json().items;
    expect(dept.map((p: { id: number }) => p.id)).toEqual([gl]);
    expect((await get('nj_supervisor', `/projects?year=${YEAR - 1}`)).json().items).toEqual([]);
  });

  it('who may not: another bureau, the level above (reads only), roles without the right', async () => {
    expect((await get('gl_supervisor', `/projects/${nj}`)).statusCode).toBe(404);
    const upper = await post('nj_supervisor', `/projects/${gl}/actions`, {
      action: 'add_progress',
      note: '督导',
    });
    expect(upper.statusCode).toBe(403);
    expect(upper.json().error.message).toContain('项目所属信访部门或责任单位');
    expect((await get('js_leader', `/projects/${gl}`)).json().availableActions).toEqual([]);
    // The owner unit records progress.
    expect(
      (await post('gl_handler', `/projects/${gl}/actions`, { action: 'add_progress', note: '台账已建立' }))
        .statusCode,
    ).toBe(200);
    const registrar = await post('gl_registrar', '/projects', {
      year: YEAR,
      title: 'x',
      goal: 'x',
      leadLeader: 'x',
      ownerUnitId: glBureau,
    });
    expect(registrar.statusCode).toBe(403);
    const foreignUnit = await post('gl_supervisor', '/projects', {
      year: YEAR,
      title: 'x',
      goal: 'x',
      leadLeader: 'x',
      ownerUnitId: njBureau,
    });
    expect(foreignUnit.statusCode).toBe(400);
    expect(foreignUnit.json().error).toMatchObject({ code: 'project_unit_invalid', field: 'ownerUnitId' });
    const noTitle = await post('gl_supervisor', '/projects', {
      year: YEAR,
      goal: 'x',
      leadLeader: 'x',
      ownerUnitId: glBureau,
    });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.field).toBe('title');
  });

  it('the number of projects a year is capped, and configurable by administrators', async () => {
    expect(
      (
        await h.app.inject({
          method: 'PUT',
          url: '/api/v1/projects/quota/320106',
          headers: h.as('nj_supervisor'),
          payload: { count: 2 },
        })
      ).statusCode,
    ).toBe(403);
    const set = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/projects/quota/320106',
      headers: h.as('nj_admin'),
      payload: { count: 2 },
    });
    expect(set.json()).toEqual({ count: 2 });
    const body = { year: YEAR, goal: '目标', leadLeader: '李主任', ownerUnitId: glBureau };
    expect((await post('gl_supervisor', '/projects', { ...body, title: '第二项' })).statusCode).toBe(201);
    const third = await post('gl_supervisor', '/projects', { ...body, title: '第三项' });
    expect(third.statusCode).toBe(409);
    expect(third.json().error).toMatchObject({ code: 'project_quota_reached' });
    expect(third.json().error.message).toContain('2项');
    // Another year is a new count.
    expect(
      (await post('gl_supervisor', '/projects', { ...body, year: YEAR + 1, title: '明年' })).statusCode,
    ).toBe(201);
  });

  it('every change left one audit row', async () => {
    const rows = await h.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entity, 'project'));
    const n = (a: string) => rows.filter((r) => r.action === a).length;
    expect(n('project.create')).toBe(4);
    expect(n('project.complete_milestone')).toBe(2);
    expect(n('project.add_progress')).toBe(2);
  });
});
