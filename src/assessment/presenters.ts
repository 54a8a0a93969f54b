// What the API shows of letters, records and scorecards. Officials' names and posts only; the
// subjects of linked matters with numbers typed into them masked for roles that see parties masked.
import type { z } from 'zod';
import { caseTextFor } from '../cases/presenters.ts';
import {
  LETTER_STATUS_NAMES,
  type LetterStatus,
  noticeNumber,
  RECORD_KIND_RULES,
  RECORD_STATUS_NAMES,
  type RecordKind,
} from '../domain/assessment/records.ts';
import { maskNumbersInText } from '../domain/masking.ts';
import type { Actor } from '../policies/index.ts';
import { presentItem as presentOrder } from '../supervision/presenters.ts';
import type { LetterView, RecordDetail, RecordItem } from './contract.ts';
import type { LetterRow, linksOf, RecordRow } from './queries.ts';

export { LetterView, RecordDetail, RecordItem, ScorecardView } from './contract.ts';

export function presentLetter(l: LetterRow, jurisdictionName: string): z.infer<typeof LetterView> {
  return {
    id: l.id,
    year: l.year,
    jurisdictionCode: l.jurisdictionCode,
    jurisdictionName,
    issuerCode: l.issuerCode,
    title: l.title,
    body: l.body,
    targets: l.targets as z.infer<typeof LetterView>['targets'],
    signatories: l.signatories as z.infer<typeof LetterView>['signatories'],
    status: l.status,
    statusName: LETTER_STATUS_NAMES[l.status as LetterStatus] ?? l.status,
    signedOn: l.signedOn,
  };
}

export const recordNumber = (r: RecordRow) =>
  r.numberYear !== null && r.numberSeq !== null ? noticeNumber(r.numberYear, r.numberSeq) : null;

export function presentRecord(x: { r: RecordRow; unit: string; issuer: string }): z.infer<typeof RecordItem> {
  const r = x.r;
  const rule = RECORD_KIND_RULES[r.kind as RecordKind];
  const open = rule?.followUp && r.status !== rule.followUp.to ? rule.followUp : null;
  return {
    id: r.id,
    kind: r.kind,
    kindName: rule?.name ?? r.kind,
    status: r.status,
    statusName: RECORD_STATUS_NAMES[r.status] ?? r.status,
    number: recordNumber(r),
    unitId: r.unitId,
    unit: x.unit,
    issuer: x.issuer,
    jurisdictionCode: r.jurisdictionCode,
    title: r.title,
    facts: r.facts,
    decidedOn: r.decidedOn,
    person: r.person,
    interviewer: r.interviewer,
    commitments: r.commitments,
    followUpOn: r.followUpOn,
    followUpResult: r.followUpResult,
    followedUpAt: r.followedUpAt?.toISOString() ?? null,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    measures: r.measures,
    liftedAt: r.liftedAt?.toISOString() ?? null,
    form: r.form,
    decision: r.decision,
    followUp: open ? { action: open.action, name: open.name } : null,
  };
}

export function presentRecordDetail(
  actor: Actor,
  x: { r: RecordRow; unit: string; issuer: string },
  links: Awaited<ReturnType<typeof linksOf>>,
  today: string,
): z.infer<typeof RecordDetail> {
  return {
    ...presentRecord(x),
    cases: links.caseRows.map((c) => {
      const t = caseTextFor(actor, c);
      return { id: c.id, caseNumber: c.caseNumber, subject: t.subject, state: c.state };
    }),
    orders: links.orderRows.map((o) => {
      const v = presentOrder(o, today);
      return { ...v, subject: v.subject === null ? null : maskNumbersInText(v.subject) };
    }),
  };
}
