// 部门联动: who may do what with referrals to joint-conference members, 信访救助, 跨省协作 and 三无县
// evaluations (one rule table each), and which rows each caller sees.
//   - read: petition-bureau staff whose subtree holds the matter's place (or the county evaluated);
//     the referring / applying / opening bureau; for a referral, the member's own platform unit
//     (公安局, 民政局) too;
//   - refer, apply, open a cooperation: registrars, reviewers, supervisors and leaders of a petition
//     bureau whose subtree holds the matter;
//   - referral steps: the referring bureau; the member's own unit may file the feedback;
//   - relief approval: the leader of the petition bureau at the level awaited (county, city,
//     province) whose subtree holds the matter; payment and closing: the applying bureau;
//   - 三无 evaluation: supervisors and leaders of a bureau above the county (city or province)
//     record it; only a leader decides it.
import { eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { levelOf } from '../domain/jurisdictions.ts';
import type { ReferralAction } from '../domain/linkage/referrals.ts';
import type { ReliefAction, ReliefLevel } from '../domain/linkage/relief.ts';
import type { Role } from '../domain/roles.ts';
import { type Actor, inSubtree } from './actor.ts';

export type { Actor } from './actor.ts';

const READERS: readonly Role[] = [
  'registrar',
  'handler',
  'reviewer',
  'supervisor',
  'leader',
  'analyst',
  'admin',
];
const BUREAU_WORKERS: readonly Role[] = ['registrar', 'reviewer', 'supervisor', 'leader'];
const MEMBER_UNIT_STAFF: readonly Role[] = ['handler', 'reviewer', 'supervisor', 'leader'];
const APPROVERS: readonly Role[] = ['leader'];
const EVALUATORS: readonly Role[] = ['supervisor', 'leader'];
const DECIDERS: readonly Role[] = ['leader'];
const FULL_PII_ROLES: readonly Role[] = ['registrar', 'handler', 'reviewer'];

const bureauInScope = (a: Actor, code: string) => a.unitKind === 'bureau' && inSubtree(a, code);
const bureauWorker = (a: Actor, code: string) => BUREAU_WORKERS.includes(a.role) && bureauInScope(a, code);

/** What the rules need to know about a referral. */
export interface ReferralRef {
  jurisdictionCode: string;
  referringUnitId: number;
  /** The member body's platform unit, if it has one. */
  memberUnitId: number | null;
}

type Who = 'referring_bureau' | 'referring_bureau_or_member';

/** One line per action on a referral (making one: `linkagePolicy.refer`). */
export const REFERRAL_RULES_WHO: Record<ReferralAction, Who> = {
  track: 'referring_bureau',
  feedback: 'referring_bureau_or_member',
  return: 'referring_bureau',
  close: 'referring_bureau',
};

export const linkagePolicy = {
  /** May open the linkage area (lists, member bodies) at all? */
  use: (a: Actor): boolean => READERS.includes(a.role) && a.unitId !== null,
  /**
   * The lists of referrals and relief applications as a desk (console menu): a petition bureau's
   * work; a member unit answers its referrals from the matter's page (`use` lets it open them).
   */
  desk: (a: Actor): boolean => linkagePolicy.use(a) && a.unitKind === 'bureau',
  /** The counts of referrals of a scope: the desk's, for its subtree. */
  counts: (a: Actor, scopeCode: string): boolean => linkagePolicy.desk(a) && inSubtree(a, scopeCode),
  refer: (a: Actor, caseJurisdiction: string): boolean => bureauWorker(a, caseJurisdiction),
  read: (a: Actor, r: ReferralRef): boolean =>
    READERS.includes(a.role) &&
    (bureauInScope(a, r.jurisdictionCode) ||
      (a.unitId !== null && (a.unitId === r.referringUnitId || a.unitId === r.memberUnitId))),
  act: (a: Actor, r: ReferralRef, action: ReferralAction): boolean => {
    if (!linkagePolicy.read(a, r)) return false;
    const bureau = BUREAU_WORKERS.includes(a.role) && a.unitId === r.referringUnitId;
    switch (REFERRAL_RULES_WHO[action]) {
      case 'referring_bureau':
        return bureau;
      case 'referring_bureau_or_member':
        return bureau || (MEMBER_UNIT_STAFF.includes(a.role) && a.unitId === r.memberUnitId);
    }
  },
  /** Edit a member body's liaison: admins and leaders of the jurisdiction's own bureau or above. */
  editMember: (a: Actor, jurisdictionCode: string): boolean =>
    (a.role === 'admin' || a.role === 'leader') && bureauInScope(a, jurisdictionCode),
};

/** What the rules need to know about a relief application. */
export interface ReliefRef {
  jurisdictionCode: string;
  applyingUnitId: number;
  pendingLevel: number | null;
}

export const reliefPolicy = {
  apply: (a: Actor, caseJurisdiction: string): boolean => bureauWorker(a, caseJurisdiction),
  read: (a: Actor, r: Pick<ReliefRef, 'jurisdictionCode' | 'applyingUnitId'>): boolean =>
    READERS.includes(a.role) && (bureauInScope(a, r.jurisdictionCode) || a.unitId === r.applyingUnitId),
  act: (a: Actor, r: ReliefRef, action: ReliefAction): boolean => {
    if (!reliefPolicy.read(a, r)) return false;
    if (action === 'approve' || action === 'reject')
      return (
        APPROVERS.includes(a.role) &&
        bureauInScope(a, r.jurisdictionCode) &&
        a.jurisdictionCode !== null &&
        r.pendingLevel !== null &&
        levelOf(a.jurisdictionCode) === (r.pendingLevel as ReliefLevel)
      );
    return BUREAU_WORKERS.includes(a.role) && a.unitId === r.applyingUnitId;
  },
  /** The applicant's name and ID number in full: those who verify them (登记、办理、审核), in scope. */
  viewApplicant: (a: Actor, r: Pick<ReliefRef, 'jurisdictionCode' | 'applyingUnitId'>): boolean =>
    FULL_PII_ROLES.includes(a.role) && reliefPolicy.read(a, r),
  /** Totals of a scope: bureau staff whose subtree holds it. */
  totals: (a: Actor, scopeCode: string): boolean => READERS.includes(a.role) && bureauInScope(a, scopeCode),
};

export interface CooperationRef {
  jurisdictionCode: string;
  openingUnitId: number;
}

export const cooperationPolicy = {
  open: (a: Actor, caseJurisdiction: string): boolean => bureauWorker(a, caseJurisdiction),
  read: (a: Actor, r: CooperationRef): boolean =>
    READERS.includes(a.role) && (bureauInScope(a, r.jurisdictionCode) || a.unitId === r.openingUnitId),
  /** Add a letter, close with the outcome: the opening bureau. */
  act: (a: Actor, r: CooperationRef): boolean =>
    cooperationPolicy.read(a, r) && BUREAU_WORKERS.includes(a.role) && a.unitId === r.openingUnitId,
};

export const sanwuPolicy = {
  read: (a: Actor, countyCode: string): boolean => READERS.includes(a.role) && bureauInScope(a, countyCode),
  /** Record or update the evaluation of a county: a city or province bureau above it. */
  evaluate: (a: Actor, countyCode: string): boolean =>
    EVALUATORS.includes(a.role) &&
    bureauInScope(a, countyCode) &&
    a.jurisdictionCode !== null &&
    levelOf(a.jurisdictionCode) < 3,
  decide: (a: Actor, countyCode: string): boolean =>
    DECIDERS.includes(a.role) && sanwuPolicy.evaluate(a, countyCode),
};

/**
 * WHERE condition restricting a linkage table to what the caller may read: rows located in a
 * bureau's subtree, and rows of the caller's own unit (`unitColumns`: the referring / applying /
 * opening unit, the member's unit).
 */
export function linkageScope(a: Actor, jurisdiction: AnyPgColumn, unitColumns: AnyPgColumn[]): SQL {
  if (!READERS.includes(a.role) || a.unitId === null) return sql`false`;
  const mine = unitColumns.map((c) => eq(c, a.unitId as number));
  if (a.unitKind === 'bureau' && a.scopePrefix !== null)
    return or(like(jurisdiction, `${a.scopePrefix}%`), ...mine) as SQL;
  return (or(...mine) ?? sql`false`) as SQL;
}
