// The one catalogue of content categories (src/domain/categories.ts) at the edges: intake refuses a
// code outside it, the routing table takes only its categories (by name or code) or a trained
// model's own labels, the suggestion carries the code to adopt, and migration 0011 moves matters
// of the retired 组织人事 code, with their statistics, to 党务政务.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { train } from '../../src/classify/model.ts';
import { activateVersion, saveModel } from '../../src/classify/store.ts';
import { cases, statsMonthly } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['gl_registrar', 'gl_admin', 'gl_analyst']);
});
afterAll(async () => {
  await h?.close();
});

let n = 0;
const register = (categoryCode?: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as('gl_registrar'),
    payload: {
      form: 'letter',
      purpose: 'claim',
      ...(categoryCode === undefined ? {} : { categoryCode }),
      subject: `分类测试 ${++n}`,
      content: '反映机关办事窗口服务态度差，多次往返未办成。',
      jurisdictionCode: '320106',
      petitioner: { name: '孙八', phone: `1381234${String(1000 + n).slice(-4)}` },
      receivedAt: '2026-10-12T10:00:00+08:00',
    },
  });
const putRouting = (body: Record<string, string>) =>
  h.app.inject({
    method: 'PUT',
    url: '/api/v1/classify/routing/320106',
    headers: h.as('gl_admin'),
    payload: body,
  });

describe('intake', () => {
  it('refuses a category code outside the catalogue, naming the field', async () => {
    for (const bad of ['150000', '170000', '城乡建设']) {
      const res = await register(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'unknown_category', field: 'categoryCode' });
      expect(res.json().error.message).toMatch(/内容分类/);
    }
  });

  it('stores a catalogue code, 其他 included, and takes none at all', async () => {
    for (const code of ['990000', '140000', undefined]) {
      const res = await register(code);
      expect(res.statusCode, String(code)).toBe(201);
      const [row] = await h.ctx.db
        .select({ code: cases.categoryCode })
        .from(cases)
        .where(eq(cases.id, res.json().caseId));
      expect(row?.code ?? undefined).toBe(code);
    }
  });
});

describe('routing edits', () => {
  it('takes a category by name or by code, and refuses anything else', async () => {
    const byCode = await putRouting({ '130000': 'chengguan' });
    expect(byCode.statusCode).toBe(200);
    expect(byCode.json().routing.环境保护).toBe('chengguan');
    expect(byCode.json().routing['130000']).toBeUndefined();
    const unknown = await putRouting({ 组织人事: 'renshe' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'unknown_category', field: '组织人事' });
    expect(unknown.json().error.message).toMatch(/未知内容分类/);
  });

  it('lists the catalogue with codes; 其他 is listed but never suggested', async () => {
    const body = (
      await h.app.inject({ url: '/api/v1/classify/categories', headers: h.as('gl_admin') })
    ).json();
    expect(body.categories.map((c: { code: string }) => c.code)).toContain('990000');
    const other = body.categories.find((c: { code: string }) => c.code === '990000');
    expect(other).toMatchObject({ name: '其他', suggested: false, keywordCount: 0 });
  });
});

describe('a model trained on labels of the bureau’s own', () => {
  it('gives the code of a catalogue label, none for its own label, and lets that label be routed', async () => {
    const texts: string[] = [];
    const labels: string[] = [];
    const estates = ['阳光花园', '金色家园', '翠湖苑', '幸福里', '和平新村', '星河湾', '泰和园', '瑞景苑'];
    for (const [i, e] of estates.entries()) {
      texts.push(`${e}小区物业公司乱收停车费，物业服务差，业主投诉物业 第${i}次`);
      labels.push('物业专项');
      texts.push(`${e}附近违章建筑拆迁安置房质量差，住房安置不到位 第${i}次`);
      labels.push('城乡建设');
    }
    const { model } = train(texts, labels, { seed: 3, calibrationFolds: 0, minDf: 1 });
    await saveModel(h.ctx.db, model, { trainedOn: { file: 'inline', rows: texts.length } });
    try {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/classify',
        headers: h.as('gl_registrar'),
        payload: { subject: '星河湾物业乱收停车费', content: '物业服务差，业主投诉物业' },
      });
      expect(res.statusCode).toBe(200);
      const top = res.json().top3 as { category: string; code: string | null }[];
      expect(top.find((t) => t.category === '物业专项')?.code).toBeNull();
      expect(top.find((t) => t.category === '城乡建设')?.code).toBe('010000');
      const own = await putRouting({ 物业专项: 'zhujian' });
      expect(own.statusCode).toBe(200);
      expect(own.json().routing.物业专项).toBe('zhujian');
    } finally {
      await activateVersion(h.ctx.db, 'lexicon');
    }
    // Back on the lexicon, a label it does not know is refused again.
    expect((await putRouting({ 物业专项: 'zhujian' })).statusCode).toBe(400);
  });
});

describe('migration 0011: 组织人事 → 党务政务', () => {
  it('moves the matters and adds their statistics into 党务政务', async () => {
    const a = (await register('140000')).json();
    const b = (await register('140000')).json();
    // Make b an old 组织人事 matter, with its count in rollup rows of its own (as before 0011).
    // The rows are sharded (docs/analytics.md): a and b may sit in two shards, so the count moves
    // out of one shard's row per period, into shard 0 as a row written before 0012 would be.
    await h.ctx.db.update(cases).set({ categoryCode: '150000' }).where(eq(cases.id, b.caseId));
    for (const t of ['stats_daily', 'stats_monthly']) {
      await h.ctx.db.execute(
        sql.raw(`INSERT INTO ${t} (period, jurisdiction_code, dim, key, total, online, visits)
          SELECT DISTINCT period, jurisdiction_code, dim, '150000', 1, 0, 0 FROM ${t}
          WHERE dim = 'category' AND key = '140000' AND jurisdiction_code = '320106'`),
      );
      await h.ctx.db.execute(
        sql.raw(`UPDATE ${t} u SET total = u.total - 1
          WHERE dim = 'category' AND key = '140000' AND jurisdiction_code = '320106'
            AND shard = (SELECT min(s.shard) FROM ${t} s WHERE s.dim = u.dim AND s.key = u.key
              AND s.period = u.period AND s.jurisdiction_code = u.jurisdiction_code)`),
      );
    }
    const monthly = (key: string) =>
      h.ctx.db
        .select({ total: sql<number>`sum(${statsMonthly.total})::int` })
        .from(statsMonthly)
        .where(
          and(
            eq(statsMonthly.dim, 'category'),
            eq(statsMonthly.key, key),
            eq(statsMonthly.jurisdictionCode, '320106'),
          ),
        )
        .groupBy(statsMonthly.period);
    const before = (await monthly('140000'))[0]?.total ?? 0;
    expect(await monthly('150000')).toEqual([{ total: 1 }]);

    const file = fileURLToPath(new URL('../../src/db/migrations/0011_categories_sql.sql', import.meta.url));
    for (const stmt of fs.readFileSync(file, 'utf8').split('--> statement-breakpoint')) {
      // 0011 ran before 0012 added `shard` to the rollup keys: on today's tables its conflict
      // target names the shard too (the 组织人事 rows above are in shard 0, where 0011 adds).
      await h.ctx.db.execute(sql.raw(stmt.replaceAll('"key") DO UPDATE', '"key", "shard") DO UPDATE')));
    }

    const codes = await h.ctx.db
      .select({ id: cases.id, code: cases.categoryCode })
      .from(cases)
      .where(sql`${cases.id} IN (${a.caseId}, ${b.caseId})`);
    expect(codes.map((r) => r.code)).toEqual(['140000', '140000']);
    expect(await monthly('150000')).toEqual([]);
    expect(await monthly('140000')).toEqual([{ total: before + 1 }]);
    const byCategory = await h.app.inject({
      url: '/api/v1/analytics/indicators?from=2026-10-01&to=2026-10-31&scope=320106&groupBy=category',
      headers: h.as('gl_analyst'),
    });
    expect(byCategory.statusCode).toBe(200);
    const labels = byCategory.json().rows.map((r: { key: string; label: string }) => [r.key, r.label]);
    expect(labels).toContainEqual(['140000', '党务政务']);
    expect(labels.map(([k]: [string]) => k)).not.toContain('150000');
  });
});
