// Dashboard benchmark: `npx tsx bench/analytics.ts [--quick] [--cases N] [--dense]`.
// Seeds N synthetic cases (default 100,000; --quick 20,000) on PGlite and, with DATABASE_URL, on
// PostgreSQL; then p95 over HTTP of the indicators endpoint for the province and a city over a
// year (groupBy=jurisdiction and month), against two baselines of the same run: GET /readyz and
// GET /api/v1/cases/:id (a primary-key lookup). --dense then replaces the rollups by a synthetic
// fill with every day × county × breakdown key present (what ≥1 M cases approach: the rollups
// saturate, their size no longer grows with the number of cases) and measures again.
// Also the cost of the rollup upkeep inside an action: recordAction alone vs the whole action.
import { sql } from 'drizzle-orm';
import { recordAction, rollupCases } from '../src/analytics/rollup.ts';
import { resolveSession } from '../src/auth/sessions.ts';
import { executeAction } from '../src/cases/engine.ts';
import { registerCase } from '../src/cases/intake.ts';
import type { CaseRow } from '../src/cases/units.ts';
import { shanghaiDate } from '../src/domain/deadlines/index.ts';
import { seedCases } from '../src/seed/cases.ts';
import { formatTable, type Row } from './report.ts';
import { BENCH_PASSWORD, openTarget, type Target, targetSpecs } from './targets.ts';

const print = (s = '') => process.stdout.write(`${s}\n`);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN) * 10) / 10;
};

async function login(t: Target, username: string): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await loginOnce(t, username);
    } catch (e) {
      if (attempt === 2) throw e;
    }
  }
  throw new Error('unreachable');
}

async function loginOnce(t: Target, username: string) {
  const res = await fetch(`${t.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** Sequential requests (one connection, as a dashboard's own queries): p50/p95 in ms. */
async function latency(url: string, token: string, n: number) {
  const times: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    if (i >= 5) times.push(performance.now() - t0); // the first 5 warm up caches
  }
  return { p50: pct(times, 50), p95: pct(times, 95), n };
}

async function dashboardRows(t: Target, n: number, label: string): Promise<Row[]> {
  const token = await login(t, 'js_analyst');
  const today = shanghaiDate(new Date());
  const year = `from=${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01&to=${today}`;
  const [{ id }] = (
    (await t.ctx.db.execute(sql`SELECT max(id)::int AS id FROM cases`)) as unknown as {
      rows: { id: number }[];
    }
  ).rows as [{ id: number }];
  const health = await latency(`${t.url}/readyz`, token, n);
  const lookup = await latency(`${t.url}/api/v1/cases/${Math.ceil(id / 2)}`, token, n);
  const rows: Row[] = [
    {
      benchmark: 'GET /readyz (baseline 1)',
      value: health.p95,
      unit: 'ms p95',
      ratio: 1,
      p50: health.p50,
      p95: health.p95,
      count: n,
    },
    {
      benchmark: 'GET /api/v1/cases/:id (baseline 2)',
      value: lookup.p95,
      unit: 'ms p95',
      ratio: lookup.p95 / health.p95,
      p50: lookup.p50,
      p95: lookup.p95,
      count: n,
    },
  ];
  const queries: [string, string][] = [
    ['province, year, groupBy=jurisdiction', `scope=320000&groupBy=jurisdiction&${year}`],
    ['province, year, groupBy=month', `scope=320000&groupBy=month&${year}`],
    ['city 南京, year, groupBy=jurisdiction', `scope=320100&groupBy=jurisdiction&${year}`],
    ['city 南京, year, groupBy=month', `scope=320100&groupBy=month&${year}`],
    [
      'province, year to date, groupBy=category',
      `scope=320000&groupBy=category&from=${today.slice(0, 4)}-01-01&to=${today}`,
    ],
  ];
  for (const [name, q] of queries) {
    const r = await latency(`${t.url}/api/v1/analytics/indicators?${q}`, token, n);
    rows.push({
      benchmark: `indicators ${name} [${label}]`,
      value: r.p95,
      unit: 'ms p95',
      ratio: r.p95 / lookup.p95,
      p50: r.p50,
      p95: r.p95,
      count: n,
    });
  }
  return rows;
}

/** Every day × county × key of the seeded rollups present, with counts scaled from the seed. */
async function denseFill(t: Target) {
  const db = t.ctx.db;
  // Keys per place: the categories, forms and purposes seen anywhere; the units seen at that place.
  await db.execute(sql`DROP TABLE IF EXISTS dense_keys`);
  await db.execute(sql`CREATE TEMP TABLE dense_keys AS
    SELECT p.jurisdiction_code, k.dim, k.key
    FROM (SELECT DISTINCT jurisdiction_code FROM stats_monthly WHERE dim = 'all') p,
      (SELECT DISTINCT dim, key FROM stats_monthly WHERE dim IN ('all', 'category', 'form', 'purpose')) k
    UNION SELECT DISTINCT jurisdiction_code, dim, key FROM stats_monthly WHERE dim = 'unit'`);
  await db.execute(sql`TRUNCATE stats_daily, stats_monthly`);
  const cols = `total, online, visits, repeats, acceptance_decided, accepted_timely, completed, completed_on_time, rated, ratable, satisfied`;
  const vals = `v*14, v*7, v*3, v, v*12, v*11, v*10, v*9, v*5, v*6, v*5`;
  // Monthly: every month of the last 3 years; daily: every day of the last 2 years for 'all'.
  await db.execute(
    sql.raw(`INSERT INTO stats_monthly (period, jurisdiction_code, dim, key, ${cols})
      SELECT m::date, k.jurisdiction_code, k.dim, k.key, ${vals}
      FROM generate_series(date_trunc('month', now()) - interval '36 months', date_trunc('month', now()), interval '1 month') m,
        dense_keys k, LATERAL (SELECT 1 + (abs(hashtext(k.jurisdiction_code || k.key || m::text)) % 9) AS v) x`),
  );
  await db.execute(
    sql.raw(`INSERT INTO stats_daily (period, jurisdiction_code, dim, key, ${cols})
      SELECT d::date, k.jurisdiction_code, 'all', '', ${vals}
      FROM generate_series(now() - interval '730 days', now(), interval '1 day') d, dense_keys k,
        LATERAL (SELECT 1 + (abs(hashtext(k.jurisdiction_code || d::text)) % 9) AS v) x
      WHERE k.dim = 'all'`),
  );
  const count = async (table: string) =>
    Number(
      (
        (await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]?.n,
    );
  return { monthly: await count('stats_monthly'), daily: await count('stats_daily') };
}

/** Time of whole actions (accept, then settle) vs the rollup upkeep they include. */
async function upkeepRows(t: Target, n: number): Promise<Row[]> {
  const token = await login(t, 'nj_registrar');
  const actor = (await resolveSession(t.ctx.db, token))?.actor;
  if (!actor) throw new Error('no actor');
  const action: number[] = [];
  const upkeep: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = await registerCase(t.ctx, actor, {
      form: 'letter',
      purpose: 'claim',
      categoryCode: '010000',
      subject: `基准测试 ${i}`,
      content: '反映道路积水问题。',
      jurisdictionCode: '320102',
      petitioner: { name: '基准' },
    });
    for (const [name, payload] of [
      ['accept', {}],
      ['settle', { kind: 'mediation', agreement: '协议' }],
    ] as const) {
      const t0 = performance.now();
      const r = await executeAction(t.ctx, actor, c.caseId, { action: name, ...payload });
      action.push(performance.now() - t0);
      // The same upkeep again, alone, in a transaction that is rolled back.
      const prev = { ...r.row, state: name === 'accept' ? 'registered' : 'accepted' } as CaseRow;
      const clocks = r.row.clocks as Record<string, { stoppedAt?: string }>;
      const key = name === 'accept' ? 'acceptance' : 'handling';
      const was = {
        ...prev,
        clocks: { ...clocks, [key]: { ...clocks[key], stoppedAt: undefined } },
      } as CaseRow;
      const t1 = performance.now();
      await t.ctx.db
        .transaction(async (tx) => {
          await recordAction(tx, was, r.row, { action: name, at: new Date(), actorUnitId: actor.unitId });
          throw new Error('rollback');
        })
        .catch(() => {});
      upkeep.push(performance.now() - t1);
    }
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return [
    {
      benchmark: 'action (accept / settle), whole transaction',
      value: mean(action),
      unit: 'ms mean',
      ratio: 1,
      p50: pct(action, 50),
      p95: pct(action, 95),
      count: action.length,
    },
    {
      benchmark: 'of which rollup upkeep (recordAction)',
      value: mean(upkeep),
      unit: 'ms mean',
      ratio: mean(upkeep) / mean(action),
      p50: pct(upkeep, 50),
      p95: pct(upkeep, 95),
      count: upkeep.length,
    },
  ];
}

async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const i = args.indexOf('--cases');
  const cases = i >= 0 ? Number(args[i + 1]) : quick ? 20_000 : 100_000;
  const n = quick ? 60 : 200;
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  for (const spec of targetSpecs().filter((x) => !only || x.kind === only)) {
    const t = await openTarget(spec);
    try {
      print(`\n== ${t.kind}: ${t.storage}`);
      const t0 = performance.now();
      await seedCases(t.ctx.db, t.ctx.pii, { count: cases, seed: 7 });
      const seedSeconds = (performance.now() - t0) / 1000;
      print(`seeded ${cases} cases in ${seedSeconds.toFixed(0)} s (rollups kept by the seed)`);
      // The seed's share spent on rollups: the same work again, alone, rolled back.
      const r0 = performance.now();
      await t.ctx.db
        .transaction(async (tx) => {
          await rollupCases(tx, { fromId: 1, toId: Number.MAX_SAFE_INTEGER });
          throw new Error('rollback');
        })
        .catch(() => {});
      const rollupSeconds = (performance.now() - r0) / 1000;
      print(
        `of which rollups ≈ ${rollupSeconds.toFixed(1)} s (${((100 * rollupSeconds) / seedSeconds).toFixed(0)} %)`,
      );
      const rows = [
        ...(await upkeepRows(t, quick ? 30 : 100)),
        ...(await dashboardRows(t, n, `${cases} cases`)),
      ];
      print(formatTable(rows));
      if (args.includes('--dense')) {
        const d = await denseFill(t);
        print(`dense rollups: ${d.monthly} monthly rows, ${d.daily} daily rows`);
        print(formatTable((await dashboardRows(t, n, 'dense')).slice(2)));
      }
      print('ratio: upkeep ÷ whole action; baseline 2 ÷ readyz; indicators ÷ GET /api/v1/cases/:id p95');
    } finally {
      await t.close();
    }
  }
}

await main();
