// Candidates for a petition: (a) the same petitioner's matters — same ID-number or phone hash in
// case_parties, or the same citizen account — and matters linked as repeats; (b) recent matters
// about the same county whose LSH buckets collide (GIN lookup), kept when the estimated Jaccard
// similarity reaches the threshold. Always inside the caller's scope (policies.caseScope).
import { and, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { caseParties, caseSigBands, caseSignatures, cases } from '../db/schema.ts';
import {
  RELATED_REASONS as REASONS,
  type RelatedReason as Reason,
  SimilarCase,
} from '../domain/relatedCases.ts';
import { type Actor, caseScope } from '../policies/index.ts';
import { countyOf, estimateJaccard } from './minhash.ts';

export { REASONS, type Reason, SimilarCase };

export interface Probe {
  /** The petition's MinHash signature and LSH buckets (src/duplicates/minhash.ts). */
  minhash: readonly number[];
  bands: readonly number[];
  jurisdictionCode: string;
  /** Content candidates are received within `recentDays` of this instant. */
  around: Date;
  excludeCaseId?: number;
  idHashes: readonly string[];
  phoneHashes: readonly string[];
  userIds: readonly number[];
  /** Cases linked to this one as repeats (for a stored case's `related`). */
  linkedIds?: readonly number[];
}

export interface Thresholds {
  similarScore: number;
  recentDays: number;
}

const MAX_RESULTS = 10;
/** At most this many places go to the petitioner's own matters, so near-identical filings by others still show. */
const MAX_OWN = 6;
const IDENTITY_ROWS = 50;
const BUCKET_ROWS = 300;
const DAY = 86_400_000;

interface Row {
  id: number;
  caseNumber: string;
  subject: string;
  state: string;
  receivedAt: Date;
  jurisdictionCode: string;
  minhash: number[] | null;
  sameId: boolean;
  samePhone: boolean;
  samePetitioner: boolean;
  linked: boolean;
}

const ints = (xs: readonly number[]) =>
  sql.raw(`ARRAY[${xs.map((x) => Math.trunc(x) | 0).join(',')}]::int4[]`);

/**
 * The signature as JSON: `JSON.parse` of 128 numbers is several times cheaper than the driver's
 * int4[] text parser, and an answer may carry up to IDENTITY_ROWS + BUCKET_ROWS of them
 * (docs/performance.md: ≈ 9 % of the CPU of a lifecycle action before).
 */
const minhashJson = sql<number[] | null>`array_to_json(${caseSignatures.minhash})`;

const columns = {
  id: cases.id,
  caseNumber: cases.caseNumber,
  subject: cases.subject,
  state: cases.state,
  receivedAt: cases.receivedAt,
  jurisdictionCode: cases.jurisdictionCode,
  petitionerUserId: cases.petitionerUserId,
};

/** Same ID number / phone / account flags of a case row, as SQL booleans. */
function identityFlags(p: Probe) {
  const partyHas = (col: SQL, values: readonly string[]) =>
    values.length === 0
      ? sql<boolean>`false`
      : sql<boolean>`exists (select 1 from ${caseParties} p where p.case_id = ${cases.id}
          and p.role = 'petitioner' and ${col} in ${values})`;
  return {
    sameId: partyHas(sql`p.id_number_hash`, p.idHashes),
    samePhone: partyHas(sql`p.phone_hash`, p.phoneHashes),
  };
}

async function identityRows(exec: Executor, actor: Actor, p: Probe): Promise<Row[]> {
  const who: SQL[] = [];
  const partyMatch: SQL[] = [];
  if (p.idHashes.length) partyMatch.push(inArray(caseParties.idNumberHash, [...p.idHashes]));
  if (p.phoneHashes.length) partyMatch.push(inArray(caseParties.phoneHash, [...p.phoneHashes]));
  if (partyMatch.length) {
    const sub = exec
      .select({ caseId: caseParties.caseId })
      .from(caseParties)
      .where(and(sql`${caseParties.role} = 'petitioner'`, or(...partyMatch)));
    who.push(inArray(cases.id, sub));
  }
  if (p.userIds.length) who.push(inArray(cases.petitionerUserId, [...p.userIds]));
  if (p.linkedIds?.length) who.push(inArray(cases.id, [...p.linkedIds]));
  if (who.length === 0) return [];
  const rows = await exec
    .select({ ...columns, ...identityFlags(p), minhash: minhashJson })
    .from(cases)
    .leftJoin(caseSignatures, sql`${caseSignatures.caseId} = ${cases.id}`)
    .where(and(or(...who), caseScope(actor), p.excludeCaseId ? ne(cases.id, p.excludeCaseId) : undefined))
    .orderBy(sql`${cases.receivedAt} desc`)
    .limit(IDENTITY_ROWS);
  const linked = new Set(p.linkedIds ?? []);
  return rows.map((r) => ({
    ...r,
    sameId: Boolean(r.sameId),
    samePhone: Boolean(r.samePhone),
    samePetitioner: r.petitionerUserId !== null && p.userIds.includes(r.petitionerUserId),
    linked: linked.has(r.id),
  }));
}

/** Cases sharing one of these LSH buckets, received in [from, to]: btree lookups on (bucket, received_at). */
export function bucketHits(exec: Executor, bands: readonly number[], from: Date, to: Date) {
  return exec
    .selectDistinct({ caseId: caseSigBands.caseId })
    .from(caseSigBands)
    .where(
      and(
        sql`${caseSigBands.bucket} = any(${ints(bands)})`,
        sql`${caseSigBands.receivedAt} between ${from.toISOString()} and ${to.toISOString()}`,
      ),
    );
}

async function bucketRows(exec: Executor, actor: Actor, p: Probe, t: Thresholds): Promise<Row[]> {
  if (p.bands.length === 0) return [];
  const from = new Date(p.around.getTime() - t.recentDays * DAY);
  const to = new Date(p.around.getTime() + t.recentDays * DAY);
  const rows = await exec
    .select({ ...columns, minhash: minhashJson })
    .from(caseSignatures)
    .innerJoin(cases, sql`${cases.id} = ${caseSignatures.caseId}`)
    .where(
      and(
        inArray(caseSignatures.caseId, bucketHits(exec, p.bands, from, to)),
        sql`${caseSignatures.countyCode} = ${countyOf(p.jurisdictionCode)}`,
        caseScope(actor),
        p.excludeCaseId ? ne(cases.id, p.excludeCaseId) : undefined,
      ),
    )
    .orderBy(sql`${caseSignatures.receivedAt} desc`)
    .limit(BUCKET_ROWS);
  return rows.map((r) => ({ ...r, sameId: false, samePhone: false, samePetitioner: false, linked: false }));
}

function present(r: Row, p: Probe, t: Thresholds): SimilarCase & { own: boolean } {
  const score = r.minhash ? Math.round(estimateJaccard(p.minhash, r.minhash) * 100) / 100 : 0;
  const reasons: Reason[] = [];
  const text: string[] = [];
  if (r.linked) text.push('已关联为重复信访');
  if (r.sameId) {
    reasons.push('same_id_number');
    text.push('同一身份证号');
  }
  if (r.samePhone) {
    reasons.push('same_phone');
    text.push('同一手机号');
  }
  if (r.samePetitioner) {
    reasons.push('same_petitioner');
    text.push('同一信访人账号');
  }
  if (score >= t.similarScore) reasons.push('similar_content');
  text.push(`内容相似度 ${Math.round(score * 100)}%`);
  if (countyOf(r.jurisdictionCode) === countyOf(p.jurisdictionCode)) {
    reasons.push('same_place');
    text.push('同一问题属地');
  }
  return {
    caseId: r.id,
    caseNumber: r.caseNumber,
    subject: r.subject,
    state: r.state,
    receivedAt: r.receivedAt.toISOString(),
    score,
    reasons,
    reasonText: text.join('；'),
    own: r.sameId || r.samePhone || r.samePetitioner || r.linked,
  };
}

/** Up to 10 candidates, most similar first; at most 6 of them the petitioner's own matters. */
export async function findCandidates(
  exec: Executor,
  actor: Actor,
  p: Probe,
  t: Thresholds,
): Promise<SimilarCase[]> {
  const own = await identityRows(exec, actor, p);
  const bucket = await bucketRows(exec, actor, p, t);
  const seen = new Set(own.map((r) => r.id));
  const items = [...own, ...bucket.filter((r) => !seen.has(r.id))]
    .map((r) => present(r, p, t))
    .filter((c) => c.own || c.score >= t.similarScore)
    .sort((a, b) => b.score - a.score || (a.receivedAt < b.receivedAt ? 1 : -1));
  const mine = items.filter((c) => c.own);
  const others = items.filter((c) => !c.own);
  const keptOwn = mine.slice(0, Math.max(MAX_OWN, MAX_RESULTS - others.length));
  const kept = [...keptOwn, ...others.slice(0, MAX_RESULTS - keptOwn.length)];
  return kept
    .sort((a, b) => b.score - a.score || (a.receivedAt < b.receivedAt ? 1 : -1))
    .map(({ own: _own, ...c }) => c);
}
