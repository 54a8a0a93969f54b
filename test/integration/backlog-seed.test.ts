// The demo data has backlog matters (xinfang seed / first demo start): identified and resolved
// ones with plans and the seven standards, on their cases' timelines, and the system's candidates —
// so the ledger has content on first start. Seeding twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBacklog } from '../../src/seed/backlog.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

const NOW = new Date('2026-06-15T02:00:00Z');
let h: Harness;
let seeded: Awaited<ReturnType<typeof seedBacklog>>;

beforeAll(async () => {
  h = await startHarness({ cases: { count: 1500, seed: 7, now: NOW } });
  seeded = await seedBacklog(h.ctx, { seed: 7, now: NOW });
  await h.loginAll(['js_leader', 'nj_supervisor']);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });

describe('demo backlog matters', () => {
  it('the province ledger shows identified and resolved matters by city, with a rate', async () => {
    expect(seeded.identified).toBeGreaterThan(5);
    expect(seeded.resolved).toBeGreaterThan(0);
    expect(seeded.candidates).toBeGreaterThan(0);
    const l = (await get('js_leader', '/backlog/ledger')).json();
    expect(l.total.identified).toBe(seeded.identified);
    expect(l.total.resolved).toBe(seeded.resolved);
    expect(l.total.rate).toBeCloseTo(seeded.resolved / seeded.identified, 5);
    expect(l.byJurisdiction.length).toBeGreaterThan(3);
    expect(l.byJurisdiction.every((r: { name: string }) => r.name.endsWith('市'))).toBe(true);
    const resolved = l.rows.find((r: { status: string }) => r.status === 'resolved');
    expect(resolved).toMatchObject({ standardsMet: 7, plan: { label: '已完成' } });
    // One waits for 销号 whatever the dice: the 候选与待办 tab is never empty on first start.
    expect(l.rows.some((r: { status: string }) => r.status === 'closing')).toBe(true);
  });

  it('a resolved matter has its plan, standards and history; its case shows the steps', async () => {
    const l = (await get('js_leader', '/backlog/ledger')).json();
    const r = l.rows.find((x: { status: string }) => x.status === 'resolved');
    const d = (await get('js_leader', `/backlog/${r.id}`)).json();
    expect(d.standardsMet).toBe(7);
    expect(d.plan.steps).toHaveLength(4);
    expect(d.notes.map((n: { label: string }) => n.label)).toEqual([
      '提请认定',
      '认定积案',
      '申请销号',
      '审核同意销号',
    ]);
    const c = (await get('js_leader', `/cases/${r.caseId}`)).json();
    expect(c.timeline.map((e: { label: string }) => e.label)).toEqual(
      expect.arrayContaining(['提请认定积案', '认定为积案', '积案化解销号']),
    );
  });

  it('leaders of 南京市 and 鼓楼区 took matters (领导包案): the ledger names them, the compliance view counts them', async () => {
    const l = (await get('nj_supervisor', '/backlog/ledger')).json();
    const led = l.rows.filter((r: { leaders: string[] }) => r.leaders.length > 0);
    expect(led.length).toBeGreaterThan(0);
    expect(led.flatMap((r: { leaders: string[] }) => r.leaders)).toContain('南京市信访局领导');
    const c = (await get('nj_supervisor', `/backlog/packages/compliance?date=2026-06-10`)).json();
    expect(c.summary.packages).toBeGreaterThan(0);
    const nj = c.items.find((i: { leader: { name: string } }) => i.leader.name === '南京市信访局领导');
    expect(nj.total).toBe(
      led.filter((r: { leaders: string[] }) => r.leaders.includes('南京市信访局领导')).length,
    );
  });

  it('seeding again adds nothing', async () => {
    const again = await seedBacklog(h.ctx, { seed: 7, now: NOW });
    expect(again).toEqual({ identified: 0, resolved: 0, candidates: 0 });
  });
});
