// Who is told about a matter: the staff of the unit now holding it whose role may take one of its
// next steps (the lifecycle table's `holder` actions from its state) — the same rule the engine
// applies when they act (casePolicy.act), so nobody is told of work they could not do.
import { cityOf, countyOf, levelOf, provinceOf } from '../jurisdictions.ts';
import { ACTIONS } from '../lifecycle/actions.ts';
import type { Role } from '../roles.ts';
import { INBOX_KIND_NAMES, type InboxKindName } from './kinds.ts';

/** Roles that may act as the holder of a matter in `state` (no citizen, no system). */
export function holderRoles(state: string): Role[] {
  const roles = new Set<Role>();
  for (const def of Object.values(ACTIONS)) {
    if (def.who !== 'holder' || !(def.from as readonly string[]).includes(state)) continue;
    for (const r of def.roles) if (r !== 'system' && r !== 'citizen') roles.add(r);
  }
  return [...roles];
}

/** Staff of an addressed unit who answer a supervision order (policies/supervision.ts, file_feedback). */
export const SUPERVISED_ROLES: readonly Role[] = ['handler', 'reviewer', 'supervisor', 'leader'];

/**
 * A place's own county-level (or city, province) code and the level above it — whose bureaus hear
 * of what happens there (预警 to their analysts, 账号锁定 to their administrators):
 * 320106001 → ['320106', '320100']; 320100 → ['320100', '320000']; 320000 → ['320000'].
 */
export function ownAndAbove(code: string): string[] {
  const own = countyOf(code);
  const level = levelOf(own);
  return [...new Set([own, level === 3 ? cityOf(own) : provinceOf(own)])];
}

/** Who reads a warning (预警): the data analysts of the bureaus of ownAndAbove(place). */
export const WARNING_ROLES: readonly Role[] = ['analyst'];
/** Who reads a bureau's 日监测晨报 in their inbox: its leaders and data analysts. */
export const DIGEST_ROLES: readonly Role[] = ['leader', 'analyst'];
/** Who hears of account lockouts and the holiday calendar: administrators (policies/admin.ts). */
export const ADMIN_ROLES: readonly Role[] = ['admin'];

/** Roles that act as the holder of a matter in some state: they hear of new work, reviews and deadlines. */
const HOLDER_ROLES: readonly Role[] = [
  ...new Set(
    Object.values(ACTIONS)
      .filter((def) => def.who === 'holder')
      .flatMap((def) => def.roles.filter((r): r is Role => r !== 'system' && r !== 'citizen')),
  ),
];

/** Who can ever receive each kind — a person's preference page lists only their role's kinds. */
const KIND_ROLES: Record<InboxKindName, readonly Role[]> = {
  assignment: HOLDER_ROLES,
  review_request: HOLDER_ROLES,
  due_soon: HOLDER_ROLES,
  overdue: HOLDER_ROLES,
  supervision: SUPERVISED_ROLES,
  warning: WARNING_ROLES,
  monitoring_digest: DIGEST_ROLES,
  account_locked: ADMIN_ROLES,
  calendar_gap: ADMIN_ROLES,
};

export const kindsFor = (role: Role): InboxKindName[] =>
  INBOX_KIND_NAMES.filter((k) => KIND_ROLES[k].includes(role));
