// 责任落实 (responsibility letters, 考核 scorecard, accountability records): who may do what (one
// rule table), and which records each caller sees.
//   - read letters, scorecards and records of a place: petition-bureau staff whose subtree holds it;
//     a unit's own staff read the records about their unit (its history);
//   - draft and sign a responsibility letter: supervisors and leaders of the issuing level's bureau
//     (the jurisdiction one level above the one that undertakes it);
//   - set a year's scheme (weights and deductions) of a level: leaders and administrators of the
//     provincial bureau;
//   - record a 通报/约谈/重点管理/问责 on a unit: supervisors and leaders of a bureau whose subtree holds
//     the unit; its follow-up (回访, 解除): the same, of the bureau that recorded it.
import { eq, like, or, type SQL, sql } from 'drizzle-orm';
import { accountabilityRecords } from '../db/schema.ts';
import type { Role } from '../domain/roles.ts';
import { type Actor, inSubtree } from './actor.ts';

export type { Actor } from './actor.ts';

const READERS: readonly Role[] = ['reviewer', 'supervisor', 'leader', 'analyst', 'admin'];
const UNIT_READERS: readonly Role[] = ['handler', 'reviewer', 'supervisor', 'leader'];
const DECIDERS: readonly Role[] = ['supervisor', 'leader'];

type Who =
  /** A bureau whose subtree holds the place. */
  | 'bureau_over'
  /** The bureau of the jurisdiction that issues the letter (one level above it). */
  | 'issuing_level'
  /** The provincial bureau. */
  | 'province'
  /** The bureau that recorded it. */
  | 'recording_bureau';

export type AssessmentAction =
  | 'read'
  | 'draft_letter'
  | 'sign_letter'
  | 'set_scheme'
  | 'record'
  | 'follow_up';

/** The rule table: one line per action. */
export const ASSESSMENT_RULES: Record<AssessmentAction, { roles: readonly Role[]; who: Who }> = {
  read: { roles: READERS, who: 'bureau_over' },
  draft_letter: { roles: DECIDERS, who: 'issuing_level' },
  sign_letter: { roles: DECIDERS, who: 'issuing_level' },
  set_scheme: { roles: ['leader', 'admin'], who: 'province' },
  record: { roles: DECIDERS, who: 'bureau_over' },
  follow_up: { roles: DECIDERS, who: 'recording_bureau' },
};

/** What a rule is asked about: the place, and for letters the issuer, for records the recorder. */
export interface AssessmentTarget {
  jurisdictionCode: string;
  issuerCode?: string;
  issuingUnitId?: number;
}

const bureau = (a: Actor) => a.unitKind === 'bureau' && a.unitId !== null;

export const assessmentPolicy = {
  /** May open the area at all (petition-bureau staff; department staff see their unit's history). */
  use: (a: Actor): boolean =>
    (READERS.includes(a.role) && bureau(a)) || (UNIT_READERS.includes(a.role) && a.unitId !== null),
  can: (a: Actor, action: AssessmentAction, t: AssessmentTarget): boolean => {
    const rule = ASSESSMENT_RULES[action];
    if (!rule.roles.includes(a.role) || !bureau(a)) return false;
    switch (rule.who) {
      case 'bureau_over':
        return inSubtree(a, t.jurisdictionCode);
      case 'issuing_level':
        return t.issuerCode !== undefined && a.jurisdictionCode === t.issuerCode;
      case 'province':
        return a.scopePrefix !== null && a.scopePrefix.length === 2;
      case 'recording_bureau':
        return t.issuingUnitId !== undefined && a.unitId === t.issuingUnitId;
    }
  },
  /** Whether the caller's role and unit allow the action somewhere (pages, before the place is known). */
  mayAny: (a: Actor, action: AssessmentAction): boolean =>
    ASSESSMENT_RULES[action].roles.includes(a.role) && bureau(a),
  /** May read the history of a unit in `jurisdictionCode`: bureau readers over it, or its own staff. */
  unitHistory: (a: Actor, unitId: number, jurisdictionCode: string): boolean =>
    assessmentPolicy.can(a, 'read', { jurisdictionCode }) ||
    (UNIT_READERS.includes(a.role) && a.unitId === unitId),
};

/** WHERE condition restricting `accountability_records` to what the caller may read. */
export function recordScope(a: Actor): SQL {
  if (a.unitId === null) return sql`false`;
  const own = UNIT_READERS.includes(a.role) ? eq(accountabilityRecords.unitId, a.unitId) : sql`false`;
  if (READERS.includes(a.role) && a.unitKind === 'bureau' && a.scopePrefix !== null)
    return or(like(accountabilityRecords.jurisdictionCode, `${a.scopePrefix}%`), own) as SQL;
  return own;
}
