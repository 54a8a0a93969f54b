// The campaigns API's answers (专项行动: list, detail with the 排查台账, entries; server–web contract,
// docs/architecture.md). Only zod here: the console imports the types with `import type`. No personal
// data: a dispute is described, placed and counted; a linked case is named by its number.
import { z } from 'zod';

export const Numbers = z.object({
  investigated: z.number(),
  resolving: z.number(),
  resolved: z.number(),
  unresolved: z.number(),
  rate: z.number().nullable().meta({ description: '化解率（0–1）= 化解 ÷ 排查' }),
  cross: z.number(),
  crossStable: z.number(),
  stabilityRate: z.number().nullable().meta({ description: '三跨三分离化解稳定率（0–1）' }),
});
export type Numbers = z.infer<typeof Numbers>;

export const TargetCheck = z.object({
  key: z.enum(['rate', 'investigated', 'stabilityRate']),
  label: z.string(),
  target: z.number(),
  actual: z.number().nullable(),
  met: z.boolean(),
});
export type TargetCheck = z.infer<typeof TargetCheck>;

export const Campaign = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  kindName: z.string(),
  description: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  scopeCode: z.string(),
  scopeName: z.string(),
  status: z.string(),
  statusName: z.string(),
  targetRate: z.number().nullable(),
  targetInvestigated: z.number().nullable(),
  targetStabilityRate: z.number().nullable(),
  createdAt: z.string(),
  numbers: Numbers,
  targets: z.array(TargetCheck),
  targetMet: z.boolean().nullable(),
});
export type Campaign = z.infer<typeof Campaign>;

export const Entry = z.object({
  id: z.number(),
  caseId: z.number().nullable(),
  caseNumber: z.string().nullable(),
  description: z.string(),
  jurisdictionCode: z.string(),
  place: z.string(),
  partiesCount: z.number(),
  category: z.string(),
  riskLevel: z.string(),
  riskName: z.string(),
  responsibleUnitId: z.number().nullable(),
  responsibleUnit: z.string().nullable(),
  status: z.string(),
  statusName: z.string(),
  crossKinds: z.array(z.string()),
  crossNames: z.array(z.string()),
  stable: z.boolean().nullable(),
  statusNote: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type Entry = z.infer<typeof Entry>;

export const JurisdictionNumbers = Numbers.extend({ code: z.string(), name: z.string() });
export type JurisdictionNumbers = z.infer<typeof JurisdictionNumbers>;

export const CampaignDetail = Campaign.extend({
  partial: z.boolean().meta({ description: '数字只含调用者可见的台账（本辖区及下级）' }),
  base: z.object({ code: z.string(), name: z.string() }),
  byJurisdiction: z.array(JurisdictionNumbers),
  entries: z.array(Entry),
  truncated: z.boolean(),
  availableActions: z.array(z.enum(['add_entry', 'set_targets', 'close', 'reopen'])),
});
export type CampaignDetail = z.infer<typeof CampaignDetail>;

/** What adding or moving an entry answers: the entry and the campaign's numbers after it. */
export const EntryAnswer = z.object({ entry: Entry.nullable(), numbers: Numbers });
export type EntryAnswer = z.infer<typeof EntryAnswer>;
