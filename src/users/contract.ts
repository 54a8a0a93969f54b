// The users API's answers (用户: the staff of an administrator's subtree; server–web contract,
// docs/architecture.md). Only zod here: the console imports the types with `import type`.
import { z } from 'zod';

export const UserView = z.object({
  id: z.number(),
  username: z.string().nullable(),
  role: z.string(),
  roleName: z.string(),
  displayName: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  jurisdictionCode: z.string().nullable(),
  phone: z.string().nullable().meta({ description: '脱敏手机号' }),
  disabled: z.boolean(),
});
export type UserView = z.infer<typeof UserView>;

export const UserPage = z.object({ items: z.array(UserView), total: z.number() });
export type UserPage = z.infer<typeof UserPage>;

/** GET and PUT /me/profile: a citizen's real-name details (实名信息), theirs in full. */
export const Profile = z.object({
  name: z.string().nullable(),
  idNumber: z.string().nullable().meta({ description: '本人可见完整号码' }),
  phone: z.string().nullable(),
});
export type Profile = z.infer<typeof Profile>;
