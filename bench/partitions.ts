// What the monthly partitions cost (docs/performance.md, "Partitioned history"): on a scratch
// database, single-row INSERTs into the partitioned case_events and audit_log (36 past months + 4
// ahead) against plain tables of the same columns and indexes (`LIKE … INCLUDING ALL`), in
// alternating rounds; then a case's timeline read (`where case_id = $1 order by at`), which no
// partition key prunes. The foreign key to cases is dropped on the scratch copy (LIKE copies none). PGlite in memory, and PostgreSQL with DATABASE_URL. Not part of `npm run bench`.
//   npx tsx bench/partitions.ts            DATABASE_URL=postgres://… npx tsx bench/partitions.ts

import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { addMonths, monthOf, monthStart } from '../src/domain/partitions/months.ts';
import { maintainPartitions } from '../src/partitions/maintain.ts';

const N = Number(process.env.N ?? 2000);
const ROUNDS = 4;
const print = (s: string) => process.stdout.write(`${s}\n`);

async function scratch(): Promise<{ url?: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { drop: async () => {} };
  const name = `xinfang_partbench_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const s = await scratch();
const database = await openDatabase({ databaseUrl: s.url, dataDir: 'memory://' });
const db = database.db;
try {
  await migrate(database);
  const now = new Date();
  for (let i = 36; i > 0; i -= 3) await maintainPartitions(db, monthStart(addMonths(monthOf(now), -i)));
  // LIKE copies no foreign key: the partitioned table loses its own, so both pay the same.
  await db.execute(sql`alter table case_events drop constraint case_events_case_id_cases_id_fk`);
  const caseId = 1;
  for (const t of ['case_events', 'audit_log']) {
    await db.execute(sql.raw(`create table ${t}_plain (like ${t} including all)`));
  }
  const span = now.getTime() - monthStart(addMonths(monthOf(now), -36)).getTime();
  const at = (i: number) => new Date(now.getTime() - ((i * 7919) % 1000) * (span / 1000));
  const insertEvents = async (table: string) => {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      await db.execute(sql`insert into ${sql.identifier(table)} (case_id, at, action, detail)
        values (${caseId}, ${at(i).toISOString()}, 'note', '{"n":1}')`);
    }
    return (N * 1000) / (performance.now() - t0);
  };
  const insertAudit = async (table: string) => {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      await db.execute(sql`insert into ${sql.identifier(table)} (at, action, entity, summary)
        values (${new Date().toISOString()}, 'bench', 'bench', '{"n":1}')`);
    }
    return (N * 1000) / (performance.now() - t0);
  };
  const rates: Record<string, number[]> = {};
  const add = (k: string, v: number) => {
    rates[k] ??= [];
    rates[k].push(v);
  };
  for (let r = 0; r < ROUNDS; r++) {
    add('case_events partitioned', await insertEvents('case_events'));
    add('case_events plain', await insertEvents('case_events_plain'));
    add('audit_log partitioned', await insertAudit('audit_log'));
    add('audit_log plain', await insertAudit('audit_log_plain'));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const parts = (
    (await db.execute(
      sql`select count(*)::int as n from pg_inherits where inhparent = 'case_events'::regclass`,
    )) as unknown as {
      rows: { n: number }[];
    }
  ).rows[0]?.n;
  print(
    `${database.kind}: ${N} single-row INSERTs × ${ROUNDS} rounds, ${parts} partitions per table (median rows/s)`,
  );
  for (const [k, v] of Object.entries(rates)) print(`  ${k.padEnd(24)} ${median(v).toFixed(0)}/s`);
  for (const table of ['case_events', 'case_events_plain']) {
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) {
      await db.execute(
        sql`select id, at, action from ${sql.identifier(table)} where case_id = ${caseId + 1 + (i % 5)} order by at`,
      );
    }
    print(`  timeline read ${table.padEnd(18)} ${((performance.now() - t0) / 200).toFixed(2)} ms each`);
  }
} finally {
  await database.close();
  await s.drop();
}
