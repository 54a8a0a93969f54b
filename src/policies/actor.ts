// The caller of a request, as the policies see it.
import type { Role } from '../domain/roles.ts';

export interface Actor {
  userId: number;
  role: Role;
  displayName: string;
  /** Citizens have no unit. */
  unitId: number | null;
  unitKind: 'bureau' | 'department' | null;
  unitName: string | null;
  jurisdictionCode: string | null;
  jurisdictionName: string | null;
  /** Every jurisdiction code in the caller's subtree starts with this ('3201' for 南京市). */
  scopePrefix: string | null;
  /**
   * Set for whoever presented this case's number and query code on the public query page (the
   * query code is the petitioner's key): no account (`userId` 0, recorded as none), role citizen,
   * and this one case only. See `queryCodeActor` (src/policies/index.ts).
   */
  queryCodeCaseId?: number;
}

export function inSubtree(actor: Actor, jurisdictionCode: string): boolean {
  return actor.scopePrefix !== null && jurisdictionCode.startsWith(actor.scopePrefix);
}
