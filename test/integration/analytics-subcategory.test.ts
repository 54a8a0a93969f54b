// Statistics by 细分类 (the second and third levels of the content categories): the rollups count
// each matter under the 细分类 it carries — set by the seed from the example dictionary, chosen on the
// case page, changed, cleared when its category changes — and the indicators table lists them
// (GET /analytics/indicators?groupBy=subcategory), the same after a rebuild; an installation whose
// matters had a 细分类 before it was counted gets that breakdown on its next start.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../src/analytics/rebuild.ts';
import { backfillSubcategoryRollups } from '../../src/analytics/subcategoryBackfill.ts';
import { dictionaryAt } from '../../src/categories/queries.ts';
import { addDays, shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { seedCategoryExamples } from '../../src/seed/categoryExamples.ts';
import { letter } from '../helpers/builders.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const today = shanghaiDate(new Date());
const twoYears = `from=${addDays(today, -800)}&to=${today}`;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['admin', 'gl_registrar', 'gl_analyst']);
  expect(await seedCategoryExamples(h.ctx)).toBeGreaterThan(0);
  const { entries } = await dictionaryAt(h.ctx.db);
  await seedCases(h.ctx.db, h.ctx.pii, { count: 300, seed: 5, subcategories: entries });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const rows = async (q: ReturnType<typeof sql>) =>
  ((await h.ctx.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;

interface Row {
  key: string;
  label: string;
  total: number;
}
const bySubcategory = async (range: string): Promise<Map<string, Row>> => {
  const res = await h.app.inject({
    url: `/api/v1/analytics/indicators?${range}&scope=320000&groupBy=subcategory`,
    headers: h.as('admin'),
  });
  expect(res.statusCode, res.body).toBe(200);
  return new Map((res.json().rows as Row[]).map((r) => [r.key, r]));
};

/** Registrations per 细分类 counted from the matters themselves (a linked repeat counts for its matter). */
async function directCounts(): Promise<Map<string, number>> {
  const found = await rows(sql`
    SELECT c.subcategory_code AS key, count(*)::int AS n FROM (
      SELECT id AS case_id FROM cases
      UNION ALL SELECT case_id FROM case_events WHERE action = 'link_repeat'
        AND detail->>'repeatCaseId' IS NULL AND detail->>'targetCaseId' IS NULL
    ) r JOIN cases c ON c.id = r.case_id
    WHERE c.subcategory_code IS NOT NULL GROUP BY 1`);
  return new Map(found.map((r) => [r.key as string, Number(r.n)]));
}

const totals = (m: Map<string, Row>) =>
  new Map([...m].map(([k, r]): [string, number] => [k, r.total]).filter(([, n]) => n !== 0));

const subcategoryRows = () =>
  rows(sql`SELECT to_char(period, 'YYYY-MM-DD') d, jurisdiction_code, key, sum(total)::int total,
      sum(completed)::int completed, sum(satisfied)::int satisfied
    FROM stats_daily WHERE dim = 'subcategory' GROUP BY 1, 2, 3
    HAVING sum(total) <> 0 OR sum(completed) <> 0 OR sum(satisfied) <> 0 ORDER BY 1, 2, 3`);

describe('statistics by 细分类', () => {
  it('counts the seeded matters under the 细分类 their text names, labelled by the dictionary', async () => {
    const direct = await directCounts();
    // The example tree names 物业收费, 拖欠工资, 餐饮油烟 …: many of the texts name one.
    expect(direct.size).toBeGreaterThan(3);
    const table = await bySubcategory(twoYears);
    expect(totals(table)).toEqual(direct);
    const { entries } = await dictionaryAt(h.ctx.db);
    const third = [...table.values()].find((r) => entries.find((e) => e.code === r.key)?.level === 3);
    expect(third?.label).toMatch(/^[^/]+ \/ [^/]+ \/ [^/]+$/); // 城乡建设 / 物业管理 / 物业收费
  });

  it('moves a matter when its 细分类 is chosen, changed, or cleared with its category', async () => {
    const { entries } = await dictionaryAt(h.ctx.db);
    const code = (name: string) => entries.find((e) => e.name === name)?.code as string;
    const [fee, quality] = [code('物业收费'), code('物业服务质量')];
    const todays = `from=${today}&to=${today}`;
    const count = async (key: string) => (await bySubcategory(todays)).get(key)?.total ?? 0;
    const [feeBefore, qualityBefore] = [await count(fee), await count(quality)];
    const c = await h.register('gl_registrar', letter('小区物业问题', { categoryCode: '010000' }));
    const put = async (subcategoryCode: string | null) => {
      const res = await h.app.inject({
        method: 'PUT',
        url: `/api/v1/cases/${c.caseId}/subcategory`,
        headers: h.as('gl_registrar'),
        payload: { subcategoryCode },
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
    };
    await put(fee);
    expect([await count(fee), await count(quality)]).toEqual([feeBefore + 1, qualityBefore]);
    await put(quality);
    expect([await count(fee), await count(quality)]).toEqual([feeBefore, qualityBefore + 1]);
    // Another category: the 细分类 no longer fits and is cleared, its count with it.
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.caseId}/category`,
      headers: h.as('gl_registrar'),
      payload: { categoryCode: '020000' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect([await count(fee), await count(quality)]).toEqual([feeBefore, qualityBefore]);
    expect(totals(await bySubcategory(twoYears))).toEqual(await directCounts());
    // A matter given the second level alone, beside one given its third level: the second level's
    // row says it holds only those (its third levels have rows of their own).
    const d = await h.register(
      'gl_registrar',
      letter('物业问题', { categoryCode: '010000', subcategoryCode: code('物业管理') }),
    );
    const e = await h.register(
      'gl_registrar',
      letter('物业收费问题', { categoryCode: '010000', subcategoryCode: fee }),
    );
    expect(d.caseId).not.toBe(e.caseId);
    const table = await bySubcategory(todays);
    expect(table.get(code('物业管理'))?.label).toBe('城乡建设 / 物业管理（未再细分）');
    expect(table.get(fee)?.label).toBe('城乡建设 / 物业管理 / 物业收费');
  });

  it('lists the matters behind a 细分类’s figure', async () => {
    const [key, n] = [...(await directCounts())].sort((a, b) => b[1] - a[1])[0] as [string, number];
    const res = await h.app.inject({
      url: `/api/v1/analytics/cases?${twoYears}&scope=320000&metric=total&category=${key}&pageSize=100`,
      headers: h.as('admin'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const ids = (res.json().items as { id: number }[]).map((i) => i.id);
    const own = await rows(sql`SELECT id FROM cases WHERE subcategory_code = ${key}`);
    expect(new Set(ids)).toEqual(new Set(own.map((r) => Number(r.id))));
    expect(ids.length).toBeLessThanOrEqual(n);
  });

  it('is the same after a rebuild, and filled in on the next start where it was missing', async () => {
    const kept = await subcategoryRows();
    expect(kept.length).toBeGreaterThan(0);
    await rebuildRollups(h.ctx.db);
    expect(await subcategoryRows()).toEqual(kept);
    // An installation from before: matters with a 细分类, no rows of the breakdown.
    await h.ctx.db.execute(sql`DELETE FROM stats_daily WHERE dim = 'subcategory'`);
    await h.ctx.db.execute(sql`DELETE FROM stats_monthly WHERE dim = 'subcategory'`);
    expect(await backfillSubcategoryRollups(h.ctx.db)).toBe(
      (await rows(sql`SELECT id FROM cases WHERE subcategory_code IS NOT NULL`)).length,
    );
    expect(await subcategoryRows()).toEqual(kept);
    // Once there, nothing more to do.
    expect(await backfillSubcategoryRollups(h.ctx.db)).toBe(0);
  });
});
