// Flags and upward reports as the console shows them (names from the flag table).
import { z } from 'zod';
import { type CaseFlag, FLAG_RULES, isCaseFlag } from '../domain/flags.ts';

export const FlagItem = z.object({
  flag: z.string(),
  name: z.string().meta({ description: '标识名称' }),
  setAt: z.string(),
  note: z.string().nullable(),
});

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

const nameOf = (f: string) => (isCaseFlag(f) ? FLAG_RULES[f as CaseFlag].name : f);

export function presentFlag(r: { flag: string; setAt: Date; note: string | null }): z.infer<typeof FlagItem> {
  return { flag: r.flag, name: nameOf(r.flag), setAt: r.setAt.toISOString(), note: r.note };
}

export function presentReport(r: {
  id: number;
  caseId: number;
  caseNumber: string;
  subject: string;
  flag: string;
  fromUnit: string | null;
  toUnitId: number;
  toUnit: string;
  note: string | null;
  reportedAt: Date;
  acknowledgedAt: Date | null;
}): z.infer<typeof ReportItem> {
  return {
    ...r,
    flagName: nameOf(r.flag),
    reportedAt: r.reportedAt.toISOString(),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
  };
}
