// The warnings API's answers (GET /api/v1/warnings, /special-periods; server–web contract,
// docs/architecture.md). Only zod here: the web imports the types with `import type`.
import { z } from 'zod';

export const WARNING_KINDS = [
  'growth',
  'group_event',
  'repeat_petitioner',
  'overdue_unit',
  'extreme_risk',
  'storage_low',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export const Warning = z.object({
  id: z.number(),
  kind: z.enum(WARNING_KINDS),
  level: z.enum(['high', 'medium']),
  title: z.string(),
  detail: z.string(),
  caseIds: z.array(z.number()),
  cases: z
    .array(z.object({ id: z.number(), caseNumber: z.string() }))
    .meta({ description: '前若干件关联信访件（编号），全部见 caseIds' }),
  jurisdiction: z.object({ code: z.string(), name: z.string() }),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable().meta({ description: '签收人（姓名）' }),
  note: z.string().nullable(),
});
export type Warning = z.infer<typeof Warning>;

export const SpecialPeriod = z.object({
  id: z.number(),
  name: z.string(),
  from: z.string(),
  to: z.string(),
  scope: z.object({ code: z.string(), name: z.string() }),
  thresholdFactor: z.number(),
  createdAt: z.string(),
});
export type SpecialPeriod = z.infer<typeof SpecialPeriod>;
