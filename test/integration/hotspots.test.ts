// Hotspots over registered cases: one estate's property-fee complaints in 鼓楼区 form a hotspot with
// its growth against the previous week and the streets they came from; a 秦淮区 estate's is seen by
// the city, not by 鼓楼区; the same estate's complaint registered at the city level joins the 鼓楼区
// hotspot for the city, with the evidence of the merge; features stored by an older version are
// computed again; roles and scopes are enforced.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findHotspots, HOTSPOT_FEATURES_VERSION } from '../../src/hotspots/find.ts';
import { bearer, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const t: Record<string, string> = {};
const DAY = 86_400_000;
const shanghaiDate = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const today = shanghaiDate(Date.now());
const from = shanghaiDate(Date.now() - 6 * DAY);
const ids = { gulou: [] as number[], qinhuai: [] as number[], city: 0 };

/** Registers a letter as `user`; returns its case id. */
async function register(
  user: string,
  l: { place: string; subject: string; content: string; name: string; phone: string; daysAgo: number },
) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: bearer(t[user] ?? ''),
    payload: {
      form: 'letter',
      jurisdictionCode: l.place,
      subject: l.subject,
      content: l.content,
      petitioner: { name: l.name, phone: l.phone },
      receivedAt: new Date(Date.now() - l.daysAgo * DAY).toISOString(),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().caseId as number;
}

const letter = (user: string, place: string, estate: string, k: number, daysAgo: number) =>
  register(user, {
    place,
    subject: `${estate}物业费上涨问题`,
    content: `我是${estate}的业主，物业公司今年把物业费从每平方米1.5元涨到2.6元，没有召开业主大会表决，服务也没有改善，请物价部门核查物业收费（第${k}封）。`,
    name: `业主${'甲乙丙丁戊己'[k]}`,
    phone: `1390000${place.slice(-3)}${k}`,
    daysAgo,
  });

beforeAll(async () => {
  h = await startHarness();
  for (const u of ['gl_registrar', 'nj_registrar', 'gl_analyst', 'nj_analyst', 'gl_handler', 'gl_leader'])
    t[u] = await h.login(u);
  t.citizen = await h.login('13900000001');
  // Two registered at 宁海路街道, one at 湖南路街道, one at the district itself.
  const streets = ['320106001', '320106001', '320106003', '320106'];
  for (let k = 0; k < 4; k++)
    ids.gulou.push(await letter('gl_registrar', streets[k] as string, '颐和南苑', k, k % 3));
  // Last week: one complaint about the same estate (the previous window of the same length).
  await letter('gl_registrar', '320106', '颐和南苑', 5, 9);
  for (let k = 0; k < 3; k++) ids.qinhuai.push(await letter('nj_registrar', '320104', '夫子庙花园', k, 1));
  // The same estate's matter, worded otherwise and registered at the city (问题属地 南京市).
  ids.city = await register('nj_registrar', {
    place: '320100',
    subject: '颐和南苑物业乱涨价',
    content: '颐和南苑物业公司擅自提高收费标准，物业费每平方米涨了一块多，业主不同意，要求查处。',
    name: '业主庚',
    phone: '13900001007',
    daysAgo: 2,
  });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const get = (user: string, query: string) =>
  h.app.inject({ url: `/api/v1/analytics/hotspots?${query}`, headers: bearer(t[user] ?? '') });

interface Item {
  label: string;
  place: { code: string; name: string };
  topWords: string[];
  subject: string | null;
  size: number;
  petitioners: number;
  previous: number;
  growth: number;
  caseIds: number[];
  firstDate: string;
  lastDate: string;
  trend: { unit: string; counts: number[] };
  streets: { code: string; name: string; count: number }[];
  merges: { reason: string; place: string | null; shared: string[]; similarity: number; caseIds: number[] }[];
}

describe('GET /api/v1/analytics/hotspots', () => {
  it('finds the estate’s complaints as one hotspot with place, words, petitioners and growth', async () => {
    const res = await get('gl_analyst', `from=${from}&to=${today}&limit=100`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Item[];
    const hot = items.find((i) => i.caseIds.includes(ids.gulou[0] as number));
    expect(hot).toBeDefined();
    expect([...(hot?.caseIds ?? [])].sort()).toEqual([...ids.gulou].sort());
    expect(hot?.place).toEqual({ code: '320106', name: '鼓楼区' });
    // Where in the district: the streets its cases were registered at, most first.
    expect(hot?.streets).toEqual([
      { code: '320106001', name: '宁海路街道', count: 2 },
      { code: '320106003', name: '湖南路街道', count: 1 },
    ]);
    expect(hot?.label).toContain('鼓楼区');
    expect(hot?.label).toContain('颐和南苑');
    expect(hot?.topWords).toContain('物业费');
    // What it is about in the letters' own words: their shared subject, 问题 left to the reader.
    expect(hot?.subject).toBe('颐和南苑物业费上涨');
    expect(hot?.size).toBe(4);
    expect(hot?.petitioners).toBe(4);
    expect(hot?.previous).toBe(1);
    expect(hot?.growth).toBe(3);
    expect(hot?.trend.unit).toBe('day');
    expect(hot?.trend.counts).toHaveLength(7);
    expect(hot?.trend.counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect((hot?.firstDate ?? '') <= (hot?.lastDate ?? '')).toBe(true);
    expect(hot?.lastDate).toBe(today);
    // 鼓楼区 does not see 秦淮区's matters.
    expect(items.some((i) => i.caseIds.includes(ids.qinhuai[0] as number))).toBe(false);
  });

  it('the city sees both districts; a narrower scope inside it works', async () => {
    const city = (await get('nj_analyst', `from=${from}&to=${today}&limit=100`)).json().items as Item[];
    expect(city.some((i) => i.caseIds.includes(ids.gulou[0] as number))).toBe(true);
    const qh = city.find((i) => i.caseIds.includes(ids.qinhuai[0] as number));
    expect(qh?.place.name).toBe('秦淮区');
    // The city-level complaint about 颐和南苑 is part of the 鼓楼区 hotspot, and says why.
    const yh = city.find((i) => i.caseIds.includes(ids.gulou[0] as number));
    expect(yh?.caseIds).toContain(ids.city);
    expect(yh?.size).toBe(5);
    expect(yh?.place.code).toBe('320106');
    const merge = yh?.merges.find((m) => m.caseIds.includes(ids.city));
    expect(merge?.reason).toBe('place');
    expect(merge?.place).toBe('颐和南苑');
    expect(merge?.shared).toContain('物业费');
    expect(qh?.caseIds).not.toContain(ids.city);
    const narrowed = (await get('nj_analyst', `from=${from}&to=${today}&scope=320104&limit=100`)).json()
      .items as Item[];
    expect(narrowed.every((i) => i.place.code === '320104')).toBe(true);
  });

  it('segments each case once (stored features) and includes cases registered after a query', async () => {
    const db = h.ctx.db;
    const stored = async () =>
      ((await db.execute(sql`SELECT case_id FROM hotspot_terms`)) as unknown as { rows: unknown[] }).rows
        .length;
    const before = await findHotspots(db, { from, to: today, scopeCode: '320106' });
    const kept = await stored();
    expect(kept).toBeGreaterThanOrEqual(5);
    const later = await letter('gl_registrar', '320106', '颐和南苑', 4, 0);
    const after = await findHotspots(db, { from, to: today, scopeCode: '320106' });
    expect(await stored()).toBe(kept + 1);
    const hot = after.items.find((i) => i.caseIds.includes(ids.gulou[0] as number));
    expect(hot?.caseIds).toContain(later);
    expect(hot?.size).toBe((before.items.find((i) => i.label === hot?.label)?.size ?? 0) + 1);
  });

  it('computes features stored by an older version again, and stores them', async () => {
    const db = h.ctx.db;
    const id = ids.gulou[1] as number;
    await db.execute(
      sql`UPDATE hotspot_terms SET terms = 'v2 w:物业费 w:上涨 p:颐和南苑' WHERE case_id = ${id}`,
    );
    const out = await findHotspots(db, { from, to: today, scopeCode: '320106' });
    expect(out.items.find((i) => i.caseIds.includes(id))?.caseIds).toContain(ids.gulou[0]);
    const [row] = (
      (await db.execute(sql`SELECT terms FROM hotspot_terms WHERE case_id = ${id}`)) as unknown as {
        rows: { terms: string }[];
      }
    ).rows;
    expect(row?.terms.startsWith(`${HOTSPOT_FEATURES_VERSION} `)).toBe(true);
    // The subject line's words, read by the topic merge (version 3).
    expect(row?.terms).toContain('s:物业费');
    expect(row?.terms).toContain('w:业主大会');
  });

  it('refuses scopes outside the caller’s subtree, citizens and department handlers', async () => {
    const out = await get('gl_analyst', 'scope=320100');
    expect(out.statusCode).toBe(403);
    expect(out.json().error.code).toBe('forbidden_scope');
    expect((await get('citizen', '')).statusCode).toBe(403);
    expect((await get('gl_handler', '')).statusCode).toBe(403);
    expect((await get('gl_leader', '')).statusCode).toBe(200);
    const bad = await get('gl_analyst', `from=${today}&to=${from}`);
    expect(bad.statusCode).toBe(400);
  });

  it('names a city-wide matter asked about from two districts by its city, not by the city’s code', async () => {
    // A city's policy (no estate named), from 姑苏区 and 吴中区: the hotspot's place is 苏州市, a code
    // no case of the window has (the districts' names are looked up; the city's must be too).
    t.js_registrar = await h.login('js_registrar');
    t.js_analyst = await h.login('js_analyst');
    for (const [k, place] of ['320508', '320508', '320506', '320506'].entries())
      await register('js_registrar', {
        place,
        subject: '住房公积金贷款审批太慢',
        content: `申请住房公积金贷款三个月了还没有审批结果，公积金中心说要排队放款，购房合同快要违约了，请求加快公积金贷款审批（${k}）。`,
        name: `购房人${'甲乙丙丁'[k]}`,
        phone: `1390000200${k}`,
        daysAgo: 1,
      });
    const res = await get('js_analyst', `from=${from}&to=${today}&scope=320500`);
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: Item[] }).items;
    const fund = items.find((i) => i.label.includes('公积金'));
    expect(fund?.place, JSON.stringify(items.map((i) => [i.label, i.place]))).toEqual({
      code: '320500',
      name: '苏州市',
    });
    expect(fund?.label).toMatch(/^苏州市/);
    expect(fund?.subject).toBe('住房公积金贷款审批太慢');
  });
});
