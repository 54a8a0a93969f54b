// Writing signatures: at intake (same transaction as the case row), in the seeder's bulk batches,
// and by the backfill at start for rows without one (or with an older scheme). All three go through
// one multi-row upsert of a JSON record set (one parameter however many rows).
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db, Executor } from '../db/client.ts';
import { countyOf, SIGNATURE_SCHEME, type Signature, signatureOf } from './minhash.ts';

export interface SignatureRow {
  caseId: number;
  jurisdictionCode: string;
  receivedAt: Date | string;
  signature: Signature;
}

/** The row a case's signature needs, computed in memory. */
export function signatureRow(c: {
  id: number;
  subject: string;
  content: string;
  jurisdictionCode: string;
  receivedAt: Date | string;
}): SignatureRow {
  return {
    caseId: c.id,
    jurisdictionCode: c.jurisdictionCode,
    receivedAt: c.receivedAt,
    signature: signatureOf(c.subject, c.content, c.jurisdictionCode),
  };
}

const pgArray = (xs: readonly number[]) => `{${xs.join(',')}}`;

/** Inserts (or replaces) signatures and their band rows; `fresh`: the cases have none yet (intake, seed). */
export async function writeSignatures(
  exec: Executor,
  rows: readonly SignatureRow[],
  opts: { fresh?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      case_id: r.caseId,
      county_code: countyOf(r.jurisdictionCode),
      received_at: r.receivedAt instanceof Date ? r.receivedAt.toISOString() : r.receivedAt,
      minhash: pgArray(r.signature.minhash),
      bands: pgArray(r.signature.bands),
    })),
  );
  const ids = sql.raw(`ARRAY[${rows.map((r) => Math.trunc(r.caseId)).join(',')}]::int8[]`);
  // Band rows of an older signature go first, found through its own buckets (the bucket index).
  if (!opts.fresh) {
    await exec.execute(sql`
      DELETE FROM case_sig_bands b USING case_signatures s
      WHERE s.case_id = ANY(${ids}) AND b.bucket = ANY(s.bands) AND b.case_id = s.case_id`);
  }
  await exec.execute(sql`
    INSERT INTO case_signatures (case_id, county_code, received_at, scheme, minhash, bands)
    SELECT case_id, county_code, received_at, ${SIGNATURE_SCHEME}, minhash::int4[], bands::int4[]
    FROM json_to_recordset(${json}::json)
      AS x(case_id bigint, county_code text, received_at timestamptz, minhash text, bands text)
    ON CONFLICT (case_id) DO UPDATE SET county_code = excluded.county_code,
      received_at = excluded.received_at, scheme = excluded.scheme,
      minhash = excluded.minhash, bands = excluded.bands`);
  await exec.execute(sql`
    INSERT INTO case_sig_bands (bucket, received_at, case_id)
    SELECT DISTINCT unnest(bands::int4[]), received_at, case_id
    FROM json_to_recordset(${json}::json) AS x(case_id bigint, received_at timestamptz, bands text)`);
}

const BACKFILL_BATCH = 1000;

/**
 * Signatures for every case without a current one, in batches of 1,000 (each its own transaction),
 * so an interrupted run resumes where it stopped. Returns how many were written.
 */
export async function backfillSignatures(db: Db, log?: Logger): Promise<number> {
  let written = 0;
  let after = 0;
  for (;;) {
    const res = (await db.execute(sql`
      SELECT c.id::int8::text AS id, c.subject, c.content, c.jurisdiction_code, c.received_at
      FROM cases c
      WHERE c.id > ${after} AND NOT EXISTS (
        SELECT 1 FROM case_signatures s WHERE s.case_id = c.id AND s.scheme = ${SIGNATURE_SCHEME})
      ORDER BY c.id LIMIT ${BACKFILL_BATCH}`)) as unknown as {
      rows: {
        id: string;
        subject: string;
        content: string;
        jurisdiction_code: string;
        received_at: Date | string;
      }[];
    };
    if (res.rows.length === 0) break;
    const rows = res.rows.map((r) =>
      signatureRow({
        id: Number(r.id),
        subject: r.subject,
        content: r.content,
        jurisdictionCode: r.jurisdiction_code,
        receivedAt: new Date(r.received_at),
      }),
    );
    await db.transaction((tx) => writeSignatures(tx, rows));
    written += rows.length;
    after = rows[rows.length - 1]?.caseId ?? after;
    if (res.rows.length < BACKFILL_BATCH) break;
  }
  if (written > 0) log?.info({ written }, 'case signatures backfilled');
  return written;
}
