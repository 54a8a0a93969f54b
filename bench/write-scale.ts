// The write path at scale (issue 20, docs/performance.md "Write path at scale"): online intake and
// case actions at growing numbers of stored cases, in one run per database, each figure next to
// the raw INSERT baseline measured at the same moment — so that "registration got slower" can be
// told apart from "the machine got slower" (a noisy shared machine moves absolute figures by 2×).
//
// Sizes: BENCH_WRITE_SIZES (default 10000,100000,1000000; --quick 2000,20000). The first size is seeded with `seedCases`; each further size is reached by copying
// the seeded cases in SQL (as bench/list-scale.ts does, but with what the write path reads: the
// case, its parties, its content signature and LSH band rows; not the timelines, which intake and
// actions read only by case id). Copy k of a case is numbered `c<k>-<number>` (outside every
// jurisdiction-year range that numbering reads), its timestamps moved
// back by 0–3 days. After each copy the platform's own statistics upkeep runs (src/db/statistics.ts,
// as it would after any bulk load), unless the tree has none (a "before" run of older code).
//
// At each size, `BENCH_WRITE_REPS` (3; 2 with --quick) repetitions of three pairs, each a raw INSERT
// baseline (1 client, 2 s) measured immediately before its rate — on a machine whose load moves from
// minute to minute the ratio is taken at one moment: INSERT → online intake by the demo citizen at
// 1 connection (4 s; distinct subjects, each looked up against the citizen's whole history), INSERT
// → intake at 8 connections (PostgreSQL only; PGlite has one connection), INSERT → complete
// lifecycles one at a time (8 s; submit → accept → assign → reply → deliver → rate → close).
// Reported per size: the 1-minute load average, median rates, median rate ÷ INSERT, and that ÷ the
// same at the smallest size ("vs 10000": 1.00 = no slower relative to the machine). Then at each
// size `EXPLAIN (ANALYZE, BUFFERS)` of every statement of one intake and one lifecycle (most buffers
// first; BENCH_WRITE_EXPLAIN=0 skips it) and, with BENCH_WRITE_PROFILE=<dir>, a CPU profile of the
// server thread during one more intake and lifecycle slice (<dir>/<db>-<size>.cpuprofile, opened in
// Chrome DevTools; the top self times are printed).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- writescale [--quick]
//   BENCH_WRITE_DB=postgres|pglite …   one database only (BENCH_WRITE_PG_ONLY=1 = postgres)
//   BENCH_WRITE_SIZES=10000,100000 …   other sizes (default 10000,100000,1000000)
//   BENCH_WRITE_COPY_INTAKES=1 …       copy the benchmark's own intakes too (see copyWriteWorldUpTo)
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import { units } from '../src/db/schema.ts';
import { seedCases } from '../src/seed/cases.ts';
import { createScratchTable, dropScratchTable, insertTps, warmUp } from './insert.ts';
import { drive, login as loginOnce, pct } from './lifecycle.ts';
import { openTarget, type Target, targetSpecs } from './targets.ts';
import { explainWritePath, formatExplained } from './write-explain.ts';

const print = (s = '') => process.stdout.write(`${s}\n`);

/**
 * Logs in, once more on a network error: after a long load on the embedded database the server's
 * event loop was busy, and a kept-alive socket may be closed just as it is reused (ECONNRESET).
 */
async function login(t: Target, user: string): Promise<string> {
  try {
    return await loginOnce(t, user);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    await new Promise((r) => setTimeout(r, 500));
    return loginOnce(t, user);
  }
}
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

export function writeSizes(quick: boolean): number[] {
  const env = process.env.BENCH_WRITE_SIZES;
  const sizes = env
    ? env.split(',').map((s) => Number(s.trim()))
    : quick
      ? [2_000, 20_000]
      : [10_000, 100_000, 1_000_000];
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`BENCH_WRITE_SIZES: positive integers, got ${env}`);
  return [...sizes].sort((a, b) => a - b);
}

type Upkeep = ((db: Target['ctx']['db']) => Promise<unknown>) | null;

/** The platform's statistics upkeep, when this tree has one (not in a "before" checkout). */
async function platformUpkeep(): Promise<Upkeep> {
  try {
    const m = (await import('../src/db/statistics.ts' as string)) as {
      keepStatistics?: (db: Target['ctx']['db']) => Promise<unknown>;
    };
    return m.keepStatistics ?? null;
  } catch {
    return null;
  }
}

/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of the demo citizen's repeat lookup (src/cases/intake.ts), when this
 * tree has `repeatLookupSql`: its execution time and buffers at this size, and the indexes read.
 */
async function explainRepeat(t: Target): Promise<string | null> {
  let build: ((...a: unknown[]) => unknown) | undefined;
  try {
    const m = (await import('../src/cases/intake.ts' as string)) as { repeatLookupSql?: typeof build };
    build = m.repeatLookupSql;
  } catch {
    return null;
  }
  if (!build) return null;
  const [u] = rows<{ id: number }>(
    await t.ctx.db.execute(sql`SELECT id FROM users WHERE role = 'citizen' ORDER BY id LIMIT 1`),
  );
  const q = build({ subject: '小区电梯长期故障无人维修' }, { userId: Number(u?.id) }) as ReturnType<
    typeof sql
  >;
  const plan = rows<Record<string, string>>(await t.ctx.db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${q}`)).map(
    (r) => Object.values(r)[0] ?? '',
  );
  const text = plan.join('\n');
  const indexes = [...new Set([...text.matchAll(/using (\w+)/g)].map((m) => m[1]))].join(', ');
  const buffers = [...text.matchAll(/(?:hit|read)=(\d+)/g)].reduce((a, m) => Math.max(a, Number(m[1])), 0);
  return `repeat lookup of the demo citizen: ${/Execution Time: ([\d.]+ ms)/.exec(text)?.[1]}, ≤ ${buffers} buffers, via ${indexes}`;
}

async function countCases(t: Target): Promise<number> {
  return rows<{ n: number }>(await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM cases`))[0]?.n ?? 0;
}

async function columnsOf(t: Target, table: string) {
  return rows<{ name: string; type: string }>(
    await t.ctx.db.execute(sql`SELECT column_name AS name, data_type AS type FROM information_schema.columns
      WHERE table_name = ${table} AND table_schema = current_schema()
        AND is_identity = 'NO' AND is_generated = 'NEVER' ORDER BY ordinal_position`),
  );
}

/**
 * Copies the original cases (numbers not starting with `c`) with their parties, signatures and band rows
 * until `cases` holds `target` rows. With `seededUpTo`, only the seeded world (ids up to it) is copied,
 * not the benchmark's own intakes: those are all the demo citizen's same petition, and copying them
 * puts hundreds of identical petitions into every later intake's ±7-day group-check window — a
 * campaign of identical petitions, not a bureau with more stored matters (the group check is bounded
 * at 500 candidates either way; BENCH_WRITE_COPY_INTAKES=1 copies them too, the earlier runs' way).
 */
export async function copyWriteWorldUpTo(t: Target, target: number, seededUpTo?: number): Promise<void> {
  const db = t.ctx.db;
  const source = `s.case_number NOT LIKE 'c%'${seededUpTo ? ` AND s.id <= ${Math.trunc(seededUpTo)}` : ''}`;
  const sources = rows<{ n: number }>(
    await db.execute(sql.raw(`SELECT count(*)::int AS n FROM cases s WHERE ${source}`)),
  )[0]?.n;
  if (!sources) throw new Error('no cases to copy');
  const caseCols = await columnsOf(t, 'cases');
  const partyCols = (await columnsOf(t, 'case_parties')).filter((c) => c.name !== 'case_id');
  const sigCols = (await columnsOf(t, 'case_signatures')).filter((c) => c.name !== 'case_id');
  const shift = (k: number) => `make_interval(secs => (s.id * 7919 + ${k} * 104729) % 259200)`;
  let have = await countCases(t);
  let k = rows<{ k: number }>(
    await db.execute(
      sql.raw(`SELECT coalesce(max(substr(split_part(case_number, '-', 1), 2)::int), 0) AS k FROM cases
        WHERE case_number LIKE 'c%'`),
    ),
  )[0]?.k as number;
  while (have < target) {
    k++;
    const n = Math.min(sources, target - have);
    const t0 = performance.now();
    const caseValues = caseCols
      .map((c) =>
        c.name === 'case_number'
          ? `'c${k}-' || s.case_number`
          : c.name === 'query_code_hash'
            ? 'NULL'
            : c.type === 'timestamp with time zone'
              ? `s."${c.name}" - ${shift(k)}`
              : `s."${c.name}"`,
      )
      .join(', ');
    const list = (cols: { name: string }[]) => cols.map((c) => `"${c.name}"`).join(', ');
    await db.transaction(async (tx) => {
      await tx.execute(
        sql.raw(`CREATE TEMP TABLE wp_copy ON COMMIT DROP AS
        SELECT s.id AS src FROM cases s WHERE ${source} ORDER BY s.id LIMIT ${n}`),
      );
      await tx.execute(
        sql.raw(`INSERT INTO cases (${list(caseCols)}) SELECT ${caseValues}
          FROM wp_copy w JOIN cases s ON s.id = w.src`),
      );
      const pair = `wp_copy w JOIN cases s ON s.id = w.src JOIN cases n ON n.case_number = 'c${k}-' || s.case_number`;
      await tx.execute(
        sql.raw(`INSERT INTO case_parties (case_id, ${list(partyCols)})
          SELECT n.id, ${partyCols.map((c) => `p."${c.name}"`).join(', ')}
          FROM ${pair} JOIN case_parties p ON p.case_id = s.id`),
      );
      await tx.execute(
        sql.raw(`INSERT INTO case_signatures (case_id, ${list(sigCols)})
          SELECT n.id, ${sigCols.map((c) => (c.name === 'received_at' ? `g.received_at - ${shift(k)}` : `g."${c.name}"`)).join(', ')}
          FROM ${pair} JOIN case_signatures g ON g.case_id = s.id`),
      );
      await tx.execute(
        sql.raw(`INSERT INTO case_sig_bands (bucket, received_at, case_id)
          SELECT b.bucket, b.received_at - ${shift(k)}, n.id
          FROM ${pair} JOIN case_sig_bands b ON b.case_id = s.id`),
      );
    });
    have += n;
    if (k % 10 === 0 || have >= target)
      print(
        `   copy ${k}: ${have} cases (${((performance.now() - t0) / 1000).toFixed(1)} s for the last copy)`,
      );
  }
}

/** One rate and the INSERT baseline measured just before it. */
export interface Paired {
  insert: number;
  rate: number;
}

export interface ScalePoint {
  size: number;
  /** 1-minute load average when the size's measures started. */
  load: number;
  upkeepSeconds: number;
  /** Each repetition's pairs; intake8 only on PostgreSQL (PGlite has one connection). */
  intake1: Paired[];
  intake8: Paired[];
  lifecycle: Paired[];
  intakeP50: number;
  actionP50: number;
  actionP95: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
/** The median of rate ÷ INSERT over the repetitions. */
export const medianRatio = (ps: Paired[]) => median(ps.map((p) => p.rate / p.insert));

/**
 * The INSERT baseline for `slice` s, then at once `load` — so each rate has a baseline of the same
 * moment on a machine whose load moves from one minute to the next.
 */
async function paired(
  db: Target['ctx']['db'],
  slice: number,
  load: () => Promise<{ done: number; seconds: number }>,
): Promise<Paired> {
  await createScratchTable(db);
  let insert: number;
  try {
    await warmUp(db, 1);
    const ins = await insertTps(db, slice, 1);
    insert = ins.rows / ins.seconds;
  } finally {
    await dropScratchTable(db);
  }
  const r = await load();
  return { insert, rate: r.done / r.seconds };
}

/** Profiles this (the server's) thread while `fn` runs; the profile goes to `file`. */
async function profiled<T>(file: string | null, fn: () => Promise<T>): Promise<T> {
  if (!file) return fn();
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

interface ProfileNode {
  id: number;
  hitCount?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
/** The functions with the most self time in a profile, as "share% name (file:line)". */
export function topSelf(file: string, n = 12): string[] {
  const { nodes } = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const by = new Map<string, number>();
  let total = 0;
  for (const x of nodes) {
    const hits = x.hitCount ?? 0;
    total += hits;
    const f = x.callFrame;
    const where = f.url ? `${f.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    by.set(key, (by.get(key) ?? 0) + hits);
  }
  return [...by.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((100 * v) / Math.max(1, total)).toFixed(1).padStart(5)}% ${k}`);
}

/**
 * The figures at one size: `reps` repetitions of (INSERT → intake at 1 connection), (INSERT →
 * intake at 8 connections, PostgreSQL), (INSERT → lifecycles one at a time), each rate paired with
 * the baseline measured just before it.
 */
async function measure(
  t: Target,
  size: number,
  o: { reps: number; slice: number; upkeepSeconds: number; profile: string | null },
) {
  const db = t.ctx.db;
  const { slice } = o;
  const failures: string[] = [];
  const check = <R extends { errors: number; firstError?: string }>(name: string, r: R): R => {
    if (r.errors > 0) failures.push(`${t.kind} ${size} ${name}: ${r.errors} failed, first: ${r.firstError}`);
    return r;
  };
  const citizen = await login(t, '13900000001');
  const tokens = {
    citizen,
    registrar: await login(t, 'gl_registrar'),
    handler: await login(t, 'gl_handler'),
  };
  const [zhujian] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.jurisdictionCode, '320106'), eq(units.deptKey, 'zhujian')));
  if (!zhujian) throw new Error('no 鼓楼区住建局');
  const intakeJob = { mode: 'intake' as const, base: t.url, token: citizen, connections: 1 };
  const lifecycleJob = {
    mode: 'lifecycle' as const,
    base: t.url,
    tokens,
    targetUnitId: zhujian.id,
    workers: 1,
  };
  check('intake warm-up', await drive({ ...intakeJob, seconds: 1 }));
  check('lifecycle warm-up', await drive({ ...lifecycleJob, seconds: 1 }));
  const point: ScalePoint = {
    size,
    load: loadavg()[0] ?? 0,
    upkeepSeconds: o.upkeepSeconds,
    intake1: [],
    intake8: [],
    lifecycle: [],
    intakeP50: 0,
    actionP50: 0,
    actionP95: 0,
  };
  const intakeLat: number[] = [];
  const actionLat: number[] = [];
  for (let r = 0; r < o.reps; r++) {
    point.intake1.push(
      await paired(db, slice, async () => {
        const x = check('intake', await drive({ ...intakeJob, seconds: slice * 2 }));
        intakeLat.push(...x.latencies);
        return x;
      }),
    );
    if (t.kind === 'postgres')
      point.intake8.push(
        await paired(db, slice, async () =>
          check('intake 8', await drive({ ...intakeJob, connections: 8, seconds: slice * 2 })),
        ),
      );
    point.lifecycle.push(
      await paired(db, slice, async () => {
        const x = check('lifecycles', await drive({ ...lifecycleJob, seconds: slice * 4 }));
        actionLat.push(...(x.actionLatencies ?? []));
        return x;
      }),
    );
  }
  // The profile: one more intake and lifecycle slice, apart from the measured ones.
  if (o.profile)
    await profiled(o.profile, async () => {
      check('profiled intake', await drive({ ...intakeJob, seconds: slice * 2 }));
      check('profiled lifecycles', await drive({ ...lifecycleJob, seconds: slice * 2 }));
    });
  if (point.intake1.some((p) => p.rate === 0) || point.lifecycle.some((p) => p.rate === 0))
    failures.push(`${t.kind} ${size}: nothing completed in a slice`);
  const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
  point.intakeP50 = pct(sorted(intakeLat), 50);
  point.actionP50 = pct(sorted(actionLat), 50);
  point.actionP95 = pct(actionLat, 95);
  return { point, failures, tokens };
}

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');

export function formatScale(points: ScalePoint[]): string {
  const base = points[0];
  if (!base) return '';
  const withEight = points.some((p) => p.intake8.length > 0);
  const cols = (name: string, pick: (p: ScalePoint) => Paired[], d: number) => ({
    head: [`${name}/s`, '÷INSERT', `vs ${base.size}`],
    cells: (p: ScalePoint) => {
      const ps = pick(p);
      if (ps.length === 0) return ['—', '—', '—'];
      return [
        f(median(ps.map((x) => x.rate)), d),
        f(medianRatio(ps), 4),
        f(medianRatio(ps) / medianRatio(pick(base)), 2),
      ];
    },
  });
  const groups = [
    cols('intake 1c', (p) => p.intake1, 1),
    ...(withEight ? [cols('intake 8c', (p) => p.intake8, 1)] : []),
    cols('lifecycles', (p) => p.lifecycle, 2),
  ];
  const head = [
    'stored cases',
    'load',
    'INSERT rows/s',
    ...groups.flatMap((g) => g.head),
    'intake p50 ms',
    'action p50 ms',
  ];
  const body = points.map((p) => [
    String(p.size),
    f(p.load, 1),
    f(median([...p.intake1, ...p.intake8, ...p.lifecycle].map((x) => x.insert)), 0),
    ...groups.flatMap((g) => g.cells(p)),
    String(p.intakeP50),
    String(p.actionP50),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w, i) => `${'-'.repeat(w + 1)}${i === 0 ? '-' : ':'}`).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

export async function runWriteScale(opts: { quick: boolean }): Promise<void> {
  const reps = Number(process.env.BENCH_WRITE_REPS) || (opts.quick ? 2 : 3);
  const slice = opts.quick ? 1 : 2;
  const sizes = writeSizes(opts.quick);
  const upkeep = await platformUpkeep();
  const only = process.env.BENCH_WRITE_DB ?? (process.env.BENCH_WRITE_PG_ONLY === '1' ? 'postgres' : '');
  const specs = targetSpecs().filter((s) => !only || s.kind === only);
  const explain = process.env.BENCH_WRITE_EXPLAIN !== '0';
  const profileDir = process.env.BENCH_WRITE_PROFILE || null;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  print('xinfang write path at scale');
  print(
    `sizes ${sizes.join(', ')} stored cases; per size ${reps} repetitions of: INSERT ${slice} s → intake 1 connection ${slice * 2} s, ` +
      `INSERT ${slice} s → intake 8 connections ${slice * 2} s (PostgreSQL), INSERT ${slice} s → lifecycles one at a time ${slice * 4} s; ` +
      `medians reported; statistics upkeep after each load: ${upkeep ? 'keepStatistics (src/db/statistics.ts)' : 'none in this tree'}`,
  );
  print(
    `machine: ${cpus().length} cores; load at start: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const all: { kind: string; points: ScalePoint[] }[] = [];
  const failures: string[] = [];
  for (const spec of specs) {
    const t = await openTarget(spec);
    try {
      print(`\n== ${t.kind}: ${t.storage}`);
      const points: ScalePoint[] = [];
      let seededUpTo: number | undefined;
      for (const [i, size] of sizes.entries()) {
        const t0 = performance.now();
        if (i === 0) {
          print(`   seeding ${size} cases …`);
          await seedCases(t.ctx.db, t.ctx.pii, { count: size, seed: 1 });
          if (process.env.BENCH_WRITE_COPY_INTAKES !== '1')
            seededUpTo = rows<{ id: number }>(
              await t.ctx.db.execute(sql.raw('SELECT max(id)::int AS id FROM cases')),
            )[0]?.id;
        } else {
          print(
            `   copying up to ${size} cases${seededUpTo ? ' (the seeded cases, not the intakes)' : ''} …`,
          );
          await copyWriteWorldUpTo(t, size, seededUpTo);
        }
        print(`   loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
        const u0 = performance.now();
        if (upkeep) await upkeep(t.ctx.db);
        const upkeepSeconds = (performance.now() - u0) / 1000;
        const stored = await countCases(t);
        const profile = profileDir ? join(profileDir, `${t.kind}-${stored}.cpuprofile`) : null;
        const m = await measure(t, stored, { reps, slice, upkeepSeconds, profile });
        failures.push(...m.failures);
        points.push(m.point);
        const p = m.point;
        print(
          `   ${p.size} stored (load ${f(p.load, 2)}): ` +
            `intake 1c ${p.intake1.map((x) => `${f(x.rate)}/${f(x.insert, 0)}`).join(' ')}; ` +
            (p.intake8.length
              ? `intake 8c ${p.intake8.map((x) => `${f(x.rate)}/${f(x.insert, 0)}`).join(' ')}; `
              : '') +
            `lifecycles ${p.lifecycle.map((x) => `${f(x.rate, 2)}/${f(x.insert, 0)}`).join(' ')} (rate/INSERT rows/s); ` +
            `intake p50 ${p.intakeP50} ms, action p50 ${p.actionP50} ms; upkeep ${f(upkeepSeconds)} s`,
        );
        const plan = await explainRepeat(t);
        if (plan) print(`   ${plan}`);
        if (explain) {
          const ex = await explainWritePath(t.ctx, t.app, m.tokens);
          print(
            `   EXPLAIN (ANALYZE, BUFFERS) of one intake and one lifecycle: ${ex.length} statements, the most buffers first:`,
          );
          print(
            formatExplained(ex, Number(process.env.BENCH_WRITE_EXPLAIN_TOP) || 8).replace(/^/gm, '     '),
          );
        }
        if (profile) {
          print(`   CPU profile of the server thread (${profile}), self time:`);
          for (const l of topSelf(profile)) print(`     ${l}`);
        }
      }
      print();
      print(formatScale(points));
      all.push({ kind: t.kind, points });
    } finally {
      await t.close();
    }
  }
  print(
    `\nload at end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  if (failures.length > 0) {
    process.stderr.write(`\nBENCHMARK FAILED:\n${failures.map((x) => `  - ${x}`).join('\n')}\n`);
    process.exitCode = 1;
  }
  print(`\nWRITE_SCALE_JSON ${JSON.stringify({ sizes, upkeep: !!upkeep, reps, slice, databases: all })}`);
}

// Alone (e.g. in a checkout of older code, for the "before" figures):
//   npx tsx bench/write-scale.ts [--quick]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runWriteScale({ quick: process.argv.includes('--quick') });
}
