// The write path at scale (issue 20, docs/performance.md "Write path at scale"): online intake and
// case actions at growing numbers of stored cases, in one run per database, each figure next to
// the raw INSERT baseline measured at the same moment — so that "registration got slower" can be
// told apart from "the machine got slower" (a noisy shared machine moves absolute figures by 2×).
//
// Sizes: BENCH_WRITE_SIZES (default 10000,100000; --quick 2000,20000; 10000,100000,1000000 for the
// full curve). The first size is seeded with `seedCases`; each further size is reached by copying
// the seeded cases in SQL (as bench/list-scale.ts does, but with what the write path reads: the
// case, its parties, its content signature and LSH band rows; not the timelines, which intake and
// actions read only by case id). Copy k of a case is numbered `c<k>-<number>` (outside every
// jurisdiction-year range that numbering reads), its timestamps moved
// back by 0–3 days. After each copy the platform's own statistics upkeep runs (src/db/statistics.ts,
// as it would after any bulk load), unless the tree has none (a "before" run of older code).
//
// At each size, in interleaved rounds (the baseline and the loads see the same machine): raw INSERT
// rows/s (1 client), then over HTTP one request at a time (the latency a registrar or a citizen sees): online intake by the demo citizen (distinct subjects, so none is a
// repeat, but each is looked up against their whole history), and complete lifecycles (submit →
// accept → assign → reply → deliver → rate → close) with the p50 of each action request.
// Reported: value, value ÷ INSERT baseline, and that ratio ÷ the same ratio at the smallest size
// (1.00 = no slower relative to the machine; 0.50 = half the rate).
//
//   npm run bench -- writescale [--quick]
//   BENCH_WRITE_SIZES=10000,100000,1000000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- writescale
//   BENCH_WRITE_PG_ONLY=1 …   PostgreSQL only (PGlite at 1M takes hours of copying on 2 cores)
import { pathToFileURL } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import { units } from '../src/db/schema.ts';
import { seedCases } from '../src/seed/cases.ts';
import { createScratchTable, dropScratchTable, insertTps, warmUp } from './insert.ts';
import { drive, login as loginOnce, pct } from './lifecycle.ts';
import { openTarget, type Target, targetSpecs } from './targets.ts';

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
      : [10_000, 100_000];
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
 * until `cases` holds `target` rows.
 */
export async function copyWriteWorldUpTo(t: Target, target: number): Promise<void> {
  const db = t.ctx.db;
  const source = `s.case_number NOT LIKE 'c%'`;
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

export interface ScalePoint {
  size: number;
  insert: number;
  intakeRate: number;
  intakeP50: number;
  intakeP95: number;
  lifecycleRate: number;
  lifecycleP50: number;
  actionP50: number;
  actionP95: number;
  upkeepSeconds: number;
}

/**
 * The figures at one size. The machine is shared and noisy, so the baseline and the loads are
 * interleaved in `rounds` short slices (INSERT, intake, lifecycles, again …) and summed: each
 * ratio compares work done under the same load.
 */
async function measure(t: Target, size: number, rounds: number, slice: number, upkeepSeconds: number) {
  const db = t.ctx.db;
  const failures: string[] = [];
  const check = (name: string, r: { errors: number; firstError?: string; done: number }) => {
    if (r.errors > 0) failures.push(`${t.kind} ${size} ${name}: ${r.errors} failed, first: ${r.firstError}`);
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
  check('intake warm-up', await drive({ ...intakeJob, seconds: 1 }));
  const sum = {
    inserts: 0,
    insertSeconds: 0,
    intakes: 0,
    intakeSeconds: 0,
    lifecycles: 0,
    lifecycleSeconds: 0,
  };
  const intakeLat: number[] = [];
  const lifecycleLat: number[] = [];
  const actionLat: number[] = [];
  for (let r = 0; r < rounds; r++) {
    await createScratchTable(db);
    try {
      if (r === 0) await warmUp(db, 1);
      const ins = await insertTps(db, slice, 1);
      sum.inserts += ins.rows;
      sum.insertSeconds += ins.seconds;
    } finally {
      await dropScratchTable(db);
    }
    const intake = await drive({ ...intakeJob, seconds: slice * 2 });
    check('intake', intake);
    sum.intakes += intake.done;
    sum.intakeSeconds += intake.seconds;
    intakeLat.push(...intake.latencies);
    const lifecycle = await drive({
      mode: 'lifecycle',
      base: t.url,
      tokens,
      targetUnitId: zhujian.id,
      workers: 1,
      seconds: slice * 4,
    });
    check('lifecycles', lifecycle);
    sum.lifecycles += lifecycle.done;
    sum.lifecycleSeconds += lifecycle.seconds;
    lifecycleLat.push(...lifecycle.latencies);
    actionLat.push(...(lifecycle.actionLatencies ?? []));
  }
  if (sum.intakes === 0 || sum.lifecycles === 0) failures.push(`${t.kind} ${size}: nothing completed`);
  const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
  const point: ScalePoint = {
    size,
    insert: sum.inserts / sum.insertSeconds,
    intakeRate: sum.intakes / sum.intakeSeconds,
    intakeP50: pct(sorted(intakeLat), 50),
    intakeP95: pct(intakeLat, 95),
    lifecycleRate: sum.lifecycles / sum.lifecycleSeconds,
    lifecycleP50: pct(sorted(lifecycleLat), 50),
    actionP50: pct(sorted(actionLat), 50),
    actionP95: pct(actionLat, 95),
    upkeepSeconds,
  };
  return { point, failures };
}

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');

export function formatScale(points: ScalePoint[]): string {
  const base = points[0];
  if (!base) return '';
  const rel = (p: ScalePoint, v: number, b: number) => v / p.insert / (b / base.insert);
  const head = [
    'stored cases',
    'INSERT rows/s',
    'intake/s',
    '÷INSERT',
    'vs first',
    'intake p50 ms',
    'lifecycles/s',
    '÷INSERT',
    'vs first',
    'action p50 ms',
    'action p95 ms',
  ];
  const body = points.map((p) => [
    String(p.size),
    f(p.insert, 0),
    f(p.intakeRate),
    f(p.intakeRate / p.insert, 4),
    f(rel(p, p.intakeRate, base.intakeRate), 2),
    String(p.intakeP50),
    f(p.lifecycleRate, 2),
    f(p.lifecycleRate / p.insert, 5),
    f(rel(p, p.lifecycleRate, base.lifecycleRate), 2),
    String(p.actionP50),
    String(p.actionP95),
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
  const rounds = opts.quick ? 2 : 4;
  const slice = opts.quick ? 1 : 2;
  const sizes = writeSizes(opts.quick);
  const upkeep = await platformUpkeep();
  const specs = targetSpecs().filter((s) => process.env.BENCH_WRITE_PG_ONLY !== '1' || s.kind === 'postgres');
  print('xinfang write path at scale');
  print(
    `sizes ${sizes.join(', ')} stored cases; per size ${rounds} rounds of ${slice} s INSERT, ${slice * 2} s intake, ` +
      `${slice * 4} s lifecycles, one request at a time; ` +
      `statistics upkeep after each load: ${upkeep ? 'keepStatistics (src/db/statistics.ts)' : 'none in this tree'}`,
  );
  const all: { kind: string; points: ScalePoint[] }[] = [];
  const failures: string[] = [];
  for (const spec of specs) {
    const t = await openTarget(spec);
    try {
      print(`\n== ${t.kind}: ${t.storage}`);
      const points: ScalePoint[] = [];
      for (const [i, size] of sizes.entries()) {
        const t0 = performance.now();
        if (i === 0) {
          print(`   seeding ${size} cases …`);
          await seedCases(t.ctx.db, t.ctx.pii, { count: size, seed: 1 });
        } else {
          print(`   copying up to ${size} cases …`);
          await copyWriteWorldUpTo(t, size);
        }
        print(`   loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
        const u0 = performance.now();
        if (upkeep) await upkeep(t.ctx.db);
        const upkeepSeconds = (performance.now() - u0) / 1000;
        const m = await measure(t, await countCases(t), rounds, slice, upkeepSeconds);
        failures.push(...m.failures);
        points.push(m.point);
        const plan = await explainRepeat(t);
        if (plan) print(`   ${plan}`);
        print(
          `   ${m.point.size} stored: INSERT ${f(m.point.insert, 0)}/s, intake ${f(m.point.intakeRate)}/s (p50 ${m.point.intakeP50} ms), ` +
            `lifecycles ${f(m.point.lifecycleRate, 2)}/s, action p50 ${m.point.actionP50} ms; upkeep ${f(upkeepSeconds)} s`,
        );
      }
      print();
      print(formatScale(points));
      all.push({ kind: t.kind, points });
    } finally {
      await t.close();
    }
  }
  if (failures.length > 0) {
    process.stderr.write(`\nBENCHMARK FAILED:\n${failures.map((x) => `  - ${x}`).join('\n')}\n`);
    process.exitCode = 1;
  }
  print(`\nWRITE_SCALE_JSON ${JSON.stringify({ sizes, upkeep: !!upkeep, rounds, slice, databases: all })}`);
}

// Alone (e.g. in a checkout of older code, for the "before" figures):
//   npx tsx bench/write-scale.ts [--quick]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runWriteScale({ quick: process.argv.includes('--quick') });
}
