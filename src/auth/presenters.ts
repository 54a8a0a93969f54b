import { ROLE_NAMES } from '../domain/roles.ts';
import { abilities } from '../policies/abilities.ts';
import type { Actor } from '../policies/actor.ts';
import type { MeView } from './contract.ts';

export { MeView } from './contract.ts';

export function presentMe(a: Actor): MeView {
  return {
    id: a.userId,
    role: a.role,
    roleName: ROLE_NAMES[a.role],
    displayName: a.displayName,
    unit:
      a.unitId !== null && a.unitName && a.unitKind
        ? { id: a.unitId, name: a.unitName, kind: a.unitKind }
        : null,
    jurisdiction:
      a.jurisdictionCode && a.jurisdictionName && a.scopePrefix
        ? { code: a.jurisdictionCode, name: a.jurisdictionName, scopePrefix: a.scopePrefix }
        : null,
    mustChangePassword: a.mustChangePassword === true,
    abilities: abilities(a),
  };
}
