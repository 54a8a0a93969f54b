// EXPLAIN ANALYZE of 案件查询's lookups on PostgreSQL at scale (docs/search.md, "案件查询"): the exact
// number of a case, and a synonym-expanded word, as gl_registrar and as the province admin, over
// `N` cases (copies of the demo cases with new numbers). Usage:
//   DATABASE_URL=postgres://… npx tsx bench/casesearch-explain.ts [N=200000]
import { type SQL, sql } from 'drizzle-orm';
import { resolveSession } from '../src/auth/sessions.ts';
import { CaseListQuery, caseListQueries } from '../src/cases/queries.ts';
import { synonymDictionary } from '../src/search/synonyms.ts';
import { caseSearchTokens } from '../src/search/tokenize.ts';
import { startHarness } from '../test/helpers/harness.ts';

const n = Number(process.argv[2] ?? 200_000);
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must point at a PostgreSQL server');
const h = await startHarness();
try {
  // Synthetic rows: every 13th county of the province, one text in 100 about 征收, all closed.
  const expropriation = caseSearchTokens('房屋征收补偿', '房屋征收补偿款未到位，请求督促落实。');
  const other = caseSearchTokens('小区物业乱收费', '小区物业公司乱收费，请求有关部门查处。');
  await h.ctx.db.execute(sql`
    WITH b AS (
      SELECT row_number() OVER (ORDER BY u.id) AS k, u.id, u.jurisdiction_code
      FROM units u WHERE u.kind = 'bureau' AND length(u.jurisdiction_code) = 6
    ), nb AS (SELECT count(*) AS n FROM b)
    INSERT INTO cases (case_number, jurisdiction_code, registering_unit_id, bureau_unit_id, current_unit_id,
      form, purpose, subject, content, state, received_at, search_tokens)
    SELECT b.jurisdiction_code || '9' || lpad(g::text, 10, '0'), b.jurisdiction_code, b.id, b.id, b.id,
      'letter', 'claim',
      CASE WHEN g % 100 = 0 THEN '房屋征收补偿' ELSE '小区物业乱收费' END,
      CASE WHEN g % 100 = 0 THEN '房屋征收补偿款未到位，请求督促落实。' ELSE '小区物业公司乱收费，请求有关部门查处。' END,
      'closed', now() - (g % 700) * interval '1 day',
      CASE WHEN g % 100 = 0 THEN ${expropriation} ELSE ${other} END
    FROM generate_series(1, ${n}) g, nb, b WHERE b.k = 1 + g % nb.n`);
  await h.ctx.db.execute(sql`ANALYZE cases`);
  const { total } = await first<{ total: number }>(sql`SELECT count(*)::int AS total FROM cases`);
  const { target } = await first<{ target: string }>(
    sql`SELECT case_number AS target FROM cases WHERE jurisdiction_code = '320106' ORDER BY id DESC LIMIT 1`,
  );
  const synonyms = await synonymDictionary(h.ctx.db);
  const users = ['gl_registrar', 'admin'];
  await h.loginAll(users);
  console.log(`cases: ${total}`);
  for (const [label, q] of [
    ['exact number', target],
    ['synonym word 拆迁', '拆迁'],
  ] as const) {
    for (const user of users) {
      const session = await resolveSession(h.ctx.db, h.as(user).authorization.slice('Bearer '.length));
      const pool = h.ctx.database.pool;
      if (!session || !pool) throw new Error('no session or not PostgreSQL');
      const built = caseListQueries(h.ctx.db, session.actor, CaseListQuery.parse({ q }), {
        textSearch: h.ctx.caseExtensions.textSearch,
        synonyms,
        countCap: h.ctx.config.listCountCap,
      });
      for (const [part, qb] of [
        ['page', built.items],
        ['count', built.count],
      ] as const) {
        const query = qb.toSQL();
        const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.params as unknown[]);
        console.log(`\n== ${label} as ${user} (${part})`);
        for (const r of plan.rows as { 'QUERY PLAN': string }[]) console.log(r['QUERY PLAN']);
      }
    }
  }
} finally {
  await h.close();
}

async function first<T>(query: SQL): Promise<T> {
  const r = (await h.ctx.db.execute(query)) as unknown as { rows: T[] };
  if (!r.rows[0]) throw new Error('no row');
  return r.rows[0];
}
