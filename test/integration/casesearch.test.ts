// 案件查询 (issue 12 item B): search over every matter in scope, closed ones too, by exact number and
// by synonym (拆迁 finds 征收: the dictionary of search_synonyms, expanded at query time), always
// inside caseScope (jurisdiction, 回避 of accusations); the dictionary edited by the province's
// administrators only, versioned and audited, in force at once; places and units found by name or code.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const ids: Record<string, number> = {};
const numbers: Record<string, string> = {};
let glBureau = 0;

interface Item {
  id: number;
  caseNumber: string;
  state: string;
  highlight?: string;
}

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const send = (user: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: h.as(user), payload: payload as object });

async function register(key: string, user: string, body: Record<string, unknown>) {
  const res = await send(user, 'POST', '/cases', {
    form: 'letter',
    purpose: 'claim',
    jurisdictionCode: '320106',
    petitioner: { name: '王明', phone: '13811112222' },
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`${key}: ${res.statusCode} ${res.body}`);
  ids[key] = res.json().caseId;
  numbers[key] = res.json().caseNumber;
}

async function search(user: string, query: Record<string, string>) {
  const res = await get(user, `/cases?${new URLSearchParams(query)}`);
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as { items: Item[]; total: number };
}
const found = async (user: string, query: Record<string, string>) =>
  (await search(user, query)).items.map((i) => i.id).sort((a, b) => a - b);

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['gl_registrar', 'gl_analyst', 'gl_admin', 'nj_registrar', 'admin', 'gl_handler']);
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units as {
    id: number;
    name: string;
  }[];
  glBureau = units.find((u) => u.name === '鼓楼区信访局')?.id ?? 0;
  await register('expropriation', 'gl_registrar', {
    subject: '房屋征收补偿款未到位',
    content: '我家老房子被征收两年，补偿款一直没有到位，多次询问无人答复，请求督促落实。',
  });
  await register('wages', 'gl_registrar', {
    subject: '工地拖欠工资',
    content: '我们在某工地干了半年，包工头拖欠工资三个月不发，请求帮助追讨。',
  });
  await register('arrears', 'gl_registrar', {
    subject: '农民工欠薪问题',
    content: '春节前欠薪问题突出，请求有关部门督促企业按时足额发放。',
  });
  await register('noise', 'gl_registrar', {
    subject: '小区噪声扰民',
    content: '楼下商铺夜间施工噪声很大，影响休息，请求处理。',
  });
  // 玄武区: outside 鼓楼区's scope.
  await register('elsewhere', 'nj_registrar', {
    jurisdictionCode: '320102',
    subject: '征收安置问题',
    content: '孝陵卫街道房屋征收后安置房迟迟未交付，请求过问。',
  });
  // An accusation against the 鼓楼区信访局: kept from it (回避) even though it is in its subtree.
  await register('accusation', 'nj_registrar', {
    purpose: 'accusation',
    categoryCode: '010000',
    subject: '举报征收工作人员违规',
    content: '反映某工作人员在房屋征收中收受好处、违规审批，请求查处。',
    accused: [{ personName: '赵刚', position: '科员', unitId: glBureau }],
  });
  // Closed: accepted and settled (已调解和解, a terminal state).
  await h.act('gl_registrar', ids.expropriation ?? 0, 'accept');
  await h.act('gl_registrar', ids.expropriation ?? 0, 'settle', {
    kind: 'mediation',
    agreement: '达成调解协议',
  });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('a closed matter is found', () => {
  it('by its exact number, with no status filter, and the status filter still applies', async () => {
    const r = await search('gl_registrar', { q: numbers.expropriation ?? '' });
    expect(r.items.map((i) => i.id)).toEqual([ids.expropriation]);
    expect(r.items[0]?.state).toBe('settled'); // terminal (TERMINAL_STATES)
    expect(r.total).toBe(1);
    const state = r.items[0]?.state ?? '';
    expect(await found('gl_registrar', { q: numbers.expropriation ?? '', state })).toEqual([
      ids.expropriation,
    ]);
    expect(await found('gl_registrar', { q: numbers.expropriation ?? '', state: 'handling' })).toEqual([]);
  });

  it('by a synonym: 拆迁 finds 征收, and the highlight marks the word found', async () => {
    const r = await search('gl_registrar', { q: '拆迁' });
    expect(r.items.map((i) => i.id)).toEqual([ids.expropriation]);
    expect(r.items[0]?.highlight).toContain('<mark>征收</mark>');
    // and the other way round, and a multi-word synonym: 房屋征收 finds it too
    expect(await found('gl_registrar', { q: '征地拆迁' })).toEqual([ids.expropriation]);
    expect(await found('gl_registrar', { q: '征收' })).toEqual([ids.expropriation]);
  });
});

describe('synonyms', () => {
  it('欠薪 and 拖欠工资 find each other (a one-word and a two-word term)', async () => {
    const both = [ids.wages, ids.arrears].sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(await found('gl_registrar', { q: '欠薪' })).toEqual(both);
    expect(await found('gl_registrar', { q: '拖欠工资' })).toEqual(both);
    expect(await found('gl_registrar', { q: '讨薪' })).toEqual(both);
  });

  it('every word must still match: a synonym widens one word, not the query', async () => {
    expect(await found('gl_registrar', { q: '噪音 夜间' })).toEqual([ids.noise]);
    expect(await found('gl_registrar', { q: '噪音 工地' })).toEqual([]);
  });

  it('never leaves the scope: other jurisdictions and matters kept from the unit (回避)', async () => {
    for (const user of ['gl_registrar', 'gl_analyst']) {
      const hits = await found(user, { q: '拆迁' });
      expect(hits, user).not.toContain(ids.elsewhere);
      expect(hits, user).not.toContain(ids.accusation);
      expect(await found(user, { q: numbers.accusation ?? '' }), user).toEqual([]);
    }
    const city = await found('nj_registrar', { q: '拆迁' });
    expect(city).toEqual(expect.arrayContaining([ids.elsewhere, ids.accusation, ids.expropriation]));
    // A department sees only what it holds: nothing here.
    expect(await found('gl_handler', { q: '拆迁' })).toEqual([]);
  });

  it('explain shows the words and what each also finds', async () => {
    const res = await get('gl_registrar', `/search/explain?q=${encodeURIComponent('拆迁补偿')}`);
    expect(res.statusCode, res.body).toBe(200);
    const words = res.json().words as { word: string; synonyms: string[] }[];
    expect(words[0]?.word).toBe('拆迁');
    expect(words[0]?.synonyms).toEqual(expect.arrayContaining(['征收', '征地拆迁']));
    expect(words[1]).toEqual({ word: '补偿', synonyms: [] });
  });

  it('the starter dictionary has about 30 groups, readable by staff, editable by the province admin only', async () => {
    const staff = (await get('gl_registrar', '/search/synonyms')).json();
    expect(staff.items.length).toBeGreaterThanOrEqual(30);
    expect(staff.editable).toBe(false);
    expect((await get('admin', '/search/synonyms')).json().editable).toBe(true);
    const filtered = (
      await get('gl_registrar', `/search/synonyms?term=${encodeURIComponent('欠薪')}`)
    ).json();
    expect(filtered.items.map((g: { terms: string[] }) => g.terms)).toEqual([
      expect.arrayContaining(['欠薪', '拖欠工资']),
    ]);
    for (const user of ['gl_admin', 'gl_registrar']) {
      const res = await send(user, 'POST', '/search/synonyms', { terms: ['加装电梯', '电梯加装'] });
      expect(res.statusCode, user).toBe(403);
      expect(res.json().error.message).toContain('省级管理员');
    }
  });
});

describe('editing the dictionary', () => {
  let id = 0;
  it('a new group is in force at once, and audited', async () => {
    expect(await found('gl_registrar', { q: '夜间施工' })).toEqual([ids.noise]);
    expect(await found('gl_registrar', { q: '商铺' })).toEqual([ids.noise]);
    expect(await found('gl_registrar', { q: '门面房' })).toEqual([]);
    const res = await send('admin', 'POST', '/search/synonyms', {
      terms: ['门面房', '商铺', ' 商铺 '],
      note: '测试',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ terms: ['门面房', '商铺'], version: 1 });
    id = res.json().id;
    expect(await found('gl_registrar', { q: '门面房' })).toEqual([ids.noise]);
    const [row] = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'search.synonyms.create'), eq(auditLog.entityId, String(id))));
    expect(row?.summary).toMatchObject({ after: { terms: ['门面房', '商铺'] } });
  });

  it('an edit bumps the version; an edit of an older version is a 409', async () => {
    const ok = await send('admin', 'PUT', `/search/synonyms/${id}`, {
      terms: ['门脸房', '商铺'],
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(2);
    expect(await found('gl_registrar', { q: '门面房' })).toEqual([]);
    expect(await found('gl_registrar', { q: '门脸房' })).toEqual([ids.noise]);
    const stale = await send('admin', 'PUT', `/search/synonyms/${id}`, { terms: ['a1', 'b1'], version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const audit = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'search.synonyms.update'), eq(auditLog.entityId, String(id))));
    expect(audit.map((a) => a.summary)).toEqual([
      expect.objectContaining({ version: 2, before: expect.objectContaining({ terms: ['门面房', '商铺'] }) }),
    ]);
  });

  it('refuses a group of one term, an over-long term and control characters with a 400', async () => {
    const one = await send('admin', 'POST', '/search/synonyms', { terms: ['商铺', '商铺 '] });
    expect(one.statusCode).toBe(400);
    expect(one.json().error).toMatchObject({ code: 'invalid_terms', field: 'terms' });
    const long = await send('admin', 'POST', '/search/synonyms', { terms: ['商铺', '长'.repeat(21)] });
    expect(long.statusCode).toBe(400);
    const nul = await send('admin', 'POST', '/search/synonyms', { terms: ['商铺', 'a\u0000b'] });
    expect(nul.statusCode).toBe(400);
  });

  it('a deleted group no longer expands', async () => {
    expect((await send('admin', 'DELETE', `/search/synonyms/${id}`)).statusCode).toBe(204);
    expect(await found('gl_registrar', { q: '门脸房' })).toEqual([]);
    expect((await send('admin', 'DELETE', `/search/synonyms/${id}`)).statusCode).toBe(404);
  });
});

describe('places and units by name or code', () => {
  it('a place by name within the caller’s subtree, with its full label', async () => {
    const city = (await get('nj_registrar', `/search/places?q=${encodeURIComponent('鼓楼')}`)).json().items;
    expect(city).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: '320106', label: '南京市鼓楼区' })]),
    );
    const town = (await get('gl_registrar', `/search/places?q=${encodeURIComponent('挹江门')}`)).json().items;
    expect(town.map((p: { code: string }) => p.code.slice(0, 6))).toEqual(['320106']);
    // 孝陵卫 is in 玄武区: not offered to 鼓楼区
    expect(
      (await get('gl_registrar', `/search/places?q=${encodeURIComponent('孝陵卫')}`)).json().items,
    ).toEqual([]);
    expect(
      (await get('nj_registrar', `/search/places?q=${encodeURIComponent('孝陵卫')}`)).json().items.length,
    ).toBe(1);
  });

  it('a place by code prefix; the filter then takes the code', async () => {
    const r = (await get('nj_registrar', '/search/places?q=320106')).json().items;
    expect(r[0]).toMatchObject({ code: '320106', level: 3 });
    expect(await found('nj_registrar', { q: '拆迁', jurisdiction: '320102' })).toEqual([ids.elsewhere]);
  });

  it('a unit by part of its name; the pattern is literal', async () => {
    const r = (await get('gl_registrar', `/search/units?q=${encodeURIComponent('住建')}`)).json().items;
    expect(r.map((u: { name: string }) => u.name)).toContain('鼓楼区住房和城乡建设局');
    expect((await get('gl_registrar', '/search/units?q=%25')).json().items).toEqual([]);
    expect((await get('gl_registrar', '/search/units?q=a%00')).statusCode).toBe(400);
  });

  it('the pickers are for staff', async () => {
    const citizen = await h.login('13900000001');
    const res = await h.app.inject({
      url: '/api/v1/search/places?q=320106',
      headers: { authorization: `Bearer ${citizen}` },
    });
    expect(res.statusCode).toBe(403);
  });
});
