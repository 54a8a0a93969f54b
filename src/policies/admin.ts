// 系统管理: who may manage accounts, units, the holiday calendar, the content categories and which
// classifier version serves. One
// rule table: the roles allowed and how far the action reaches —
//   - 'subtree': an administrator, on accounts and units of its own jurisdiction's subtree;
//   - 'province': the province administrator only (the calendar and the categories are one for the
//     whole platform).
// An administrator never disables, demotes or resets itself (it would lock itself out).
import type { Role } from '../domain/roles.ts';
import { type Actor, inSubtree } from './actor.ts';

export type AdminAction =
  | 'user.update'
  | 'user.role'
  | 'user.disable'
  | 'user.enable'
  | 'user.reset_password'
  | 'unit.create'
  | 'unit.rename'
  | 'unit.retire'
  | 'calendar.edit'
  | 'categories.edit'
  | 'classifier.activate';

interface Rule {
  roles: readonly Role[];
  reach: 'subtree' | 'province';
  /** Refused on the actor's own account. */
  notSelf?: boolean;
}

const ADMINS: readonly Role[] = ['admin'];

export const ADMIN_RULES: Record<AdminAction, Rule> = {
  'user.update': { roles: ADMINS, reach: 'subtree' },
  'user.role': { roles: ADMINS, reach: 'subtree', notSelf: true },
  'user.disable': { roles: ADMINS, reach: 'subtree', notSelf: true },
  'user.enable': { roles: ADMINS, reach: 'subtree', notSelf: true },
  'user.reset_password': { roles: ADMINS, reach: 'subtree', notSelf: true },
  'unit.create': { roles: ADMINS, reach: 'subtree' },
  'unit.rename': { roles: ADMINS, reach: 'subtree' },
  'unit.retire': { roles: ADMINS, reach: 'subtree' },
  'calendar.edit': { roles: ADMINS, reach: 'province' },
  'categories.edit': { roles: ADMINS, reach: 'province' },
  // One classifier serves the whole platform (src/classify/store.ts): 启用 a stored version or the lexicon.
  'classifier.activate': { roles: ADMINS, reach: 'province' },
};

/** The province administrator: its subtree is the whole province ('32'). */
const atProvince = (a: Actor) => a.scopePrefix !== null && a.scopePrefix.length <= 2;

export const adminPolicy = {
  /**
   * May the actor take this action on an object located in `jurisdictionCode` (a unit's place,
   * or the unit of an account)? `targetUserId`: the account acted on, for the self rule.
   */
  may: (
    a: Actor,
    action: AdminAction,
    target: { jurisdictionCode?: string | null; userId?: number } = {},
  ): boolean => {
    const rule = ADMIN_RULES[action];
    if (a.apiKey !== undefined || !rule.roles.includes(a.role)) return false;
    if (rule.notSelf && target.userId === a.userId) return false;
    if (rule.reach === 'province') return atProvince(a);
    return target.jurisdictionCode != null && inSubtree(a, target.jurisdictionCode);
  },
  /** 修改密码 on the console: a staff account signed in as itself (citizens use the portal's SMS code). */
  changeOwnPassword: (a: Actor): boolean => a.role !== 'citizen' && a.apiKey === undefined,
  /** Whether the actor is allowed the action somewhere (menus, early refusals before slow work). */
  mayAny: (a: Actor, action: AdminAction): boolean => {
    const rule = ADMIN_RULES[action];
    if (a.apiKey !== undefined || !rule.roles.includes(a.role)) return false;
    return rule.reach === 'province' ? atProvince(a) : a.scopePrefix !== null;
  },
};
