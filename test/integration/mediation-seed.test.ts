// The demo data has 访调对接 and 专家库 content (first demo start, `xinfang seed`): bodies, referrals
// still mediating, agreed, failed and settled, third parties on matters, experts with an opinion and
// load — on the pages and the case pages. Seeding twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMediation } from '../../src/seed/mediation.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

const NOW = new Date('2026-06-15T02:00:00Z');
let h: Harness;
let seeded = 0;

beforeAll(async () => {
  h = await startHarness({ cases: { count: 1500, seed: 7, now: NOW } });
  seeded = await seedMediation(h.ctx, { now: NOW });
  await h.loginAll(['gl_supervisor', 'nj_supervisor']);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });

describe('demo mediation and experts', () => {
  it('referrals in each outcome, bodies and counts', async () => {
    expect(seeded).toBe(4);
    const items = (await get('nj_supervisor', '/mediation/referrals')).json().items;
    expect(items.map((r: { status: string }) => r.status).sort()).toEqual([
      'agreement',
      'no_agreement',
      'referred',
      'settled',
    ]);
    const agreed = items.find((r: { status: string }) => r.status === 'agreement');
    expect(agreed.agreementNumber).toMatch(/调协字第\d+号/);
    // The agreed matter can be settled from the referral's page.
    const d = (await get('nj_supervisor', `/mediation/referrals/${agreed.id}`)).json();
    expect(d.agreementUrl).toMatch(/agreement\.docx$/);
    expect(d.sessions).toHaveLength(1);
    const settled = items.find((r: { status: string }) => r.status === 'settled');
    expect((await get('nj_supervisor', `/cases/${settled.caseId}`)).json().state).toBe('settled');
    const bodies = (await get('gl_supervisor', '/mediation/bodies')).json().items;
    expect(bodies.map((b: { kindName: string }) => b.kindName)).toEqual(
      expect.arrayContaining(['人民调解', '行政调解', '司法调解']),
    );
    const counts = (await get('nj_supervisor', '/mediation/indicators?from=2020-01-01&to=2026-06-15')).json();
    expect(counts.total).toMatchObject({ referrals: 4, agreements: 2, failed: 1, agreementRate: 66.7 });
    const parts = (await get('nj_supervisor', `/mediation/interventions?caseId=${agreed.caseId}`)).json()
      .items;
    expect(parts.map((p: { kindName: string }) => p.kindName)).toEqual(['心理疏导']);
  });

  it('experts of the district, city and province with load and an opinion', async () => {
    const list = (await get('nj_supervisor', '/experts')).json().items;
    expect(list.length).toBe(8); // the city's, its districts' and the province's
    const lawyer = list.find((e: { name: string }) => e.name === '陈静');
    expect(lawyer).toMatchObject({ opinions: 1, openAssignments: 0 });
    expect(list.find((e: { name: string }) => e.name === '周明远')).toMatchObject({
      levelName: '省级',
      openAssignments: 1,
    });
    expect(await seedMediation(h.ctx, { now: NOW })).toBe(0);
  });
});
