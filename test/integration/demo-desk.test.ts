// The demo looks like a working bureau on first start (issue 18): seeded as `npm start` seeds it
// (src/seed/demoData.ts; a smaller province, the demo jurisdictions' full share), the 鼓楼区
// registrar has matters on the desk — to accept, being handled, to deliver, near due and overdue —
// the county's dashboard has its indicators, and the city and province have their review requests,
// supervision orders and warnings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/seed/demoData.ts';
import { last30Days } from '../../web/shared/analytics/format.ts';
import { DEMO_TEST_CASES } from '../helpers/demo.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

const USERS = [
  'js_registrar',
  'nj_registrar',
  'gl_registrar',
  'gl_analyst',
  'gl_leader',
  'nj_reviewer',
  'nj_supervisor',
  'js_analyst',
  'js_handler',
  'nj_handler',
  'gl_handler',
  'js_reviewer',
  'gl_reviewer',
  'js_supervisor',
  'gl_supervisor',
  'js_leader',
  'nj_leader',
  'nj_analyst',
  'gl_admin',
  'nj_admin',
  'admin',
  '13900000001',
];
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await seedDemoData(h.ctx, { cases: DEMO_TEST_CASES, seed: 1 });
  await h.loginAll(USERS);
}, 600_000);
afterAll(async () => {
  await h?.close();
});

const get = async (user: string, url: string) => {
  const res = await h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
  expect(res.statusCode, `${user} ${url}: ${res.body}`).toBe(200);
  return res.json();
};
const queues = async (user: string): Promise<Record<string, number>> =>
  Object.fromEntries(
    (await get(user, '/workbench/queues')).items.map((q: { key: string; count: number }) => [q.key, q.count]),
  );
/** The month before today's (Asia/Shanghai), YYYY-MM. */
const lastMonth = () => {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};
const listTotal = async (user: string, query: string) => (await get(user, `/cases?${query}`)).total as number;

describe('the demo county registrar’s desk (鼓楼区信访局)', () => {
  it('has matters to accept, being handled and to deliver — at least 15 open', async () => {
    const q = await queues('gl_registrar');
    // 待受理, 待交办, 办理中 and 待送达 hold different states: their sum is the open desk.
    const open = (q.pending ?? 0) + (q.accepted ?? 0) + (q.handling ?? 0) + (q.replied ?? 0);
    expect(open).toBeGreaterThanOrEqual(15);
    expect(q.pending).toBeGreaterThanOrEqual(5);
    expect(q.handling).toBeGreaterThanOrEqual(5);
    expect(q.replied).toBeGreaterThan(0);
  });

  it('some of them near their limit and some overdue', async () => {
    expect((await queues('gl_registrar')).overdue).toBeGreaterThan(0);
    expect(await listTotal('gl_registrar', 'due=near')).toBeGreaterThan(0);
  });

  it('received in recent days, some today or yesterday', async () => {
    const since = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    expect(await listTotal('gl_registrar', `from=${since}`)).toBeGreaterThan(0);
  });
});

describe('the demo jurisdictions’ dashboards and oversight', () => {
  it('the province and city registrars have letters to accept', async () => {
    for (const user of ['js_registrar', 'nj_registrar'])
      expect((await queues(user)).pending).toBeGreaterThan(0);
  });

  it('the county dashboard has its indicators for the period it opens on (not “—”)', async () => {
    // The last 30 days, as 数据分析 opens: month to date holds a few hours' matters on the 1st.
    const { from, to } = last30Days();
    for (const user of ['gl_analyst', 'gl_leader']) {
      const { totals, scope } = await get(user, `/analytics/indicators?from=${from}&to=${to}`);
      expect(scope.code).toBe('320106');
      expect(totals.total).toBeGreaterThan(50);
      for (const key of ['timelyAcceptanceRate', 'onTimeCompletionRate', 'onlineShare', 'mom']) {
        expect(totals[key], `${user} ${key}`).not.toBeNull();
      }
    }
  });

  it('the city decides review requests and follows its supervision orders', async () => {
    expect((await queues('nj_reviewer')).review).toBeGreaterThan(0);
    expect((await get('nj_supervisor', '/supervision')).items.length).toBeGreaterThan(0);
  });

  it('the county table by 区域 has its streets, and its trend no surge at the end', async () => {
    const { rows } = await get('gl_analyst', '/analytics/indicators?groupBy=jurisdiction');
    const streets = rows.filter(
      (r: { total: number; label: string }) => r.total > 0 && r.label.endsWith('街道'),
    );
    expect(streets.length).toBeGreaterThanOrEqual(10);
    // Two years of steady history: the last full month is within a factor of two of the same month a year before.
    const { points } = await get('gl_analyst', '/analytics/trend');
    const last = points.filter((p: { through?: string }) => !p.through).at(-1);
    expect(last.total).toBeGreaterThan(last.totalPrevYear / 2);
    expect(last.total).toBeLessThan(last.totalPrevYear * 2);
  });

  it('the 区长 who receives on the calendar is the 区长 who signed the district’s 责任书', async () => {
    const { items } = await get('gl_supervisor', '/receptions');
    const host = items.find((s: { leader: string }) => s.leader.startsWith('区长 '))?.leader.slice(3);
    expect(host).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear(); // this year in Beijing
    const letters = (await get('nj_supervisor', `/assessment/letters?year=${year}`)).items;
    const gulou = letters.find((l: { jurisdictionCode: string }) => l.jurisdictionCode === '320106');
    expect(gulou.signatories).toContainEqual(expect.objectContaining({ post: '区长', name: host }));
  });

  it('the province sees warnings, of earlier days too, and every city in its indicators', async () => {
    const items: { kind: string; createdAt: string }[] = (await get('js_analyst', '/warnings')).items;
    expect(items.length).toBeGreaterThan(0);
    // The nightly scans of the last two weeks (src/seed/demoData.ts), not only the one at first start.
    const days = new Set(
      items.map((w) => new Date(Date.parse(w.createdAt) + 8 * 3_600_000).toISOString().slice(0, 10)),
    );
    expect(days.size).toBeGreaterThan(2);
    // The city's analysts are told of 鼓楼区's (its own and the level below): each message carries
    // the time of the scan that raised it, not the minute of first start.
    const told: { kind: string; createdAt: string }[] = (await get('nj_analyst', '/inbox?limit=200')).items;
    const toldDays = new Set(
      told
        .filter((i) => i.kind === 'warning')
        .map((i) => new Date(Date.parse(i.createdAt) + 8 * 3_600_000).toISOString().slice(0, 10)),
    );
    expect(toldDays.size).toBeGreaterThan(2);
    const { rows } = await get('js_analyst', '/analytics/indicators?groupBy=jurisdiction');
    expect(rows.length).toBe(13);
  });
});

describe('the desks, messages and texts of the demo accounts outside 鼓楼区', () => {
  it('the province’s and city’s 住建 handlers have matters assigned, one replied, one under 督办', async () => {
    for (const user of ['js_handler', 'nj_handler']) {
      const q = await queues(user);
      expect(q.handling, `${user} 办理中`).toBeGreaterThanOrEqual(2);
      expect(await listTotal(user, 'supervised=true'), `${user} 督办`).toBeGreaterThan(0);
    }
    for (const user of ['js_registrar', 'nj_registrar'])
      expect((await queues(user)).replied).toBeGreaterThan(0);
  });

  it('every level’s 住建 handlers have a 积案 of their unit being resolved (their 积案化解 page)', async () => {
    // As seeded, before any background pass: the candidate pass later adds matters by chance.
    for (const user of ['js_handler', 'nj_handler', 'gl_handler']) {
      const { items } = await get(user, '/backlog?status=candidate,proposed,identified,closing,unflagging');
      expect(
        items.filter((m: { status: string }) => m.status === 'identified').length,
        `${user} 化解中`,
      ).toBeGreaterThan(0);
    }
  });

  it('every level’s handlers and registrars have messages (新交办, 督办, 临期/逾期)', async () => {
    const kinds = async (user: string) =>
      new Set((await get(user, '/inbox?limit=100')).items.map((i: { kind: string }) => i.kind));
    for (const user of ['js_handler', 'nj_handler']) {
      const k = await kinds(user);
      expect(k.has('assignment'), `${user} 新交办`).toBe(true);
      expect(k.has('supervision'), `${user} 督办`).toBe(true);
    }
    // 督办 by the bureau's supervisor or leader, and 网上督办 orders from the level above.
    for (const user of ['js_reviewer', 'js_supervisor', 'js_leader', 'nj_leader', 'gl_leader'])
      expect((await kinds(user)).has('supervision'), `${user} 督办`).toBe(true);
    for (const user of ['js_handler', 'nj_handler'])
      expect((await get(user, '/supervision')).items.length, `${user} 督查督办`).toBeGreaterThan(0);
    // The registrars are told of the letter near its acceptance limit (the sweep's 临期).
    for (const user of ['js_registrar', 'nj_registrar'])
      expect((await kinds(user)).has('due_soon'), user).toBe(true);
    expect((await kinds('nj_registrar')).has('assignment')).toBe(true); // 转送 from the province
    expect((await kinds('gl_registrar')).has('assignment')).toBe(true); // 转送 from the city
    // The simulation flagged 临期/逾期 matters of 鼓楼区: the sweep's messages are there.
    const gl = await kinds('gl_registrar');
    expect(gl.has('overdue') || gl.has('due_soon')).toBe(true);
  });
  it('analysts and administrators have their own messages (预警, 日监测晨报, 账号锁定)', async () => {
    const kinds = async (user: string) =>
      new Set((await get(user, '/inbox?limit=100')).items.map((i: { kind: string }) => i.kind));
    for (const user of ['gl_analyst', 'nj_analyst', 'js_analyst'])
      expect((await kinds(user)).has('monitoring_digest'), `${user} 日监测晨报`).toBe(true);
    expect((await kinds('nj_analyst')).has('warning'), 'nj_analyst 预警').toBe(true);
    for (const user of ['gl_admin', 'nj_admin', 'admin'])
      expect((await kinds(user)).has('account_locked'), `${user} 账号锁定`).toBe(true);
  });

  it('analysts have last month’s 通报 and 专报 drafted; administrators see the 保障期 declared', async () => {
    for (const user of ['gl_analyst', 'nj_analyst', 'js_analyst']) {
      if (!USERS.includes(user)) await h.loginAll([user]);
      expect((await get(user, '/reports')).items.length, `${user} 专报`).toBeGreaterThan(0);
    }
    const names = async (user: string) =>
      (await get(user, '/special-periods')).items.map((p: { name: string }) => p.name);
    expect(await names('admin')).toContain('岁末年初信访工作保障期');
    // 鼓楼区 sees its own and the province's, which applies to it.
    expect(await names('gl_admin')).toEqual(
      expect.arrayContaining(['岁末年初信访工作保障期', '区重大活动信访保障期']),
    );
  });

  it('the county’s 专报 and 通报 name only its own overdue units (those at the city or province counted apart) and its orders by 文号', async () => {
    if (!USERS.includes('gl_leader')) await h.loginAll(['gl_leader']);
    const rows = (await get('gl_analyst', '/analytics/overdue-by-unit?scope=320106')).rows as {
      unitName: string;
      unitJurisdictionCode: string;
      overdue: number;
    }[];
    const upper = rows.filter((r) => !r.unitJurisdictionCode.startsWith('320106'));
    const overdueAbove = upper.reduce((n, r) => n + r.overdue, 0);
    // The demo's county has matters overdue at 南京市信访局 or 江苏省信访局 (a 复查, a matter taken up).
    expect(overdueAbove, JSON.stringify(rows)).toBeGreaterThan(0);
    const month = lastMonth();
    const post = async (user: string, url: string, payload: object) => {
      const res = await h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const report = await post('gl_analyst', '/reports/monthly', { month, scope: '320106' });
    // The 通报 of the month the demo's 网上督办 was raised in (days before today: this month or the last).
    const online = (
      (await get('gl_supervisor', '/supervision')).items as { type: string; raisedAt: string }[]
    ).find((o) => o.type === 'online');
    expect(online).toBeDefined();
    const raisedMonth = new Date(Date.parse(online?.raisedAt ?? '') + 8 * 3600_000).toISOString().slice(0, 7);
    const bulletin = await post('gl_leader', '/bulletins', { month: raisedMonth });
    for (const [what, units, above] of [
      ['专报', report.data.problems.overdueUnits, report.data.problems.overdueAbove],
      ['通报', bulletin.data.overdueUnits, bulletin.data.overdueAbove],
    ] as const) {
      const places = (units as { jurisdictionName: string }[]).map((u) => u.jurisdictionName);
      expect(places.length, what).toBeGreaterThan(0);
      expect(new Set(places), what).toEqual(new Set(['鼓楼区']));
      expect(above, what).toBe(overdueAbove);
    }
    expect(report.sections.problems).toContain(`另有${overdueAbove}件在上级机关办理中超期`);
    expect(bulletin.sections.overview).toContain(`（其中${overdueAbove}件在上级机关办理中）`);
    // …and asks to 督办 only its own units' overdue matters.
    const ownOverdue = rows.reduce((n, r) => n + r.overdue, 0) - overdueAbove;
    expect(bulletin.sections.requirements).toContain(`对${ownOverdue}件超期事项逐件督办`);
    // Its 督查督办情况 lists the month's orders by 文号; a 网上督办 (or 约谈) is no letter and has none.
    const orders = bulletin.data.supervision.items as { number: string | null; type: string }[];
    expect(orders.some((o) => o.type === '网上督办')).toBe(true);
    expect(orders.find((o) => o.type === '网上督办')?.number).toBeNull();
    for (const o of orders) if (o.number !== null) expect(o.number).toMatch(/^〔\d{4}〕督字第\d+号$/);
  });

  it('the example 二、三级分类 are there for 细分类 (城乡建设 → 物业管理 → 物业收费)', async () => {
    const { entries } = await get('gl_registrar', '/categories/dictionary');
    const under = entries.filter(
      (e: { code: string; retired: boolean }) => e.code.startsWith('01') && !e.retired,
    );
    expect(under.map((e: { name: string }) => e.name)).toEqual(
      expect.arrayContaining(['物业管理', '物业收费']),
    );
  });

  it('every demo writer has its unit’s 常用语', async () => {
    for (const level of ['js', 'nj', 'gl'])
      for (const role of ['registrar', 'handler', 'reviewer', 'supervisor', 'leader']) {
        const user = `${level}_${role}`;
        if (!USERS.includes(user)) await h.loginAll([user]);
        expect((await get(user, '/canned-replies')).items.length, user).toBeGreaterThan(0);
      }
  });
});

describe('the demo citizen (13900000001)', () => {
  it('has matters waiting, being handled, delivered with the evaluation open, and closed', async () => {
    const { items } = await get('13900000001', '/cases?pageSize=100');
    const states = new Set(items.map((c: { state: string }) => c.state));
    for (const s of ['registered', 'handling', 'delivered', 'closed']) expect(states, s).toContain(s);
    expect(items.length).toBeGreaterThanOrEqual(5);
    const delivered = items.find((c: { state: string }) => c.state === 'delivered');
    const detail = await get('13900000001', `/cases/${delivered.id}`);
    expect(detail.availableActions.map((a: { action: string }) => a.action)).toContain('rate');
  });

  it('holds a rights card with its handling written on it, and has the real-name details', async () => {
    const { items } = await get('13900000001', '/my/cards');
    expect(items.length).toBeGreaterThan(0);
    expect(items[0].entries.length).toBeGreaterThan(0);
    expect(items[0].holder).toBe('张三');
    const profile = await get('13900000001', '/me/profile');
    expect(profile.idNumber).toMatch(/^\d{17}[\dX]$/);
  });
});

describe('the city’s suggestion history (分类建议的准确程度)', () => {
  it('reads six months of 南京市 matters classified at receipt, online ones decided, the rest given', async () => {
    const q = await get('nj_leader', '/intake/suggestion-quality?months=6');
    expect(q.matters).toBeGreaterThanOrEqual(300);
    expect(q.byVersion.map((v: { modelVersion: string }) => v.modelVersion)).toEqual(['lexicon']);
    // Letters and visits were registered with their category; online petitions were decided later.
    expect(q.givenAtRegistration.matters).toBeGreaterThan(0);
    expect(q.givenAtRegistration.matters).toBeLessThan(q.matters);
    // The lexicon's real suggestions: mostly right, not always.
    expect(q.firstRight).toBeGreaterThan(0.6);
    expect(q.firstRight).toBeLessThan(1);
    expect(q.corrections.length).toBeGreaterThan(0);
  });
});
