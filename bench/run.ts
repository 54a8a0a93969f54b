// `npm run bench [-- --quick]`: the platform's benchmarks, on embedded PGlite and, when DATABASE_URL
// is set, on PostgreSQL. Every figure is also given as a ratio to the raw INSERT rate of the same
// database in the same run: the machine is noisy, only ratios within one run compare.
// What each benchmark measures and the latest figures: docs/performance.md.
import os from 'node:os';
import { duplicateBenchmarks } from './duplicates.ts';
import { hotspotBenchmarks } from './hotspots.ts';
import { cannon, type HttpRun, type HttpSpec, LOADGEN_WORKERS, problems } from './http.ts';
import { createScratchTable, dropScratchTable, type InsertResult, insertTps, warmUp } from './insert.ts';
import { benchCases, caseBenchmarks } from './lifecycle.ts';
import { copyCasesUpTo, listScaleBenchmarks, listScaleTarget } from './list-scale.ts';
import { formatTable, type Row } from './report.ts';
import { searchBenchmarks, segmentationBenchmarks } from './search.ts';
import {
  BENCH_PASSWORD,
  BENCH_USER,
  openTarget,
  serveWorkers,
  type Target,
  type TargetSpec,
  targetSpecs,
} from './targets.ts';

/** Concurrent clients for the PostgreSQL INSERT run (the pool allows up to PG_POOL_MAX). */
const PG_INSERT_CLIENTS = 8;

interface DatabaseReport {
  kind: string;
  storage: string;
  rows: Row[];
  failures: string[];
}

const print = (s = '') => process.stdout.write(`${s}\n`);

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    /** 1-minute load average when the run started: a busy machine lowers every figure. */
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

function httpSpecs(t: Target, seconds: number): HttpSpec[] {
  const login = { username: BENCH_USER, password: BENCH_PASSWORD };
  // /readyz: the HTTP stack plus one `select 1` (what /healthz was before it stopped touching the database).
  const readyz = `${t.url}/readyz`;
  return [
    { name: 'GET /readyz, 1 connection', url: readyz, connections: 1, seconds },
    { name: 'GET /readyz, 32 connections', url: readyz, connections: 32, seconds },
    {
      name: 'POST /api/v1/auth/login, 8 connections',
      url: `${t.url}/api/v1/auth/login`,
      connections: 8,
      seconds,
      method: 'POST',
      body: login,
    },
  ];
}

async function insertRuns(t: Target, seconds: number): Promise<InsertResult[]> {
  const db = t.ctx.db;
  const clients = t.kind === 'postgres' ? [1, PG_INSERT_CLIENTS] : [1];
  const out: InsertResult[] = [];
  await createScratchTable(db);
  try {
    for (const c of clients) {
      await warmUp(db, c);
      out.push(await insertTps(db, seconds, c));
      await dropScratchTable(db);
      await createScratchTable(db);
    }
  } finally {
    await dropScratchTable(db);
  }
  return out;
}

async function benchDatabase(
  spec: TargetSpec,
  seconds: number,
  quick: boolean,
  lifecycleOnly = false,
  workers?: number,
): Promise<DatabaseReport> {
  const t = await openTarget(spec);
  let served: Awaited<ReturnType<typeof serveWorkers>> | undefined;
  try {
    print(`\n== ${t.kind}: ${t.storage}`);
    print(`   server ${t.url}`);
    const inserts = await insertRuns(t, seconds);
    const baseline = inserts[0]?.tps ?? Number.NaN;
    const rows: Row[] = inserts.map((r) => ({
      benchmark: `raw INSERT, ${r.clients} client${r.clients > 1 ? 's' : ''}${r.clients === 1 ? ' (baseline)' : ''}`,
      value: r.tps,
      unit: 'rows/s',
      ratio: r.tps / baseline,
      count: r.rows,
    }));
    const failures: string[] = [];
    // `bench lifecycle`: the baseline, /readyz at 32 connections, intake and lifecycles only.
    const specs = httpSpecs(t, seconds).filter(
      (s) => !lifecycleOnly || s.name === 'GET /readyz, 32 connections',
    );
    for (const spec of specs) {
      const warm = await cannon({ ...spec, seconds: Math.min(1, seconds / 3) });
      const run = await cannon(spec);
      for (const [label, r] of [
        ['warm-up', warm],
        ['run', run],
      ] as [string, HttpRun][]) {
        for (const p of problems(r)) failures.push(`${t.kind} ${spec.name} (${label}): ${p}`);
      }
      rows.push({
        benchmark: spec.name,
        value: run.rps,
        unit: spec.method === 'POST' ? 'logins/s' : 'req/s',
        ratio: run.rps / baseline,
        p50: run.p50,
        p99: run.p99,
        count: run.requests,
      });
    }
    // --workers N: intake and lifecycles go to a child `xinfang serve --workers N` on the same database.
    if (workers !== undefined) {
      served = await serveWorkers(t, workers);
      print(`   intake and lifecycles through \`xinfang serve --workers ${workers}\` at ${served.url}`);
    }
    const casesRun = await caseBenchmarks(served ? { ...t, url: served.url } : t, {
      seconds,
      quick,
      baseline,
      lifecycleOnly,
      label: workers === undefined ? undefined : `serve --workers ${workers}`,
    });
    rows.push(...casesRun.rows);
    failures.push(...casesRun.failures);
    if (lifecycleOnly) {
      print();
      print(formatTable(rows));
      return { kind: t.kind, storage: t.storage, rows, failures };
    }
    const searchRun = await searchBenchmarks(t);
    rows.push(...searchRun.rows);
    failures.push(...searchRun.failures);
    rows.push(...(await duplicateBenchmarks(t, { quick, baseline })));
    // Last: it adds two 30-day windows of copied cases (bench/hotspots.ts).
    rows.push(...(await hotspotBenchmarks(t, { quick })));
    // BENCH_LIST_SCALE=1000000: the case list after copying the cases up to that many (PostgreSQL).
    if (listScaleTarget() > 0 && t.kind === 'postgres') {
      print(`   copying cases up to ${listScaleTarget()} (BENCH_LIST_SCALE) …`);
      await copyCasesUpTo(t, listScaleTarget());
      const listRun = await listScaleBenchmarks(t, { quick });
      rows.push(...listRun.rows);
      failures.push(...listRun.failures);
    }
    print();
    print(formatTable(rows));
    return { kind: t.kind, storage: t.storage, rows, failures };
  } finally {
    await served?.close();
    await t.close();
  }
}

export async function runBenchmarks(opts: {
  quick: boolean;
  lifecycleOnly?: boolean;
  /** Drive intake and lifecycles through `xinfang serve --workers N` (PostgreSQL only). */
  workers?: number;
}): Promise<void> {
  const seconds = opts.quick ? 1.5 : 5;
  const m = machine();
  print('xinfang benchmarks');
  print(
    `machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB RAM, node ${m.node}, ${m.platform}, ` +
      `load average ${m.loadAverage}; ` +
      `load generator: autocannon in ${LOADGEN_WORKERS > 0 ? `${LOADGEN_WORKERS} worker thread(s)` : 'the main thread'}`,
  );
  print(`duration: ${seconds} s per run${opts.quick ? ' (--quick)' : ''}; ratio = value ÷ raw INSERT rows/s`);
  print(`seeded cases per database: ${benchCases(opts.quick)} (BENCH_CASES)`);

  // Word segmentation for search: CPU only, ratio to the classifier's tokenizer (bench/search.ts).
  const segmentation = opts.lifecycleOnly ? [] : segmentationBenchmarks(opts.quick);
  if (!opts.lifecycleOnly) {
    print('\n== text segmentation (no database)');
    print(formatTable(segmentation));
  }

  const reports: DatabaseReport[] = [];
  // With --workers only PostgreSQL: the embedded database is one process.
  for (const spec of targetSpecs().filter((s) => opts.workers === undefined || s.kind === 'postgres'))
    reports.push(await benchDatabase(spec, seconds, opts.quick, opts.lifecycleOnly, opts.workers));

  const failures = reports.flatMap((r) => r.failures);
  const summary = {
    machine: m,
    quick: opts.quick,
    workers: opts.workers ?? null,
    seededCases: benchCases(opts.quick),
    secondsPerRun: seconds,
    loadgenWorkers: LOADGEN_WORKERS,
    ok: failures.length === 0,
    failures,
    segmentation: segmentation.map((r) => ({
      ...r,
      value: Math.round(r.value),
      ratio: Math.round(r.ratio * 1000) / 1000,
    })),
    databases: reports.map((r) => ({
      kind: r.kind,
      storage: r.storage,
      results: r.rows.map((row) => ({
        ...row,
        value: Math.round(row.value * 10) / 10,
        ratio: Math.round(row.ratio * 1000) / 1000,
      })),
    })),
  };
  print();
  if (failures.length > 0) {
    const bar = '!'.repeat(72);
    process.stderr.write(`\n${bar}\nBENCHMARK FAILED: some requests did not succeed\n`);
    for (const f of failures) process.stderr.write(`  - ${f}\n`);
    process.stderr.write(`${bar}\n\n`);
    process.exitCode = 1;
  }
  print(`BENCH_JSON ${JSON.stringify(summary)}`);
}
