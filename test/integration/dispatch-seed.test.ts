// The demo 周调度 (xinfang seed / first demo start): last week's meetings of 鼓楼区信访局 (decisions done,
// open, overdue), 南京市信访局 and the province's — on the agenda and in the owners' 我的待办.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDispatch } from '../../src/seed/dispatch.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['gl_supervisor', 'gl_handler', 'nj_reviewer']);
});
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });

describe('demo dispatch meeting', () => {
  it("shows last week's decisions on the agenda: done, open, overdue; seeding twice adds nothing", async () => {
    expect(await seedDispatch(h.ctx)).toBe(3);
    expect(await seedDispatch(h.ctx)).toBe(0);
    const agenda = (await get('gl_supervisor', '/dispatch/agenda')).json();
    const statuses = agenda.previous.tasks.map((t: { status: string }) => t.status).sort();
    expect(statuses).toEqual(['done', 'open', 'open', 'open', 'open', 'overdue']);
    const mine = (await get('gl_handler', '/tasks/mine')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'open', bureau: expect.stringContaining('鼓楼区') });
    // The city's reviewer: two decisions of 南京市信访局's meeting, one of them past its date.
    const city = (await get('nj_reviewer', '/tasks/mine')).json().items;
    expect(city.map((t: { status: string }) => t.status).sort()).toEqual(['open', 'overdue']);
    expect(city[0].bureau).toContain('南京市');
  });
});
