// Every statement of one online intake and one complete lifecycle, with its plan (docs/
// performance.md, "Write path at scale"): runs them through app.inject against an existing database
// (a PostgreSQL one seeded with `xinfang seed --cases N --demo`), records each statement with its
// parameters, then runs `EXPLAIN (ANALYZE, BUFFERS)` of each one again inside a transaction that is
// rolled back, and lists them by buffers touched, flagging sequential scans and filters that threw
// rows away — what grows with the stored cases shows there first.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/xinfang_big XINFANG_SECRET=… npx tsx bench/write-explain.ts [--plans]
import { and, eq } from 'drizzle-orm';
import { NodePgPreparedQuery } from 'drizzle-orm/node-postgres/session';
import { appConfigFromEnv, DEFAULT_DEMO_PASSWORD } from '../src/config/index.ts';
import { units } from '../src/db/schema.ts';
import { memorySink } from '../src/notify/sinks.ts';
import { buildApp } from '../src/server/app.ts';
import { boot, shutdown } from '../src/server/boot.ts';

interface Captured {
  step: string;
  text: string;
  params: unknown[];
}
const captured: Captured[] = [];
let step = '';
const P = NodePgPreparedQuery.prototype as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
for (const m of ['execute', 'all']) {
  const orig = P[m];
  if (!orig) continue;
  P[m] = async function (this: { rawQueryConfig?: { text: string }; params?: unknown[] }, ...a: unknown[]) {
    if (step && this.rawQueryConfig?.text) {
      const placeholders = (a[0] as Record<string, unknown> | undefined) ?? {};
      const params = (this.params ?? []).map((p) =>
        p && typeof p === 'object' && 'name' in (p as object)
          ? placeholders[(p as { name: string }).name]
          : p,
      );
      captured.push({ step, text: this.rawQueryConfig.text, params });
    }
    return orig.apply(this, a);
  };
}

if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL (PostgreSQL, seeded) is required');
const ctx = await boot(
  { ...appConfigFromEnv({ data: 'memory://' }), logLevel: 'silent', demo: true },
  { sink: memorySink(), seedDemo: false },
);
const app = await buildApp(ctx);
await app.ready();
const pool = ctx.database.pool;
if (!pool) throw new Error('PostgreSQL only');
const password = process.env.XINFANG_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
const token = async (user: string) => {
  const body = /^1\d{10}$/.test(user) ? { phone: user, password } : { username: user, password };
  const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body });
  if (r.statusCode !== 200) throw new Error(`login ${user}: ${r.body}`);
  return { authorization: `Bearer ${r.json().token}` };
};
const as = {
  citizen: await token('13900000001'),
  registrar: await token('gl_registrar'),
  handler: await token('gl_handler'),
};
const [unit] = await ctx.db
  .select({ id: units.id })
  .from(units)
  .where(and(eq(units.jurisdictionCode, '320106'), eq(units.deptKey, 'zhujian')));
const post = async (name: string, who: Record<string, string>, url: string, payload: object) => {
  step = name;
  const r = await app.inject({
    method: 'POST',
    url,
    headers: who,
    payload: payload as Record<string, unknown>,
  });
  step = '';
  if (r.statusCode >= 300) throw new Error(`${name}: ${r.statusCode} ${r.body}`);
  return r.json();
};
const created = await post('submit', as.citizen, '/api/v1/cases', {
  form: 'online',
  purpose: 'claim',
  subject: `压测：小区路灯损坏 ${Date.now()}`,
  content: '小区门口路灯损坏一个多月，夜间出行不安全，请求尽快维修。',
  jurisdictionCode: '320106',
});
const u = `/api/v1/cases/${created.caseId}/actions`;
await post('accept', as.registrar, u, { action: 'accept' });
await post('assign', as.registrar, u, {
  action: 'assign',
  targetUnitId: unit?.id,
  instructions: '请依法办理',
});
await post('reply', as.handler, u, {
  action: 'reply',
  outcome: 'supported',
  request: '请求维修路灯',
  facts: '经查，路灯线路老化损坏。',
  reasons: '依据城市照明管理规定，应及时维修。',
  decision: '已安排维修。',
});
await post('deliver', as.handler, u, { action: 'deliver', method: 'online' });
await post('rate', as.citizen, u, { action: 'rate', bureauRating: 'satisfied', unitRating: 'satisfied' });
await post('close', as.registrar, u, { action: 'close' });

const counts = await pool.query(`SELECT count(*)::int AS n FROM cases`);
console.log(`${counts.rows[0].n} cases stored; ${captured.length} statements captured`);
const results: { step: string; text: string; ms: number; buffers: number; flags: string[]; plan: string }[] =
  [];
const client = await pool.connect();
try {
  for (const c of captured) {
    if (/^\s*(begin|commit|rollback|savepoint|release)/i.test(c.text)) continue;
    await client.query('BEGIN');
    try {
      const r = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${c.text}`, c.params);
      const plan = r.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n');
      const ms = Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? 0);
      let buffers = 0;
      for (const m of plan.matchAll(/Buffers: shared ([^\n]*)/g))
        for (const n of (m[1] ?? '').matchAll(/(?:hit|read)=(\d+)/g))
          buffers = Math.max(buffers, Number(n[1]));
      const flags: string[] = [];
      for (const m of plan.matchAll(/Seq Scan on (\w+)/g)) flags.push(`seq ${m[1]}`);
      for (const m of plan.matchAll(/Rows Removed by Filter: (\d+)/g))
        if (Number(m[1]) > 100) flags.push(`removed ${m[1]}`);
      results.push({
        step: c.step,
        text: c.text.replace(/\s+/g, ' ').slice(0, 140),
        ms,
        buffers,
        flags,
        plan,
      });
    } catch (e) {
      results.push({
        step: c.step,
        text: c.text.replace(/\s+/g, ' ').slice(0, 140),
        ms: 0,
        buffers: 0,
        flags: [`explain failed: ${(e as Error).message.slice(0, 60)}`],
        plan: '',
      });
    } finally {
      await client.query('ROLLBACK');
    }
  }
} finally {
  client.release();
}
results.sort((a, b) => b.buffers - a.buffers || b.ms - a.ms);
for (const r of results.slice(0, 25)) {
  console.log(
    `${r.ms.toFixed(2).padStart(8)} ms ${String(r.buffers).padStart(6)} buf  ${r.step.padEnd(8)} ${r.flags.join(',').padEnd(24)} ${r.text}`,
  );
  if (process.argv.includes('--plans')) console.log(`${r.plan}\n`);
}
await app.close();
await shutdown(ctx);
