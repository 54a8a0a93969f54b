// Flags and upward reports as the console shows them (names from the flag table).
import { type CaseFlag, FLAG_RULES, isCaseFlag } from '../domain/flags.ts';
import type { FlagItem, ReportItem } from './contract.ts';

const nameOf = (f: string) => (isCaseFlag(f) ? FLAG_RULES[f as CaseFlag].name : f);

export function presentFlag(r: { flag: string; setAt: Date; note: string | null }): FlagItem {
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
}): ReportItem {
  return {
    ...r,
    flagName: nameOf(r.flag),
    reportedAt: r.reportedAt.toISOString(),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
  };
}
