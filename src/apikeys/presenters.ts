// What the console sees of a key: never its secret (only the prefix that names it).
import { API_SCOPE_NAMES, isApiScope } from '../domain/apikeys/scopes.ts';
import { isRole, ROLE_NAMES } from '../domain/roles.ts';
import type { KeyItem } from './contract.ts';
import type { KeyListRow } from './queries.ts';

export function presentKey(r: KeyListRow): KeyItem {
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
