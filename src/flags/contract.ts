// The flags API's answers (a matter's national flags and the upward reports of 重大紧急; server–web
// contract, docs/architecture.md). Only zod here: the console imports the types with `import type`.
import { z } from 'zod';

export const FlagItem = z.object({
  flag: z.string(),
  name: z.string().meta({ description: '标识名称' }),
  setAt: z.string(),
  note: z.string().nullable(),
});
export type FlagItem = z.infer<typeof FlagItem>;

/** An upward report (上报) of a 重大紧急 matter, and its 签收. */
export const ReportItem = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  subject: z.string(),
  flag: z.string(),
  flagName: z.string(),
  fromUnit: z.string().nullable(),
  toUnitId: z.number(),
  toUnit: z.string(),
  note: z.string().nullable(),
  reportedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type ReportItem = z.infer<typeof ReportItem>;

/** GET and POST /cases/{id}/flags. */
export const FlagsAnswer = z.object({ flags: z.array(FlagItem), reports: z.array(ReportItem) });
export type FlagsAnswer = z.infer<typeof FlagsAnswer>;

/** GET /flag-reports. */
export const ReportsAnswer = z.object({ items: z.array(ReportItem) });
export type ReportsAnswer = z.infer<typeof ReportsAnswer>;
