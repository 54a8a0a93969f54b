// 检举控告: who may read and record the accused (被反映人) of a matter. Which units never see the
// matter at all is the case policy's rule (回避, src/policies/hidden.ts, in casePolicy and caseScope).
import type { Role } from '../domain/roles.ts';
import { type Actor, type CaseRef, casePolicy, mayHold } from './index.ts';

/** Staff who record the accused: whoever registers, holds or is in charge of the matter. */
const RECORDERS: readonly Role[] = ['registrar', 'handler', 'reviewer', 'supervisor', 'leader'];

export const accusationPolicy = {
  /** Staff who read the matter read its accused; the petitioner and query-code holders do not. */
  read: (a: Actor, c: CaseRef): boolean =>
    a.role !== 'citizen' && a.queryCodeCaseId === undefined && casePolicy.read(a, c),
  /** Record an accused party later: the unit holding the matter or the bureau in charge of it. */
  record: (a: Actor, c: CaseRef): boolean =>
    RECORDERS.includes(a.role) &&
    casePolicy.read(a, c) &&
    a.unitId !== null &&
    (a.unitId === c.currentUnitId || a.unitId === c.bureauUnitId),
  /** The accused person's name in full: those who see the parties in full. */
  viewName: (a: Actor, c: CaseRef): boolean => casePolicy.viewFullPii(a, c),
  /** No unit the matter is kept from may hold it (current, responsible, in charge, reviewing). */
  holdersAllowed: (c: CaseRef & { reviewUnitId?: number | null }): boolean =>
    [c.currentUnitId, c.assignedUnitId, c.bureauUnitId, c.reviewUnitId, ...(c.coUnitIds ?? [])].every((u) =>
      mayHold(u, c),
    ),
};
