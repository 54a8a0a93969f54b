// In-process loop of complete lifecycles through app.inject (no HTTP, no load generator), counting and
// timing every SQL statement per step (docs/performance.md, round 3). A fresh database like the tests
// (PGlite in memory, or PostgreSQL when DATABASE_URL is set). Not part of `npm run bench`.
//   npx tsx bench/lifecycle-profile.ts            N=30 lifecycles one at a time
//   N=96 W=8 VERBOSE=1 npx tsx bench/lifecycle-profile.ts   8 concurrent loops, statements listed
// Add `node --cpu-prof --import tsx` for a CPU profile.

import { and, eq, sql } from 'drizzle-orm';
import { NodePgPreparedQuery } from 'drizzle-orm/node-postgres/session';
import { PglitePreparedQuery } from 'drizzle-orm/pglite/session';
import { units } from '../src/db/schema.ts';
import { startHarness } from '../test/helpers/harness.ts';

let current = 'setup';
const stats = new Map<string, { n: number; ms: number }>();
const perStep = new Map<string, { reqs: number; stmts: number; ms: number; stmtMs: number }>();
const verbose = process.env.VERBOSE === '1';
// biome-ignore lint/suspicious/noExplicitAny: the profile wraps both drivers' prototype methods by name
for (const P of [PglitePreparedQuery, NodePgPreparedQuery] as any[]) {
  for (const m of ['execute', 'all']) {
    const orig = P.prototype[m];
    if (!orig) continue;
    P.prototype[m] = async function (...a: unknown[]) {
      const text: string = this.queryString ?? this.rawQueryConfig?.text ?? '?';
      const t0 = performance.now();
      try {
        return await orig.apply(this, a);
      } finally {
        const ms = performance.now() - t0;
        const key = `${current} | ${text.replace(/\s+/g, ' ').slice(0, 110)}`;
        const s = stats.get(key) ?? { n: 0, ms: 0 };
        s.n++;
        s.ms += ms;
        stats.set(key, s);
        const st = perStep.get(current);
        if (st) {
          st.stmts++;
          st.stmtMs += ms;
        }
      }
    };
  }
}
const h = await startHarness();
const SEED = Number(process.env.SEED ?? 0);
if (SEED > 0) {
  const { seedCases } = await import('../src/seed/cases.ts');
  const t0s = performance.now();
  await seedCases(h.ctx.db, h.ctx.pii, { count: SEED, seed: 1 });
  console.log(`seeded ${SEED} cases in ${((performance.now() - t0s) / 1000).toFixed(1)} s`);
  if (process.env.ANALYZE === '1') await h.ctx.db.execute(sql`ANALYZE`);
}
await h.loginAll(['13900000001', 'gl_registrar', 'gl_handler']);
const [unit] = await h.ctx.db
  .select({ id: units.id })
  .from(units)
  .where(and(eq(units.jurisdictionCode, '320106'), eq(units.deptKey, 'zhujian')));
async function req(step: string, user: string, url: string, payload: unknown, expect: number) {
  current = step;
  const st = perStep.get(step) ?? { reqs: 0, stmts: 0, ms: 0, stmtMs: 0 };
  perStep.set(step, st);
  const t0 = performance.now();
  const res = await h.app.inject({ method: 'POST', url, headers: h.as(user), payload: payload as object });
  st.ms += performance.now() - t0;
  st.reqs++;
  if (res.statusCode !== expect) throw new Error(`${step}: ${res.statusCode} ${res.body}`);
  current = 'idle';
  return res.json();
}
async function lifecycle(i: number) {
  const c = await req(
    'submit',
    '13900000001',
    '/api/v1/cases',
    {
      form: 'online',
      purpose: 'claim',
      subject: `压测：小区路灯损坏 ${i}-${Math.random()}`,
      content: '小区门口路灯损坏一个多月，夜间出行不安全，请求尽快维修。',
      jurisdictionCode: '320106',
    },
    201,
  );
  const u = `/api/v1/cases/${c.caseId}/actions`;
  await req('accept', 'gl_registrar', u, { action: 'accept' }, 200);
  await req(
    'assign',
    'gl_registrar',
    u,
    { action: 'assign', targetUnitId: unit?.id, instructions: '请依法办理' },
    200,
  );
  await req(
    'reply',
    'gl_handler',
    u,
    {
      action: 'reply',
      outcome: 'supported',
      request: '请求维修路灯',
      facts: '经查，路灯线路老化损坏。',
      reasons: '依据城市照明管理规定，应及时维修。',
      decision: '已安排维修。',
    },
    200,
  );
  await req('deliver', 'gl_handler', u, { action: 'deliver', method: 'online' }, 200);
  await req(
    'rate',
    '13900000001',
    u,
    { action: 'rate', bureauRating: 'satisfied', unitRating: 'satisfied' },
    200,
  );
  await req('close', 'gl_registrar', u, { action: 'close' }, 200);
}
const N = Number(process.env.N ?? 30);
for (let i = 0; i < 5; i++) await lifecycle(i);
stats.clear();
perStep.clear();
const W = Number(process.env.W ?? 1);
const t0 = performance.now();
await Promise.all(
  Array.from({ length: W }, async (_, w) => {
    for (let i = 0; i < N / W; i++) await lifecycle(w * 1000 + i + 100);
  }),
);
const total = performance.now() - t0;
console.log(
  `${h.ctx.database.kind}: ${N} lifecycles in ${total.toFixed(0)} ms → ${((N * 1000) / total).toFixed(1)}/s with ${W} loop(s)`,
);
for (const [k, v] of perStep)
  console.log(
    `${k.padEnd(8)} ${(v.ms / v.reqs).toFixed(1)} ms/req, ${(v.stmts / v.reqs).toFixed(1)} stmts/req, ${(v.stmtMs / v.reqs).toFixed(1)} ms in stmts`,
  );
if (verbose) {
  const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 70);
  for (const [k, v] of rows)
    console.log(`${(v.ms / N).toFixed(2).padStart(7)} ms/lc ${(v.n / N).toFixed(1).padStart(4)}x  ${k}`);
}
await h.close();
