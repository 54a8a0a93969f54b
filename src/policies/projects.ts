// 重点工作项目化管理: who may do what (one rule table), and which projects each sees.
//   - see a project: staff of a petition bureau whose subtree holds the project's bureau (the bureau
//     itself and those above), and staff of its owner unit;
//   - create a project for the caller's own bureau: its supervisors and leaders;
//   - add milestones, complete them, record progress: staff of the project's bureau (registrar,
//     reviewer, supervisor, leader) and of its owner unit; a bureau above only reads;
//   - set the number of projects a year (settings): administrators of the jurisdiction or above.
import { eq, like, or, type SQL, sql } from 'drizzle-orm';
import { projects } from '../db/schema.ts';
import type { ProjectAction } from '../domain/projects/status.ts';
import type { Role } from '../domain/roles.ts';
import { type Actor, inSubtree } from './actor.ts';

export type { Actor } from './actor.ts';

export interface ProjectRef {
  bureauUnitId: number;
  jurisdictionCode: string;
  ownerUnitId: number;
}

type Who = 'own_bureau' | 'bureau_or_owner';

const MANAGERS: readonly Role[] = ['supervisor', 'leader'];
const WORKERS: readonly Role[] = ['registrar', 'handler', 'reviewer', 'supervisor', 'leader'];
const READERS: readonly Role[] = [...WORKERS, 'analyst', 'admin'];

/** The rule table: one line per action. */
export const PROJECT_RULES = {
  create: { roles: MANAGERS, who: 'own_bureau' },
  add_milestone: { roles: WORKERS, who: 'bureau_or_owner' },
  complete_milestone: { roles: WORKERS, who: 'bureau_or_owner' },
  add_progress: { roles: WORKERS, who: 'bureau_or_owner' },
} as const satisfies Record<'create' | ProjectAction, { roles: readonly Role[]; who: Who }>;

const isBureau = (a: Actor) => a.unitKind === 'bureau' && a.unitId !== null;

export const projectPolicy = {
  use: (a: Actor): boolean => READERS.includes(a.role) && a.unitId !== null,
  read: (a: Actor, p: ProjectRef): boolean =>
    projectPolicy.use(a) && ((isBureau(a) && inSubtree(a, p.jurisdictionCode)) || a.unitId === p.ownerUnitId),
  /** Create a project for the caller's own bureau. */
  create: (a: Actor): boolean => PROJECT_RULES.create.roles.includes(a.role) && isBureau(a),
  act: (a: Actor, p: ProjectRef, action: ProjectAction): boolean =>
    PROJECT_RULES[action].roles.includes(a.role) &&
    (a.unitId === p.bureauUnitId || a.unitId === p.ownerUnitId),
  /** The number of projects a year for a jurisdiction. */
  setQuota: (a: Actor, jurisdictionCode: string): boolean =>
    a.role === 'admin' && inSubtree(a, jurisdictionCode),
};

/** WHERE condition restricting `projects` to what the caller may see. */
export function projectScope(a: Actor): SQL {
  if (!projectPolicy.use(a) || a.unitId === null) return sql`false`;
  const mine = eq(projects.ownerUnitId, a.unitId);
  if (isBureau(a) && a.scopePrefix !== null)
    return or(like(projects.jurisdictionCode, `${a.scopePrefix}%`), mine) as SQL;
  return mine;
}
