// What the case detail is made of, loaded and decrypted: parties, timeline and documents (one
// statement), the units and jurisdiction named, the extension limit, and related matters. The
// presenter (presenters.ts) masks and filters these by the caller's rights without further reads.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { caseDocuments, caseEvents, caseParties, users } from '../db/schema.ts';
import { historyFloor } from '../domain/partitions/months.ts';
import type { SimilarCase } from '../domain/relatedCases.ts';
import type { Actor } from '../policies/index.ts';
import { cachedLimitsFor } from '../settings/limits.ts';
import type { CaseSpan } from './history.ts';
import { type CaseRow, UnitLookup } from './units.ts';

interface ChildRows {
  parties: {
    role: string;
    name_enc: string;
    id_number_enc: string | null;
    id_number_hash: string | null;
    phone_enc: string | null;
    phone_hash: string | null;
    address_enc: string | null;
    rights_card_enc: string | null;
  }[];
  events: {
    at: string;
    action: string;
    from_state: string | null;
    to_state: string | null;
    actor_role: string | null;
    actor_name: string | null;
    detail: Record<string, unknown>;
    public: boolean;
  }[];
  docs: { id: number; kind: string; title: string; filename: string; sha256: string | null }[];
}

/**
 * Parties, timeline and documents of a case in one statement (was three; docs/performance.md). The
 * timeline is bounded by the case's registration month so that only its partitions are read
 * (src/cases/history.ts).
 */
export function caseChildrenQuery(c: CaseSpan) {
  const caseId = c.id;
  return sql`
    select
      (select coalesce(json_agg(json_build_object(
          'role', p.role, 'name_enc', p.name_enc, 'id_number_enc', p.id_number_enc,
          'id_number_hash', p.id_number_hash, 'phone_enc', p.phone_enc, 'phone_hash', p.phone_hash,
          'address_enc', p.address_enc, 'rights_card_enc', p.rights_card_enc) order by p.id), '[]')
        from ${caseParties} p where p.case_id = ${caseId}) as parties,
      (select coalesce(json_agg(json_build_object(
          'at', e.at, 'action', e.action, 'from_state', e.from_state, 'to_state', e.to_state,
          'actor_role', e.actor_role, 'detail', e.detail, 'public', e.public,
          'actor_name', (select u.display_name from ${users} u
            where u.id = e.actor_user_id and u.role <> 'citizen')) order by e.id), '[]')
        from ${caseEvents} e where e.case_id = ${caseId} and e.at >= ${historyFloor(c.receivedAt).toISOString()}::timestamptz) as events,
      (select coalesce(json_agg(json_build_object(
          'id', d.id, 'kind', d.kind, 'title', d.title, 'filename', d.filename, 'sha256', d.sha256)
          order by d.id), '[]')
        from ${caseDocuments} d where d.case_id = ${caseId}) as docs`;
}

/** A party in plain text (the presenter masks by role), with the lookup hashes related matters use. */
export interface PlainParty {
  role: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  rightsCardNo: string | null;
  idNumberHash: string | null;
  phoneHash: string | null;
}

export interface DetailEvent {
  at: Date;
  action: string;
  fromState: string | null;
  toState: string | null;
  actorRole: string | null;
  actorName: string | null;
  detail: Record<string, unknown>;
  public: boolean;
}

/** Everything the case detail shows beyond the case row, as plain values. */
export interface CaseBodyData {
  parties: PlainParty[];
  events: DetailEvent[];
  docs: { id: number; kind: string; title: string; filename: string; sha256: string | null }[];
  /** The units the case names (registering, bureau, current, assigned, review) that exist. */
  units: { id: number; name: string }[];
  /** Jurisdiction code → name, for the case's jurisdiction. */
  jurisdictionNames: ReadonlyMap<string, string>;
  maxExtensionDays: number;
}

export interface CaseDetailData extends CaseBodyData {
  /** Related matters as the extension found them, unmasked (the presenter masks their subjects). */
  related: SimilarCase[];
}

async function caseChildren(ctx: AppContext, c: CaseSpan) {
  const res = (await ctx.db.execute(caseChildrenQuery(c))) as unknown as { rows: ChildRows[] };
  const row = res.rows[0] ?? { parties: [], events: [], docs: [] };
  const dec = (v: string | null) => (v ? ctx.pii.decrypt(v) : null);
  return {
    parties: row.parties.map(
      (p): PlainParty => ({
        role: p.role,
        name: dec(p.name_enc) ?? '',
        idNumber: dec(p.id_number_enc),
        phone: dec(p.phone_enc),
        address: dec(p.address_enc),
        rightsCardNo: dec(p.rights_card_enc),
        idNumberHash: p.id_number_hash,
        phoneHash: p.phone_hash,
      }),
    ),
    // timestamptz in JSON keeps microseconds and the offset; Date keeps milliseconds, as Drizzle does.
    events: row.events.map(
      (e): DetailEvent => ({
        at: new Date(e.at),
        action: e.action,
        fromState: e.from_state,
        toState: e.to_state,
        actorRole: e.actor_role,
        actorName: e.actor_name,
        detail: e.detail,
        public: e.public,
      }),
    ),
    docs: row.docs.map((d) => ({ ...d, id: Number(d.id) })),
  };
}

/** The detail without related matters (what a lifecycle action answers). */
export async function caseBodyData(ctx: AppContext, c: CaseRow): Promise<CaseBodyData> {
  const { parties, events, docs } = await caseChildren(ctx, c);
  const unitIds = [
    c.registeringUnitId,
    c.bureauUnitId,
    c.currentUnitId,
    c.assignedUnitId,
    c.reviewUnitId,
  ].filter((v): v is number => v != null);
  const lookup = new UnitLookup(ctx.db);
  const [unitRows, jurisdictionNames, limits] = await Promise.all([
    lookup.units(ctx.db, unitIds),
    lookup.jurisdictionNames(ctx.db, [c.jurisdictionCode]),
    cachedLimitsFor(ctx.db, ctx.db, c.jurisdictionCode),
  ]);
  return {
    parties,
    events,
    docs,
    units: unitRows.map((u) => ({ id: u.id, name: u.name })),
    jurisdictionNames,
    maxExtensionDays: limits.maxExtensionDays,
  };
}

/** The full detail: the body and the matters related to it (found with the parties' hashes read above). */
export async function caseDetailData(ctx: AppContext, actor: Actor, c: CaseRow): Promise<CaseDetailData> {
  const body = await caseBodyData(ctx, c);
  const hashes = body.parties.map(({ role, idNumberHash, phoneHash }) => ({ role, idNumberHash, phoneHash }));
  const related = await ctx.caseExtensions.related(ctx, actor, c, hashes);
  return { ...body, related };
}
