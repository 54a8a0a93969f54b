// Case benchmarks on a seeded database: bulk seeding rate, online intake over HTTP at 1/8/32
// connections, complete lifecycles per second, and the latency of the staff case list.
// Every figure is also divided by the raw INSERT baseline of the same run (see run.ts).
import { Worker } from 'node:worker_threads';
import { and, eq, sql } from 'drizzle-orm';
import { units } from '../src/db/schema.ts';
import { seedCases } from '../src/seed/cases.ts';
import type { DriverJob, DriverResult } from './driver.ts';
import type { Row } from './report.ts';
import { BENCH_PASSWORD, type Target } from './targets.ts';

const print = (s = '') => process.stdout.write(`${s}\n`);

/** How many synthetic cases to seed first: BENCH_CASES, else 10,000 with --quick and 100,000 without. */
export function benchCases(quick: boolean): number {
  const env = Number(process.env.BENCH_CASES);
  return Number.isInteger(env) && env >= 0 && process.env.BENCH_CASES ? env : quick ? 10_000 : 100_000;
}

/** Runs the driver in a worker thread (TypeScript through tsx, as the CLI does). */
export function drive(job: DriverJob): Promise<DriverResult> {
  const api = import.meta.resolve('tsx/esm/api');
  const file = new URL('./driver.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(file)}); });`;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: job });
    w.once('message', (r: DriverResult) => {
      resolve(r);
      void w.terminate();
    });
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`load driver exited (${code}) without a result`)));
  });
}

export const pct = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);

function driverRow(benchmark: string, r: DriverResult, unit: string, baseline: number): Row {
  const value = r.done / r.seconds;
  return {
    benchmark,
    value,
    unit,
    ratio: value / baseline,
    p50: pct(r.latencies, 50),
    p95: pct(r.latencies, 95),
    p99: pct(r.latencies, 99),
    count: r.done,
  };
}

export async function login(t: Target, user: string): Promise<string> {
  const body = /^1\d{10}$/.test(user)
    ? { phone: user, password: BENCH_PASSWORD }
    : { username: user, password: BENCH_PASSWORD };
  const res = await fetch(`${t.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`login ${user}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export interface CaseBenchOptions {
  seconds: number;
  quick: boolean;
  baseline: number;
  /** `bench lifecycle`: skip the list latency runs. */
  lifecycleOnly?: boolean;
  /** Appended to the intake and lifecycle rows' names (e.g. 'serve --workers 2'). */
  label?: string;
}

export async function caseBenchmarks(
  t: Target,
  o: CaseBenchOptions,
): Promise<{ rows: Row[]; failures: string[] }> {
  const rows: Row[] = [];
  const failures: string[] = [];
  const db = t.ctx.db;

  // 1. Seed the synthetic cases (also a figure: bulk rate of the seeder).
  const count = benchCases(o.quick);
  if (count > 0) {
    print(`   seeding ${count} synthetic cases …`);
    const t0 = performance.now();
    await seedCases(db, t.ctx.pii, { count, seed: 1 });
    const seconds = (performance.now() - t0) / 1000;
    await db.execute(sql`ANALYZE`);
    rows.push({
      benchmark: `seed ${count} cases (bulk, with parties and timelines)`,
      value: count / seconds,
      unit: 'cases/s',
      ratio: count / seconds / o.baseline,
      count,
    });
  }

  const tokens = {
    citizen: await login(t, '13900000001'),
    registrar: await login(t, 'gl_registrar'),
    handler: await login(t, 'gl_handler'),
    njRegistrar: await login(t, 'nj_registrar'),
    admin: await login(t, 'admin'),
  };

  // 2. Online intake: distinct subjects ([<id>]), so no request is linked to an earlier one as a repeat.
  for (const connections of [1, 8, 32]) {
    const name = `POST /api/v1/cases (online intake), ${connections} conn.${o.label ? `, ${o.label}` : ''}`;
    const job = { mode: 'intake' as const, base: t.url, token: tokens.citizen, connections };
    const warm = await drive({ ...job, seconds: Math.min(1, o.seconds / 3) });
    const run = await drive({ ...job, seconds: o.seconds });
    for (const [label, r] of [
      ['warm-up', warm],
      ['run', run],
    ] as const) {
      if (r.errors > 0)
        failures.push(`${t.kind} ${name} (${label}): ${r.errors} failed, first: ${r.firstError}`);
      if (r.done === 0) failures.push(`${t.kind} ${name} (${label}): no request completed`);
    }
    rows.push(driverRow(name, run, 'cases/s', o.baseline));
  }

  // 3. Complete lifecycles: submit → accept → assign → reply → deliver → rate → close (7 requests).
  const [zhujian] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.jurisdictionCode, '320106'), eq(units.deptKey, 'zhujian')));
  if (!zhujian) throw new Error('no 鼓楼区住建局');
  const workers = Number(process.env.BENCH_LIFECYCLE_WORKERS ?? 8);
  const lifecycle = await drive({
    mode: 'lifecycle',
    base: t.url,
    tokens: { citizen: tokens.citizen, registrar: tokens.registrar, handler: tokens.handler },
    targetUnitId: zhujian.id,
    workers,
    seconds: o.quick ? 5 : 15,
  });
  if (lifecycle.errors > 0)
    failures.push(`${t.kind} lifecycles: ${lifecycle.errors} failed, first: ${lifecycle.firstError}`);
  rows.push(
    driverRow(
      `complete lifecycles over HTTP (7 requests each), ${workers} workers${o.label ? `, ${o.label}` : ''}`,
      lifecycle,
      'lifecycles/s',
      o.baseline,
    ),
  );

  // 4. Staff case list latency, one request at a time.
  const lists = [
    {
      name: 'GET /api/v1/cases filtered+sorted (nj_registrar)',
      token: tokens.njRegistrar,
      path: '/api/v1/cases?state=handling&form=online&jurisdiction=320100&sort=dueAt&order=asc',
    },
    {
      name: 'GET /api/v1/cases first page (admin, whole province)',
      token: tokens.admin,
      path: '/api/v1/cases',
    },
  ];
  for (const l of o.lifecycleOnly ? [] : lists) {
    const requests = o.quick ? 60 : 300;
    await drive({ mode: 'latency', base: t.url, token: l.token, path: l.path, requests: 5 });
    const r = await drive({ mode: 'latency', base: t.url, token: l.token, path: l.path, requests });
    if (r.errors > 0) failures.push(`${t.kind} ${l.name}: ${r.errors} failed, first: ${r.firstError}`);
    rows.push(driverRow(`${l.name}, 1 conn.`, r, 'req/s', o.baseline));
  }
  const [{ n } = { n: 0 }] = (
    (await db.execute(sql`SELECT count(*)::int AS n FROM cases`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  print(`   cases in the database at the end: ${n}`);
  return { rows, failures };
}
