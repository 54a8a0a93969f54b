// 登记分类: who reads a matter's classification suggestion, who confirms or changes its content
// category, and who searches units by name for 交办/转送. Reading follows the case (casePolicy:
// 回避 included); staff only — the suggestion is internal advice, never the petitioner's.
import type { Role } from '../domain/roles.ts';
import { type Actor, type CaseRef, casePolicy, inSubtree } from './index.ts';

const CATEGORIZERS: readonly Role[] = ['registrar', 'handler', 'reviewer', 'supervisor', 'leader'];
const OVERSIGHT: readonly Role[] = ['supervisor', 'leader'];
const ROUTERS: readonly Role[] = ['registrar', 'handler', 'reviewer', 'supervisor', 'leader'];

export const intakePolicy = {
  /** Staff who read the matter see its suggestion, hints and category status. */
  read: (a: Actor, c: CaseRef): boolean =>
    a.role !== 'citizen' &&
    a.queryCodeCaseId === undefined &&
    a.apiKey === undefined &&
    casePolicy.read(a, c),
  /**
   * Confirm or change the category: the unit holding the matter or the bureau in charge (the
   * registrar's desk), or supervisors and leaders of a bureau whose subtree holds it.
   */
  categorize: (a: Actor, c: CaseRef): boolean =>
    CATEGORIZERS.includes(a.role) &&
    intakePolicy.read(a, c) &&
    a.unitId !== null &&
    (a.unitId === c.currentUnitId ||
      a.unitId === c.bureauUnitId ||
      (OVERSIGHT.includes(a.role) && a.unitKind === 'bureau' && inSubtree(a, c.jurisdictionCode))),
  /** Search units by name (交办/转送 targets): staff with a jurisdiction, within their subtree. */
  searchUnits: (a: Actor): boolean => ROUTERS.includes(a.role) && a.scopePrefix !== null,
};
