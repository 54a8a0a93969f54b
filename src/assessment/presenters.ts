// What the API shows of letters, records and scorecards. Officials' names and posts only; the
// subjects of linked matters with numbers typed into them masked for roles that see parties masked.
import { z } from 'zod';
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
import { OrderItem, presentItem as presentOrder } from '../supervision/presenters.ts';
import type { LetterRow, linksOf, RecordRow } from './queries.ts';

export const LetterView = z.object({
  id: z.number(),
  year: z.number(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  issuerCode: z.string(),
  title: z.string(),
  body: z.string(),
  targets: z.array(
    z.object({ text: z.string(), indicator: z.string().optional(), target: z.number().optional() }),
  ),
  signatories: z.array(z.object({ side: z.string(), name: z.string(), post: z.string() })),
  status: z.string(),
  statusName: z.string(),
  signedOn: z.string().nullable(),
});

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

export const RecordItem = z.object({
  id: z.number(),
  kind: z.string(),
  kindName: z.string(),
  status: z.string(),
  statusName: z.string(),
  number: z.string().nullable(),
  unitId: z.number(),
  unit: z.string(),
  issuer: z.string(),
  jurisdictionCode: z.string(),
  title: z.string(),
  facts: z.string(),
  decidedOn: z.string(),
  person: z.string().nullable(),
  interviewer: z.string().nullable(),
  commitments: z.string().nullable(),
  followUpOn: z.string().nullable(),
  followUpResult: z.string().nullable(),
  followedUpAt: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  measures: z.string().nullable(),
  liftedAt: z.string().nullable(),
  form: z.string().nullable(),
  decision: z.string().nullable(),
  /** The follow-up step still open to it ('follow_up' | 'lift'), if any. */
  followUp: z.object({ action: z.string(), name: z.string() }).nullable(),
});

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

export const RecordDetail = RecordItem.extend({
  cases: z.array(
    z.object({ id: z.number(), caseNumber: z.string(), subject: z.string(), state: z.string() }),
  ),
  orders: z.array(OrderItem),
});

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

const Item = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.string(),
  points: z.number(),
  value: z.number().nullable(),
  available: z.boolean(),
  earned: z.number(),
  deduction: z.number(),
  drill: z.string().nullable(),
});

export const ScorecardView = z.object({
  period: z.object({
    period: z.string(),
    kind: z.string(),
    label: z.string(),
    from: z.string(),
    to: z.string(),
    months: z.number(),
  }),
  scope: z.object({ code: z.string(), name: z.string(), level: z.number() }),
  by: z.string(),
  scheme: z.object({
    year: z.number(),
    level: z.string(),
    source: z.string(),
    note: z.string().nullable(),
    maxPoints: z.number(),
    items: z.array(z.record(z.string(), z.unknown())),
  }),
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unitId: z.number().nullable(),
      score: z.number().nullable(),
      rank: z.number().nullable(),
      earned: z.number(),
      available: z.number(),
      coverage: z.number(),
      total: z.number(),
      items: z.array(Item),
    }),
  ),
});
