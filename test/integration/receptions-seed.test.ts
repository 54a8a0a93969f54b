// The demo data has a reception calendar (first demo start, `xinfang seed`): past receptions of
// 鼓楼区 and 南京市 with their records, counted by the indicators; coming ones on the portal, among
// them a bookable 视频接访 and a 约访; and rights cards issued at first visits to 鼓楼区, one of them
// checked at the province (越级), at the city and at 鼓楼区 again. Seeding twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { seedReceptions } from '../../src/seed/receptions.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

const NOW = new Date();
let h: Harness;
let seeded = 0;

beforeAll(async () => {
  h = await startHarness();
  await seedCases(h.ctx.db, h.ctx.pii, { count: 1500, seed: 7, now: NOW });
  // 1,500 matters over 95 counties leave 鼓楼区 a dozen, and on some days (2027-02-01) not one first
  // visit to be given a card: a district's recent weeks, as the demo has them, after the rest (the
  // seeding takes the oldest matters first, so on other days nothing changes).
  await seedCases(h.ctx.db, h.ctx.pii, {
    count: 60,
    seed: 8,
    now: NOW,
    places: { '320106': 1 },
    recent: { share: 1, days: 45 },
  });
  seeded = await seedReceptions(h.ctx, { now: NOW });
  await h.loginAll(['gl_supervisor', 'nj_analyst', 'gl_registrar']);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const get = (user: string | null, url: string) =>
  h.app.inject({ url: `/api/v1${url}`, headers: user ? h.as(user) : {} });
const from = shanghaiDate(new Date(NOW.getTime() - 60 * 86_400_000));
const to = shanghaiDate(NOW);

describe('demo receptions and cards', () => {
  it('past receptions are recorded and counted: batches, persons, solved on the spot', async () => {
    expect(seeded).toBe(7);
    const county = (await get('gl_supervisor', `/receptions/indicators?from=${from}&to=${to}`)).json();
    expect(county.total).toEqual({ receptions: 2, batches: 10, persons: 23, matters: 5, solvedOnSpot: 4 });
    const city = (
      await get('nj_analyst', `/receptions/indicators?jurisdiction=320100&from=${from}&to=${to}`)
    ).json();
    expect(city.total).toMatchObject({ receptions: 3, batches: 18, persons: 44, solvedOnSpot: 5 });
    expect(city.byLevel.map((l: { levelName: string }) => l.levelName)).toEqual(['市级', '县级']);
    const held = (await get('gl_supervisor', '/receptions?status=held')).json().items;
    const detail = (await get('gl_supervisor', `/receptions/${held[0].id}`)).json();
    expect(detail.record.matters.length).toBeGreaterThan(0);
  });

  it('coming receptions are on the portal, a video one bookable online, a 约访 by invitation', async () => {
    const items = (await get(null, '/public/receptions')).json().items;
    expect(items).toHaveLength(4);
    expect(items.find((s: { kind: string }) => s.kind === 'video')).toMatchObject({
      citizenBooks: true,
      seatsLeft: 5,
    });
    expect(items.find((s: { kind: string }) => s.kind === 'invite')).toMatchObject({ citizenBooks: false });
    // The leaders are published by title and name — not the demo bureau leader's account name.
    const leaders = items.map((s: { leader: string }) => s.leader);
    for (const l of leaders) expect(l).toMatch(/^(区长|副区长|副市长) [\u4e00-\u9fff]{2,3}$/);
    expect(new Set(leaders).size).toBe(3);
  });

  it('cards were issued at first visits; one visit with a card skipped a level', async () => {
    const cards = (await get('gl_supervisor', '/cards')).json().items;
    expect(cards.length).toBeGreaterThanOrEqual(1);
    expect(cards[0].cardNo).toMatch(/^QB320106-\d{4}-\d{6}$/);
    const rates = (await get('gl_supervisor', `/cards/rates?from=${from}&to=${to}`)).json();
    expect(rates).toMatchObject({ visitsWithCard: 3, skipped: 1, skipRate: 33.3 });
    // The district's registrar has the return visit in 核验记录, the holder's name in full.
    const checked = (await get('gl_registrar', '/cards/visits')).json().items;
    expect(checked).toHaveLength(1);
    expect(checked[0]).toMatchObject({ verdictName: '本级走访', skipped: false });
    expect(cards.map((c: { cardNo: string }) => c.cardNo)).toContain(checked[0].cardNo);
    expect(checked[0].holder).not.toContain('*');
  });

  it('seeding again adds nothing', async () => {
    expect(await seedReceptions(h.ctx, { now: NOW })).toBe(0);
  });
});
