// 专家库: who may do what (one rule table), and which experts and assignments each caller sees.
//   - the library: petition-bureau staff read the experts of their subtree and of the levels above
//     (a county bureau may call on city and province experts); leaders and administrators keep the
//     experts of their subtree;
//   - assign an expert to a matter or a backlog matter: reviewers, supervisors and leaders of a
//     petition bureau whose subtree holds the matter's place (and who may use the expert);
//   - record the expert's opinion (专家意见), withdraw: staff of the assigning bureau;
//   - a matter's assignments: whoever reads the matter (the case page's panel).
import { eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { expertAssignments, experts } from '../db/schema.ts';
import { ancestorCodes } from '../domain/experts/experts.ts';
import type { Role } from '../domain/roles.ts';
import { type Actor, inSubtree } from './actor.ts';

export type { Actor } from './actor.ts';

export interface ExpertRef {
  jurisdictionCode: string;
}
export interface AssignmentRef {
  jurisdictionCode: string;
  assigningUnitId: number;
}

const READERS: readonly Role[] = [
  'registrar',
  'handler',
  'reviewer',
  'supervisor',
  'leader',
  'analyst',
  'admin',
];
const KEEPERS: readonly Role[] = ['leader', 'admin'];
const ASSIGNERS: readonly Role[] = ['reviewer', 'supervisor', 'leader'];
const ASSIGNING_STAFF: readonly Role[] = ['handler', 'reviewer', 'supervisor', 'leader'];

export type AssignmentActionName = 'file_opinion' | 'withdraw';

/** The rule table: one line per step on an assignment (making one: `expertPolicy.assign`). */
export const EXPERT_RULES: Record<AssignmentActionName, { roles: readonly Role[]; who: 'assigning_bureau' }> =
  {
    file_opinion: { roles: ASSIGNING_STAFF, who: 'assigning_bureau' },
    withdraw: { roles: ['supervisor', 'leader'], who: 'assigning_bureau' },
  };

const bureau = (a: Actor) => a.unitKind === 'bureau' && a.scopePrefix !== null && a.jurisdictionCode !== null;
/** The expert's library is the caller's subtree or a level above it. */
const usable = (a: Actor, code: string) =>
  bureau(a) && (inSubtree(a, code) || ancestorCodes(a.jurisdictionCode ?? '').includes(code));

export const expertPolicy = {
  use: (a: Actor): boolean => READERS.includes(a.role) && bureau(a),
  read: (a: Actor, e: ExpertRef): boolean => READERS.includes(a.role) && usable(a, e.jurisdictionCode),
  manage: (a: Actor, jurisdictionCode: string): boolean =>
    KEEPERS.includes(a.role) && bureau(a) && inSubtree(a, jurisdictionCode),
  /** Assign `e` to a matter located at `caseCode`. */
  assign: (a: Actor, e: ExpertRef, caseCode: string): boolean =>
    ASSIGNERS.includes(a.role) && expertPolicy.read(a, e) && inSubtree(a, caseCode),
  /** The 派专家 button on a matter located at `caseCode`: an assigner of a bureau over that place. */
  assignsFor: (a: Actor, caseCode: string): boolean =>
    ASSIGNERS.includes(a.role) && expertPolicy.counts(a, caseCode),
  readAssignment: (a: Actor, r: AssignmentRef): boolean =>
    READERS.includes(a.role) &&
    ((bureau(a) && inSubtree(a, r.jurisdictionCode)) || a.unitId === r.assigningUnitId),
  act: (a: Actor, r: AssignmentRef, action: AssignmentActionName): boolean =>
    EXPERT_RULES[action].roles.includes(a.role) && a.unitId !== null && a.unitId === r.assigningUnitId,
  /** Load and opinions per expert, for a scope. */
  counts: (a: Actor, scopeCode: string): boolean =>
    READERS.includes(a.role) && bureau(a) && inSubtree(a, scopeCode),
};

/** WHERE condition restricting `experts` to the libraries the caller may use. */
export function expertScope(a: Actor): SQL {
  if (!expertPolicy.use(a) || a.scopePrefix === null) return sql`false`;
  const above = ancestorCodes(a.jurisdictionCode ?? '');
  const own = like(experts.jurisdictionCode, `${a.scopePrefix}%`);
  return (above.length ? or(own, inArray(experts.jurisdictionCode, above)) : own) as SQL;
}

/** WHERE condition restricting `expert_assignments` to what the caller may read (lists). */
export function assignmentScope(a: Actor): SQL {
  if (!READERS.includes(a.role) || a.unitId === null) return sql`false`;
  const mine = eq(expertAssignments.assigningUnitId, a.unitId);
  if (bureau(a)) return or(like(expertAssignments.jurisdictionCode, `${a.scopePrefix}%`), mine) as SQL;
  return mine;
}
