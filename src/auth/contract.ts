// The signed-in user as the API describes them (GET /auth/me, POST /auth/login; server–web
// contract, docs/architecture.md). Only zod here: the web imports the type with `import type`.
import { z } from 'zod';

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
export type MeView = z.infer<typeof MeView>;
