// 认领与移交 (claiming a matter and handing it to a colleague): who may hold a matter within the unit
// holding it. A staff member may take a matter only if they could act on it now as the holder —
// their role is among the roles of an action of the holding unit in the matter's state.
import { ACTIONS } from '../lifecycle/actions.ts';
import type { CaseState } from '../lifecycle/vocabulary.ts';
import type { Role } from '../roles.ts';

/** The roles that can take one of the holding unit's actions in this state. */
export function holderRoles(state: CaseState): Role[] {
  const roles = new Set<Role>();
  for (const def of Object.values(ACTIONS)) {
    if (def.who !== 'holder' || !(def.from as readonly string[]).includes(state)) continue;
    for (const r of def.roles) if (r !== 'system') roles.add(r);
  }
  return [...roles];
}

export const mayHoldAssignment = (role: Role, state: CaseState): boolean => holderRoles(state).includes(role);
