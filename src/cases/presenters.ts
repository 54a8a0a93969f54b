// What the API returns for a case: masked by the caller's rights (policies), with the deadlines
// explained, the timeline, the documents and the actions the caller may take now. Pure: the parties
// arrive decrypted, and the timeline, units and limits loaded, from detailQueries.ts.
import type { z } from 'zod';
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
import { type Actor, casePolicy } from '../policies/index.ts';
import type { ActionAnswer, CaseDetail, CaseSummary } from './contract.ts';
import type { CaseBodyData, CaseDetailData } from './detailQueries.ts';
import { availableActions } from './engine.ts';
import type { CaseRow } from './units.ts';

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

/**
 * The case's free text as this caller may see it: ID and phone numbers typed into the subject and
 * content are masked for roles that see the parties masked (casePolicy.viewFullPii).
 */
export function caseTextFor(actor: Actor, c: CaseRow): CaseRow {
  if (casePolicy.viewFullPii(actor, c)) return c;
  return { ...c, subject: maskNumbersInText(c.subject), content: maskNumbersInText(c.content) };
}

/** `data`: from caseDetailData (detailQueries.ts), read for the stored (unmasked) case row. */
export function presentDetail(
  actor: Actor,
  c: CaseRow,
  data: CaseDetailData,
  now = new Date(),
): z.infer<typeof CaseDetail> {
  const { related, ...body } = data;
  const full = casePolicy.viewFullPii(actor, c);
  return {
    ...presentActionAnswer(actor, c, body, now),
    related: full ? related : related.map((r) => ({ ...r, subject: maskNumbersInText(r.subject) })),
  };
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

/** `data`: from caseBodyData (detailQueries.ts). */
export function presentActionAnswer(
  actor: Actor,
  stored: CaseRow,
  data: CaseBodyData,
  now = new Date(),
): ActionAnswer {
  const full = casePolicy.viewFullPii(actor, stored);
  const c = caseTextFor(actor, stored);
  const text = full
    ? (d: Record<string, unknown>) => d
    : (d: Record<string, unknown>) => maskStringsDeep(d, maskNumbersInText);
  const isPetitioner = casePolicy.petitionerView(actor);
  const { parties, events, docs } = data;
  const unit = (id: number | null) => data.units.find((u) => u.id === id) ?? null;
  return {
    ...presentSummary(c, now, data.jurisdictionNames),
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
      const { name, idNumber: id, phone, rightsCardNo: card } = p;
      return {
        role: p.role,
        name: full ? name : maskName(name),
        idNumber: id ? (full ? id : maskIdNumber(id)) : null,
        phone: phone ? (full ? phone : maskPhone(phone)) : null,
        address: full ? p.address : null,
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
    limits: { maxExtensionDays: data.maxExtensionDays },
  };
}
