// Who is told about a matter: the staff of the unit now holding it whose role may take one of its
// next steps (the lifecycle table's `holder` actions from its state) — the same rule the engine
// applies when they act (casePolicy.act), so nobody is told of work they could not do.
import { ACTIONS } from '../lifecycle/actions.ts';
import type { Role } from '../roles.ts';

/** Roles that may act as the holder of a matter in `state` (no citizen, no system). */
export function holderRoles(state: string): Role[] {
  const roles = new Set<Role>();
  for (const def of Object.values(ACTIONS)) {
    if (def.who !== 'holder' || !(def.from as readonly string[]).includes(state)) continue;
    for (const r of def.roles) if (r !== 'system' && r !== 'citizen') roles.add(r);
  }
  return [...roles];
}

/** Staff of an addressed unit who answer a supervision order (policies/supervision.ts, file_feedback). */
export const SUPERVISED_ROLES: readonly Role[] = ['handler', 'reviewer', 'supervisor', 'leader'];
