// The signed-in staff member as GET /auth/me answers for them: a test's fixture (id, role, unit,
// jurisdiction) through the server's own presenter, so the abilities the pages read are the ones the
// policies compute for that account.
import { presentMe } from '../../src/auth/presenters.ts';
import { isRole } from '../../src/domain/roles.ts';

interface Fixture {
  id: number;
  role: string;
  /** Not used: the presenter names the role, as the server does. */
  roleName?: string;
  displayName: string;
  unit: { id: number; name: string; kind: string } | null;
  jurisdiction: { code: string; name: string; scopePrefix: string } | null;
}

export function meOf(f: Fixture) {
  if (!isRole(f.role)) throw new Error(`unknown role ${f.role}`);
  const kind = f.unit?.kind;
  if (kind !== undefined && kind !== 'bureau' && kind !== 'department') throw new Error(`unit kind ${kind}`);
  return presentMe({
    userId: f.id,
    role: f.role,
    displayName: f.displayName,
    unitId: f.unit?.id ?? null,
    unitKind: kind ?? null,
    unitName: f.unit?.name ?? null,
    jurisdictionCode: f.jurisdiction?.code ?? null,
    jurisdictionName: f.jurisdiction?.name ?? null,
    scopePrefix: f.jurisdiction?.scopePrefix ?? null,
  });
}
