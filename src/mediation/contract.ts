// The mediation API's answers (诉调/访调对接: bodies, referrals, interventions, counts; server–web
// contract, docs/architecture.md). Only zod here: the console imports the types with `import type`.
import { z } from 'zod';
import { HistoryEntries } from '../domain/history.ts';

export const BodyItem = z.object({
  id: z.number(),
  kind: z.string(),
  kindName: z.string(),
  name: z.string(),
  jurisdictionCode: z.string(),
  hostUnitId: z.number().nullable(),
  hostUnit: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  deadlineDays: z.number(),
});
export type BodyItem = z.infer<typeof BodyItem>;

export const ReferralItem = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  subject: z.string(),
  bodyId: z.number(),
  body: z.string(),
  kind: z.string(),
  kindName: z.string(),
  scope: z.string(),
  scopeName: z.string(),
  part: z.string().nullable(),
  deadline: z.string(),
  mediator: z.string().nullable(),
  status: z.string(),
  statusName: z.string(),
  overdue: z.boolean(),
  referringUnit: z.string(),
  referredAt: z.string(),
  concludedAt: z.string().nullable(),
  agreementNumber: z.string().nullable(),
});
export type ReferralItem = z.infer<typeof ReferralItem>;

export const Session = z.object({
  id: z.number(),
  date: z.string(),
  place: z.string(),
  attendees: z.array(z.object({ name: z.string(), role: z.string() })),
  notes: z.string(),
  recordedBy: z.string().nullable(),
});
export type Session = z.infer<typeof Session>;

export const ReferralDetail = ReferralItem.extend({
  reason: z.string(),
  outcomeNote: z.string().nullable(),
  agreementTerms: z.string().nullable(),
  agreementUrl: z.string().nullable(),
  settledEventId: z.number().nullable(),
  sessions: z.array(Session),
  history: HistoryEntries,
  availableActions: z.array(z.object({ action: z.string(), label: z.string() })),
});
export type ReferralDetail = z.infer<typeof ReferralDetail>;

export const InterventionItem = z.object({
  id: z.number(),
  kind: z.string(),
  kindName: z.string(),
  provider: z.string(),
  organization: z.string().nullable(),
  date: z.string(),
  activity: z.string(),
  result: z.string(),
  recordedBy: z.string().nullable(),
  unit: z.string().nullable(),
});
export type InterventionItem = z.infer<typeof InterventionItem>;

export const CountRow = z.object({
  referrals: z.number(),
  ongoing: z.number(),
  agreements: z.number(),
  failed: z.number(),
  settled: z.number(),
  agreementRate: z.number().nullable(),
});
export type CountRow = z.infer<typeof CountRow>;
