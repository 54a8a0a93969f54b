// `npm run bench -- resuggest`: the suggestions of many matters in one pass (re-suggesting the 待确认
// ones after a model switch, src/intake/suggestion.ts; the demo's suggestion history), with each
// place's routing table and units read for every matter (liveRouting, as one registration does) and
// once per pass (passRouting). Seeded matters over all of Jiangsu's counties, the built-in lexicon; on
// the bench targets (bench/targets.ts). Figures: docs/performance.md, "Suggestions in a pass".
import { sql } from 'drizzle-orm';
import { liveRouting, passRouting, type RoutingLookup } from '../src/classify/routing.ts';
import { suggestRouting } from '../src/classify/suggest.ts';
import { seedCases } from '../src/seed/cases.ts';
import { openTarget, printMedians, type TargetSpec, targetSpecs } from './targets.ts';

const print = (s = '') => process.stdout.write(`${s}\n`);

async function one(spec: TargetSpec, quick: boolean): Promise<void> {
  const t = await openTarget(spec);
  const db = t.ctx.db;
  try {
    await seedCases(db, t.ctx.pii, { count: quick ? 300 : 1500, seed: 5 });
    const matters = (
      (await db.execute(sql`select subject, content, jurisdiction_code as "jurisdictionCode"
        from cases order by id`)) as unknown as {
        rows: { subject: string; content: string; jurisdictionCode: string }[];
      }
    ).rows;
    const places = new Set(matters.map((m) => m.jurisdictionCode)).size;
    const pass = async (routing: () => RoutingLookup) => {
      const r = routing();
      const t0 = performance.now();
      for (const m of matters) await suggestRouting(db, m, r);
      return (performance.now() - t0) / matters.length;
    };
    await pass(() => liveRouting(db)); // warm-up: the classifier, the settings cache, the plans
    const runs: Record<string, number[]> = {
      'routing read per matter': [],
      'routing read once per place': [],
    };
    for (let round = 0; round < 3; round++) {
      runs['routing read per matter']?.push(await pass(() => liveRouting(db)));
      runs['routing read once per place']?.push(await pass(() => passRouting(db)));
    }
    printMedians(
      print,
      `${t.kind} (${t.storage}): ${matters.length} matters in ${places} places, 3 rounds (median ms per matter; ratio = ÷ the first line)`,
      runs,
      'routing read per matter',
    );
  } finally {
    await t.close();
  }
}

export async function runResuggestBench(opts: { quick: boolean }): Promise<void> {
  print(`load average at start: ${(await import('node:os')).loadavg()[0]?.toFixed(2)}`);
  for (const spec of targetSpecs()) await one(spec, opts.quick);
}
