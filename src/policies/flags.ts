// National flags (重大紧急, 同意公开, 涉法涉诉, 涉港澳台侨外, 扬言): who may set them and who sees the
// upward reports. Reading follows the case (casePolicy, caseScope: 回避 included).
import { type CaseFlag, staffOnlyFlags } from '../domain/flags.ts';
import type { Role } from '../domain/roles.ts';
import { type Actor, type CaseRef, casePolicy, inSubtree } from './index.ts';

const SETTERS: readonly Role[] = ['registrar', 'handler', 'reviewer', 'supervisor', 'leader'];
const OVERSIGHT: readonly Role[] = ['supervisor', 'leader'];

export interface ReportRef {
  toUnitId: number;
  jurisdictionCode: string;
}

export const flagPolicy = {
  /** Flags chosen at registration: staff any; a citizen only those the table lets petitioners tick. */
  deniedAtIntake: (a: Actor, flags: readonly CaseFlag[]): CaseFlag[] =>
    a.role === 'citizen' ? staffOnlyFlags(flags) : [],
  /** Staff who read the matter see its flags. */
  read: (a: Actor, c: CaseRef): boolean =>
    a.role !== 'citizen' && a.queryCodeCaseId === undefined && casePolicy.read(a, c),
  /**
   * Set or clear flags later: the unit holding the matter, the bureau in charge, or supervisors and
   * leaders of a bureau whose subtree holds it.
   */
  set: (a: Actor, c: CaseRef): boolean =>
    SETTERS.includes(a.role) &&
    casePolicy.read(a, c) &&
    a.unitId !== null &&
    (a.unitId === c.currentUnitId ||
      a.unitId === c.bureauUnitId ||
      (OVERSIGHT.includes(a.role) && a.unitKind === 'bureau' && inSubtree(a, c.jurisdictionCode))),
  /** 签收 an upward report: supervisors and leaders of the bureau it was made to. */
  acknowledge: (a: Actor, r: ReportRef): boolean => flagPolicy.acknowledges(a) && a.unitId === r.toUnitId,
  /** May sign for upward reports made to their own unit at all? */
  acknowledges: (a: Actor): boolean => OVERSIGHT.includes(a.role) && a.unitId !== null,
  /** List upward reports (of matters the caller reads): petition-bureau staff. */
  listReports: (a: Actor): boolean => a.unitKind === 'bureau' && a.role !== 'citizen',
};
