// The case-number queue alone, on PostgreSQL: K concurrent transactions each take a number of one
// prefix and then hold the transaction HOLD ms, as the rest of an intake would. The old way (a
// `case_counters` row upserted in the transaction, locked until COMMIT) against the sequences of
// src/cases/numbering.ts, alternating, in a scratch database dropped afterwards.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/case-numbers.ts
// K (32), HOLD (20 ms) and ROUNDS (4) from the environment.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { nextCaseNumber } from '../src/cases/numbering.ts';
import { SetUpFirst } from '../src/commands/command.ts';
import type { Db, Tx } from '../src/db/client.ts';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('DATABASE_URL (PostgreSQL) is required');
const K = Number(process.env.K ?? 32);
const HOLD = Number(process.env.HOLD ?? 20);
const ROUNDS = Number(process.env.ROUNDS ?? 4);

/** The numbering before sequences: one counter row per prefix, locked until COMMIT. */
async function viaCounterRow(tx: Tx): Promise<string> {
  const { rows } = (await tx.execute(
    sql`INSERT INTO case_counters (prefix, last) VALUES ('3201062026', 1)
        ON CONFLICT (prefix) DO UPDATE SET last = case_counters.last + 1 RETURNING last::int AS last`,
  )) as unknown as { rows: { last: number }[] };
  return `3201062026${String(rows[0]?.last).padStart(7, '0')}`;
}

const name = `xinfang_bench_numbers_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const pool = new pg.Pool({ connectionString: url.toString(), max: K + 2 });
pool.on('error', () => {}); // the scratch database is dropped WITH (FORCE) at the end
const db = drizzle(pool) as unknown as Db;
try {
  await db.execute(sql`CREATE TABLE case_counters (prefix text PRIMARY KEY, last bigint NOT NULL)`);
  await db.execute(sql`CREATE TABLE cases (case_number text NOT NULL UNIQUE)`);
  const ways = {
    'counter row': (fn: (tx: Tx) => Promise<string>) => db.transaction(fn),
    // As runCommand does: a missing sequence is created outside the transaction, then it runs again.
    sequence: async (fn: (tx: Tx) => Promise<string>) => {
      for (;;) {
        try {
          return await db.transaction(fn);
        } catch (e) {
          if (!(e instanceof SetUpFirst)) throw e;
          await e.setUp();
        }
      }
    },
  };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [label, run] of Object.entries(ways)) {
      const t0 = performance.now();
      const numbers = await Promise.all(
        Array.from({ length: K }, () =>
          run(async (tx) => {
            const n =
              label === 'sequence' ? await nextCaseNumber(db, tx, '320106', 2026) : await viaCounterRow(tx);
            await tx.execute(sql`SELECT pg_sleep(${HOLD / 1000})`);
            return n;
          }),
        ),
      );
      const ms = performance.now() - t0;
      if (new Set(numbers).size !== K) throw new Error(`${label}: duplicate numbers`);
      process.stdout.write(
        `round ${round}, ${label}: ${K} transactions holding ${HOLD} ms in ${ms.toFixed(0)} ms (${(K / (ms / 1000)).toFixed(0)} tx/s)\n`,
      );
    }
  }
} finally {
  await pool.end();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
