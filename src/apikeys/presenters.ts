// What the console sees of a key: never its secret (only the prefix that names it).
import { z } from 'zod';
import { API_SCOPE_NAMES, isApiScope } from '../domain/apikeys/scopes.ts';
import { isRole, ROLE_NAMES } from '../domain/roles.ts';
import type { KeyListRow } from './queries.ts';

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

export function presentKey(r: KeyListRow): z.infer<typeof KeyItem> {
  const k = r.key;
  return {
    id: k.id,
    name: k.name,
    prefix: `xfk_${k.prefix}_…`,
    unit: { id: k.unitId, name: r.unitName },
    jurisdiction: { code: k.jurisdictionCode, name: r.jurisdictionName },
    role: k.role,
    roleName: isRole(k.role) ? ROLE_NAMES[k.role] : k.role,
    scopes: k.scopes.map((s) => ({ scope: s, name: isApiScope(s) ? API_SCOPE_NAMES[s].name : s })),
    rateLimit: k.rateLimit,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}
