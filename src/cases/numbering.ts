// 信访件编号 and 查询码 (domain.md §12): 6-digit code of the registering jurisdiction + year +
// 7-digit sequence; the query code is 6 characters from an alphabet without look-alikes.
//
// The 7-digit part comes from one PostgreSQL SEQUENCE per prefix (`case_no_3201062026`): nextval
// neither blocks nor is undone by a rollback, so intakes of one bureau no longer queue behind a
// counter row held until COMMIT; numbers stay unique and increasing, with a gap where an intake
// failed ("unique, gap-tolerant"). No in-process memory of which sequences exist:
// `nextval(to_regclass(…))` is NULL when the sequence does not exist, so every API node and every
// transaction asks the catalogue in the same statement. On NULL the intake transaction is given up
// (it has written nothing yet), the sequence is created in its own short transaction on the base
// handle, and the intake runs again (`SetUpFirst` in src/commands/command.ts): DDL and its lock never sit in a long
// intake transaction, and the base handle is never awaited from inside one (PGlite has a single
// connection, held by the transaction; a PostgreSQL pool could be exhausted the same way).
// case_counters is a floor: at least the numbers handed out outside the sequences (the bulk seeder,
// intake before the sequences existed); a new sequence starts after it and after any case in `cases`.
import { randomInt } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { SetUpFirst } from '../commands/command.ts';
import type { Db, Executor } from '../db/client.ts';

/** The last 7-digit sequence number a prefix can have. */
export const MAX_CASE_SEQUENCE = 9_999_999;
/** First key of the two-key pg_advisory_xact_lock that serialises creating one prefix's sequence ('xfno'). */
const SEQUENCE_LOCK = 0x78666e6f;

export const casePrefix = (registeringCode: string, year: number) => `${registeringCode.slice(0, 6)}${year}`;

/** The sequence of a prefix; the prefix is checked to be 10 digits, so the name is safe to splice into DDL. */
export function caseSequenceName(prefix: string): string {
  if (!/^\d{10}$/.test(prefix)) throw new Error(`invalid case-number prefix: ${prefix}`);
  return `case_no_${prefix}`;
}

const formatCaseNumber = (prefix: string, n: number) => `${prefix}${String(n).padStart(7, '0')}`;

async function rows<T>(tx: Executor, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * The next number of the prefix, from its sequence. When there is none yet, the command is given up
 * (SetUpFirst: it has written nothing), the sequence is created on the base handle `db`, and the
 * command runs again: only the first intake of a prefix (once per database) pays the extra attempt.
 */
export async function nextCaseNumber(
  db: Db,
  tx: Executor,
  registeringCode: string,
  year: number,
): Promise<string> {
  const prefix = casePrefix(registeringCode, year);
  const [row] = await rows<{ n: number | null }>(
    tx,
    sql`SELECT nextval(to_regclass(${caseSequenceName(prefix)}))::int AS n`,
  );
  if (row?.n == null)
    throw new SetUpFirst(`case-number sequence ${prefix}`, () => createCaseSequence(db, prefix));
  return formatCaseNumber(prefix, row.n);
}

/**
 * Creates the prefix's sequence unless it exists, in its own transaction (call it on the base
 * handle, outside any transaction). The advisory lock makes concurrent creators (any API node) wait
 * for the first one's COMMIT; `IF NOT EXISTS` then sees its sequence. The lock is held for these
 * three statements only.
 */
export async function createCaseSequence(db: Db, prefix: string): Promise<void> {
  const name = caseSequenceName(prefix);
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEQUENCE_LOCK}::int, hashtext(${name}))`);
    // Start after case_counters (seeder, intake before sequences) and after any case of the prefix
    // already in the table (range scan of cases_number_uq: equal-length digit strings).
    const [row] = await rows<{ floor: number }>(
      tx,
      sql`SELECT GREATEST(
            (SELECT last FROM case_counters WHERE prefix = ${prefix}),
            (SELECT substr(max(case_number), 11)::bigint FROM cases
              WHERE case_number BETWEEN ${formatCaseNumber(prefix, 0)} AND ${formatCaseNumber(prefix, MAX_CASE_SEQUENCE)}),
            0)::int AS floor`,
    );
    const start = Number(row?.floor ?? 0) + 1;
    if (!Number.isSafeInteger(start) || start > MAX_CASE_SEQUENCE) {
      throw new Error(`case numbers of ${prefix} are used up (${start - 1})`);
    }
    await tx.execute(
      sql.raw(
        `CREATE SEQUENCE IF NOT EXISTS ${name} MINVALUE 1 MAXVALUE ${MAX_CASE_SEQUENCE} START ${start} NO CYCLE`,
      ),
    );
  });
}

/**
 * The last number each existing sequence handed out, by prefix (for the bulk seeder, which must
 * start above them). A sequence never called counts as its start value − 1.
 */
export async function caseSequenceLasts(tx: Executor): Promise<Map<string, number>> {
  const found = await rows<{ prefix: string; last: number }>(
    tx,
    sql`SELECT substr(sequencename, 9) AS prefix, coalesce(last_value, start_value - 1)::int AS last
        FROM pg_sequences
        WHERE schemaname = current_schema() AND sequencename ~ '^case_no_[0-9]{10}$'`,
  );
  return new Map(found.map((r) => [r.prefix, Number(r.last)]));
}

/**
 * Moves existing sequences forward to at least the given numbers (never backwards): after the
 * bulk seeder wrote numbers itself. Prefixes without a sequence are left to be created lazily,
 * starting after case_counters. Meant for when no intake runs, like the seeder itself: nextval
 * takes no lock that setval could wait for.
 */
export async function raiseCaseSequences(tx: Executor, lasts: Map<string, number>): Promise<void> {
  const wanted = [...lasts].map(([prefix, last]) => ({ name: caseSequenceName(prefix), last }));
  if (!wanted.length) return;
  await tx.execute(
    sql`SELECT setval(format('%I.%I', s.schemaname, s.sequencename)::regclass,
                      GREATEST(x.last, coalesce(s.last_value, s.start_value - 1)))
        FROM json_to_recordset(${JSON.stringify(wanted)}::json) AS x(name text, last bigint)
        JOIN pg_sequences s ON s.schemaname = current_schema() AND s.sequencename = x.name
        WHERE x.last > coalesce(s.last_value, s.start_value - 1)`,
  );
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export function generateQueryCode(): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
export const normaliseQueryCode = (code: string) => code.trim().toUpperCase();
