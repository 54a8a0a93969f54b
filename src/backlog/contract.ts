// The backlog API's answers (积案: matters, the ledger; server–web contract, docs/architecture.md).
// Only zod here: the console imports the types with `import type`. No personal data: the case is
// named by number and subject (as in the case lists).
import { z } from 'zod';

export const MatterItem = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  subject: z.string(),
  jurisdictionCode: z.string(),
  status: z.string(),
  statusName: z.string(),
  source: z.enum(['system', 'manual']),
  ruleHits: z.array(z.object({ rule: z.string(), label: z.string() })),
  level: z.string().nullable(),
  levelName: z.string().nullable(),
  deadline: z.string().nullable(),
  /** Still active and past its 化解期限 (Beijing date). */
  overdue: z.boolean(),
  proposedAt: z.string().nullable(),
  identifiedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type MatterItem = z.infer<typeof MatterItem>;

export const MatterDetail = MatterItem.extend({
  reason: z.string().nullable(),
  responsibleUnit: z.object({ id: z.number(), name: z.string() }).nullable(),
  proposingUnit: z.string().nullable(),
  approvingUnit: z.string().nullable(),
  proposedBy: z.string().nullable(),
  identifiedBy: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  daysOpen: z.number().nullable(),
  notes: z.array(
    z.object({ action: z.string(), label: z.string(), at: z.string(), by: z.string(), text: z.string() }),
  ),
  plan: z.object({
    status: z.object({ total: z.number(), done: z.number(), overdue: z.number(), label: z.string() }),
    steps: z.array(
      z.object({
        id: z.number(),
        title: z.string(),
        ownerName: z.string(),
        ownerUnit: z.string().nullable(),
        dueDate: z.string(),
        doneAt: z.string().nullable(),
        overdue: z.boolean(),
      }),
    ),
  }),
  progress: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      note: z.string(),
      by: z.string().nullable(),
      stepId: z.number().nullable(),
    }),
  ),
  standards: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      hint: z.string(),
      evidence: z.string().nullable(),
      evidenceBy: z.string().nullable(),
      evidenceAt: z.string().nullable(),
      signedBy: z.string().nullable(),
      signedAt: z.string().nullable(),
      met: z.boolean(),
    }),
  ),
  standardsMet: z.number(),
  packages: z.array(
    z.object({
      id: z.number(),
      leaderUserId: z.number(),
      leader: z.string(),
      unit: z.string().nullable(),
      level: z.string(),
      levelName: z.string(),
      takenAt: z.string(),
      plan: z.record(z.string(), z.string()),
      records: z.array(
        z.object({
          id: z.number(),
          kind: z.string(),
          kindName: z.string(),
          date: z.string(),
          note: z.string(),
        }),
      ),
    }),
  ),
  availableActions: z.array(z.object({ action: z.string(), label: z.string() })),
});
export type MatterDetail = z.infer<typeof MatterDetail>;
export type PackageView = MatterDetail['packages'][number];

export const RateRow = z.object({
  code: z.string(),
  name: z.string(),
  identified: z.number(),
  resolved: z.number(),
  open: z.number(),
  rate: z.number().nullable().meta({ description: '化解率 = 化解 ÷ 认定' }),
});
export type RateRow = z.infer<typeof RateRow>;

export const LedgerAnswer = z.object({
  scope: z.object({ code: z.string(), name: z.string() }),
  total: RateRow,
  byJurisdiction: z.array(RateRow),
  truncated: z.boolean(),
  rows: z.array(
    z.object({
      id: z.number(),
      caseId: z.number(),
      caseNumber: z.string(),
      subject: z.string(),
      jurisdictionCode: z.string(),
      place: z.string(),
      level: z.string().nullable(),
      levelName: z.string().nullable(),
      responsibleUnit: z.string().nullable(),
      leaders: z.array(z.string()),
      status: z.string(),
      statusName: z.string(),
      plan: z.object({
        total: z.number(),
        done: z.number(),
        overdue: z.number(),
        label: z.string(),
      }),
      standardsMet: z.number(),
      identifiedAt: z.string().nullable(),
      deadline: z.string().nullable(),
      overdue: z.boolean(),
      daysOpen: z.number().nullable(),
      resolvedAt: z.string().nullable(),
    }),
  ),
});
export type LedgerAnswer = z.infer<typeof LedgerAnswer>;
export type LedgerRow = LedgerAnswer['rows'][number];

/** GET /backlog/packages/compliance: 领导包案完成情况 of a jurisdiction's leaders in the period. */
export const ComplianceAnswer = z.object({
  scope: z.object({ code: z.string(), name: z.string() }),
  date: z.string(),
  summary: z.object({
    leaders: z.number(),
    met: z.number(),
    packages: z.number(),
    resolved: z.number(),
    rate: z.number().nullable().meta({ description: '包案化解率' }),
  }),
  items: z.array(
    z.object({
      leader: z.object({ id: z.number(), name: z.string() }),
      unit: z.string(),
      jurisdiction: z.object({ code: z.string(), name: z.string() }),
      level: z.string(),
      levelName: z.string(),
      quota: z.object({ period: z.string(), count: z.number(), name: z.string() }),
      period: z.object({ key: z.string(), name: z.string(), from: z.string(), to: z.string() }),
      taken: z.number(),
      required: z.number(),
      met: z.boolean(),
      total: z.number(),
      resolved: z.number(),
      rate: z.number().nullable(),
    }),
  ),
});
export type ComplianceAnswer = z.infer<typeof ComplianceAnswer>;
export type ComplianceItem = ComplianceAnswer['items'][number];
