// The demo data has 部门联动 records (first demo start, `xinfang seed`): three referrals (closed, fed
// back, waiting), three 信访救助 applications (closed; waiting for 南京市; approved by the province and
// half paid), two 跨省协作 records, last year's 三无 evaluations decided and this year's in draft —
// made by the commands, so the case timelines show them. Seeding twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { seedLinkage } from '../../src/seed/linkage.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let seeded = 0;
const year = Number(shanghaiDate(new Date()).slice(0, 4));

beforeAll(async () => {
  h = await startHarness();
  await seedCases(h.ctx.db, h.ctx.pii, { count: 1500, seed: 7 });
  seeded = await seedLinkage(h.ctx);
  await h.loginAll(['gl_supervisor', 'nj_leader']);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });

describe('demo linkage records', () => {
  it('referrals, relief, cooperation and 三无 evaluations are there, once', async () => {
    expect(seeded).toBe(12);
    const referrals = (await get('gl_supervisor', '/linkage/referrals')).json().items;
    expect(referrals.map((r: { status: string }) => r.status).sort()).toEqual([
      'closed',
      'fed_back',
      'referred',
    ]);
    expect(referrals.map((r: { member: string }) => r.member)).toContain('鼓楼区人民法院');
    const relief = (await get('nj_leader', '/relief')).json().items;
    expect(relief.map((a: { status: string }) => a.status).sort()).toEqual(['approved', 'closed', 'pending']);
    const waiting = relief.find((a: { status: string }) => a.status === 'pending');
    expect(waiting.pendingLevelName).toBe('设区市级');
    expect(waiting.availableActions.map((x: { action: string }) => x.action)).toEqual(['approve', 'reject']);
    const halfPaid = relief.find((a: { status: string }) => a.status === 'approved');
    expect(halfPaid).toMatchObject({ approvedFen: 12_000_000, paidFen: 6_000_000 });
    expect(halfPaid.closure.waitingOn).toContain('救助金尚未足额发放');
    const coops = (await get('gl_supervisor', '/linkage/cooperations')).json().items;
    expect(coops.map((c: { statusName: string }) => c.statusName).sort()).toEqual(['协作中', '已结束']);
    const last = (await get('nj_leader', `/sanwu/evaluations?year=${year - 1}`)).json();
    expect(last.summary.decided).toBe(3);
    expect(last.items.find((i: { jurisdictionCode: string }) => i.jurisdictionCode === '320106').result).toBe(
      'not_qualified',
    );
    const now = (await get('nj_leader', `/sanwu/evaluations?year=${year}`)).json();
    expect(now.items.find((i: { jurisdictionCode: string }) => i.jurisdictionCode === '320105').status).toBe(
      'draft',
    );
    const legal = referrals.find((r: { status: string }) => r.status === 'closed');
    const timeline = (await get('gl_supervisor', `/cases/${legal.caseId}`)).json().timeline;
    expect(timeline.map((e: { label: string }) => e.label)).toEqual(
      expect.arrayContaining(['移交联席会议成员单位', '联动办结', '信访救助结案', '跨省协作结束']),
    );
    expect(await seedLinkage(h.ctx)).toBe(0);
  });
});
