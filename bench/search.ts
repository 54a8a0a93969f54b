// Search benchmarks (docs/search.md):
//   - segmentation throughput of searchTokens (jieba search mode + the user dictionary) in chars/s,
//     as a ratio to the classifier's tokenizer (jieba precise mode, default dictionary) on the same
//     synthetic petitions — both measured in this run;
//   - GET /api/v1/cases?q= latency over 200 representative queries (words, places, word + place,
//     with filters, case-number prefixes, phone numbers) on the seeded database (100,000 cases, or
//     10,000 with --quick), one request at a time, its p95 as a ratio to the unfiltered list's p95
//     measured the same way in the same run.
// Runs inside `npm run bench`; alone: `npx tsx bench/search.ts [--quick]` (seeds, then searches).
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { words } from '../src/classify/features.ts';
import { loadJiangsuDivisions } from '../src/orgs/divisions.ts';
import { searchTokens } from '../src/search/tokenize.ts';
import { CATEGORIES } from '../src/seed/catalog.ts';
import { createRng } from '../src/seed/random.ts';
import { petitionText } from '../src/seed/templates.ts';
import { formatTable, type Row } from './report.ts';
import type { Target } from './targets.ts';
import { BENCH_PASSWORD } from './targets.ts';

const print = (s = '') => process.stdout.write(`${s}\n`);

/** Synthetic petitions over Jiangsu's counties and towns (the seeder's templates). */
export function corpus(count: number, seed = 7): string[] {
  const rng = createRng(seed);
  const divisions = loadJiangsuDivisions();
  const counties = divisions.filter((d) => d.level === 3);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const county = rng.pick(counties);
    const towns = divisions.filter((d) => d.parentCode === county.code).map((d) => d.name);
    const c = rng.pick(CATEGORIES);
    const { subject, content } = petitionText(rng, c.code, { county: county.name, towns });
    out.push(`${subject}\n${content}`);
  }
  return out;
}

function throughput(texts: string[], fn: (s: string) => unknown, seconds: number) {
  const chars = texts.reduce((n, s) => n + s.length, 0);
  let done = 0;
  const t0 = performance.now();
  do {
    for (const s of texts) fn(s);
    done += chars;
  } while (performance.now() - t0 < seconds * 1000);
  return done / ((performance.now() - t0) / 1000);
}

/** Segmentation throughput; no database involved. Best of interleaved rounds: robust to load spikes. */
export function segmentationBenchmarks(quick: boolean): Row[] {
  const texts = corpus(quick ? 1000 : 5000);
  const seconds = quick ? 0.4 : 1;
  // Dictionaries load on first use: not measured.
  searchTokens(texts[0] ?? '');
  words(texts[0] ?? '');
  let [base, ours, split] = [0, 0, 0];
  for (let round = 0; round < (quick ? 3 : 5); round++) {
    base = Math.max(base, throughput(texts, words, seconds));
    ours = Math.max(ours, throughput(texts, searchTokens, seconds));
    split = Math.max(
      split,
      throughput(texts, (s) => s.split(''), seconds),
    );
  }
  const n = texts.length;
  return [
    {
      benchmark: `classifier tokenizer words(), ${n} petitions (baseline)`,
      value: base,
      unit: 'chars/s',
      ratio: 1,
      count: n,
    },
    {
      benchmark: 'searchTokens (search mode + user dictionary)',
      value: ours,
      unit: 'chars/s',
      ratio: ours / base,
      count: n,
    },
    {
      benchmark: "String.prototype.split('') (lower bound)",
      value: split,
      unit: 'chars/s',
      ratio: split / base,
      count: n,
    },
  ];
}

const pct = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);

const WORDS = [
  '物业费',
  '电梯',
  '拖欠 工资',
  '农民工',
  '宅基地',
  '低保',
  '养老金',
  '学区',
  '征收 补偿',
  '噪音',
  '工伤认定',
  '医保 报销',
  '预付卡',
  '公交',
  '补贴',
  '社会保险',
  '商品房 逾期',
  '征地',
  '培训 退费',
  '集体资产',
];

async function login(t: Target, username: string): Promise<string> {
  const res = await fetch(`${t.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Which of the ten query slots below is which kind (for the breakdown printed with the figures). */
const KINDS: Record<string, number[]> = {
  'one or two words': [0, 1, 2],
  county: [3],
  'town + word': [4],
  'county + word': [5],
  'word + filters/sort': [6, 7],
  'case-number prefix': [8],
  'mobile number': [9],
};

/** 200 queries: words, places, word + place, with filters, case-number prefixes, phones. */
async function representativeQueries(t: Target): Promise<string[]> {
  const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
  const db = t.ctx.db;
  const towns = rows<{ name: string }>(
    await db.execute(sql`SELECT name FROM jurisdictions WHERE level = 4 ORDER BY code LIMIT 400`),
  ).map((r) => r.name);
  const counties = rows<{ name: string }>(
    await db.execute(sql`SELECT name FROM jurisdictions WHERE level = 3 ORDER BY code`),
  ).map((r) => r.name);
  const numbers = rows<{ n: string }>(
    await db.execute(sql`SELECT case_number AS n FROM cases ORDER BY id DESC LIMIT 50`),
  ).map((r) => r.n);
  const phones = rows<{ p: string }>(
    await db.execute(sql`SELECT phone_enc AS p FROM case_parties WHERE phone_enc IS NOT NULL LIMIT 20`),
  ).map((r) => t.ctx.pii.decrypt(r.p));
  const rng = createRng(11);
  const out: string[] = [];
  for (let i = 0; i < 200; i++) {
    const w = rng.pick(WORDS);
    const q = (s: string, extra = '') => `q=${encodeURIComponent(s)}${extra}`;
    switch (i % 10) {
      case 0:
      case 1:
      case 2:
        out.push(q(w));
        break;
      case 3:
        out.push(q(rng.pick(counties)));
        break;
      case 4:
        out.push(q(`${rng.pick(towns)} ${w}`));
        break;
      case 5:
        out.push(q(`${rng.pick(counties)} ${w}`));
        break;
      case 6:
        out.push(q(w, '&state=handling,accepted'));
        break;
      case 7:
        out.push(q(w, '&form=online&sort=dueAt&order=asc'));
        break;
      case 8:
        out.push(q((rng.pick(numbers) ?? '3201').slice(0, 12)));
        break;
      default:
        out.push(phones.length ? q(rng.pick(phones)) : q(w, '&page=2'));
    }
  }
  return out;
}

async function timed(t: Target, tokens: string[], paths: string[]) {
  const ms: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let hits = 0;
  for (const [i, path] of paths.entries()) {
    const t0 = performance.now();
    const res = await fetch(`${t.url}/api/v1/cases?${path}`, {
      headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
    });
    const body = await res.text();
    ms.push(performance.now() - t0);
    if (res.status !== 200) {
      errors++;
      firstError ??= `${path}: ${res.status} ${body.slice(0, 200)}`;
    } else hits += (JSON.parse(body) as { total: number }).total;
  }
  return { raw: [...ms], ms: ms.sort((a, b) => a - b), errors, firstError, meanHits: hits / paths.length };
}

/** Search latency against the unfiltered list, on the target's current cases. */
export async function searchBenchmarks(t: Target): Promise<{ rows: Row[]; failures: string[] }> {
  const [{ n } = { n: 0 }] = (
    (await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM cases`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  // Scopes: the province (admin), a city (nj_registrar), a county (gl_registrar).
  const tokens = [await login(t, 'admin'), await login(t, 'nj_registrar'), await login(t, 'gl_registrar')];
  const queries = await representativeQueries(t);
  const list = queries.map(() => 'page=1');
  await timed(t, tokens, queries.slice(0, 20)); // warm-up: plans, caches, JIT
  await timed(t, tokens, list.slice(0, 20));
  const base = await timed(t, tokens, list);
  const run = await timed(t, tokens, queries);
  const basP95 = pct(base.ms, 95);
  const failures = [base, run]
    .filter((r) => r.errors > 0)
    .map((r) => `${t.kind} search: ${r.errors} failed, first: ${r.firstError}`);
  const row = (name: string, r: typeof run): Row => ({
    benchmark: name,
    value: pct(r.ms, 95),
    unit: 'ms p95',
    ratio: pct(r.ms, 95) / basP95,
    p50: Math.round(pct(r.ms, 50)),
    p95: Math.round(pct(r.ms, 95)),
    p99: Math.round(pct(r.ms, 99)),
    count: r.ms.length,
  });
  print(`   search over ${n} cases: mean matches per query ${Math.round(run.meanHits)}; p50/p95 ms by kind:`);
  for (const [kind, slots] of Object.entries(KINDS)) {
    const ms = run.raw.filter((_, i) => slots.includes(i % 10)).sort((a, b) => a - b);
    print(`     ${kind.padEnd(22)} ${Math.round(pct(ms, 50))} / ${Math.round(pct(ms, 95))}`);
  }
  return {
    rows: [
      row(`GET /api/v1/cases unfiltered, ${n} cases (search baseline)`, base),
      row(`GET /api/v1/cases?q= 200 queries, ${n} cases`, run),
    ],
    failures,
  };
}

// Alone: seed, then run only these benchmarks.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const { openTarget, targetSpecs } = await import('./targets.ts');
  const { benchCases } = await import('./lifecycle.ts');
  const { seedCases } = await import('../src/seed/cases.ts');
  print(formatTable(segmentationBenchmarks(quick)));
  for (const spec of targetSpecs()) {
    const t = await openTarget(spec);
    try {
      const count = benchCases(quick);
      const t0 = performance.now();
      await seedCases(t.ctx.db, t.ctx.pii, { count, seed: 1 });
      await t.ctx.db.execute(sql`ANALYZE`);
      print(`\n== ${t.kind}: seeded ${count} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const r = await searchBenchmarks(t);
      print(formatTable(r.rows));
      for (const f of r.failures) print(`FAILED ${f}`);
    } finally {
      await t.close();
    }
  }
}
