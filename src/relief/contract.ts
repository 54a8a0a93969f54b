// The relief API's answers (困难群众救助; server–web contract, docs/architecture.md). Only zod here.
import { z } from 'zod';

export const Application = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  subject: z.string(),
  jurisdictionCode: z.string(),
  applicantName: z.string(),
  applicantIdNumber: z.string().nullable(),
  reason: z.string(),
  requestedFen: z.number(),
  requestedYuan: z.string(),
  approvedFen: z.number().nullable(),
  paidFen: z.number(),
  status: z.string(),
  statusName: z.string(),
  pendingLevel: z.number().nullable(),
  pendingLevelName: z.string().nullable(),
  /** The levels the chain goes through for the amount asked (or approved so far). */
  chain: z.array(z.object({ level: z.number(), name: z.string() })),
  approvals: z.array(
    z.object({
      level: z.number(),
      levelName: z.string(),
      unit: z.string().nullable(),
      by: z.string(),
      decision: z.string(),
      amountFen: z.number().nullable(),
      opinion: z.string(),
      at: z.string(),
    }),
  ),
  payments: z.array(
    z.object({
      date: z.string(),
      amountFen: z.number(),
      payer: z.string(),
      method: z.string(),
      voucher: z.string(),
      recordedBy: z.string(),
      recordedAt: z.string(),
    }),
  ),
  closure: z.object({ condition: z.string(), met: z.boolean(), waitingOn: z.array(z.string()) }),
  appliedAt: z.string(),
  decidedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  availableActions: z.array(z.object({ action: z.string(), label: z.string() })),
});
export type Application = z.infer<typeof Application>;

/** A jurisdiction's relief counts and sums (in fen) for a year. */
export const TotalsCounts = z.object({
  applications: z.number(),
  approved: z.number(),
  rejected: z.number(),
  pending: z.number(),
  approvedFen: z.number(),
  paidFen: z.number(),
  closed: z.number(),
});
export type TotalsCounts = z.infer<typeof TotalsCounts>;

export const TotalsRow = TotalsCounts.extend({ jurisdictionCode: z.string(), name: z.string() });
export type TotalsRow = z.infer<typeof TotalsRow>;

/** GET /relief/totals: by the next level's jurisdictions, and the sum. */
export const ReliefTotals = z.object({
  year: z.number(),
  jurisdictionCode: z.string(),
  items: z.array(TotalsRow),
  total: TotalsCounts,
});
export type ReliefTotals = z.infer<typeof ReliefTotals>;
