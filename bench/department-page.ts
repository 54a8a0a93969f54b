// A department's list page and count on a big database, as the code builds them: EXPLAIN (ANALYZE,
// BUFFERS), median of 6 runs (docs/performance.md, "A department's list page at 10M"). Run it on the
// list benchmark's kept database; TREE=<another checkout> measures that checkout's queries on the same
// data (e.g. a worktree of the commit before a change).
//
//   BENCH_DB=postgres://postgres@127.0.0.1:5432/xinfang_scale npx tsx bench/department-page.ts
//     USER_NAME=gl_handler  COUNT=1 (the count instead of the page)  JIT=off  PLAN=1 (print the last plan)
//     QUERIES='|sort=dueAt&order=asc|page=5'  ('|'-separated list queries; '' is the default page)
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';

const tree = process.env.TREE ?? new URL('..', import.meta.url).pathname;
const { CaseListQuery, caseListQueries } = await import(`${tree}/src/cases/queries.ts`);
const pool = new pg.Pool({
  connectionString: process.env.BENCH_DB ?? 'postgres://postgres@127.0.0.1:5432/xinfang_scale',
  options: process.env.JIT === 'off' ? '-c jit=off' : undefined,
  max: 1,
});
const db = drizzle(pool);
const username = process.env.USER_NAME ?? 'gl_handler';
const { rows } = await pool.query(
  `SELECT u.id, u.role, un.id AS unit_id, un.kind, un.jurisdiction_code
   FROM users u JOIN units un ON un.id = u.unit_id WHERE u.username = $1`,
  [username],
);
const user = rows[0];
if (!user) throw new Error(`no user ${username}`);
// The fields the list's scope reads (src/policies/actor.ts).
const actor = {
  userId: Number(user.id),
  role: user.role,
  displayName: username,
  unitId: Number(user.unit_id),
  unitKind: user.kind,
  unitName: username,
  jurisdictionCode: user.jurisdiction_code,
  jurisdictionName: user.jurisdiction_code,
  scopePrefix: String(user.jurisdiction_code).replace(/(00)+$/, ''),
};
const queries = (
  process.env.QUERIES ?? '|sort=dueAt&order=asc|page=5|state=handling&sort=dueAt&order=asc'
).split('|');
for (const query of queries) {
  const q = CaseListQuery.parse(Object.fromEntries(new URLSearchParams(query)));
  const built = caseListQueries(db, actor, q, { countCap: 10_000 });
  const { sql, params } = (process.env.COUNT ? built.count : built.items).toSQL();
  const times: number[] = [];
  let plan = '';
  for (let i = 0; i < 6; i++) {
    const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    plan = r.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n');
    times.push(Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]));
  }
  times.sort((a, b) => a - b);
  const buffers = /Buffers: shared hit=(\d+)(?: read=(\d+))?/.exec(plan);
  console.log(
    `${query || '(default)'}: median ${((times[2] as number) + (times[3] as number)) / 2} ms ` +
      `[${times[0]}–${times[5]}]; buffers hit ${buffers?.[1]} read ${buffers?.[2] ?? 0}`,
  );
  if (process.env.PLAN) console.log(plan);
}
await pool.end();
