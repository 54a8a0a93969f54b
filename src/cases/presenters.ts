// What the API returns for a case: masked by the caller's rights (policies), with the deadlines
// explained, the timeline, the documents and the actions the caller may take now.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import { caseDocuments, caseEvents, caseParties, users } from '../db/schema.ts';
import { ANONYMOUS_LABEL } from '../domain/anonymity.ts';
import { daysRemaining, UNCOVERED_CALENDAR_NOTE } from '../domain/deadlines/index.ts';
import { describeClocks } from '../domain/lifecycle/clocks.ts';
import { eventDetailLines, eventLabel, lateRecordOf } from '../domain/lifecycle/timeline.ts';
import {
  type CaseForm,
  type CaseState,
  FORM_NAMES,
  PURPOSE_NAMES,
  type Purpose,
  STATE_NAMES,
} from '../domain/lifecycle/vocabulary.ts';
import { maskIdNumber, maskName, maskNumbersInText, maskPhone, maskStringsDeep } from '../domain/masking.ts';
import { historyFloor } from '../domain/partitions/months.ts';
import { type Actor, casePolicy } from '../policies/index.ts';
import { cachedLimitsFor } from '../settings/limits.ts';
import type { ActionAnswer, CaseDetail, CaseSummary } from './contract.ts';
import { availableActions } from './engine.ts';
import type { CaseSpan } from './history.ts';
import { type CaseRow, UnitLookup } from './units.ts';

export { ActionAnswer, CaseDetail, CaseSummary } from './contract.ts';

/** `names`: jurisdiction code → name, from UnitLookup.jurisdictionNames (one query per list). */
export function presentSummary(
  c: CaseRow,
  now = new Date(),
  names?: ReadonlyMap<string, string>,
): z.infer<typeof CaseSummary> {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    state: c.state,
    stateName: STATE_NAMES[c.state as CaseState] ?? c.state,
    form: c.form,
    formName: FORM_NAMES[c.form as CaseForm] ?? c.form,
    purpose: c.purpose,
    subject: c.subject,
    jurisdictionCode: c.jurisdictionCode,
    jurisdictionName: names?.get(c.jurisdictionCode) ?? null,
    currentUnitId: c.currentUnitId,
    assignedUnitId: c.assignedUnitId,
    receivedAt: c.receivedAt.toISOString(),
    dueAt: c.dueAt?.toISOString() ?? null,
    daysRemaining: c.dueAt ? daysRemaining(c.dueAt, now) : null,
    dueFlag: c.dueFlag,
    flags: {
      firstTime: c.firstTime,
      repeatCount: c.repeatCount,
      isGroup: c.isGroup,
      skippedLevel: c.skippedLevel,
      backlog: c.backlog,
      supervised: c.supervised,
      groupSuspect: c.groupSuspect,
      anonymous: c.anonymous,
    },
  };
}

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

async function caseChildren(ctx: AppContext, c: CaseSpan) {
  const res = (await ctx.db.execute(caseChildrenQuery(c))) as unknown as { rows: ChildRows[] };
  const row = res.rows[0] ?? { parties: [], events: [], docs: [] };
  return {
    parties: row.parties.map((p) => ({
      role: p.role,
      nameEnc: p.name_enc,
      idNumberEnc: p.id_number_enc,
      idNumberHash: p.id_number_hash,
      phoneEnc: p.phone_enc,
      phoneHash: p.phone_hash,
      addressEnc: p.address_enc,
      rightsCardEnc: p.rights_card_enc,
    })),
    // timestamptz in JSON keeps microseconds and the offset; Date keeps milliseconds, as Drizzle does.
    events: row.events.map((e) => ({
      at: new Date(e.at),
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      actorRole: e.actor_role,
      actorName: e.actor_name,
      detail: e.detail,
      public: e.public,
    })),
    docs: row.docs.map((d) => ({ ...d, id: Number(d.id) })),
  };
}

/**
 * The case's free text as this caller may see it: ID and phone numbers typed into the subject and
 * content are masked for roles that see the parties masked (casePolicy.viewFullPii).
 */
export function caseTextFor(actor: Actor, c: CaseRow): CaseRow {
  if (casePolicy.viewFullPii(actor, c)) return c;
  return { ...c, subject: maskNumbersInText(c.subject), content: maskNumbersInText(c.content) };
}

export async function presentDetail(
  ctx: AppContext,
  actor: Actor,
  c: CaseRow,
): Promise<z.infer<typeof CaseDetail>> {
  const { storedParties, ...detail } = await presentCaseBody(ctx, actor, c);
  const related = await ctx.caseExtensions.related(ctx, actor, c, storedParties);
  const full = casePolicy.viewFullPii(actor, c);
  return {
    ...detail,
    related: full ? related : related.map((r) => ({ ...r, subject: maskNumbersInText(r.subject) })),
  };
}

export async function presentActionAnswer(ctx: AppContext, actor: Actor, c: CaseRow): Promise<ActionAnswer> {
  const { storedParties: _stored, ...detail } = await presentCaseBody(ctx, actor, c);
  return detail;
}

const NO_IDENTITY = { idNumber: null, phone: null, address: null, rightsCardNo: null };

/** The petitioner is told a step came late and by how much; the reason for the delay is the staff's. */
function withoutLateReason(detail: unknown): Record<string, unknown> {
  const d = (detail ?? {}) as Record<string, unknown>;
  const late = lateRecordOf(d);
  if (!late) return d;
  const { reason: _reason, ...rest } = late;
  return { ...d, late: rest };
}

async function presentCaseBody(ctx: AppContext, actor: Actor, stored: CaseRow) {
  const full = casePolicy.viewFullPii(actor, stored);
  const c = caseTextFor(actor, stored);
  const text = full
    ? (d: Record<string, unknown>) => d
    : (d: Record<string, unknown>) => maskStringsDeep(d, maskNumbersInText);
  const isPetitioner = casePolicy.petitionerView(actor);
  const { parties, events, docs } = await caseChildren(ctx, c);
  const unitIds = [
    c.registeringUnitId,
    c.bureauUnitId,
    c.currentUnitId,
    c.assignedUnitId,
    c.reviewUnitId,
  ].filter((v): v is number => v != null);
  const lookup = new UnitLookup(ctx.db);
  const [unitRows, names, limits] = await Promise.all([
    lookup.units(ctx.db, unitIds),
    lookup.jurisdictionNames(ctx.db, [c.jurisdictionCode]),
    cachedLimitsFor(ctx.db, ctx.db, c.jurisdictionCode),
  ]);
  const unit = (id: number | null) => {
    const u = unitRows.find((u) => u.id === id);
    return u ? { id: u.id, name: u.name } : null;
  };
  const dec = (v: string | null) => (v ? ctx.pii.decrypt(v) : null);
  return {
    ...presentSummary(c, new Date(), names),
    purposeName: PURPOSE_NAMES[c.purpose as Purpose] ?? c.purpose,
    content: c.content,
    peopleCount: c.peopleCount,
    outcome: c.outcome,
    reasonCode: c.reasonCode,
    units: {
      registering: unit(c.registeringUnitId),
      bureau: unit(c.bureauUnitId),
      current: unit(c.currentUnitId),
      assigned: unit(c.assignedUnitId),
      review: unit(c.reviewUnitId),
    },
    parties: parties.map((p) => {
      // An anonymous matter's only party is the addressee of its documents on file: shown as 匿名.
      if (c.anonymous) return { ...NO_IDENTITY, role: p.role, name: ANONYMOUS_LABEL };
      const name = dec(p.nameEnc) ?? '';
      const id = dec(p.idNumberEnc);
      const phone = dec(p.phoneEnc);
      const card = dec(p.rightsCardEnc);
      return {
        role: p.role,
        name: full ? name : maskName(name),
        idNumber: id ? (full ? id : maskIdNumber(id)) : null,
        phone: phone ? (full ? phone : maskPhone(phone)) : null,
        address: full ? dec(p.addressEnc) : null,
        rightsCardNo: card ? (full ? card : maskIdNumber(card)) : null,
      };
    }),
    deadlines: describeClocks(c.clocks).map(({ skipped: _s, shiftedOver: _o, calendarCovered, ...rest }) => ({
      ...rest,
      staffNote: isPetitioner || calendarCovered ? null : UNCOVERED_CALENDAR_NOTE,
    })),
    evaluation: { status: c.evaluationStatus, bureauRating: c.bureauRating, unitRating: c.unitRating },
    timeline: events
      .filter((e) => !isPetitioner || e.public)
      .map((e) => ({
        e,
        // The late reason is the staff's: the petitioner is told only that the step came late.
        detail: text(isPetitioner ? withoutLateReason(e.detail) : (e.detail as Record<string, unknown>)),
      }))
      .map(({ e, detail }) => ({
        at: e.at.toISOString(),
        action: e.action,
        label: eventLabel(e.action, e.detail),
        fromState: e.fromState,
        toState: e.toState,
        actorRole: e.actorRole,
        // Staff see who acted; the petitioner sees the unit and role only.
        actorName: isPetitioner ? null : e.actorName,
        detail,
        lines: eventDetailLines(e.action, detail),
      })),
    documents: docs.filter((d) => casePolicy.readDocument(actor, c, d.kind)),
    availableActions: availableActions(actor, c),
    limits: { maxExtensionDays: limits.maxExtensionDays },
    storedParties: parties,
  };
}
