// 督查督办: who may do what (one rule table), and which orders each caller sees.
//   - read: petition-bureau staff whose subtree holds the order's place; the raising bureau's and
//     the addressed unit's staff;
//   - raise an order (on a case or on a unit): supervisors and leaders of a petition bureau whose
//     subtree holds the matter's place or the unit;
//   - file feedback (反馈): the addressed unit's staff;
//   - accept (办结) or return feedback: reviewers, supervisors and leaders of the raising bureau.
import { eq, like, or, type SQL, sql } from 'drizzle-orm';
import { supervisionOrders } from '../db/schema.ts';
import type { Role } from '../domain/roles.ts';
import type { OrderActionName } from '../domain/supervision/orders.ts';
import { type Actor, inSubtree } from './actor.ts';

export type { Actor } from './actor.ts';

/** What the rules need to know about an order. */
export interface OrderRef {
  jurisdictionCode: string;
  unitId: number;
  raisingUnitId: number;
}

type Who =
  /** The unit the order is addressed to. */
  | 'addressed_unit'
  /** The petition bureau that raised the order. */
  | 'raising_bureau';

const RAISERS: readonly Role[] = ['supervisor', 'leader'];
const UNIT_STAFF: readonly Role[] = ['handler', 'reviewer', 'supervisor', 'leader'];
const DECIDERS: readonly Role[] = ['reviewer', 'supervisor', 'leader'];
const READERS: readonly Role[] = [
  'registrar',
  'handler',
  'reviewer',
  'supervisor',
  'leader',
  'analyst',
  'admin',
];

/** The rule table: one line per action on an order (raising one: `supervisionPolicy.raise`). */
export const SUPERVISION_RULES: Record<OrderActionName, { roles: readonly Role[]; who: Who }> = {
  file_feedback: { roles: UNIT_STAFF, who: 'addressed_unit' },
  accept: { roles: DECIDERS, who: 'raising_bureau' },
  return: { roles: DECIDERS, who: 'raising_bureau' },
};

const bureauInScope = (a: Actor, code: string) => a.unitKind === 'bureau' && inSubtree(a, code);

export const supervisionPolicy = {
  /** May open the supervision area at all? */
  use: (a: Actor): boolean => READERS.includes(a.role) && a.unitId !== null,
  read: (a: Actor, o: OrderRef): boolean =>
    READERS.includes(a.role) &&
    (bureauInScope(a, o.jurisdictionCode) ||
      (a.unitId !== null && (a.unitId === o.unitId || a.unitId === o.raisingUnitId))),
  act: (a: Actor, o: OrderRef, action: OrderActionName): boolean => {
    const rule = SUPERVISION_RULES[action];
    if (!rule.roles.includes(a.role) || !supervisionPolicy.read(a, o)) return false;
    switch (rule.who) {
      case 'addressed_unit':
        return a.unitId === o.unitId;
      case 'raising_bureau':
        return a.unitId === o.raisingUnitId;
    }
  },
  /** May raise an order on a matter or a unit whose place is `jurisdictionCode`? */
  raise: (a: Actor, jurisdictionCode: string): boolean =>
    RAISERS.includes(a.role) && bureauInScope(a, jurisdictionCode),
  /** Counts and indicators of a scope: bureau staff whose subtree holds it. */
  counts: (a: Actor, scopeCode: string): boolean => READERS.includes(a.role) && bureauInScope(a, scopeCode),
};

/** WHERE condition restricting `supervision_orders` to what the caller may read. */
export function supervisionScope(a: Actor): SQL {
  if (!READERS.includes(a.role) || a.unitId === null) return sql`false`;
  const mine = or(eq(supervisionOrders.unitId, a.unitId), eq(supervisionOrders.raisingUnitId, a.unitId));
  if (a.unitKind === 'bureau' && a.scopePrefix !== null)
    return or(like(supervisionOrders.jurisdictionCode, `${a.scopePrefix}%`), mine) as SQL;
  return mine as SQL;
}
