// Duplicate-check latency on the seeded database (100,000 cases, 10,000 with --quick): the
// in-process check (similarForPetition: signature, identity lookup, LSH bucket lookup via the GIN
// index, scoring) and POST /api/v1/cases/similar over HTTP, one at a time, for a Nanjing registrar,
// on petitions written like the seeded ones (so buckets do collide). Baseline: a primary-key
// lookup of a case in the same run, the same way (in-process), its p50/p95 → the ratio.
// docs/duplicates.md. Runs inside `npm run bench`.
import { pathToFileURL } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { resolveSession } from '../src/auth/sessions.ts';
import { cases } from '../src/db/schema.ts';
import { similarForPetition } from '../src/duplicates/service.ts';
import { CATEGORIES } from '../src/seed/catalog.ts';
import { loadCounties } from '../src/seed/counties.ts';
import { createRng } from '../src/seed/random.ts';
import { petitionText } from '../src/seed/templates.ts';
import type { Row } from './report.ts';
import { BENCH_PASSWORD, type Target } from './targets.ts';

const print = (s = '') => process.stdout.write(`${s}\n`);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const round = (x: number) => Math.round(x * 100) / 100;

async function timeEach<T>(items: T[], fn: (x: T) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (const x of items) {
    const t0 = performance.now();
    await fn(x);
    out.push(performance.now() - t0);
  }
  return out;
}

export async function duplicateBenchmarks(
  t: Target,
  o: { quick: boolean; baseline: number },
): Promise<Row[]> {
  const db = t.ctx.db;
  const n = o.quick ? 100 : 400;
  const login = await fetch(`${t.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'nj_registrar', password: BENCH_PASSWORD }),
  });
  const token = ((await login.json()) as { token: string }).token;
  const session = await resolveSession(db, token);
  if (!session) throw new Error('bench: no session for nj_registrar');
  const actor = session.actor;

  const rng = createRng(11);
  const nanjing = (await loadCounties(db)).get('3201') ?? [];
  const probes = Array.from({ length: n }, () => {
    const county = rng.pick(nanjing);
    const { subject, content } = petitionText(rng, rng.pick(CATEGORIES).code, {
      county: county.name,
      towns: county.towns,
    });
    return {
      subject,
      content,
      jurisdictionCode: county.code,
      phone: `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
    };
  });
  const [range] = await db
    .select({ lo: sql<string>`min(${cases.id})::text`, hi: sql<string>`max(${cases.id})::text` })
    .from(cases);
  const ids = Array.from({ length: n }, () => rng.int(Number(range?.lo ?? 1), Number(range?.hi ?? 1)));

  // Warm-up (jieba dictionary, caches, plans), not measured.
  for (const p of probes.slice(0, 10)) await similarForPetition(t.ctx, actor, p);
  for (const id of ids.slice(0, 10)) await db.select().from(cases).where(eq(cases.id, id));

  const pk = await timeEach(ids, (id) => db.select().from(cases).where(eq(cases.id, id)));
  let found = 0;
  const check = await timeEach(probes, async (p) => {
    found += (await similarForPetition(t.ctx, actor, p)).length;
  });
  const http = await timeEach(probes, async (p) => {
    const res = await fetch(`${t.url}/api/v1/cases/similar`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(p),
    });
    if (res.status !== 200) throw new Error(`similar: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  });

  const pk50 = pct(pk, 50);
  const pk95 = pct(pk, 95);
  const row = (name: string, xs: number[]): Row => {
    const value = xs.length / (xs.reduce((a, b) => a + b, 0) / 1000);
    return {
      benchmark: `${name} (p50 ${round(pct(xs, 50) / pk50)}×, p95 ${round(pct(xs, 95) / pk95)}× a PK lookup)`,
      value,
      unit: 'checks/s',
      ratio: value / o.baseline,
      p50: round(pct(xs, 50)),
      p95: round(pct(xs, 95)),
      p99: round(pct(xs, 99)),
      count: xs.length,
    };
  };
  print(
    `   duplicate check: ${round(found / n)} candidates per petition on average; ` +
      `PK lookup p50 ${round(pk50)} ms, p95 ${round(pk95)} ms`,
  );
  const pkValue = pk.length / (pk.reduce((a, b) => a + b, 0) / 1000);
  return [
    {
      benchmark: 'case primary-key lookup, in-process (duplicate-check baseline)',
      value: pkValue,
      unit: 'lookups/s',
      ratio: pkValue / o.baseline,
      p50: round(pk50),
      p95: round(pk95),
      p99: round(pct(pk, 99)),
      count: pk.length,
    },
    row('duplicate check, in-process', check),
    row('POST /api/v1/cases/similar, 1 conn.', http),
  ];
}

// Alone: `npx tsx bench/duplicates.ts [--quick]` (seeds, then checks; ratios to a PK lookup only).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const { openTarget, targetSpecs } = await import('./targets.ts');
  const { benchCases } = await import('./lifecycle.ts');
  const { seedCases } = await import('../src/seed/cases.ts');
  const { formatTable } = await import('./report.ts');
  for (const spec of targetSpecs()) {
    const t = await openTarget(spec);
    try {
      const count = benchCases(quick);
      const t0 = performance.now();
      await seedCases(t.ctx.db, t.ctx.pii, { count, seed: 1 });
      await t.ctx.db.execute(sql`ANALYZE`);
      print(`\n== ${t.kind}: seeded ${count} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      print(formatTable(await duplicateBenchmarks(t, { quick, baseline: Number.NaN })));
    } finally {
      await t.close();
    }
  }
}
