// 会办: who reads a co-handled matter's parts and who files one. Co-handling units read the matter
// itself through casePolicy (coUnitIds) and caseScope.
import type { Role } from '../domain/roles.ts';
import { type Actor, type CaseRef, casePolicy } from './index.ts';

const FILERS: readonly Role[] = ['registrar', 'handler', 'reviewer', 'leader'];

export const cohandlingPolicy = {
  /** Staff who read the matter read the co-handling record and every unit's part. */
  read: (a: Actor, c: CaseRef): boolean =>
    a.role !== 'citizen' && a.queryCodeCaseId === undefined && casePolicy.read(a, c),
  /** A co-handling unit's staff file that unit's part (会办意见). */
  file: (a: Actor, c: CaseRef): boolean =>
    FILERS.includes(a.role) &&
    casePolicy.read(a, c) &&
    a.unitId !== null &&
    (c.coUnitIds ?? []).includes(a.unitId),
};
