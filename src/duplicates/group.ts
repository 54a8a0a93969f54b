// 联名/群体: when at least N different petitioners (default 5) filed near-identical content
// (score ≥ 0.6) about the same county within 7 days, the matters are marked `group_suspect` and an
// event is recorded on each, for supervisors (GET /api/v1/cases?flag=group_suspect). Computed at
// intake from the band index (a lookup, never a scan; at most 500 entries per band, newest first). Petitioners are told apart by ID-number
// hash, phone hash and citizen account: two filings sharing any of them are the same person.
import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { Work } from '../commands/command.ts';
import { caseEvents, caseParties, caseSigBands, caseSignatures, cases } from '../db/schema.ts';
import { countyOf, type Signature } from './minhash.ts';
import type { DuplicateSettings } from './settings.ts';

const DAY = 86_400_000;
const WINDOW_ROWS = 500;

/**
 * Cases sharing one of these buckets within [from, to], at most `perBucket` of each bucket (the
 * newest): a backward range scan of (bucket, received_at) per bucket, so a campaign of thousands of
 * near-identical petitions in the window costs each intake at most bands × perBucket index entries
 * instead of all of them (docs/performance.md, "Write path at scale").
 */
export function nearestBucketHits(bands: readonly number[], from: Date, to: Date, perBucket: number): SQL {
  const buckets = `{${bands.map((b) => Math.trunc(b)).join(',')}}`;
  return sql`SELECT DISTINCT h.case_id FROM unnest(${buckets}::int4[]) AS u(bucket)
    CROSS JOIN LATERAL (
      SELECT ${caseSigBands.caseId} AS case_id FROM ${caseSigBands}
      WHERE ${caseSigBands.bucket} = u.bucket
        AND ${caseSigBands.receivedAt} BETWEEN ${from.toISOString()} AND ${to.toISOString()}
      ORDER BY ${caseSigBands.receivedAt} DESC LIMIT ${perBucket}) h`;
}

/**
 * `estimateJaccard(column, minhash)` in SQL: the share of equal positions over the shorter length,
 * 0 when either is all -1 (empty text). The group check scores its candidates in the database, so
 * only the similar ones come back — not 500 arrays of 128 integers to parse per intake.
 */
export function jaccardSql(column: SQL, minhash: ArrayLike<number>): SQL {
  const literal = `{${Array.from(minhash, (x) => Math.trunc(x)).join(',')}}`;
  return sql`(SELECT CASE WHEN count(*) = 0 OR bool_and(x = -1) OR bool_and(y = -1) THEN 0::float8
      ELSE (count(*) FILTER (WHERE x = y))::float8 / count(*) END
    FROM unnest(${column}, ${literal}::int4[]) AS t(x, y) WHERE x IS NOT NULL AND y IS NOT NULL)`;
}

/** How many different people filed these cases (union–find over shared identifiers). */
export function countPetitioners(
  people: readonly { caseId: number; keys: readonly (string | null | undefined)[] }[],
): number {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as number;
    parent.set(x, r);
    return r;
  };
  const owner = new Map<string, number>();
  for (const p of people) {
    if (!parent.has(p.caseId)) parent.set(p.caseId, p.caseId);
    for (const k of p.keys) {
      if (!k) continue;
      const other = owner.get(k);
      if (other === undefined) owner.set(k, p.caseId);
      else parent.set(find(p.caseId), find(other));
    }
  }
  return new Set([...parent.keys()].map(find)).size;
}

/** Inside the registration's command: the flags and events now, the audit row with the command's. */
export async function detectGroup(
  w: Work,
  c: { id: number; caseNumber: string; jurisdictionCode: string; receivedAt: Date },
  sig: Signature,
  s: DuplicateSettings,
): Promise<number[]> {
  if (sig.bands.length === 0) return [];
  const { tx } = w;
  const from = new Date(c.receivedAt.getTime() - s.groupWindowDays * DAY);
  const to = new Date(c.receivedAt.getTime() + s.groupWindowDays * DAY);
  const near = (await tx.execute(sql`
    SELECT w.case_id AS id, w.user_id AS "userId", w.flagged
    FROM (
      SELECT ${caseSignatures.caseId} AS case_id, ${caseSignatures.minhash} AS minhash,
             ${cases.petitionerUserId} AS user_id, ${cases.groupSuspect} AS flagged
      FROM ${caseSignatures} JOIN ${cases} ON ${cases.id} = ${caseSignatures.caseId}
      WHERE ${caseSignatures.caseId} IN (${nearestBucketHits(sig.bands, from, to, WINDOW_ROWS)})
        AND ${caseSignatures.countyCode} = ${countyOf(c.jurisdictionCode)}
        AND ${caseSignatures.caseId} <> ${c.id}
      LIMIT ${WINDOW_ROWS}) w
    WHERE ${jaccardSql(sql`w.minhash`, sig.minhash)} >= ${s.groupScore}::float8`)) as unknown as {
    rows: { id: number | string; userId: number | null; flagged: boolean }[];
  };
  const similar = near.rows.map((r) => ({ id: Number(r.id), userId: r.userId, flagged: r.flagged }));
  if (similar.length + 1 < s.groupPetitioners) return [];

  const ids = [c.id, ...similar.map((r) => r.id)];
  const parties = await tx
    .select({
      caseId: caseParties.caseId,
      idHash: caseParties.idNumberHash,
      phoneHash: caseParties.phoneHash,
    })
    .from(caseParties)
    .where(and(inArray(caseParties.caseId, ids), sql`${caseParties.role} = 'petitioner'`));
  const [me] = await tx
    .select({ userId: cases.petitionerUserId })
    .from(cases)
    .where(sql`${cases.id} = ${c.id}`);
  const userOf = new Map<number, number | null>([
    [c.id, me?.userId ?? null],
    ...similar.map((r) => [r.id, r.userId] as const),
  ]);
  const people = ids.map((id) => {
    const mine = parties.filter((p) => p.caseId === id);
    const user = userOf.get(id);
    return {
      caseId: id,
      keys: [
        ...mine.map((p) => p.idHash && `id:${p.idHash}`),
        ...mine.map((p) => p.phoneHash && `phone:${p.phoneHash}`),
        user ? `user:${user}` : null,
      ],
    };
  });
  const petitioners = countPetitioners(people);
  if (petitioners < s.groupPetitioners) return [];

  const fresh = await tx
    .update(cases)
    .set({ groupSuspect: true })
    .where(and(inArray(cases.id, ids), sql`not ${cases.groupSuspect}`))
    .returning({ id: cases.id });
  if (fresh.length === 0) return [];
  const now = new Date();
  await tx.insert(caseEvents).values(
    fresh.map((f) => ({
      caseId: f.id,
      at: now,
      action: 'group_suspect',
      detail: {
        petitioners,
        similarCases: ids.length,
        windowDays: s.groupWindowDays,
        minScore: s.groupScore,
        triggeredBy: c.caseNumber,
      },
      public: false,
    })),
  );
  w.audit({
    action: 'case.group_suspect',
    entity: 'case',
    entityId: c.id,
    summary: { petitioners, cases: ids.length, flagged: fresh.map((f) => f.id) },
  });
  return fresh.map((f) => f.id);
}
