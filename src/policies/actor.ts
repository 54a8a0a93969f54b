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
  /**
   * Set for a machine client (接口密钥): the key's id and scopes. The actor is the key's service
   * user, in the key's role and jurisdiction (src/apikeys/auth.ts). Sees parties masked.
   */
  apiKey?: { id: number; scopes: readonly string[]; rateLimit: number };
  /**
   * Set for the hall's big screen showing a display token (大屏展示令牌, src/kiosk): no account
   * (`userId` 0), read-only, the big screen's routes only (src/domain/kiosk), its jurisdiction.
   */
  kiosk?: { id: number };
  /** After an administrator's password reset: the session may only change the password (src/server/auth.ts). */
  mustChangePassword?: boolean;
}

/** A citizen as the policies see one: no unit, no jurisdiction. */
export function citizenActor(userId: number, displayName: string): Actor {
  return {
    userId,
    role: 'citizen',
    displayName,
    unitId: null,
    unitKind: null,
    unitName: null,
    jurisdictionCode: null,
    jurisdictionName: null,
    scopePrefix: null,
  };
}

export function inSubtree(actor: Actor, jurisdictionCode: string): boolean {
  return actor.scopePrefix !== null && jurisdictionCode.startsWith(actor.scopePrefix);
}
