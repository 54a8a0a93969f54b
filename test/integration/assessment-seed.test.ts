// The demo data has 责任落实 (first demo start, `xinfang seed`): this year's letters with the
// province's 13 cities (连云港市 missing, 宿迁市 drafted, the rest signed), a 通报 on the city ranked
// last in last month's scorecard, and 鼓楼区住建局's 约谈 (linked to the seeded 约谈 order), 重点管理 and
// 问责. Seeding twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAssessment } from '../../src/seed/assessment.ts';
import { seedBacklog } from '../../src/seed/backlog.ts';
import { seedSupervision } from '../../src/seed/supervision.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

const NOW = new Date('2026-11-10T02:00:00Z');
let h: Harness;
let seeded = 0;

beforeAll(async () => {
  h = await startHarness({ cases: { count: 1500, seed: 7, now: NOW } });
  await seedBacklog(h.ctx, { seed: 7, now: NOW });
  await seedSupervision(h.ctx, { now: NOW });
  seeded = await seedAssessment(h.ctx, { now: NOW });
  await h.loginAll(['js_analyst', 'nj_supervisor']);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });

describe('demo 责任落实', () => {
  it('has this year’s letters with the cities, and who lacks one', async () => {
    expect(seeded).toBeGreaterThan(15);
    const l = (await get('js_analyst', '/assessment/letters?year=2026')).json();
    expect(l.missing.map((m: { name: string }) => m.name)).toEqual(['连云港市']);
    expect(l.unsigned.map((m: { name: string }) => m.name)).toEqual(['宿迁市']);
    const signed = l.items.filter((x: { status: string }) => x.status === 'signed');
    expect(signed).toHaveLength(11);
    expect(signed[0].signatories.length).toBe(4);
    const nj = (await get('nj_supervisor', '/assessment/letters?year=2026')).json();
    expect(nj.items.some((x: { jurisdictionName: string }) => x.jurisdictionName === '鼓楼区')).toBe(true);
  });

  it('publishes a 通报 on the city ranked last in last month’s scorecard', async () => {
    const card = (await get('js_analyst', '/assessment/scorecard?period=2026-10')).json();
    const ranked = card.rows.filter((r: { rank: number | null }) => r.rank !== null);
    const last = ranked.at(-1);
    const notices = (await get('js_analyst', '/assessment/records?kind=notice')).json().items;
    expect(notices).toHaveLength(1);
    expect(notices[0].title).toBe(`关于${last.name}2026年10月信访工作考核排名末位的通报`);
    expect(notices[0].number).toBe('〔2026〕1号');
    expect((await get('js_analyst', `/assessment/records/${notices[0].id}/notice.docx`)).statusCode).toBe(
      200,
    );
  });

  it('links 鼓楼区住建局’s 约谈 to the seeded 约谈 order; its history shows all of it', async () => {
    const orders = (await get('nj_supervisor', '/supervision')).json().items;
    const order = orders.find((o: { type: string }) => o.type === 'interview');
    const items = (await get('nj_supervisor', '/assessment/records?kind=interview')).json().items;
    expect(items).toHaveLength(1);
    const d = (await get('nj_supervisor', `/assessment/records/${items[0].id}`)).json();
    expect(d.orders.map((o: { id: number }) => o.id)).toEqual([order.id]);
    expect(d.status).toBe('awaiting_follow_up');
    const hist = (await get('nj_supervisor', `/assessment/units/${order.unitId}/history`)).json();
    expect(hist.counts.interview).toBe(1);
    expect(hist.orders.some((o: { id: number }) => o.id === order.id)).toBe(true);
    // 重点管理 and 问责 follow the escalated 书面督办, on its unit, linked to it and its matter.
    const written = orders.find((o: { type: string }) => o.type === 'written');
    const sm = (await get('nj_supervisor', '/assessment/records?kind=special_management')).json().items;
    expect(sm).toHaveLength(1);
    expect(sm[0].unitId).toBe(written.unitId);
    const smd = (await get('nj_supervisor', `/assessment/records/${sm[0].id}`)).json();
    expect(smd.orders.map((o: { id: number }) => o.id)).toEqual([written.id]);
    expect(smd.cases.map((c: { id: number }) => c.id)).toEqual([written.caseId]);
    const wh = (await get('nj_supervisor', `/assessment/units/${written.unitId}/history`)).json();
    expect(wh.counts.special_management + wh.counts.accountability).toBe(2);
    expect(await seedAssessment(h.ctx, { now: NOW })).toBe(0);
  });
});
