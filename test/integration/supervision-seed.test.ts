// The demo data has supervision orders (first demo start, `xinfang seed`): one overdue and escalated
// on a matter, one with feedback filed, one closed on time, one 约谈 by the city — on the list, and
// the case orders on their cases' timelines. Seeding twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSupervision } from '../../src/seed/supervision.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

const NOW = new Date('2026-06-15T02:00:00Z');
let h: Harness;
let seeded = 0;

beforeAll(async () => {
  h = await startHarness({ cases: { count: 1500, seed: 7, now: NOW } });
  seeded = await seedSupervision(h.ctx, { now: NOW });
  await h.loginAll(['nj_supervisor', 'gl_handler']);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });

describe('demo supervision orders', () => {
  it('the list shows an escalated overdue order, one fed back, one closed, one 约谈', async () => {
    expect(seeded).toBe(4);
    const items = (await get('nj_supervisor', '/supervision')).json().items;
    expect(items).toHaveLength(4);
    const by = (type: string) => items.find((o: { type: string }) => o.type === type);
    expect(by('written')).toMatchObject({ overdue: true, escalationName: '已升级', status: 'issued' });
    expect(by('written').number).toMatch(/督字第\d+号/);
    expect(by('online')).toMatchObject({ status: 'feedback_filed', statusName: '已反馈待审核' });
    expect(by('onsite')).toMatchObject({ status: 'closed', overdue: false, target: 'unit' });
    expect(by('interview')).toMatchObject({ status: 'issued', unit: '鼓楼区住房和城乡建设局' });
    // Each line names who raised it: the list holds the city's orders and the district's.
    expect(new Set(items.map((o: { raisingUnit: string }) => o.raisingUnit))).toContain('鼓楼区信访局');
    expect(items.every((o: { raisingUnit: string }) => o.raisingUnit.endsWith('信访局'))).toBe(true);
    const c = (await get('nj_supervisor', `/cases/${by('written').caseId}`)).json();
    expect(c.flags.supervised).toBe(true);
    expect(c.timeline.map((e: { label: string }) => e.label)).toEqual(
      expect.arrayContaining(['督查督办', '督办催办', '督办升级']),
    );
    expect(await seedSupervision(h.ctx, { now: NOW })).toBe(0);
  });
});
