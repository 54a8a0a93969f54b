// Which way to a word search's newest matches (src/domain/search/newestPath.ts), measured: for
// callers of three scope sizes and words from very common to rare, the window's read three ways —
// newest first by the received_at btree (walked), the planner's own choice (the RUM order, or the
// word's and the scope's bitmaps sorted), and the RUM order insisted on (bitmaps off) — with the
// planner's estimates and the rule's choice beside them. On a database that list-scale.ts has filled
// (docs/performance.md, "Word search at 1M"):
//   BENCH_KEEP_DB=xinfang_scale DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//     npx tsx bench/search-paths.ts [word …]
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { resolveSession } from '../src/auth/sessions.ts';
import { CaseListQuery, caseListQueries } from '../src/cases/queries.ts';
import type { Db } from '../src/db/client.ts';
import { estimatedRows } from '../src/db/estimate.ts';
import { cases } from '../src/db/schema.ts';
import { type NewestPath, newestPath, walkRows } from '../src/domain/search/newestPath.ts';
import { login } from './lifecycle.ts';
import { openTarget } from './targets.ts';

const print = (s = '') => process.stdout.write(`${s}\n`);
const CALLERS = ['admin', 'nj_registrar', 'gl_registrar'];
// From common to rare in the seeded texts (pg_stats of search_vector at 1M: 10 %, 5 %, 3 %, 1.5 %,
// 1 %, 0.5 %, 0.3 %).
const WORDS = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['物业', '居民', '被骗', '销售', '名邸', '南京', '原种场'];
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function timed(f: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  return Math.round(median(ms));
}

const baseUrl = process.env.DATABASE_URL;
if (!baseUrl || !process.env.BENCH_KEEP_DB) throw new Error('BENCH_KEEP_DB and DATABASE_URL are required');
const t = await openTarget({ kind: 'postgres', baseUrl });
try {
  const db = t.ctx.db as Db;
  const index = await t.ctx.caseExtensions.textSearch.index?.(db);
  const total = await estimatedRows(db, db.select({ one: sql`1` }).from(cases));
  print(`== ${t.storage}; ${total} cases (estimate); word index: ${index}; load ${loadavg()[0]?.toFixed(1)}`);
  print(
    '| caller | word | matches (estimate) | matches | scope rows (est.) | walk reads (est.) | btree walk ms | planner (RUM or bitmaps) ms | RUM order ms | chosen (ms) | fastest |',
  );
  print('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
  for (const user of CALLERS) {
    const session = await resolveSession(db, await login(t, user));
    if (!session) throw new Error(user);
    for (const word of WORDS) {
      const built = caseListQueries(db, session.actor, CaseListQuery.parse({ q: word }), {
        countCap: t.ctx.config.listCountCap,
        textSearch: t.ctx.caseExtensions.textSearch,
        searchIndex: index,
      });
      const w = built.window;
      if (!w) throw new Error('no window');
      const estimate = await estimatedRows(db, w.matches);
      const [{ n } = { n: 0 }] = (
        (await db.execute(sql`select count(*)::int as n from (${w.matches}) m`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows;
      const scopeRows = await estimatedRows(db, w.scope);
      const ms: Record<NewestPath, number> = {
        btree: await timed(() => w.ids('btree')),
        rum: await timed(() => w.ids(index === 'rum' ? 'rum' : 'btree')),
        rumOrder: await timed(() => w.ids('rumOrder')),
      };
      const share = (await t.ctx.caseExtensions.textSearch.shareBound?.(db, built.terms)) ?? 1;
      const estimates = {
        total,
        matches: estimate,
        scopeRows,
        wordRows: share * total,
        filtered: w.filtered,
      };
      const chosen = newestPath(estimates, w.size);
      const faster = (Object.keys(ms) as NewestPath[]).reduce((a, b) => (ms[b] < ms[a] ? b : a));
      print(
        `| ${user} | ${word} | ${Math.round(estimate)} | ${n} | ${Math.round(scopeRows)} | ${walkRows(total, estimate, w.size)} | ` +
          `${ms.btree} | ${ms.rum} | ${ms.rumOrder} | ${chosen} (${ms[chosen]}) | ${faster}${ms[chosen] <= ms[faster] * 1.2 + 2 ? '' : ' ✗'} |`,
      );
    }
  }
} finally {
  await t.close();
}
