// The assessment API's answers (考核: scorecards, responsibility letters, accountability records;
// server–web contract, docs/architecture.md). Only zod here: the console imports the types.

import { z } from 'zod';
import { CaseSummary } from '../cases/contract.ts';
import { ASSESSED_LEVELS, CASE_COUNTS, RATE_INDICATORS } from '../domain/assessment/scheme.ts';
import { OrderItem } from '../supervision/contract.ts';

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
export type LetterView = z.infer<typeof LetterView>;

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
export type RecordItem = z.infer<typeof RecordItem>;

export const RecordDetail = RecordItem.extend({
  cases: z.array(
    z.object({ id: z.number(), caseNumber: z.string(), subject: z.string(), state: z.string() }),
  ),
  orders: z.array(OrderItem),
});
export type RecordDetail = z.infer<typeof RecordDetail>;

export const Item = z.object({
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
export type Item = z.infer<typeof Item>;

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
export type ScorecardView = z.infer<typeof ScorecardView>;

const Place = z.object({ code: z.string(), name: z.string() });

/** GET /assessment/letters: the letters issued and signed in a scope, and the children without one. */
export const LettersAnswer = z.object({
  year: z.number(),
  scope: z.string(),
  items: z.array(LetterView),
  missing: z.array(Place).meta({ description: '尚未发放责任书的下一级辖区' }),
  unsigned: z.array(Place).meta({ description: '本级发放、尚未签订的' }),
  children: z.number().meta({ description: '下一级辖区数' }),
});
export type LettersAnswer = z.infer<typeof LettersAnswer>;

/** An item of a scheme, with its name (itemLabel; not stored). */
export const SchemeItem = z.discriminatedUnion('kind', [
  z.object({
    key: z.string(),
    kind: z.literal('rate'),
    indicator: z.enum(Object.keys(RATE_INDICATORS) as [keyof typeof RATE_INDICATORS]),
    points: z.number(),
    better: z.enum(['higher', 'lower']),
    label: z.string(),
  }),
  z.object({
    key: z.string(),
    kind: z.literal('per_case'),
    count: z.enum(Object.keys(CASE_COUNTS) as [keyof typeof CASE_COUNTS]),
    points: z.number(),
    perCase: z.number().meta({ description: '每件（按月）扣分' }),
    label: z.string(),
  }),
]);
export type SchemeItem = z.infer<typeof SchemeItem>;

/** GET and PUT /assessment/schemes/{year}/{level}: the year's override, else the defaults. */
export const SchemeView = z.object({
  year: z.number(),
  level: z.enum(ASSESSED_LEVELS),
  items: z.array(SchemeItem),
  source: z.enum(['default', 'override']),
  note: z.string().nullable(),
  maxPoints: z.number(),
});
export type SchemeView = z.infer<typeof SchemeView>;

/** GET /assessment/scorecard/matters: the matters behind a row's item. */
export const MattersAnswer = z.object({
  item: z.string(),
  metric: z.string(),
  items: z.array(CaseSummary),
  total: z.number(),
});
export type MattersAnswer = z.infer<typeof MattersAnswer>;

/** GET /assessment/units/{id}/history: 单位责任落实档案. */
export const UnitHistory = z.object({
  unit: z.object({
    id: z.number(),
    name: z.string(),
    kind: z.string(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
  }),
  counts: z.record(z.string(), z.number()).meta({ description: '各类记录数与督办数（orders）' }),
  records: z.array(RecordItem),
  orders: z.array(OrderItem),
  letters: z.array(LetterView),
});
export type UnitHistory = z.infer<typeof UnitHistory>;
