// The staff case list at scale (docs/performance.md, "Staff list at scale"): latency of GET
// /api/v1/cases for typical callers on PostgreSQL holding BENCH_LIST_SCALE cases (default 1,000,000),
// one request at a time over HTTP, against GET /api/v1/cases/:id (one case by primary key, same HTTP
// stack and session) measured in the same run. Target: p95 < 100 ms at 1M.
//
// The database: seeding 1M cases with the real seeder takes too long on a shared 2-core machine, so
// `seedCases` seeds BENCH_LIST_SEED cases (default 100,000) and SQL copies them up to the target:
// new ids, distinct case numbers, the same jurisdictions, units, states, forms and texts, every
// timestamp moved back by up to 3 days; then ANALYZE. Only `cases` is copied: the list reads nothing
// else (jurisdiction names come from `jurisdictions`; parties only for a `q` that is an ID number or
// a phone, which is not measured here).
//
// Alone (PostgreSQL; a scratch database is created and dropped):
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/list-scale.ts [--explain] [--quick]
// In `npm run bench`: BENCH_LIST_SCALE=1000000 adds it to the PostgreSQL part, after the others
// (copying the cases already there).
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { rebuildRollups } from '../src/analytics/rebuild.ts';
import { rollupCases } from '../src/analytics/rollup.ts';
import { resolveSession } from '../src/auth/sessions.ts';
import { CaseListQuery, caseListQueries } from '../src/cases/queries.ts';
import { shanghaiDate } from '../src/domain/deadlines/index.ts';
import { seedCases } from '../src/seed/cases.ts';
import { drive, login, pct } from './lifecycle.ts';
import { formatTable, type Row } from './report.ts';
import type { Target } from './targets.ts';

const print = (s = '') => process.stdout.write(`${s}\n`);
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * BENCH_LIST_SCALE: cases to hold, or several points in one run ("1000000,10000000": copied up to
 * each in turn and measured there). 0 or unset: the benchmark is not part of `npm run bench`.
 */
export function listScalePoints(): number[] {
  return (process.env.BENCH_LIST_SCALE ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** The largest point of BENCH_LIST_SCALE (0: none). */
export function listScaleTarget(): number {
  return Math.max(0, ...listScalePoints());
}

async function countCases(t: Target): Promise<number> {
  return rows<{ n: number }>(await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM cases`))[0]?.n ?? 0;
}

/**
 * Above BENCH_LIST_BULK rows to add (default 2,000,000), the copy is a bulk load: the secondary
 * indexes of `cases` (not those behind a constraint) are dropped first and built again afterwards,
 * each timed — inserting millions of rows into 20 indexes (the RUM index alone ≈ 800 bytes a case)
 * row by row took 75 s per 100,000 at 200,000 cases and grew. The definitions are printed before
 * they are dropped, to rebuild them by hand should the run die in between.
 */
async function dropIndexesForBulk(t: Target, adding: number): Promise<{ restore: () => Promise<void> }> {
  const db = t.ctx.db;
  if (adding < (Number(process.env.BENCH_LIST_BULK) || 2_000_000)) return { restore: async () => {} };
  const defs = rows<{ name: string; def: string }>(
    await db.execute(sql`SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      JOIN pg_class c ON c.relname = i.indexname
      WHERE i.tablename = 'cases' AND i.schemaname = current_schema()
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)
      ORDER BY i.indexname`),
  );
  print(`   bulk load: dropping ${defs.length} indexes of cases, to be built again:`);
  for (const d of defs) print(`     ${d.def};`);
  for (const d of defs) await db.execute(sql.raw(`DROP INDEX IF EXISTS "${d.name}"`));
  return {
    restore: async () => {
      const all = performance.now();
      // One transaction: SET LOCAL holds for every build on the same connection of the pool.
      await db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL maintenance_work_mem = '1GB'`);
        for (const d of defs) {
          const t0 = performance.now();
          await tx.execute(sql.raw(d.def));
          print(`   index ${d.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        }
      });
      print(`   ${defs.length} indexes built in ${((performance.now() - all) / 1000).toFixed(1)} s`);
    },
  };
}

/**
 * Copies the seeded cases (17-digit numbers whose 7-digit sequence is below `stride`) until the table
 * holds `target` rows. Copy k gets sequence k·stride + the original's, so numbers stay distinct and
 * well-formed: stride 1,000,000 allows 9 copies (1M from 100,000 seeded), stride 100,000 allows 99
 * (10M from 100,000 seeded; every seeded sequence is far below 100,000). Every timestamp moves back
 * by the same 0–3 days per row.
 */
export async function copyCasesUpTo(t: Target, target: number): Promise<void> {
  const db = t.ctx.db;
  // One stride for every point of a run: the largest point decides.
  const stride =
    Number(process.env.BENCH_LIST_STRIDE) ||
    (Math.max(target, listScaleTarget()) > 1_000_000 ? 100_000 : 1_000_000);
  const digits = 7 - String(stride).length + 1; // leading sequence digits that are 0 in an original
  const original = `substr(%.case_number, 11, ${digits}) = '${'0'.repeat(digits)}'`;
  const sources = rows<{ n: number }>(
    await db.execute(
      sql.raw(`SELECT count(*)::int AS n FROM cases
      WHERE case_number ~ '^[0-9]{17}$' AND ${original.replace('%.', '')}`),
    ),
  )[0]?.n;
  let have = await countCases(t);
  if (have >= target) return;
  const copies = 10_000_000 / stride - 1;
  if (!sources || have + copies * sources < target)
    throw new Error(`need at least ${Math.ceil(target / (copies + 1))} seeded cases to copy up to ${target}`);
  const columns = rows<{ name: string; type: string }>(
    await db.execute(sql`SELECT column_name AS name, data_type AS type FROM information_schema.columns
      WHERE table_name = 'cases' AND table_schema = current_schema()
        AND is_identity = 'NO' AND is_generated = 'NEVER' ORDER BY ordinal_position`),
  );
  const list = columns.map((c) => `"${c.name}"`).join(', ');
  // The copies already there (a kept database topped up to a larger target) are skipped by number.
  const done = rows<{ k: number }>(
    await db.execute(
      sql.raw(`SELECT coalesce(max(right(case_number, 7)::int / ${stride}), 0)::int AS k FROM cases
      WHERE case_number ~ '^[0-9]{17}$'`),
    ),
  )[0]?.k;
  // A kept database copied with a larger stride (a 1M run: stride 1,000,000) has used up the numbers
  // of this stride's copies: topping it up would repeat case numbers (seen: 7.3M duplicates at 10M).
  if (have + (copies - (done ?? 0)) * sources < target)
    throw new Error(
      `the kept database's copies used case numbers up to copy ${done} of stride ${stride}: ` +
        `drop it and copy again in one run with the largest point (BENCH_LIST_SCALE=…,${target})`,
    );
  const bulk = await dropIndexesForBulk(t, target - have);
  for (let k = (done ?? 0) + 1; have < target; k++) {
    const values = columns
      .map((c) =>
        c.name === 'case_number'
          ? `left(s.case_number, 10) || lpad((${k} * ${stride} + right(s.case_number, 7)::int)::text, 7, '0')`
          : c.name === 'query_code_hash'
            ? 'NULL'
            : c.type === 'timestamp with time zone'
              ? `s."${c.name}" - make_interval(secs => (s.id * 7919 + ${k} * 104729) % 259200)`
              : `s."${c.name}"`,
      )
      .join(', ');
    const t0 = performance.now();
    await db.execute(
      sql.raw(`INSERT INTO cases (${list}) SELECT ${values} FROM cases s
        WHERE s.case_number ~ '^[0-9]{17}$' AND ${original.replace('%', 's')}
        ORDER BY s.id LIMIT ${Math.min(sources, target - have)}`),
    );
    have = await countCases(t);
    print(`   copy ${k}: ${have} cases (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  await bulk.restore();
  // The copies' content signatures, from their originals (same subject and content): without them
  // the next boot on a kept database (BENCH_KEEP_DB) backfills 900,000 signatures first (≈ 30 min).
  await db.execute(sql`
    INSERT INTO case_signatures (case_id, county_code, received_at, scheme, minhash, bands)
    SELECT c.id, s.county_code, c.received_at, s.scheme, s.minhash, s.bands
    FROM cases c
    JOIN cases src ON src.case_number =
      left(c.case_number, 10) || lpad((right(c.case_number, 7)::int % ${sql.raw(String(stride))})::text, 7, '0')
    JOIN case_signatures s ON s.case_id = src.id
    WHERE c.case_number ~ '^[0-9]{17}$' AND right(c.case_number, 7)::int >= ${sql.raw(String(stride))}
      AND NOT EXISTS (SELECT 1 FROM case_signatures x WHERE x.case_id = c.id)`);
  await db.execute(sql`VACUUM ANALYZE cases`);
}

interface Caller {
  name: string;
  user: string;
  /** Query string of GET /api/v1/cases; `{unit}` is the caller's own unit id. */
  query: string;
}

/** Typical callers: the console's default pages and tab counts, and the filters people use. */
const CALLERS: Caller[] = [
  { name: 'admin, first page (whole province, newest first)', user: 'admin', query: '' },
  {
    name: 'admin, workbench 待受理 (own unit, by due date)',
    user: 'admin',
    query: 'state=registered,forwarded&unitId={unit}&sort=dueAt&order=asc',
  },
  { name: 'admin, tab 办理中 by due date', user: 'admin', query: 'state=handling&sort=dueAt&order=asc' },
  { name: 'admin, tab count 办理中 (pageSize=1)', user: 'admin', query: 'state=handling&page=1&pageSize=1' },
  { name: 'admin, 已超期 by due date', user: 'admin', query: 'due=overdue&sort=dueAt&order=asc' },
  { name: 'admin, whole province by due date', user: 'admin', query: 'sort=dueAt&order=asc' },
  { name: 'admin, jurisdiction 320500 subtree', user: 'admin', query: 'jurisdiction=320500' },
  {
    name: 'nj_registrar, filtered + sorted',
    user: 'nj_registrar',
    query: 'state=handling&form=online&jurisdiction=320100&sort=dueAt&order=asc',
  },
  {
    name: 'nj_registrar, received 2025-06 (date range)',
    user: 'nj_registrar',
    query: 'from=2025-06-01&to=2025-06-30',
  },
  { name: 'nj_registrar, 督办件 (supervised=true)', user: 'nj_registrar', query: 'supervised=true' },
  {
    name: 'admin, tab 办理中 + 积案 by due date',
    user: 'admin',
    query: 'state=handling&backlog=true&sort=dueAt&order=asc',
  },
  { name: 'gl_registrar, first page (county)', user: 'gl_registrar', query: '' },
  { name: 'gl_registrar, form=visit (no index has form first)', user: 'gl_registrar', query: 'form=visit' },
  {
    name: 'gl_handler (department), 办理中 by due date',
    user: 'gl_handler',
    query: 'state=handling&sort=dueAt&order=asc',
  },
  { name: 'gl_handler (department), all', user: 'gl_handler', query: '' },
  { name: 'admin, q=横山桥 (a place name)', user: 'admin', query: `q=${encodeURIComponent('横山桥')}` },
  {
    name: 'nj_registrar, q=物业 (a word in 10% of cases)',
    user: 'nj_registrar',
    query: `q=${encodeURIComponent('物业')}`,
  },
  {
    name: 'nj_registrar, q=被骗 (3 % of cases)',
    user: 'nj_registrar',
    query: `q=${encodeURIComponent('被骗')}`,
  },
  {
    name: 'nj_registrar, q=名邸 (1 % of cases)',
    user: 'nj_registrar',
    query: `q=${encodeURIComponent('名邸')}`,
  },
  { name: 'gl_registrar, q=被骗 (a county)', user: 'gl_registrar', query: `q=${encodeURIComponent('被骗')}` },
  { name: 'admin, q=物业 (the province)', user: 'admin', query: `q=${encodeURIComponent('物业')}` },
  { name: 'gl_registrar, q=物业 (a county)', user: 'gl_registrar', query: `q=${encodeURIComponent('物业')}` },
  {
    name: 'nj_registrar, q=物业, page 5',
    user: 'nj_registrar',
    query: `q=${encodeURIComponent('物业')}&page=5`,
  },
  {
    name: 'nj_registrar, q=物业 + 办理中 by due date',
    user: 'nj_registrar',
    query: `q=${encodeURIComponent('物业')}&state=handling&sort=dueAt&order=asc`,
  },
];

async function unitOf(t: Target, token: string): Promise<number> {
  const r = await resolveSession(t.ctx.db, token);
  if (!r?.actor.unitId) throw new Error('the caller has no unit');
  return r.actor.unitId;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the page and the count the route runs for this caller. */
async function explain(t: Target, token: string, query: string): Promise<string> {
  const pool = t.ctx.database.pool;
  const session = await resolveSession(t.ctx.db, token);
  if (!pool || !session) return '(PostgreSQL only)';
  const q = CaseListQuery.parse(Object.fromEntries(new URLSearchParams(query)));
  const built = caseListQueries(t.ctx.db, session.actor, q, {
    hash: t.ctx.pii.hash,
    countCap: t.ctx.config.listCountCap,
    textSearch: t.ctx.caseExtensions.textSearch,
  });
  const out: string[] = [];
  for (const [label, qb] of [
    ['page', built.items],
    ['count', built.count],
  ] as const) {
    const { sql: text, params } = qb.toSQL();
    const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params as unknown[]);
    out.push(`   -- ${label}`, ...r.rows.map((x: Record<string, string>) => `   ${x['QUERY PLAN']}`));
  }
  return out.join('\n');
}

export interface ListScaleOptions {
  quick: boolean;
  /** Print the query plans of each caller. */
  explain?: boolean;
}

/** Latency rows: the primary-key baseline first, then each caller (ratio = p95 ÷ baseline p95). */
export async function listScaleBenchmarks(
  t: Target,
  o: ListScaleOptions,
): Promise<{ rows: Row[]; failures: string[] }> {
  const failures: string[] = [];
  const requests = o.quick ? 30 : 100;
  const tokens = new Map<string, string>();
  for (const u of new Set(CALLERS.map((c) => c.user))) tokens.set(u, await login(t, u));
  const admin = tokens.get('admin') as string;
  const unitId = await unitOf(t, admin);
  const n = await countCases(t);
  const [mid] = rows<{ id: number }>(
    await t.ctx.db.execute(sql`SELECT id FROM cases ORDER BY id OFFSET ${Math.floor(n / 2)} LIMIT 1`),
  );

  const measure = async (name: string, token: string, path: string): Promise<Row> => {
    // Warm-up, unreported; then `requests`, or fewer if they take over a minute (slow plans).
    await drive({ mode: 'latency', base: t.url, token, path, requests: 5, maxSeconds: 10 });
    const r = await drive({ mode: 'latency', base: t.url, token, path, requests, maxSeconds: 60 });
    if (r.errors > 0) failures.push(`${t.kind} ${name}: ${r.errors} failed, first: ${r.firstError}`);
    const [p50, p95, p99] = [50, 95, 99].map((p) => pct(r.latencies, p)) as [number, number, number];
    print(`   ${name}: p50 ${p50} ms, p95 ${p95} ms (${r.done} requests)`);
    return { benchmark: name, value: p95, unit: 'ms p95', ratio: 1, p50, p95, p99, count: r.done };
  };

  const out: Row[] = [];
  const base = await measure(
    'GET /api/v1/cases/:id (admin, primary key; baseline)',
    admin,
    `/api/v1/cases/${mid?.id}`,
  );
  out.push(base);
  // BENCH_LIST_ONLY=<text>[|<text>…]: only the callers whose name contains one (the baseline always runs).
  const only = process.env.BENCH_LIST_ONLY;
  for (const c of CALLERS.filter((x) => !only || only.split('|').some((o) => x.name.includes(o)))) {
    const token = tokens.get(c.user) as string;
    const query = c.query.replace('{unit}', String(unitId));
    const row = await measure(`list: ${c.name}`, token, `/api/v1/cases${query ? `?${query}` : ''}`);
    out.push({ ...row, ratio: row.value / base.value });
    if (o.explain) print(`\n== ${c.name}: /api/v1/cases?${query}\n${await explain(t, token, query)}`);
  }
  return { rows: out, failures };
}

/** The dashboards' indicator requests (bench/analytics.ts's set), p95 ÷ the baseline row's p95. */
async function dashboardBenchmarks(t: Target, quick: boolean, base: Row): Promise<Row[]> {
  const token = await login(t, 'js_analyst');
  const today = shanghaiDate(new Date());
  const year = `from=${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01&to=${today}`;
  const out: Row[] = [];
  for (const [name, q] of [
    ['province, year, by jurisdiction', `scope=320000&groupBy=jurisdiction&${year}`],
    ['province, year, by month', `scope=320000&groupBy=month&${year}`],
    ['city 南京, year, by jurisdiction', `scope=320100&groupBy=jurisdiction&${year}`],
    [
      'province, year to date, by category',
      `scope=320000&groupBy=category&from=${today.slice(0, 4)}-01-01&to=${today}`,
    ],
  ] as const) {
    const path = `/api/v1/analytics/indicators?${q}`;
    await drive({ mode: 'latency', base: t.url, token, path, requests: 5, maxSeconds: 10 });
    const r = await drive({
      mode: 'latency',
      base: t.url,
      token,
      path,
      requests: quick ? 30 : 100,
      maxSeconds: 60,
    });
    const [p50, p95, p99] = [50, 95, 99].map((p) => pct(r.latencies, p)) as [number, number, number];
    print(`   dashboard ${name}: p50 ${p50} ms, p95 ${p95} ms (${r.done} requests, ${r.errors} failed)`);
    out.push({
      benchmark: `dashboard: ${name}`,
      value: p95,
      unit: 'ms p95',
      ratio: p95 / base.value,
      p50,
      p95,
      p99,
      count: r.done,
    });
  }
  return out;
}

/**
 * `xinfang analytics rebuild` at this size. Up to BENCH_LIST_REBUILD_MAX cases (default 1,000,000)
 * the whole rebuild runs; above, it would hold a shared machine for an hour, so the newest 500,000
 * ids are rolled up in the rebuild's chunks, each chunk's transaction rolled back (the rollups stay
 * those of the last whole rebuild), and the whole is projected from that rate.
 */
async function timeRebuild(t: Target, target: number): Promise<void> {
  const t0 = performance.now();
  if (target <= (Number(process.env.BENCH_LIST_REBUILD_MAX) || 1_000_000)) {
    const r = await rebuildRollups(t.ctx.db, { chunk: 20_000 });
    print(`   analytics rebuild: ${r.cases} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return;
  }
  const [top] = rows<{ id: number }>(await t.ctx.db.execute(sql`SELECT max(id)::int AS id FROM cases`));
  const maxId = top?.id ?? 0;
  const sample = 500_000;
  let counted = 0;
  for (let fromId = maxId - sample + 1; fromId <= maxId; fromId += 20_000) {
    await t.ctx.db
      .transaction(async (tx) => {
        counted += await rollupCases(
          tx,
          { fromId, toId: Math.min(fromId + 19_999, maxId) },
          { open: true, shard: 0 },
        );
        throw new Error('rollback');
      })
      .catch((e: Error) => {
        if (e.message !== 'rollback') throw e;
      });
  }
  const s = (performance.now() - t0) / 1000;
  print(
    `   analytics rebuild (sample): ${counted} of the newest cases in ${s.toFixed(1)} s → ${((s * (await countCases(t))) / Math.max(1, counted) / 60).toFixed(0)} min projected for all`,
  );
}

// Alone: a scratch PostgreSQL database, seeded and copied up to each point, then the latencies.
//   --rebuild: at each point, time `xinfang analytics rebuild` (the rollups of every stored case; the
//   copies have no timelines, so their actions are not counted) before the dashboards are measured.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error('DATABASE_URL (a PostgreSQL server) is required');
  const points = listScalePoints().length > 0 ? listScalePoints() : [1_000_000];
  const seed = Number(process.env.BENCH_LIST_SEED) || Math.min(100_000, points[0] as number);
  const { openTarget } = await import('./targets.ts');
  const t = await openTarget({ kind: 'postgres', baseUrl });
  try {
    print(`== ${t.storage}`);
    let t0 = performance.now();
    // A kept database (BENCH_KEEP_DB) that already holds the seeded cases is only topped up.
    if ((await countCases(t)) < seed) {
      await seedCases(t.ctx.db, t.ctx.pii, { count: seed, seed: 1 });
      print(`   seeded ${seed} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    let failed = false;
    for (const target of points) {
      t0 = performance.now();
      await copyCasesUpTo(t, target);
      print(
        `   copied up to ${await countCases(t)} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s (load ${loadavg()[0]?.toFixed(1)})`,
      );
      if (process.argv.includes('--load-only')) continue;
      const { rows: result, failures } = await listScaleBenchmarks(t, {
        quick,
        explain: process.argv.includes('--explain'),
      });
      if (process.argv.includes('--rebuild')) await timeRebuild(t, target);
      result.push(...(await dashboardBenchmarks(t, quick, result[0] as Row)));
      print(`\n== ${await countCases(t)} cases (load ${loadavg()[0]?.toFixed(1)})`);
      print(formatTable(result));
      for (const f of failures) process.stderr.write(`FAILED: ${f}\n`);
      failed ||= failures.length > 0;
      const slow = result.filter((r) => (r.p95 ?? 0) >= 100);
      print(
        `\np95 < 100 ms: ${slow.length === 0 ? 'met by every caller' : `NOT met by ${slow.map((r) => r.benchmark).join('; ')}`}`,
      );
    }
    if (failed) process.exitCode = 1;
  } finally {
    await t.close();
  }
}
