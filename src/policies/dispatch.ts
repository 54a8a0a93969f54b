// 周调度: who may do what (one rule table).
//   - read meetings and the agenda: petition-bureau staff whose subtree holds the meeting's bureau;
//   - prepare and record (召开) a meeting, add decisions: supervisors and leaders of that bureau;
//   - complete a decision (调度事项): its owner, or a supervisor or leader of the meeting's bureau;
//   - owners: active staff of a unit in the bureau's subtree.
import type { Role } from '../domain/roles.ts';
import { type Actor, inSubtree } from './actor.ts';

export interface MeetingRef {
  unitId: number;
  jurisdictionCode: string;
}

export interface TaskRef {
  ownerUserId: number;
  meeting: MeetingRef;
}

export type DispatchAction = 'prepare' | 'record' | 'hold' | 'add_task' | 'complete_task';

type Who = 'own_bureau' | 'owner_or_bureau';

const CHAIRS: readonly Role[] = ['supervisor', 'leader'];
const READERS: readonly Role[] = ['registrar', 'reviewer', 'supervisor', 'leader', 'analyst', 'admin'];
const OWNER_ROLES: readonly Role[] = ['registrar', 'handler', 'reviewer', 'supervisor', 'leader', 'analyst'];

/** The rule table: one line per action. */
export const DISPATCH_RULES: Record<DispatchAction, { roles: readonly Role[] | 'owner'; who: Who }> = {
  prepare: { roles: CHAIRS, who: 'own_bureau' },
  record: { roles: CHAIRS, who: 'own_bureau' },
  hold: { roles: CHAIRS, who: 'own_bureau' },
  add_task: { roles: CHAIRS, who: 'own_bureau' },
  complete_task: { roles: 'owner', who: 'owner_or_bureau' },
};

const chairOf = (a: Actor, m: MeetingRef) =>
  CHAIRS.includes(a.role) && a.unitKind === 'bureau' && a.unitId === m.unitId;

export const dispatchPolicy = {
  /** May open 周调度 at all (own bureau's agenda and meetings)? */
  use: (a: Actor): boolean => READERS.includes(a.role) && a.unitKind === 'bureau' && a.scopePrefix !== null,
  read: (a: Actor, m: MeetingRef): boolean => dispatchPolicy.use(a) && inSubtree(a, m.jurisdictionCode),
  /** Prepare and record meetings of the caller's own bureau. */
  chair: (a: Actor): boolean => CHAIRS.includes(a.role) && a.unitKind === 'bureau' && a.unitId !== null,
  act: (a: Actor, m: MeetingRef, action: Exclude<DispatchAction, 'complete_task'>): boolean => {
    const { roles } = DISPATCH_RULES[action];
    return roles !== 'owner' && roles.includes(a.role) && a.unitKind === 'bureau' && a.unitId === m.unitId;
  },
  /** A task is seen by its owner and by whoever reads its meeting. */
  readTask: (a: Actor, t: TaskRef): boolean =>
    a.userId === t.ownerUserId || dispatchPolicy.read(a, t.meeting),
  completeTask: (a: Actor, t: TaskRef): boolean => a.userId === t.ownerUserId || chairOf(a, t.meeting),
  /** May own decisions at all, so has a 我的待办 (administrators and auditors hold none)? */
  ownsTasks: (a: Actor): boolean => OWNER_ROLES.includes(a.role) && a.unitId !== null,
  /** May this user own a decision of a meeting of `bureauCode`'s bureau? */
  eligibleOwner: (
    u: { role: string; disabled: boolean; unitJurisdictionCode: string | null },
    scopePrefix: string,
  ): boolean =>
    !u.disabled &&
    OWNER_ROLES.includes(u.role as Role) &&
    (u.unitJurisdictionCode?.startsWith(scopePrefix) ?? false),
};
