// 访调对接: who may do what (one rule table), and which referrals each caller sees.
//   - mediation bodies: staff read those of their subtree and above; leaders and administrators of a
//     petition bureau keep the bodies of their subtree;
//   - refer a matter (移交调解): handling staff of the unit holding the matter, or supervisors and
//     leaders of a petition bureau whose subtree holds its place;
//   - record sessions and the outcome, withdraw: staff of the referring unit, or supervisors and
//     leaders of a bureau in scope;
//   - settle the matter on the agreement (据协议办结): the lifecycle action `settle` decides (the
//     holder's staff), this table only asks that the caller may act on the referral;
//   - third-party interventions: staff who may read the matter record them; readers of the matter
//     read them;
//   - counts: bureau staff whose subtree holds the scope.
import { eq, like, or, type SQL, sql } from 'drizzle-orm';
import { mediationReferrals } from '../db/schema.ts';
import type { ReferralActionName } from '../domain/mediation/referrals.ts';
import type { Role } from '../domain/roles.ts';
import { type Actor, inSubtree } from './actor.ts';
import { type CaseRef, casePolicy } from './index.ts';

export type { Actor } from './actor.ts';

export interface ReferralRef {
  jurisdictionCode: string;
  referringUnitId: number;
  handlingUnitId: number | null;
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
const HANDLERS: readonly Role[] = ['handler', 'reviewer', 'supervisor', 'leader'];
const BUREAU_DECIDERS: readonly Role[] = ['supervisor', 'leader'];
const BODY_KEEPERS: readonly Role[] = ['leader', 'admin'];
const RECORDERS: readonly Role[] = ['registrar', 'handler', 'reviewer', 'supervisor', 'leader'];

type Who = 'referring_unit_or_bureau';

/** The rule table: one line per step on a referral (making one: `mediationPolicy.refer`). */
export const MEDIATION_RULES: Record<ReferralActionName, { roles: readonly Role[]; who: Who }> = {
  record_session: { roles: HANDLERS, who: 'referring_unit_or_bureau' },
  record_agreement: { roles: HANDLERS, who: 'referring_unit_or_bureau' },
  record_no_agreement: { roles: HANDLERS, who: 'referring_unit_or_bureau' },
  withdraw: { roles: HANDLERS, who: 'referring_unit_or_bureau' },
  settle_case: { roles: HANDLERS, who: 'referring_unit_or_bureau' },
};

/** The referring unit, or the unit handling the matter when it was referred. */
const ownUnit = (a: Actor, r: ReferralRef) =>
  a.unitId !== null && (a.unitId === r.referringUnitId || a.unitId === r.handlingUnitId);
const bureauInScope = (a: Actor, code: string) => a.unitKind === 'bureau' && inSubtree(a, code);

export const mediationPolicy = {
  use: (a: Actor): boolean => READERS.includes(a.role) && a.unitId !== null,
  /** Keep (add, edit) the mediation bodies of a jurisdiction. */
  manageBodies: (a: Actor, jurisdictionCode: string): boolean =>
    BODY_KEEPERS.includes(a.role) && bureauInScope(a, jurisdictionCode),
  read: (a: Actor, r: ReferralRef): boolean =>
    READERS.includes(a.role) && (bureauInScope(a, r.jurisdictionCode) || ownUnit(a, r)),
  /** May refer the matters their own unit holds (handling staff)? */
  referHeld: (a: Actor): boolean => HANDLERS.includes(a.role) && a.unitId !== null,
  /** May refer the matters of their subtree (supervisors and leaders of a petition bureau)? */
  referInScope: (a: Actor): boolean => BUREAU_DECIDERS.includes(a.role) && a.unitKind === 'bureau',
  /** Refer this matter to mediation. */
  refer: (a: Actor, c: CaseRef): boolean =>
    casePolicy.read(a, c) &&
    ((mediationPolicy.referHeld(a) && a.unitId === c.currentUnitId) ||
      (mediationPolicy.referInScope(a) && bureauInScope(a, c.jurisdictionCode))),
  act: (a: Actor, r: ReferralRef, action: ReferralActionName): boolean => {
    const rule = MEDIATION_RULES[action];
    if (!rule.roles.includes(a.role) || !mediationPolicy.read(a, r)) return false;
    return ownUnit(a, r) || (BUREAU_DECIDERS.includes(a.role) && bureauInScope(a, r.jurisdictionCode));
  },
  /** 第三方参与: record one on a matter the caller reads. */
  recordIntervention: (a: Actor, c: CaseRef): boolean => RECORDERS.includes(a.role) && casePolicy.read(a, c),
  counts: (a: Actor, scopeCode: string): boolean => READERS.includes(a.role) && bureauInScope(a, scopeCode),
};

/** WHERE condition restricting `mediation_referrals` to what the caller may read. */
export function referralScope(a: Actor): SQL {
  if (!READERS.includes(a.role) || a.unitId === null) return sql`false`;
  const mine = or(
    eq(mediationReferrals.referringUnitId, a.unitId),
    eq(mediationReferrals.handlingUnitId, a.unitId),
  ) as SQL;
  if (a.unitKind === 'bureau' && a.scopePrefix !== null)
    return or(like(mediationReferrals.jurisdictionCode, `${a.scopePrefix}%`), mine) as SQL;
  return mine;
}
