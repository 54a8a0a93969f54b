// 积案: who may do what (one rule table), and which matters each caller sees.
//   - read: petition-bureau staff whose subtree holds the matter's place; the responsible unit's staff;
//   - propose / dismiss candidates, request closing or unflagging: supervisors and leaders of a
//     bureau whose subtree holds the place;
//   - identify (认定), approve closing (审核) and unflagging: the bureau above the proposer
//     (`approvingUnitId`), its reviewers, supervisors and leaders;
//   - plan, progress, evidence: the bureau in scope and the responsible unit;
//   - sign a standard off: reviewers and leaders of a bureau in scope, not the one who wrote the evidence.
import { eq, like, or, type SQL, sql } from 'drizzle-orm';
import { backlogMatters } from '../db/schema.ts';
import type { BacklogActionName } from '../domain/backlog/states.ts';
import type { Role } from '../domain/roles.ts';
import { type Actor, inSubtree } from './actor.ts';

export type { Actor } from './actor.ts';

/** What the rules need to know about a backlog matter. */
export interface BacklogRef {
  jurisdictionCode: string;
  responsibleUnitId: number | null;
  approvingUnitId: number | null;
}

type Who =
  /** A petition bureau whose subtree holds the matter's place. */
  | 'bureau_in_scope'
  /** The bureau above the proposer (approvingUnitId). */
  | 'upper_bureau'
  /** A bureau in scope, or the responsible unit. */
  | 'worker';

const PROPOSERS: readonly Role[] = ['supervisor', 'leader'];
const APPROVERS: readonly Role[] = ['reviewer', 'supervisor', 'leader'];
const WORKERS: readonly Role[] = ['handler', 'reviewer', 'supervisor', 'leader'];
const SIGNERS: readonly Role[] = ['reviewer', 'leader'];
/** A leader fills in only their own package's plan and records (领导包案 is personal). */
const OWN_PACKAGE_ONLY: readonly Role[] = ['leader'];
const READERS: readonly Role[] = [
  'registrar',
  'handler',
  'reviewer',
  'supervisor',
  'leader',
  'analyst',
  'admin',
];

/** The rule table: one line per action. */
export const BACKLOG_RULES: Record<BacklogActionName, { roles: readonly Role[]; who: Who }> = {
  propose: { roles: PROPOSERS, who: 'bureau_in_scope' },
  dismiss: { roles: PROPOSERS, who: 'bureau_in_scope' },
  approve: { roles: APPROVERS, who: 'upper_bureau' },
  reject: { roles: APPROVERS, who: 'upper_bureau' },
  add_step: { roles: WORKERS, who: 'worker' },
  complete_step: { roles: WORKERS, who: 'worker' },
  add_progress: { roles: WORKERS, who: 'worker' },
  record_evidence: { roles: WORKERS, who: 'worker' },
  sign_standard: { roles: SIGNERS, who: 'bureau_in_scope' },
  request_close: { roles: PROPOSERS, who: 'bureau_in_scope' },
  approve_close: { roles: APPROVERS, who: 'upper_bureau' },
  return_close: { roles: APPROVERS, who: 'upper_bureau' },
  request_unflag: { roles: PROPOSERS, who: 'bureau_in_scope' },
  approve_unflag: { roles: APPROVERS, who: 'upper_bureau' },
  reject_unflag: { roles: APPROVERS, who: 'upper_bureau' },
  /** 领导包案: a leader of a bureau in scope takes the matter; the plan and records are theirs
   * (or a supervisor's in scope, on their behalf: the command checks the package's leader). */
  take_package: { roles: ['leader'], who: 'bureau_in_scope' },
  package_plan: { roles: ['leader', 'supervisor'], who: 'bureau_in_scope' },
  package_record: { roles: ['leader', 'supervisor'], who: 'bureau_in_scope' },
};

const bureauInScope = (a: Actor, m: Pick<BacklogRef, 'jurisdictionCode'>) =>
  a.unitKind === 'bureau' && inSubtree(a, m.jurisdictionCode);

export const backlogPolicy = {
  /** May open the backlog area (ledger, candidates) at all? */
  use: (a: Actor): boolean => READERS.includes(a.role) && a.unitId !== null,
  read: (a: Actor, m: BacklogRef): boolean =>
    READERS.includes(a.role) &&
    (bureauInScope(a, m) ||
      (a.unitId !== null && (a.unitId === m.responsibleUnitId || a.unitId === m.approvingUnitId))),
  act: (a: Actor, m: BacklogRef, action: BacklogActionName): boolean => {
    const rule = BACKLOG_RULES[action];
    if (!rule.roles.includes(a.role) || !backlogPolicy.read(a, m)) return false;
    switch (rule.who) {
      case 'bureau_in_scope':
        return bureauInScope(a, m);
      case 'upper_bureau':
        return a.unitId !== null && a.unitId === m.approvingUnitId;
      case 'worker':
        return bureauInScope(a, m) || (a.unitId !== null && a.unitId === m.responsibleUnitId);
    }
  },
  /** May propose a case (not yet a candidate) as a backlog matter? */
  proposeCase: (a: Actor, jurisdictionCode: string): boolean =>
    PROPOSERS.includes(a.role) && bureauInScope(a, { jurisdictionCode }),
  /** The ledger and its Excel export (台账). */
  ledger: (a: Actor, scopeCode: string): boolean =>
    READERS.includes(a.role) && a.unitKind === 'bureau' && inSubtree(a, scopeCode),
  /** 包案 compliance (quotas) of a scope: the same readers as the ledger. */
  packageCompliance: (a: Actor, scopeCode: string): boolean => backlogPolicy.ledger(a, scopeCode),
  /** 包案 plan and records: a leader only those of their own package; a supervisor any leader's. */
  packageWork: (a: Actor, p: { leaderUserId: number }): boolean =>
    backlogPolicy.othersPackages(a) || p.leaderUserId === a.userId,
  /** May fill in the plan and records of another leader's package (supervisors)? */
  othersPackages: (a: Actor): boolean =>
    BACKLOG_RULES.package_plan.roles.includes(a.role) && !OWN_PACKAGE_ONLY.includes(a.role),
  /** Candidate rules and 包案 quotas of a jurisdiction: administrators of it or above. */
  editRules: (a: Actor, jurisdictionCode: string): boolean =>
    a.role === 'admin' && inSubtree(a, jurisdictionCode),
};

/** WHERE condition restricting `backlog_matters` to what the caller may read. */
export function backlogScope(a: Actor): SQL {
  if (!READERS.includes(a.role) || a.unitId === null) return sql`false`;
  const mine = or(
    eq(backlogMatters.responsibleUnitId, a.unitId),
    eq(backlogMatters.approvingUnitId, a.unitId),
  );
  if (a.unitKind === 'bureau' && a.scopePrefix !== null)
    return or(like(backlogMatters.jurisdictionCode, `${a.scopePrefix}%`), mine) as SQL;
  return mine as SQL;
}
