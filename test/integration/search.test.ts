// Full-text search in the case list (GET /api/v1/cases?q=…): jieba words with the place-name and
// petition-vocabulary dictionary, relevance order, the caller's scope, the other filters and paging,
// highlights that are escaped and masked, case-number prefixes, exact ID/phone matches for roles that
// may see personal data, the generated tsvector following the tokens, and the backfill.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/db/schema.ts';
import { backfillSearchTokens } from '../../src/search/backfill.ts';
import { caseSearchTokens, queryTokens, searchTokens } from '../../src/search/tokenize.ts';
import { bearer, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const t: Record<string, string> = {};
const ids: Record<string, number> = {};
const numbers: Record<string, string> = {};

interface Item {
  id: number;
  caseNumber: string;
  subject: string;
  highlight?: string;
}

async function register(
  key: string,
  user: string,
  body: { subject: string; content: string; form?: string; jurisdictionCode?: string },
  petitioner: { name: string; phone?: string; idNumber?: string },
) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: bearer(t[user] ?? ''),
    payload: { form: 'letter', purpose: 'claim', jurisdictionCode: '320106', petitioner, ...body },
  });
  if (res.statusCode !== 201) throw new Error(`${key}: ${res.statusCode} ${res.body}`);
  ids[key] = res.json().caseId;
  numbers[key] = res.json().caseNumber;
}

async function search(user: string, query: Record<string, string>) {
  const res = await h.app.inject({
    url: `/api/v1/cases?${new URLSearchParams(query)}`,
    headers: bearer(t[user] ?? ''),
  });
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as { items: Item[]; total: number };
}
const found = async (user: string, query: Record<string, string>) =>
  (await search(user, query)).items.map((i) => i.id);

beforeAll(async () => {
  h = await startHarness();
  for (const u of ['gl_registrar', 'gl_analyst', 'nj_registrar']) t[u] = await h.login(u);
  // Registered in this order, so by recency alone B would come before A.
  await register(
    'A',
    'gl_registrar',
    {
      subject: '拆迁补偿款迟迟未发放',
      content: '我家位于挹江门街道，拆迁时承诺的补偿款至今未发放，拆迁办多次推诿，请求督促拆迁补偿到位。',
    },
    { name: '王五', phone: '13811112222', idNumber: '11010519491231002X' },
  );
  await register(
    'B',
    'gl_registrar',
    {
      form: 'visit',
      subject: '小区物业管理混乱',
      content:
        '小区物业公司服务差，电梯经常故障，物业费却年年上涨，业主多次协商无果。听说附近还有拆迁计划，' +
        '业主担心维修资金被挪用，请求有关部门核查物业收费。',
    },
    { name: '赵六', phone: '13822223333' },
  );
  await register(
    'C',
    'gl_registrar',
    {
      subject: '企业未缴纳社保',
      content:
        '公司三年未给职工缴纳社保，请求劳动保障部门查处。本人电话13912345678，身份证号110105194912310021。',
    },
    { name: '钱七', phone: '13833334444' },
  );
  await register(
    'D',
    'gl_registrar',
    {
      subject: '餐馆夜间噪音扰民',
      content: '楼下餐馆夜间噪音 <b>严重</b> & 影响休息，<script>alert("x")</script> 请求处理。',
    },
    { name: '孙八', phone: '13844445555' },
  );
  // 玄武区, registered by the 南京市 bureau: outside 鼓楼区's scope.
  await register(
    'E',
    'nj_registrar',
    {
      subject: '拆迁安置房漏水',
      content: '孝陵卫街道拆迁安置房交付后屋顶漏水，拆迁拆迁拆迁，多次报修无人处理，请求维修。',
      jurisdictionCode: '320102',
    },
    { name: '周九', phone: '13855556666' },
  );
});
afterAll(async () => {
  await h?.close();
});

describe('segmentation', () => {
  it('keeps place names of the jurisdiction tree and petition words whole', () => {
    // The default dictionary alone cuts this 挹|江门|街道.
    expect(queryTokens('挹江门街道')).toEqual(['挹江门街道']);
    expect(queryTokens('安置房的社保问题')).toEqual(['安置房', '社保', '问题']);
    const doc = searchTokens('挹江门街道安置房').split(' ');
    expect(doc).toEqual(expect.arrayContaining(['挹江门', '挹江门街道', '安置房', '安置']));
  });

  it('normalises full-width and upper-case text', () => {
    expect(searchTokens('ＡＢＣ小区１２号楼')).toBe(searchTokens('abc小区12号楼'));
  });
});

describe('GET /api/v1/cases?q=', () => {
  it('finds two-character words and ranks the more relevant case first', async () => {
    const r = await search('gl_registrar', { q: '拆迁' });
    expect(r.items.map((i) => i.id)).toEqual([ids.A, ids.B]);
    expect(r.total).toBe(2);
    expect(await found('gl_registrar', { q: '社保' })).toEqual([ids.C]);
  });

  it('needs every query word (AND)', async () => {
    expect(await found('gl_registrar', { q: '拆迁 物业费' })).toEqual([ids.B]);
    expect(await found('gl_registrar', { q: '拆迁 社保' })).toEqual([]);
  });

  it('finds a place name of the user dictionary as one word, and its short form', async () => {
    expect(await found('gl_registrar', { q: '挹江门街道' })).toEqual([ids.A]);
    expect(await found('gl_registrar', { q: '挹江门' })).toEqual([ids.A]);
  });

  it('stays inside the caller scope', async () => {
    // E matches 拆迁 best of all and 孝陵卫街道 exactly, but it is in 玄武区.
    expect(await found('gl_registrar', { q: '孝陵卫街道' })).toEqual([]);
    expect(await found('gl_registrar', { q: '拆迁' })).not.toContain(ids.E);
    expect(await found('nj_registrar', { q: '孝陵卫街道' })).toEqual([ids.E]);
    expect((await found('nj_registrar', { q: '拆迁' }))[0]).toBe(ids.E);
  });

  it('combines with the other filters and paging', async () => {
    expect(await found('gl_registrar', { q: '拆迁', form: 'visit' })).toEqual([ids.B]);
    expect(await found('gl_registrar', { q: '拆迁', form: 'letter' })).toEqual([ids.A]);
    expect(await found('gl_registrar', { q: '拆迁', state: 'closed' })).toEqual([]);
    const page2 = await search('gl_registrar', { q: '拆迁', pageSize: '1', page: '2' });
    expect(page2.items.map((i) => i.id)).toEqual([ids.B]);
    expect(page2.total).toBe(2);
  });

  it('highlights the words, escapes the HTML of the content and masks numbers in it', async () => {
    const [d] = (await search('gl_registrar', { q: '噪音' })).items;
    expect(d?.id).toBe(ids.D);
    expect(d?.highlight).toContain('<mark>噪音</mark>');
    expect(d?.highlight).toContain('&lt;b&gt;严重&lt;/b&gt; &amp;');
    expect(d?.highlight).toContain('&lt;script&gt;alert(&quot;x&quot;)');
    expect(d?.highlight?.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);

    const [c] = (await search('gl_registrar', { q: '社保' })).items;
    expect(c?.highlight).toContain('<mark>社保</mark>');
    expect(c?.highlight).toContain('139****5678');
    expect(c?.highlight).toContain('1101**********0021');
    expect(c?.highlight).not.toContain('13912345678');
    expect(c?.highlight).not.toContain('110105194912310021');

    const [a] = (await search('gl_registrar', { q: '拆迁补偿' })).items;
    expect(a?.highlight?.match(/<mark>拆迁<\/mark>/g)?.length).toBeGreaterThanOrEqual(2);
    expect(a?.highlight).toContain('<mark>补偿</mark>');
  });

  it('cuts a long content to a passage around the first match', async () => {
    const long = `${'前情概述。'.repeat(60)}关键在于欠薪问题。${'后续说明。'.repeat(60)}`;
    await register('F', 'gl_registrar', { subject: '工程款纠纷', content: long }, { name: '吴十' });
    const [f] = (await search('gl_registrar', { q: '欠薪' })).items;
    expect(f?.id).toBe(ids.F);
    const text = (f?.highlight ?? '').replace(/<\/?mark>/g, '');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(122);
    expect(f?.highlight).toContain('<mark>欠薪</mark>');
  });

  it('finds a case by its number or a prefix of it', async () => {
    const prefix = (numbers.A ?? '').slice(0, 12);
    const r = await search('gl_registrar', { q: prefix });
    expect(r.items.map((i) => i.id)).toContain(ids.A);
    expect(r.items.every((i) => i.caseNumber.startsWith(prefix))).toBe(true);
    expect(await found('gl_registrar', { q: numbers.A ?? '' })).toEqual([ids.A]);
  });

  it('finds by full ID number or phone only for roles that see personal data in full', async () => {
    expect(await found('gl_registrar', { q: '13811112222' })).toEqual([ids.A]);
    expect(await found('gl_registrar', { q: '138 1111 2222' })).toEqual([ids.A]);
    expect(await found('gl_registrar', { q: '11010519491231002x' })).toEqual([ids.A]);
    expect(await found('gl_analyst', { q: '13811112222' })).toEqual([]);
    expect(await found('gl_analyst', { q: '11010519491231002X' })).toEqual([]);
    // The petitioner of E is in 玄武区: not found from 鼓楼区 even by phone.
    expect(await found('gl_registrar', { q: '13855556666' })).toEqual([]);
    expect(await found('nj_registrar', { q: '13855556666' })).toEqual([ids.E]);
  });

  it('rejects an over-long query with a Chinese message', async () => {
    const res = await h.app.inject({
      url: `/api/v1/cases?q=${encodeURIComponent('拆'.repeat(101))}`,
      headers: bearer(t.gl_registrar ?? ''),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/检索词/);
  });
});

describe('keeping the index current', () => {
  it('follows new subject and content through the generated tsvector', async () => {
    const subject = '餐馆油烟扰民';
    const content = '楼下餐馆油烟直排，影响居民生活，请求环保部门查处。';
    await h.ctx.db
      .update(cases)
      .set({ subject, content, searchTokens: caseSearchTokens(subject, content) })
      .where(eq(cases.id, ids.D ?? 0));
    expect(await found('gl_registrar', { q: '油烟' })).toEqual([ids.D]);
    // The old text's words are gone (噪音 itself would still find 扰民, its synonym).
    expect(await found('gl_registrar', { q: '夜间' })).toEqual([]);
  });

  it('backfills cases inserted without tokens, once', async () => {
    await h.ctx.db.execute(sql`
      INSERT INTO cases (case_number, jurisdiction_code, registering_unit_id, bureau_unit_id,
        current_unit_id, form, purpose, subject, content, state, received_at)
      SELECT '3201069999000000' || n, jurisdiction_code, registering_unit_id, bureau_unit_id,
        current_unit_id, form, purpose, '宅基地确权纠纷', '宅基地面积被少算，请求依法确权。', state, received_at
      FROM cases, generate_series(1, 3) AS n WHERE id = ${ids.A}`);
    expect(await found('gl_registrar', { q: '宅基地' })).toEqual([]);
    expect(await backfillSearchTokens(h.ctx.db, { batch: 2 })).toBeGreaterThanOrEqual(3);
    expect(await found('gl_registrar', { q: '宅基地' })).toHaveLength(3);
    expect(await backfillSearchTokens(h.ctx.db)).toBe(0);
  });
});
