// The demo data has video receptions and a hall's day (first demo start, `xinfang seed`): a booked
// video room with the demo citizen for tomorrow and one held last week on a matter's timeline; the
// 鼓楼区 hall's queue today with a group visit and visitors whose ID numbers bring up their earlier
// matters; a lawyers' roster with a consultation on a matter. Seeding twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCases } from '../../src/seed/cases.ts';
import { seedVideoHall } from '../../src/seed/videoHall.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let seeded = { rooms: 0, visits: 0, duties: 0 };

beforeAll(async () => {
  h = await startHarness();
  await seedCases(h.ctx.db, h.ctx.pii, { count: 1500, seed: 7 });
  await h.loginAll(['13900000001', 'nj_registrar', 'gl_registrar', 'js_registrar']);
  // The demo citizen's own matter, for the booked room.
  await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as('13900000001'),
    payload: {
      form: 'online',
      purpose: 'claim',
      subject: '小区电梯长期故障',
      content: '小区电梯长期故障，多次报修无人处理，请求督促维修。',
      jurisdictionCode: '320106',
    },
  });
  seeded = await seedVideoHall(h.ctx);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });

describe('demo video receptions and hall', () => {
  it('a booked room for the demo citizen and a held one on a matter', async () => {
    expect(seeded.rooms).toBe(2);
    const mine = (await get('13900000001', '/video/rooms')).json().items;
    expect(mine).toEqual([
      expect.objectContaining({ status: 'scheduled', withCitizen: true, withHall: true }),
    ]);
    expect(mine[0].caseId).not.toBeNull();
    const all = (await get('nj_registrar', '/video/rooms')).json().items;
    const held = all.find((r: { status: string }) => r.status === 'ended');
    const c = (await get('nj_registrar', `/cases/${held.caseId}`)).json();
    expect(c.timeline.map((e: { label: string }) => e.label)).toContain('视频接访');
  });

  it('today’s queue at 鼓楼区 with a group visit, earlier matters by ID number, and the lawyers', async () => {
    expect(seeded.visits).toBe(12); // 8 at 鼓楼区, 4 at the province's own hall
    const q = (await get('gl_registrar', '/hall/queue')).json().items;
    expect(q.map((v: { status: string }) => v.status)).toEqual([
      'done',
      'done',
      'done',
      'called',
      'waiting',
      'waiting',
      'waiting',
      'waiting',
    ]);
    expect(q[2]).toMatchObject({ visitors: 12 });
    expect(q[2].representatives).toHaveLength(5);
    const withId = q.find((v: { idNumber: string | null }) => v.idNumber);
    const lookup = await h.app.inject({
      method: 'POST',
      url: '/api/v1/hall/lookup',
      headers: h.as('gl_registrar'),
      payload: { idNumber: withId.idNumber },
    });
    expect(lookup.json().matters.length).toBeGreaterThan(0);
    const display = (await get('gl_registrar', '/hall/display')).json();
    expect(display).toMatchObject({ waiting: 4, nextUp: ['005', '006', '007', '008'] });
    expect(seeded.duties).toBeGreaterThanOrEqual(16);
    const province = (await get('js_registrar', '/hall/queue')).json().items;
    expect(province.map((v: { status: string }) => v.status)).toEqual(['done', 'done', 'called', 'waiting']);
    expect(await seedVideoHall(h.ctx)).toEqual({ rooms: 0, visits: 0, duties: 0 });
  });
});
