// The demo data has 事项标识 (first demo start, `xinfang seed`): 南京市 districts' first open matters flagged
// 扬言, 涉法涉诉, 涉港澳台侨外, 同意公开 and one 重大紧急, reported to 南京市信访局 and waiting to be
// signed for there. Seeding twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCases } from '../../src/seed/cases.ts';
import { seedFlags } from '../../src/seed/flags.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let seeded = 0;

beforeAll(async () => {
  h = await startHarness();
  // A fixed clock: with the real one, how many of 南京's district matters are still open depends on
  // the day the test runs (3 of 600 on some days, fewer than the five flags need).
  await seedCases(h.ctx.db, h.ctx.pii, { count: 600, seed: 7, now: new Date('2026-12-05T10:00:00Z') });
  seeded = await seedFlags(h.ctx);
  await h.loginAll(['nj_registrar', 'nj_leader']);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const ids = async (q: string) =>
  ((await get('nj_registrar', `/cases?pageSize=100&${q}`)).json().items as { id: number }[]).map((c) => c.id);

describe('demo flags', () => {
  it("flags five open matters of 南京's districts, each flag filterable", async () => {
    expect(seeded).toBe(5);
    expect(await ids('flag=major_urgent')).toHaveLength(1);
    expect(await ids('flag=threat')).toHaveLength(2);
    for (const f of ['litigation', 'foreign', 'consent_public'])
      expect(await ids(`flag=${f}`)).toHaveLength(1);
  });

  it('the 重大紧急 matter is reported to 南京市信访局, on its monitoring until signed for', async () => {
    const [urgent] = await ids('flag=major_urgent');
    const pending = (await get('nj_leader', '/flag-reports?pending=true')).json().items;
    expect(pending).toEqual([expect.objectContaining({ caseId: urgent, toUnit: '南京市信访局' })]);
    const daily = (await get('nj_leader', '/monitoring/daily')).json();
    expect(daily.sources.find((s: { id: string }) => s.id === 'flag_report_pending').total).toBe(1);
  });

  it('seeding again adds nothing', async () => {
    expect(await seedFlags(h.ctx)).toBe(0);
  });
});
