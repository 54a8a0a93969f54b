// 周调度 over HTTP: the agenda of the week (figures that follow the cases, topics from the daily
// monitoring, last week's decisions and whether they were done), recording a meeting with decisions,
// the owners' 我的待办, completing a decision (owner or the bureau's chair only), and refusals.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, units, users } from '../../src/db/schema.ts';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { DEMO_CITIZEN, onlinePetition } from '../helpers/builders.ts';
import { DEMO_PASSWORD, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const DAY = 86_400_000;
const CHINESE = /[\u4e00-\u9fa5]/;
const today = () => shanghaiDate(new Date());
const daysFrom = (n: number) => shanghaiDate(new Date(Date.now() + n * DAY));
const ids: Record<string, number> = {};

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const post = (user: string, url: string, payload: Record<string, unknown> = {}) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });
type Figure = { key: string; value: number };
type Task = { id: number; title: string; status: string; owner: { id: number }; case: { id: number } | null };
const figure = (a: { figures: Figure[] }, key: string) => a.figures.find((f) => f.key === key)?.value;
const mine = async (user: string) => (await get(user, '/tasks/mine')).json().items as Task[];

async function newCase(subject: string): Promise<number> {
  return (await h.register(DEMO_CITIZEN, onlinePetition(subject))).caseId;
}

beforeAll(async () => {
  h = await startHarness();
  const names = ['13900000001', 'gl_registrar', 'gl_handler', 'gl_reviewer', 'gl_supervisor', 'gl_leader'];
  await h.loginAll([...names, 'nj_supervisor', 'nj_reviewer', 'admin']);
  for (const u of await h.ctx.db.select({ id: users.id, username: users.username }).from(users))
    if (u.username) ids[u.username] = u.id;
  const [sz] = await h.ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.jurisdictionCode, '320500'), eq(units.deptKey, 'xinfang')));
  const res = await post('admin', '/users', {
    username: 'sz_supervisor',
    password: DEMO_PASSWORD,
    role: 'supervisor',
    unitId: sz?.id,
    displayName: '苏州督查员',
  });
  expect(res.statusCode).toBe(201);
  await h.loginAll(['sz_supervisor']);
});
afterAll(async () => {
  await h?.close();
});

describe('周调度: agenda, meeting, decisions, 我的待办', () => {
  let overdueCase = 0;
  let lastWeek = 0;

  it("last week's meeting records decisions: one done, one still open and overdue", async () => {
    const res = await post('gl_supervisor', '/dispatch/meetings', {
      date: daysFrom(-7),
      attendees: ['王局长', '李科长'],
      notes: '研究上周超期件办理',
      decisions: [
        { title: '约谈住建局分管领导', ownerUserId: ids.gl_reviewer, dueDate: daysFrom(-3) },
        { title: '督促办结超期件', ownerUserId: ids.gl_handler, dueDate: daysFrom(-2) },
      ],
    });
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ status: 'held', statusName: '已召开', attendees: ['王局长', '李科长'] });
    lastWeek = m.id;
    const [first] = m.tasks as Task[];
    expect((await post('gl_reviewer', `/tasks/${first?.id}/done`, { note: '已约谈' })).statusCode).toBe(200);
  });

  it('the agenda counts the week and follows the cases: a new accepted case, an overdue one', async () => {
    const before = (await get('gl_supervisor', '/dispatch/agenda')).json();
    expect(before.week.from <= today() && today() <= before.week.to).toBe(true);
    overdueCase = await newCase('老旧小区加装电梯协调');
    await h.act('gl_registrar', overdueCase, 'accept');
    await h.ctx.db
      .update(cases)
      .set({ dueAt: new Date(Date.now() - DAY) })
      .where(eq(cases.id, overdueCase));
    const after = (await get('gl_supervisor', '/dispatch/agenda')).json();
    expect(figure(after, 'registered')).toBe((figure(before, 'registered') ?? 0) + 1);
    expect(figure(after, 'accepted')).toBe((figure(before, 'accepted') ?? 0) + 1);
    expect(figure(after, 'overdue')).toBe((figure(before, 'overdue') ?? 0) + 1);
    // The topics are the daily monitoring's top items: the overdue case is there.
    expect(after.topics.some((t: { caseId: number; source: string }) => t.caseId === overdueCase)).toBe(true);
    // Last week's decisions with whether they were done (and the overdue one computed).
    expect(after.previous.meetingId).toBe(lastWeek);
    const statuses = after.previous.tasks.map((t: Task) => [t.title, t.status]);
    expect(statuses).toEqual(
      expect.arrayContaining([
        ['约谈住建局分管领导', 'done'],
        ['督促办结超期件', 'overdue'],
      ]),
    );
    // The city's agenda counts the county's case too; another city's does not.
    const nj = (await get('nj_supervisor', '/dispatch/agenda')).json();
    expect(figure(nj, 'registered')).toBeGreaterThanOrEqual(figure(after, 'registered') ?? 0);
    const sz = (await get('sz_supervisor', '/dispatch/agenda')).json();
    expect(sz.topics.some((t: { caseId: number }) => t.caseId === overdueCase)).toBe(false);
  });

  it("this week's meeting: a decision linked to the case reaches its owner's 我的待办", async () => {
    const res = await post('gl_supervisor', '/dispatch/meetings', {
      date: today(),
      attendees: ['王局长', '张主任'],
      notes: '逐件研究超期件',
      decisions: [
        {
          title: '三日内答复加装电梯事项',
          ownerUserId: ids.gl_handler,
          dueDate: daysFrom(3),
          caseId: overdueCase,
        },
      ],
    });
    expect(res.statusCode).toBe(201);
    const tasks = await mine('gl_handler');
    const t = tasks.find((x) => x.title === '三日内答复加装电梯事项');
    expect(t).toMatchObject({ status: 'open', case: { id: overdueCase } });
    // Open ones first: the overdue one from last week is there too.
    expect(tasks.some((x) => x.title === '督促办结超期件' && x.status === 'overdue')).toBe(true);
    expect((await mine('gl_reviewer')).every((x) => x.owner.id === ids.gl_reviewer)).toBe(true);
    // The agenda shows this week's meeting.
    const agenda = (await get('gl_supervisor', '/dispatch/agenda')).json();
    expect(agenda.meeting).toMatchObject({ status: 'held' });
    // Listed with the bureau's meetings, for the city too, not for another city.
    const nj = (await get('nj_supervisor', '/dispatch/meetings')).json().items as { id: number }[];
    expect(nj.some((m) => m.id === res.json().id)).toBe(true);
    const sz = (await get('sz_supervisor', '/dispatch/meetings')).json().items as { id: number }[];
    expect(sz).toHaveLength(0);
  });

  it('only the owner or the bureau chair completes a decision; once', async () => {
    const t = (await mine('gl_handler')).find((x) => x.title === '三日内答复加装电梯事项') as Task;
    const reviewer = await post('gl_reviewer', `/tasks/${t.id}/done`);
    expect(reviewer.statusCode).toBe(403);
    expect(reviewer.json().error.message).toMatch(CHINESE);
    expect((await post('nj_supervisor', `/tasks/${t.id}/done`)).statusCode).toBe(403);
    const sz = await post('sz_supervisor', `/tasks/${t.id}/done`);
    expect(sz.statusCode).toBe(404);
    expect(sz.json().error.message).toMatch(CHINESE);
    expect((await post('gl_handler', `/tasks/${t.id}/done`, { note: '已书面答复' })).statusCode).toBe(200);
    const again = await post('gl_handler', `/tasks/${t.id}/done`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'already_done', message: '该事项已办结' });
    expect((await mine('gl_handler')).find((x) => x.id === t.id)?.status).toBe('done');
    // The chair completes the overdue one on the owner's behalf.
    const overdue = (await mine('gl_handler')).find((x) => x.title === '督促办结超期件') as Task;
    expect((await post('gl_supervisor', `/tasks/${overdue.id}/done`)).statusCode).toBe(200);
  });

  it('refuses a second meeting in a week (409), others than chairs (403), owners out of scope and bad input (400)', async () => {
    const body = { date: today(), attendees: ['王局长'], decisions: [] };
    const second = await post('gl_leader', '/dispatch/meetings', body);
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'meeting_exists' });
    expect(second.json().error.message).toMatch(CHINESE);
    const registrar = await post('gl_registrar', '/dispatch/meetings', { ...body, date: daysFrom(-14) });
    expect(registrar.statusCode).toBe(403);
    const handler = await get('gl_handler', '/dispatch/agenda');
    expect(handler.statusCode).toBe(403);
    const outside = await post('gl_supervisor', '/dispatch/meetings', {
      ...body,
      date: daysFrom(-14),
      decisions: [{ title: '协调', ownerUserId: ids.nj_reviewer, dueDate: daysFrom(3) }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({ code: 'invalid_owner' });
    const noOne = await post('gl_supervisor', '/dispatch/meetings', {
      ...body,
      date: daysFrom(-14),
      attendees: [],
    });
    expect(noOne.statusCode).toBe(400);
    expect(noOne.json().error.message).toMatch(CHINESE);
    const badDate = await post('gl_supervisor', '/dispatch/meetings', { ...body, date: '2026-13-40' });
    expect(badDate.statusCode).toBe(400);
    // Nothing half stored: the week two weeks ago has no meeting.
    const list = (await get('gl_supervisor', '/dispatch/meetings')).json().items as { date: string }[];
    expect(list.some((m) => m.date === daysFrom(-14))).toBe(false);
    expect((await get('gl_supervisor', '/dispatch/agenda?jurisdiction=320100')).statusCode).toBe(403);
  });

  it("a draft's decisions reach no one until it is held; holding twice is refused", async () => {
    const res = await post('nj_supervisor', '/dispatch/meetings', {
      date: today(),
      attendees: ['陈处长'],
      hold: false,
      decisions: [{ title: '研究市级积案包案', ownerUserId: ids.nj_reviewer, dueDate: daysFrom(5) }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('draft');
    const id = res.json().id;
    expect(await mine('nj_reviewer')).toHaveLength(0);
    const t = res.json().tasks[0] as Task;
    expect((await post('nj_reviewer', `/tasks/${t.id}/done`)).statusCode).toBe(409);
    expect((await post('gl_supervisor', `/dispatch/meetings/${id}/hold`)).statusCode).toBe(404);
    expect((await post('nj_supervisor', `/dispatch/meetings/${id}/hold`)).statusCode).toBe(200);
    expect((await mine('nj_reviewer')).map((x) => x.title)).toEqual(['研究市级积案包案']);
    const again = await post('nj_supervisor', `/dispatch/meetings/${id}/hold`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_held');
  });
});
