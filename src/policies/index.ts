// Authorization in one place (权限): who may do what, and which rows each caller may see.
// Routes and commands ask here; no route decides scope on its own.
//
// Data scope (数据范围):
//   - a petition bureau user (信访局) sees matters located in its jurisdiction's subtree, and
//     matters its bureau holds or is in charge of (e.g. forwarded to it from elsewhere);
//   - a department user (责任单位) sees matters assigned to its unit or waiting on it;
//   - a citizen sees only their own matters.
import { eq, like, or, type SQL, sql } from 'drizzle-orm';
import { cases, jurisdictions, units } from '../db/schema.ts';
import type { ActionDef } from '../domain/lifecycle/actions.ts';
import type { Role } from '../domain/roles.ts';
import { forbidden, notFound } from '../errors.ts';
import { type Actor, inSubtree } from './actor.ts';

export type { Actor } from './actor.ts';
export { inSubtree } from './actor.ts';

/** What the policies need to know about a case. */
export interface CaseRef {
  jurisdictionCode: string;
  assignedUnitId: number | null;
  currentUnitId?: number | null;
  bureauUnitId?: number | null;
  petitionerUserId: number | null;
}

/** What the policies need to know about a user being managed. */
export interface UserRef {
  role: Role;
  unitJurisdictionCode: string | null;
}

const STAFF_CASE_READERS: readonly Role[] = [
  'registrar',
  'handler',
  'reviewer',
  'supervisor',
  'leader',
  'analyst',
  'admin',
];

/** Roles that must contact or verify the petitioner see ID numbers and phones in full (within scope). */
const FULL_PII_ROLES: readonly Role[] = ['registrar', 'handler', 'reviewer'];

// ---- The tables: one rule per (model, action). -------------------------------------------------

export const casePolicy = {
  read: (a: Actor, c: CaseRef): boolean => {
    if (a.role === 'citizen') return c.petitionerUserId === a.userId;
    if (!STAFF_CASE_READERS.includes(a.role)) return false;
    const mine = (id: number | null | undefined) => id != null && id === a.unitId;
    if (a.unitKind === 'department') return mine(c.assignedUnitId) || mine(c.currentUnitId);
    return inSubtree(a, c.jurisdictionCode) || mine(c.currentUnitId) || mine(c.bureauUnitId);
  },
  /** May the actor take a lifecycle action (the action table's roles and `who`) on this case? */
  act: (a: Actor, c: CaseRef, def: Pick<ActionDef, 'roles' | 'who'>): boolean => {
    if (!def.roles.includes(a.role) || !casePolicy.read(a, c)) return false;
    switch (def.who) {
      case 'holder':
        return a.unitId !== null && a.unitId === c.currentUnitId;
      case 'bureau':
        return a.unitId !== null && a.unitId === c.bureauUnitId;
      case 'petitioner':
        return a.role === 'citizen'
          ? c.petitionerUserId === a.userId
          : a.unitId !== null && a.unitId === c.bureauUnitId;
      case 'in_scope':
        return true;
    }
  },
  viewFullPii: (a: Actor, c: CaseRef): boolean =>
    a.role === 'citizen'
      ? c.petitionerUserId === a.userId
      : FULL_PII_ROLES.includes(a.role) && casePolicy.read(a, c),
};

export const userPolicy = {
  list: (a: Actor): boolean => a.role === 'admin',
  read: (a: Actor, u: UserRef): boolean =>
    a.role === 'admin' && u.unitJurisdictionCode !== null && inSubtree(a, u.unitJurisdictionCode),
  /** An admin creates staff accounts in units of its own subtree; citizens register themselves. */
  create: (a: Actor, u: UserRef): boolean =>
    a.role === 'admin' &&
    u.role !== 'citizen' &&
    u.unitJurisdictionCode !== null &&
    inSubtree(a, u.unitJurisdictionCode),
};

export const settingsPolicy = {
  /** Administrators set limits for their own jurisdiction and below. */
  update: (a: Actor, jurisdictionCode: string): boolean =>
    a.role === 'admin' && inSubtree(a, jurisdictionCode),
};

export const auditPolicy = {
  /** Only the province administrator checks the whole audit chain. */
  verify: (a: Actor): boolean => a.role === 'admin' && a.scopePrefix !== null && a.scopePrefix.length === 2,
};

// ---- Enforcement helpers -------------------------------------------------------------------------

/** Throws 404 when the caller may not read the object (no existence leak). */
export function ensureReadable(allowed: boolean): void {
  if (!allowed) throw notFound();
}

/** Throws 403 for an action the caller may not take on an object it can see. */
export function ensureAllowed(allowed: boolean, message?: string): void {
  if (!allowed) throw forbidden(message);
}

// ---- Row scopes for queries ----------------------------------------------------------------------

const NOTHING = sql`false`;

/** WHERE condition restricting `cases` to what the caller may see. */
export function caseScope(a: Actor): SQL {
  if (a.role === 'citizen') return eq(cases.petitionerUserId, a.userId);
  if (!STAFF_CASE_READERS.includes(a.role)) return NOTHING;
  if (a.unitId === null) return NOTHING;
  if (a.unitKind === 'department')
    return or(eq(cases.assignedUnitId, a.unitId), eq(cases.currentUnitId, a.unitId)) as SQL;
  if (a.scopePrefix === null) return NOTHING;
  return or(
    like(cases.jurisdictionCode, `${a.scopePrefix}%`),
    eq(cases.currentUnitId, a.unitId),
    eq(cases.bureauUnitId, a.unitId),
  ) as SQL;
}

/** WHERE condition restricting `units` (joined for user lists) to the admin's subtree. */
export function unitScope(a: Actor): SQL {
  if (a.role !== 'admin' || a.scopePrefix === null) return NOTHING;
  return like(units.jurisdictionCode, `${a.scopePrefix}%`);
}

/** WHERE condition for jurisdictions inside the caller's subtree (for pickers). */
export function jurisdictionScope(a: Actor): SQL {
  return a.scopePrefix === null ? NOTHING : like(jurisdictions.code, `${a.scopePrefix}%`);
}
