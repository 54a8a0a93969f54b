// 责任落实 over HTTP on a seeded database: the October scorecard ranks the 13 cities of Jiangsu from
// the platform's own numbers and drills down from a deduction to the matters behind it; the year's
// scheme is overridden by the province and refused to a city; responsibility letters are drafted
// by the level above, signed by both sides and listed with the places that lack one; a 约谈 record
// links to the supervision order that led to it, is followed up, and shows in the unit's history; a
// 通报 is numbered and downloads as Word. Who may not see or do what.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBacklog } from '../../src/seed/backlog.ts';
import { seedSupervision } from '../../src/seed/supervision.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

const NOW = new Date('2026-11-10T02:00:00Z');
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ cases: { count: 1500, seed: 7, now: NOW } });
  await seedBacklog(h.ctx, { seed: 7, now: NOW });
  await seedSupervision(h.ctx, { now: NOW });
  await h.loginAll([
    'js_analyst',
    'js_leader',
    'js_supervisor',
    'nj_supervisor',
    'nj_leader',
    'nj_analyst',
    'gl_supervisor',
    'gl_handler',
  ]);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const call = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: h.as(user), payload });

interface Item {
  key: string;
  label: string;
  kind: string;
  points: number;
  value: number | null;
  available: boolean;
  earned: number;
  deduction: number;
  drill: string | null;
}
interface Row {
  code: string;
  name: string;
  score: number | null;
  rank: number | null;
  earned: number;
  available: number;
  coverage: number;
  items: Item[];
}

async function docText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('考核 scorecard', () => {
  let rows: Row[];

  it('ranks the 13 cities for a month from the platform’s numbers', async () => {
    const res = await call('js_analyst', 'GET', '/assessment/scorecard?period=2026-10');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.scheme).toMatchObject({ year: 2026, level: 'city', source: 'default', maxPoints: 100 });
    rows = d.rows;
    expect(rows.length).toBe(13);
    expect(rows.every((r) => r.name.endsWith('市'))).toBe(true);
    const ranked = rows.filter((r) => r.rank !== null);
    expect(ranked.length).toBeGreaterThan(5);
    expect(ranked[0]?.rank).toBe(1);
    for (let i = 1; i < ranked.length; i++)
      expect((ranked[i - 1] as Row).score as number).toBeGreaterThanOrEqual(
        (ranked[i] as Row).score as number,
      );
    // The score is the points earned over the points of the items with data, out of 100.
    for (const r of ranked) {
      const avail = r.items.filter((i) => i.available);
      const earned = avail.reduce((s, i) => s + i.earned, 0);
      const points = avail.reduce((s, i) => s + i.points, 0);
      expect(r.available).toBe(points);
      expect(r.score).toBeCloseTo((earned / points) * 100, 0);
      expect(r.coverage).toBeGreaterThanOrEqual(60);
      // An item without data is marked so and weighs nothing.
      for (const i of r.items.filter((x) => !x.available))
        expect([i.value, i.earned, i.deduction]).toEqual([null, 0, 0]);
    }
    // The figures are the analytics indicators of the same month, city by city.
    const ind = (
      await call(
        'js_analyst',
        'GET',
        '/analytics/indicators?from=2026-10-01&to=2026-10-31&groupBy=jurisdiction',
      )
    ).json();
    for (const r of rows) {
      const a = ind.rows.find((x: { key: string }) => x.key === r.code);
      const timely = r.items.find((i) => i.key === 'timelyAcceptanceRate') as Item;
      expect(timely.value).toBe(a.timelyAcceptanceRate);
      const sat = r.items.find((i) => i.key === 'satisfactionRate') as Item;
      expect(sat.value).toBe(a.satisfactionRate);
    }
  });

  it('drills down from a deduction to the matters behind it', async () => {
    // 超期未办结: 0.5 point a matter; the drill-down lists exactly the matters counted.
    const row = rows.find((r) => (r.items.find((i) => i.key === 'overdue')?.deduction ?? 0) > 0) as Row;
    expect(row, 'a city loses points for overdue matters').toBeDefined();
    const item = row.items.find((i) => i.key === 'overdue') as Item;
    expect(item.deduction).toBeCloseTo(Math.min(5, (item.value as number) * 0.5), 5);
    const res = await call(
      'js_analyst',
      'GET',
      `/assessment/scorecard/matters?period=2026-10&code=${row.code}&item=overdue&pageSize=200`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.total).toBe(item.value);
    const prefix = row.code.replace(/(00)+$/, '');
    expect(m.items.length).toBeGreaterThan(0);
    for (const c of m.items) {
      expect(c.jurisdictionCode.startsWith(prefix)).toBe(true);
      expect(c.dueFlag).toBe('overdue');
    }
    // Satisfaction lost points: the dissatisfied ratings behind them.
    const sat = rows.find(
      (r) => (r.items.find((i) => i.key === 'satisfactionRate')?.deduction ?? 0) > 0,
    ) as Row;
    const s = (
      await call(
        'js_analyst',
        'GET',
        `/assessment/scorecard/matters?period=2026-10&code=${sat.code}&item=satisfactionRate`,
      )
    ).json();
    expect(s.metric).toBe('unsatisfied');
    expect(s.total).toBeGreaterThan(0);
    // Items the platform cannot list say so; codes outside the scope are refused.
    const no = await call(
      'js_analyst',
      'GET',
      `/assessment/scorecard/matters?period=2026-10&code=${row.code}&item=timelyAcceptanceRate`,
    );
    expect(no.statusCode).toBe(409);
    expect(no.json().error.code).toBe('no_drill');
    const out = await call(
      'nj_analyst',
      'GET',
      '/assessment/scorecard/matters?period=2026-10&code=320200&item=overdue',
    );
    expect(out.statusCode).toBe(400);
    const huge = await call(
      'nj_analyst',
      'GET',
      '/assessment/scorecard/matters?period=2026-10&by=unit&code=999999999999&item=overdue',
    );
    expect(huge.statusCode).toBe(400);
  });

  it('scores quarters and the units of a city; exports Word and Excel', async () => {
    const q = await call('nj_analyst', 'GET', '/assessment/scorecard?period=2026-Q3');
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json().scheme.level).toBe('county');
    expect(q.json().period).toMatchObject({ from: '2026-07-01', to: '2026-09-30', months: 3 });
    expect(q.json().rows.some((r: Row) => r.name === '鼓楼区')).toBe(true);
    const u = await call('nj_analyst', 'GET', '/assessment/scorecard?period=2026&by=unit');
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json().rows.length).toBeGreaterThan(0);
    expect(u.json().rows.every((r: Row & { unitId: number }) => r.unitId > 0)).toBe(true);

    const x = await call('js_analyst', 'GET', '/assessment/scorecard/file?period=2026-10&format=xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const w = await call('js_analyst', 'GET', '/assessment/scorecard/file?period=2026-10');
    expect(w.statusCode).toBe(200);
    const text = await docText(w.rawPayload);
    expect(text).toContain('2026年10月江苏省信访工作考核排名');
    const first = rows.find((r) => r.rank === 1) as Row;
    expect(text).toContain(first.name);
    // Other periods and scopes are refused clearly.
    expect((await call('js_analyst', 'GET', '/assessment/scorecard?period=2026-13')).json().error.code).toBe(
      'invalid_period',
    );
    expect(
      (await call('nj_analyst', 'GET', '/assessment/scorecard?period=2026-10&scope=320000')).statusCode,
    ).toBe(403);
    expect((await call('gl_handler', 'GET', '/assessment/scorecard?period=2026-10')).statusCode).toBe(403);
  });

  it('takes a year’s scheme from the province, not from a city', async () => {
    const items = [
      {
        key: 'timelyAcceptanceRate',
        kind: 'rate',
        indicator: 'timelyAcceptanceRate',
        points: 50,
        better: 'higher',
      },
      { key: 'overdue', kind: 'per_case', count: 'overdue', points: 50, perCase: 1 },
    ];
    expect((await call('nj_leader', 'PUT', '/assessment/schemes/2026/city', { items })).statusCode).toBe(403);
    const dup = await call('js_leader', 'PUT', '/assessment/schemes/2026/city', {
      items: [items[0], items[0]],
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.code).toBe('invalid_scheme');
    const ok = await call('js_leader', 'PUT', '/assessment/schemes/2026/city', { items, note: '试行' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ source: 'override', maxPoints: 100 });
    // The saved scheme comes back as the modal shows it: each item with its name.
    expect(ok.json().items.map((i: { label: string }) => i.label)).toEqual([
      '及时受理率',
      '超期未办结（件）',
    ]);
    const d = (await call('js_analyst', 'GET', '/assessment/scorecard?period=2026-10')).json();
    expect(d.scheme.source).toBe('override');
    expect(d.rows[0].items.map((i: Item) => i.key)).toEqual(['timelyAcceptanceRate', 'overdue']);
    // Another year keeps the defaults; an empty table restores them.
    expect(
      (await call('js_analyst', 'GET', '/assessment/scorecard?period=2025-10')).json().scheme.source,
    ).toBe('default');
    await call('js_leader', 'PUT', '/assessment/schemes/2026/city', { items: [] });
    expect(
      (await call('js_analyst', 'GET', '/assessment/scorecard?period=2026-10')).json().scheme.source,
    ).toBe('default');
  });
});

describe('信访工作责任书', () => {
  let id = 0;
  it('is drafted by the level above, signed by both sides, and lists who lacks one', async () => {
    const body = {
      year: 2026,
      jurisdictionCode: '320100',
      body: '为压实信访工作责任，省、市签订本责任书。',
      targets: [{ text: '及时受理率达到95%以上', indicator: 'timelyAcceptanceRate', target: 0.95 }],
    };
    expect((await call('nj_supervisor', 'POST', '/assessment/letters', body)).statusCode).toBe(403);
    const res = await call('js_supervisor', 'POST', '/assessment/letters', body);
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      status: 'drafted',
      title: '2026年度南京市信访工作责任书',
      issuerCode: '320000',
    });
    expect((await call('js_supervisor', 'POST', '/assessment/letters', body)).statusCode).toBe(409);

    const list = (await call('js_analyst', 'GET', '/assessment/letters?year=2026')).json();
    expect(list.children).toBe(13);
    expect(list.missing.length).toBe(12);
    expect(list.missing.some((m: { name: string }) => m.name === '南京市')).toBe(false);
    expect(list.unsigned.map((u: { name: string }) => u.name)).toEqual(['南京市']);

    const oneSide = await call('js_supervisor', 'POST', `/assessment/letters/${id}/sign`, {
      signedOn: '2026-02-20',
      signatories: [
        { side: 'undertaker', name: '李志强', post: '南京市委书记' },
        { side: 'undertaker', name: '陈海明', post: '南京市市长' },
      ],
    });
    expect(oneSide.statusCode).toBe(400);
    expect(oneSide.json().error.code).toBe('signatory_missing');
    const signed = await call('js_supervisor', 'POST', `/assessment/letters/${id}/sign`, {
      signedOn: '2026-02-20',
      signatories: [
        { side: 'issuer', name: '王建国', post: '江苏省委书记' },
        { side: 'undertaker', name: '李志强', post: '南京市委书记' },
      ],
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', signedOn: '2026-02-20' });
    const edit = await call('js_supervisor', 'PUT', `/assessment/letters/${id}`, { body: '改', targets: [] });
    expect(edit.statusCode).toBe(409);
    // The city sees its own letter; the Word file names both sides.
    const nj = (await call('nj_analyst', 'GET', '/assessment/letters?year=2026')).json();
    expect(nj.items.map((l: { id: number }) => l.id)).toContain(id);
    expect(nj.missing.length).toBeGreaterThan(5); // its counties have none yet
    const doc = await call('nj_analyst', 'GET', `/assessment/letters/${id}/letter.docx`);
    expect(doc.statusCode).toBe(200);
    const text = await docText(doc.rawPayload);
    expect(text).toContain('2026年度南京市信访工作责任书');
    expect(text).toContain('江苏省委书记');
    expect(text).toContain('及时受理率达到95%以上');
  });
});

describe('通报、约谈、重点管理、问责', () => {
  let interview: { id: number; unitId: number; caseId: number | null };
  let recordId = 0;

  it('a 约谈 links to the supervision order that led to it and is followed up', async () => {
    const orders = (await call('nj_supervisor', 'GET', '/supervision')).json().items;
    const o = orders.find((x: { type: string }) => x.type === 'interview');
    expect(o, 'the seeded 约谈 order').toBeDefined();
    interview = { id: o.id, unitId: o.unitId, caseId: o.caseId };
    const base = {
      kind: 'interview',
      unitId: o.unitId,
      title: '约谈鼓楼区住建局主要负责人',
      facts: '督办事项逾期未反馈，信访人多次来电。',
      decidedOn: '2026-11-06',
      person: '王某某（局长）',
      interviewer: '南京市信访局局长',
      orderIds: [o.id],
      caseIds: o.caseId ? [o.caseId] : [],
    };
    const missing = await call('nj_supervisor', 'POST', '/assessment/records', base);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('commitments');
    expect(
      (
        await call('gl_handler', 'POST', '/assessment/records', {
          ...base,
          commitments: '十日内办结',
          followUpOn: '2026-11-20',
        })
      ).statusCode,
    ).toBe(403);
    const res = await call('nj_supervisor', 'POST', '/assessment/records', {
      ...base,
      commitments: '十日内办结并书面答复信访人',
      followUpOn: '2026-11-20',
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    recordId = r.id;
    expect(r).toMatchObject({ kind: 'interview', kindName: '约谈', status: 'awaiting_follow_up' });
    expect(r.orders.map((x: { id: number }) => x.id)).toEqual([o.id]);
    expect(r.orders[0].typeName).toBe('约谈');
    if (o.caseId) expect(r.cases.map((c: { id: number }) => c.id)).toEqual([o.caseId]);
    expect(r.followUp).toEqual({ action: 'follow_up', name: '回访整改情况' });
    // From the order (and its matter) back to the record.
    const byOrder = (await call('nj_supervisor', 'GET', `/assessment/records?orderId=${o.id}`)).json().items;
    expect(byOrder.map((x: { id: number }) => x.id)).toEqual([r.id]);
    if (o.caseId) {
      const byCase = (await call('nj_supervisor', 'GET', `/assessment/records?caseId=${o.caseId}`)).json();
      expect(byCase.items.map((x: { id: number }) => x.id)).toEqual([r.id]);
    }

    expect(
      (await call('nj_supervisor', 'POST', `/assessment/records/${r.id}/follow-up`, { action: 'lift' }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await call('gl_supervisor', 'POST', `/assessment/records/${r.id}/follow-up`, {
          action: 'follow_up',
          result: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const f = await call('nj_supervisor', 'POST', `/assessment/records/${r.id}/follow-up`, {
      action: 'follow_up',
      result: '已按期办结，信访人表示满意。',
    });
    expect(f.statusCode, f.body).toBe(200);
    expect(f.json()).toMatchObject({
      status: 'followed_up',
      followUpResult: '已按期办结，信访人表示满意。',
      followUp: null,
    });
  });

  it('records special management, accountability and a numbered 通报 (Word)', async () => {
    const written = (await call('nj_supervisor', 'GET', '/supervision'))
      .json()
      .items.find((x: { type: string; caseId: number | null }) => x.type === 'written' && x.caseId !== null);
    const sm = await call('nj_supervisor', 'POST', '/assessment/records', {
      kind: 'special_management',
      unitId: interview.unitId,
      title: '列为重点管理单位',
      facts: '连续两月按期办结率排名末位。',
      decidedOn: '2026-11-07',
      periodFrom: '2026-12-01',
      periodTo: '2026-11-30',
      measures: '每周报送办理进度',
    });
    expect(sm.statusCode).toBe(400);
    expect(sm.json().error.field).toBe('periodTo');
    const sm2 = await call('nj_supervisor', 'POST', '/assessment/records', {
      kind: 'special_management',
      unitId: interview.unitId,
      title: '列为重点管理单位',
      facts: '连续两月按期办结率排名末位。',
      decidedOn: '2026-11-07',
      periodFrom: '2026-11-10',
      periodTo: '2027-02-09',
      measures: '每周报送办理进度',
    });
    expect(sm2.statusCode, sm2.body).toBe(201);
    const acc = await call('nj_leader', 'POST', '/assessment/records', {
      kind: 'accountability',
      unitId: interview.unitId,
      title: '对督办事项推诿拖延问责',
      facts: '督办后仍未反馈。',
      decidedOn: '2026-11-08',
      person: '李某某（副局长）',
      form: '诫勉谈话',
      decision: '经研究，对李某某予以诫勉谈话。',
      orderIds: [interview.id, written.id],
      caseIds: [written.caseId],
    });
    expect(acc.statusCode, acc.body).toBe(201);
    expect(acc.json().cases.map((c: { id: number }) => c.id)).toEqual([written.caseId]);
    // The matter's records: from a case page back to what it led to.
    const byCase = (await call('nj_analyst', 'GET', `/assessment/records?caseId=${written.caseId}`)).json()
      .items;
    expect(byCase.map((x: { id: number }) => x.id)).toEqual([acc.json().id]);
    // A matter the recorder cannot see is refused, nothing stored.
    const before = (await call('nj_supervisor', 'GET', '/assessment/records')).json().items.length;
    const hidden = await call('nj_supervisor', 'POST', '/assessment/records', {
      kind: 'notice',
      unitId: interview.unitId,
      title: '越权关联',
      facts: '—',
      decidedOn: '2026-11-08',
      caseIds: [999_999],
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.field).toBe('caseIds');
    expect((await call('nj_supervisor', 'GET', '/assessment/records')).json().items.length).toBe(before);
    const notice = async () =>
      call('nj_supervisor', 'POST', '/assessment/records', {
        kind: 'notice',
        unitId: interview.unitId,
        title: '关于鼓楼区住建局督办事项逾期未反馈的通报',
        facts: '督办函要求的反馈期限届满后仍未反馈，联系电话13912345678的信访人多次来电。',
        decidedOn: '2026-11-09',
        orderIds: [interview.id],
      });
    const n1 = (await notice()).json();
    const n2 = (await notice()).json();
    expect([n1.number, n2.number]).toEqual(['〔2026〕1号', '〔2026〕2号']);
    const doc = await call('nj_analyst', 'GET', `/assessment/records/${n1.id}/notice.docx`);
    expect(doc.statusCode, doc.body).toBe(200);
    const text = await docText(doc.rawPayload);
    expect(text).toContain('关于鼓楼区住建局督办事项逾期未反馈的通报');
    expect(text).toContain('〔2026〕1号');
    expect(text).not.toContain('13912345678');
    expect((await call('nj_analyst', 'GET', `/assessment/records/${recordId}/notice.docx`)).statusCode).toBe(
      409,
    );
  });

  it('shows a unit’s history at a glance, to the bureau over it and to the unit itself', async () => {
    const res = await call('nj_analyst', 'GET', `/assessment/units/${interview.unitId}/history`);
    expect(res.statusCode, res.body).toBe(200);
    const hst = res.json();
    expect(hst.counts).toMatchObject({ interview: 1, special_management: 1, accountability: 1, notice: 2 });
    expect(hst.orders.some((o: { id: number }) => o.id === interview.id)).toBe(true);
    // gl_handler works at the unit: they read its history, not another unit's.
    const own = await call('gl_handler', 'GET', `/assessment/units/${interview.unitId}/history`);
    expect(own.statusCode, own.body).toBe(200);
    const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
    const other = units.find(
      (u: { id: number; kind: string }) => u.id !== interview.unitId && u.kind === 'department',
    );
    expect((await call('gl_handler', 'GET', `/assessment/units/${other.id}/history`)).statusCode).toBe(403);
    // Another city's bureau sees none of it.
    const list = (await call('gl_supervisor', 'GET', '/assessment/records')).json().items;
    expect(list.length).toBe(5);
  });
});
