// The API keys' answers (接口密钥 of an administrator's subtree; server–web contract,
// docs/architecture.md). Only zod here: the console imports the types with `import type`.
import { z } from 'zod';

export const KeyItem = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string().meta({ description: '密钥前缀（xfk_前缀_…），用于辨认' }),
  unit: z.object({ id: z.number(), name: z.string() }),
  jurisdiction: z.object({ code: z.string(), name: z.string() }),
  role: z.string(),
  roleName: z.string(),
  scopes: z.array(z.object({ scope: z.string(), name: z.string() })),
  rateLimit: z.number().meta({ description: '每分钟请求数上限' }),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type KeyItem = z.infer<typeof KeyItem>;
