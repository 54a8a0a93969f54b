// Online petitions reach the desk classified and routed (issue 12 item A): every matter is
// classified at intake (a suggestion with its confidence), its page shows the suggestion, legal
// hints and routed department, the registrar confirms or changes the category (timeline + audit,
// rollups move), and 交办/转送 targets are found by name within the caller's subtree.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../src/analytics/rebuild.ts';
import { auditLog, caseClassifications, cases, units } from '../../src/db/schema.ts';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const CITIZEN = '13900000001';
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([CITIZEN, 'admin', 'gl_registrar', 'gl_handler', 'gl_analyst', 'nj_leader']);
});
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const post = (user: string, url: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });

async function online(subject: string, content: string): Promise<number> {
  const res = await post(CITIZEN, '/cases', {
    form: 'online',
    purpose: 'claim',
    subject,
    content,
    jurisdictionCode: '320106',
  });
  expect(res.statusCode).toBe(201);
  return res.json().caseId as number;
}

/** Today's totals by category of 鼓楼区 as the dashboards read them. */
async function byCategory(): Promise<Map<string, { label: string; total: number }>> {
  const today = shanghaiDate(new Date());
  const res = await get('gl_analyst', `/analytics/indicators?from=${today}&to=${today}&groupBy=category`);
  expect(res.statusCode).toBe(200);
  const rows = res.json().rows as { key: string; label: string; total: number }[];
  return new Map(rows.map((r) => [r.key, { label: r.label, total: r.total }]));
}

const ROLLUP_SNAPSHOT = sql`SELECT to_char(period,'YYYY-MM-DD') p, jurisdiction_code, dim, key, sum(total)::int t,
    sum(online)::int o FROM stats_daily GROUP BY 1, 2, 3, 4 HAVING sum(total) <> 0 OR sum(online) <> 0
    ORDER BY 1, 2, 3, 4`;
const snapshot = async () =>
  ((await h.ctx.db.execute(ROLLUP_SNAPSHOT)) as unknown as { rows: unknown[] }).rows;

let caseId = 0;
let zhujian = 0;

describe('classified at intake', () => {
  it('an online petition is classified at intake: suggestion, confidence and routed unit kept as advice', async () => {
    caseId = await online(
      '小区开发商房屋质量问题',
      '我们小区商品房交付后墙体开裂、屋顶漏水，物业维修基金不落实，开发商拒不维修，请住建部门督促整改。',
    );
    const [row] = await h.ctx.db
      .select()
      .from(caseClassifications)
      .where(eq(caseClassifications.caseId, caseId));
    expect(row?.status).toBe('pending');
    expect(row?.suggestedLabel).toBe('城乡建设');
    expect(row?.confidence).toBeGreaterThan(0);
    expect(row?.confidence).toBeLessThanOrEqual(1);
    const [u] = await h.ctx.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.jurisdictionCode, '320106'), eq(units.deptKey, 'zhujian')));
    zhujian = u?.id as number;
    expect(row?.routedUnitId).toBe(zhujian);
    // The matter itself has no category until a person decides.
    const [c] = await h.ctx.db.select({ code: cases.categoryCode }).from(cases).where(eq(cases.id, caseId));
    expect(c?.code).toBeNull();
  });

  it('the detail shows suggestion, hints and routed department to staff, never to the citizen', async () => {
    const res = await get('gl_registrar', `/cases/${caseId}/classification`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ status: 'pending', statusName: '待确认', stored: true, mayCategorize: true });
    expect(c.categoryCode).toBeNull();
    expect(c.suggestion.top3[0]).toMatchObject({ category: '城乡建设', code: '010000' });
    expect(c.suggestion.top3[0].department.unitId).toBe(zhujian);
    expect(c.routed.department.unitId).toBe(zhujian);
    expect(Array.isArray(c.legalHints)).toBe(true);
    expect((await get(CITIZEN, `/cases/${caseId}/classification`)).statusCode).toBe(404);
    // An analyst reads the matter but does not decide its category.
    const analyst = await get('gl_analyst', `/cases/${caseId}/classification`);
    if (analyst.statusCode === 200) expect(analyst.json().mayCategorize).toBe(false);
    else expect(analyst.statusCode).toBe(404);
  });

  it('a legal-channel hint is shown for a matter that belongs to a legal channel', async () => {
    const id = await online(
      '不服法院判决',
      '本人劳动争议案件一审判决后，对法院判决不服，要求信访部门撤销判决，重新审理。',
    );
    const c = (await get('gl_registrar', `/cases/${id}/classification`)).json();
    expect(c.legalHints.length).toBeGreaterThan(0);
    expect(c.legalHints[0].competentBody).toBeTruthy();
  });

  it('staff registering with a category record it as given; an older matter is classified live', async () => {
    const res = await post('gl_registrar', '/cases', {
      form: 'letter',
      purpose: 'claim',
      categoryCode: '020000',
      subject: '拖欠工资',
      content: '某公司拖欠农民工工资三个月。',
      jurisdictionCode: '320106',
      petitioner: { name: '王五', phone: '13812340001' },
    });
    expect(res.statusCode).toBe(201);
    const given = (await get('gl_registrar', `/cases/${res.json().caseId}/classification`)).json();
    expect(given).toMatchObject({ status: 'given', categoryCode: '020000', categoryName: '劳动和社会保障' });
    expect(given.routed.department.key).toBe('renshe');
    // Without a stored row (matters registered before intake classified them): computed now.
    await h.ctx.db.delete(caseClassifications).where(eq(caseClassifications.caseId, res.json().caseId));
    const live = (await get('gl_registrar', `/cases/${res.json().caseId}/classification`)).json();
    expect(live).toMatchObject({ stored: false, status: 'given' });
    expect(live.suggestion.top3.length).toBeGreaterThan(0);
  });
});

describe('confirmed or changed at the desk', () => {
  it('the dashboards count an unconfirmed suggestion as 待确认, not as its category', async () => {
    const cats = await byCategory();
    expect(cats.get('')?.label).toBe('待确认');
    expect(cats.get('')?.total).toBeGreaterThanOrEqual(2);
  });

  it('confirming the suggestion sets the category, records timeline and audit, and moves the count', async () => {
    const before = await byCategory();
    const res = await post('gl_registrar', `/cases/${caseId}/category`, { categoryCode: '010000' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'confirmed',
      categoryCode: '010000',
      decidedBy: expect.any(String),
    });
    const after = await byCategory();
    expect(after.get('')?.total).toBe((before.get('')?.total ?? 0) - 1);
    expect(after.get('010000')?.total).toBe((before.get('010000')?.total ?? 0) + 1);
    const [c] = await h.ctx.db.select({ code: cases.categoryCode }).from(cases).where(eq(cases.id, caseId));
    expect(c?.code).toBe('010000');
    const detail = (await get('gl_registrar', `/cases/${caseId}`)).json();
    const ev = (detail.timeline as { label: string; lines: { label: string; value: string }[] }[]).find(
      (e) => e.label === '确认内容分类',
    );
    expect(ev?.lines).toContainEqual(expect.objectContaining({ label: '内容分类', value: '城乡建设' }));
    const audits = await h.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'case'), eq(auditLog.entityId, String(caseId))));
    expect(audits.map((a) => a.action)).toContain('case.category_confirmed');
    // The petitioner does not see the internal step.
    const mine = (await get(CITIZEN, `/cases/${caseId}`)).json();
    expect(JSON.stringify(mine.timeline ?? [])).not.toContain('内容分类');
  });

  it('changing it is recorded with the previous category; the same again is a 409', async () => {
    const res = await post('gl_registrar', `/cases/${caseId}/category`, {
      categoryCode: '050000',
      note: '实为物业服务收费问题',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('changed');
    const detail = (await get('gl_registrar', `/cases/${caseId}`)).json();
    const ev = (detail.timeline as { label: string; lines: { label: string; value: string }[] }[]).find(
      (e) => e.label === '更改内容分类',
    );
    expect(ev?.lines).toContainEqual(expect.objectContaining({ label: '原内容分类', value: '城乡建设' }));
    const again = await post('gl_registrar', `/cases/${caseId}/category`, { categoryCode: '050000' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('category_unchanged');
  });

  it('refuses unknown codes, hostile text, strangers and citizens', async () => {
    const bad = await post('gl_registrar', `/cases/${caseId}/category`, { categoryCode: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'unknown_category', field: 'categoryCode' });
    const nul = await post('gl_registrar', `/cases/${caseId}/category`, { categoryCode: '01\u00000000' });
    expect(nul.statusCode).toBe(400);
    expect((await post(CITIZEN, `/cases/${caseId}/category`, { categoryCode: '010000' })).statusCode).toBe(
      404,
    );
    // A department's handler who does not hold the matter cannot see it.
    expect(
      (await post('gl_handler', `/cases/${caseId}/category`, { categoryCode: '010000' })).statusCode,
    ).toBe(404);
  });

  it('the rollups kept while categories moved equal a rebuild from the cases', async () => {
    const kept = await snapshot();
    await rebuildRollups(h.ctx.db);
    expect(await snapshot()).toEqual(kept);
  });
});

describe('细分类: a second or third level below the category', () => {
  const put = (user: string, code: string | null) =>
    h.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${caseId}/subcategory`,
      headers: h.as(user),
      payload: { subcategoryCode: code },
    });

  it('offers the live entries of the matter’s category; the choice is recorded and shown by name', async () => {
    // Here the matter is 卫生计生 (changed above). No dictionary yet: nothing offered.
    expect((await get('gl_registrar', `/cases/${caseId}/classification`)).json()).toMatchObject({
      subcategoryCode: null,
      subcategoryName: null,
      subcategoryChoices: [],
    });
    const loaded = await post('admin', '/categories/dictionary/import', {
      csv: '一级分类,二级分类,三级分类\n卫生计生,医疗服务,医患纠纷\n卫生计生,医疗服务,医疗收费\n城乡建设,住房保障,公租房\n',
    });
    expect(loaded.statusCode).toBe(200);
    const c = (await get('gl_registrar', `/cases/${caseId}/classification`)).json();
    // The text says 物业 … but names no entry of 卫生计生: no suggestion.
    expect(c.subcategorySuggestion).toBeNull();
    expect(c.subcategoryChoices).toEqual([
      { code: '050100', label: '医疗服务' },
      { code: '050101', label: '医疗服务 / 医患纠纷' },
      { code: '050102', label: '医疗服务 / 医疗收费' },
    ]);

    const chosen = await put('gl_registrar', '050102');
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toMatchObject({
      subcategoryCode: '050102',
      subcategoryName: '医疗服务 / 医疗收费',
    });
    const detail = (await get('gl_registrar', `/cases/${caseId}`)).json();
    const ev = (detail.timeline as { label: string; lines: { label: string; value: string }[] }[]).find(
      (e) => e.label === '选择细分类',
    );
    expect(ev?.lines).toContainEqual(
      expect.objectContaining({ label: '细分类', value: '医疗服务 / 医疗收费' }),
    );
    const audits = await h.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'case'), eq(auditLog.entityId, String(caseId))));
    expect(audits.map((a) => a.action)).toContain('case.subcategory_set');
    const mine = (await get(CITIZEN, `/cases/${caseId}`)).json();
    expect(JSON.stringify(mine.timeline ?? [])).not.toContain('细分类');
  });

  it('refuses another category’s entry, the same again, strangers and citizens', async () => {
    const other = await put('gl_registrar', '010101');
    expect(other.statusCode).toBe(400);
    expect(other.json().error).toMatchObject({ code: 'unknown_subcategory', field: 'subcategoryCode' });
    expect((await put('gl_registrar', '05010x')).statusCode).toBe(400);
    expect((await put('gl_registrar', '050102')).json().error.code).toBe('subcategory_unchanged');
    expect((await put(CITIZEN, '050101')).statusCode).toBe(404);
    expect((await put('gl_handler', '050101')).statusCode).toBe(404);
    const [c] = await h.ctx.db.select({ sub: cases.subcategoryCode }).from(cases).where(eq(cases.id, caseId));
    expect(c?.sub).toBe('050102');
  });

  it('a change of category clears it; clearing it by hand is recorded', async () => {
    expect((await put('gl_registrar', null)).json().subcategoryCode).toBeNull();
    expect((await put('gl_registrar', '050101')).statusCode).toBe(200);
    const moved = await post('gl_registrar', `/cases/${caseId}/category`, { categoryCode: '010000' });
    expect(moved.json()).toMatchObject({
      categoryCode: '010000',
      subcategoryCode: null,
      subcategoryChoices: [
        { code: '010100', label: '住房保障' },
        { code: '010101', label: '住房保障 / 公租房' },
      ],
    });
  });
});

describe('细分类 at registration', () => {
  const letter = (extra: Record<string, unknown>) =>
    post('gl_registrar', '/cases', {
      form: 'letter',
      purpose: 'claim',
      subject: '公租房分配不公',
      content: '我申请公租房三年未获分配，而后申请者已入住，请核查分配过程。',
      jurisdictionCode: '320106',
      petitioner: { name: '王某某', phone: '13912345678' },
      ...extra,
    });
  const count = async () => (await h.ctx.db.select({ id: cases.id }).from(cases)).length;

  it('files the matter under a 细分类 of its category; a wrong one or one without a category stores nothing', async () => {
    const before = await count();
    const wrong = await letter({ categoryCode: '050000', subcategoryCode: '010101' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'unknown_subcategory', field: 'subcategoryCode' });
    const alone = await letter({ subcategoryCode: '010101' });
    expect(alone.json().error).toMatchObject({ code: 'category_first', field: 'subcategoryCode' });
    expect(await count()).toBe(before);

    const filed = await letter({ categoryCode: '010000', subcategoryCode: '010101' });
    expect(filed.statusCode, filed.body).toBe(201);
    const c = (await get('gl_registrar', `/cases/${filed.json().caseId}/classification`)).json();
    expect(c).toMatchObject({
      categoryCode: '010000',
      subcategoryCode: '010101',
      subcategoryName: '住房保障 / 公租房',
    });

    // Filed without one, the 细分类 its text names is suggested (公租房 is in the text).
    const plain = await letter({
      categoryCode: '010000',
      subject: '公租房维修无人管',
      content: '我家所住公租房屋顶漏水半年，多次报修无人处理，请督促维修。',
      petitioner: { name: '李某某', phone: '13912340000' },
    });
    expect(plain.statusCode, plain.body).toBe(201);
    expect((await get('gl_registrar', `/cases/${plain.json().caseId}/classification`)).json()).toMatchObject({
      subcategoryCode: null,
      subcategorySuggestion: { code: '010101', label: '住房保障 / 公租房', matched: '公租房' },
    });

    // 案件查询 by 细分类: a second level finds its third levels; the first level finds them all.
    const found = async (category: string) =>
      (
        (await get('gl_registrar', `/cases?category=${category}&pageSize=200`)).json().items as {
          id: number;
        }[]
      ).map((x) => x.id);
    const id = filed.json().caseId as number;
    expect(await found('010101')).toEqual([id]);
    expect(await found('010100')).toEqual([id]);
    expect(await found('010000')).toContain(id);
    expect(await found('050101')).not.toContain(id);
  });
});

describe('交办/转送 targets by name', () => {
  it('finds 住建 units by name within the caller’s subtree, the matter’s place first', async () => {
    const res = await get('gl_registrar', '/intake/units?q=住建&near=320106');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: number; jurisdictionCode: string }[];
    expect(items[0]?.id).toBe(zhujian);
    expect(items.every((u) => u.jurisdictionCode.startsWith('320106'))).toBe(true);
    const city = (await get('nj_leader', '/intake/units?q=鼓楼区住建&near=320106')).json().items as {
      id: number;
      jurisdictionCode: string;
    }[];
    expect(city[0]?.id).toBe(zhujian);
    const wide = (await get('nj_leader', '/intake/units?q=住建')).json().items as {
      jurisdictionCode: string;
    }[];
    expect(wide.length).toBeGreaterThan(1);
    expect(wide.every((u) => u.jurisdictionCode.startsWith('3201'))).toBe(true);
    // LIKE wildcards are plain characters.
    expect((await get('nj_leader', '/intake/units?q=%25')).json().items).toEqual([]);
    expect((await get(CITIZEN, '/intake/units?q=住建')).statusCode).toBe(403);
  });
});
