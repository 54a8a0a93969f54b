// Every statement of one online intake and one complete lifecycle, with its plan (docs/
// performance.md, "Write path at scale"): runs them through app.inject against an existing database
// (a PostgreSQL one seeded with `xinfang seed --cases N --demo`), records each statement with its
// parameters, then runs `EXPLAIN (ANALYZE, BUFFERS)` of each one again inside a transaction that is
// rolled back, and lists them by buffers touched, flagging sequential scans and filters that threw
// rows away — what grows with the stored cases shows there first.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/xinfang_big XINFANG_SECRET=… npx tsx bench/write-explain.ts [--plans]
// Without DATABASE_URL: embedded PGlite in memory, seeded with SEED cases (default 10,000) first;
// STALE=1 then forgets the planner statistics (as a database bulk-loaded and never analyzed).
// `explainWritePath` is the same for a running app (bench/write-scale.ts calls it at each size).
import { pathToFileURL } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { NodePgPreparedQuery } from 'drizzle-orm/node-postgres/session';
import { PglitePreparedQuery } from 'drizzle-orm/pglite/session';
import type { FastifyInstance } from 'fastify';
import { appConfigFromEnv, DEFAULT_DEMO_PASSWORD } from '../src/config/index.ts';
import type { AppContext } from '../src/context.ts';
import { units } from '../src/db/schema.ts';
import { memorySink } from '../src/notify/sinks.ts';
import { seedCases } from '../src/seed/cases.ts';
import { buildApp } from '../src/server/app.ts';
import { boot, shutdown } from '../src/server/boot.ts';

interface Captured {
  step: string;
  text: string;
  params: unknown[];
}
const captured: Captured[] = [];
let step = '';
for (const Q of [NodePgPreparedQuery, PglitePreparedQuery])
  for (const m of ['execute', 'all']) {
    const P = Q.prototype as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const orig = P[m];
    if (!orig) continue;
    P[m] = async function (
      this: { rawQueryConfig?: { text: string }; queryString?: string; params?: unknown[] },
      ...a: unknown[]
    ) {
      const text = this.rawQueryConfig?.text ?? this.queryString;
      if (step && text) {
        const placeholders = (a[0] as Record<string, unknown> | undefined) ?? {};
        const params = (this.params ?? []).map((p) =>
          p && typeof p === 'object' && 'name' in (p as object)
            ? placeholders[(p as { name: string }).name]
            : p,
        );
        captured.push({ step, text, params });
      }
      return orig.apply(this, a);
    };
  }

export interface ExplainedStatement {
  step: string;
  text: string;
  ms: number;
  buffers: number;
  flags: string[];
  plan: string;
}

/**
 * One online intake and one complete lifecycle through `app.inject`, then `EXPLAIN (ANALYZE,
 * BUFFERS)` of every statement they ran (each in a transaction rolled back), sorted by buffers.
 * `tokens`: bearer tokens of the demo citizen, a Gulou registrar and a Gulou 住建 handler.
 */
export async function explainWritePath(
  ctx: AppContext,
  app: FastifyInstance,
  tokens: { citizen: string; registrar: string; handler: string },
): Promise<ExplainedStatement[]> {
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  const as = {
    citizen: bearer(tokens.citizen),
    registrar: bearer(tokens.registrar),
    handler: bearer(tokens.handler),
  };
  const query = async (text: string, params: unknown[] = []) => {
    if (ctx.database.pool)
      return (await ctx.database.pool.query(text, params)).rows as Record<string, unknown>[];
    const pglite = ctx.database.pglite;
    if (!pglite) throw new Error('no database handle');
    return (await pglite.query(text, params)).rows as Record<string, unknown>[];
  };
  const [unit] = await ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.jurisdictionCode, '320106'), eq(units.deptKey, 'zhujian')));
  captured.length = 0;
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

  // Let the SMS dispatcher and the audit sealer finish their passes first (one connection on PGlite).
  await new Promise((r) => setTimeout(r, 2500));
  const statements = captured.splice(0);
  const results: ExplainedStatement[] = [];
  const client = ctx.database.pool ? await ctx.database.pool.connect() : null;
  const run = async (text: string, params: unknown[] = []) =>
    client ? (await client.query(text, params)).rows : await query(text, params);
  try {
    for (const c of statements) {
      if (/^\s*(begin|commit|rollback|savepoint|release)/i.test(c.text)) continue;
      await run('BEGIN');
      try {
        const r = await run(`EXPLAIN (ANALYZE, BUFFERS) ${c.text}`, c.params);
        const plan = r.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n');
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
        await run('ROLLBACK');
      }
    }
  } finally {
    client?.release();
  }
  return results.sort((a, b) => b.buffers - a.buffers || b.ms - a.ms);
}

export function formatExplained(results: ExplainedStatement[], top = 25, plans = false): string {
  return results
    .slice(0, top)
    .map(
      (r) =>
        `${r.ms.toFixed(2).padStart(8)} ms ${String(r.buffers).padStart(6)} buf  ${r.step.padEnd(8)} ${r.flags.join(',').padEnd(24)} ${r.text}` +
        (plans ? `\n${r.plan}\n` : ''),
    )
    .join('\n');
}

async function main(): Promise<void> {
  const embedded = !process.env.DATABASE_URL;
  const ctx = await boot(
    { ...appConfigFromEnv({ data: 'memory://' }), logLevel: 'silent', demo: true },
    { sink: memorySink(), seedDemo: embedded },
  );
  const app = await buildApp(ctx);
  await app.ready();
  if (embedded) {
    const n = Number(process.env.SEED ?? 10_000);
    const t0 = performance.now();
    await seedCases(ctx.db, ctx.pii, { count: n, seed: 1 });
    console.log(`seeded ${n} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    if (process.env.STALE === '1') {
      // As if never analyzed: no column statistics, no known size.
      const pglite = ctx.database.pglite;
      await pglite?.query(
        `DELETE FROM pg_statistic WHERE starelid IN (SELECT relid FROM pg_stat_user_tables)`,
      );
      await pglite?.query(
        `UPDATE pg_class SET reltuples = -1 WHERE oid IN (SELECT relid FROM pg_stat_user_tables)`,
      );
      console.log('planner statistics forgotten (STALE=1)');
    }
  }
  const password = embedded
    ? ctx.config.demoPassword
    : (process.env.XINFANG_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD);
  const token = async (user: string) => {
    const body = /^1\d{10}$/.test(user) ? { phone: user, password } : { username: user, password };
    const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body });
    if (r.statusCode !== 200) throw new Error(`login ${user}: ${r.body}`);
    return r.json().token as string;
  };
  const results = await explainWritePath(ctx, app, {
    citizen: await token('13900000001'),
    registrar: await token('gl_registrar'),
    handler: await token('gl_handler'),
  });
  console.log(`${results.length} statements explained`);
  console.log(formatExplained(results, 25, process.argv.includes('--plans')));
  await app.close();
  await shutdown(ctx);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
