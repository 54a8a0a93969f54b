import { z } from 'zod';
import { ROLE_NAMES } from '../domain/roles.ts';
import type { Actor } from '../policies/actor.ts';

export const MeView = z.object({
  id: z.number(),
  role: z.string(),
  roleName: z.string(),
  displayName: z.string(),
  unit: z.object({ id: z.number(), name: z.string(), kind: z.enum(['bureau', 'department']) }).nullable(),
  jurisdiction: z
    .object({
      code: z.string(),
      name: z.string(),
      /** Codes in the caller's data scope start with this prefix. */
      scopePrefix: z.string(),
    })
    .nullable(),
  /** After an administrator's password reset: the console shows only the change form. */
  mustChangePassword: z.boolean(),
});

export function presentMe(a: Actor): z.infer<typeof MeView> {
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
  };
}
