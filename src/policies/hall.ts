// 接待大厅: who may do what at a petition bureau's reception hall (one rule table). The hall is the
// caller's own bureau: staff register visitors, call numbers and record lawyers' consultations for
// it; supervisors and leaders keep the lawyers' duty roster. The display shows only queue numbers
// and masked surnames, to the hall's staff (a console page opened full-screen on the hall's screen).
import type { Role } from '../domain/roles.ts';
import type { Actor } from './actor.ts';

export type HallAction = 'register' | 'call' | 'lookup' | 'roster' | 'consult' | 'display';

const COUNTER: readonly Role[] = ['registrar', 'handler', 'reviewer', 'supervisor', 'leader'];

/** The rule table: the roles of each action, always for the caller's own bureau's hall. */
export const HALL_RULES: Record<HallAction, readonly Role[]> = {
  register: COUNTER,
  call: COUNTER,
  /** Earlier matters by the ID number typed or read: those who see ID numbers in full. */
  lookup: ['registrar', 'handler', 'reviewer'],
  roster: ['supervisor', 'leader', 'registrar'],
  consult: COUNTER,
  display: [...COUNTER, 'analyst', 'admin'],
};

export const hallPolicy = {
  /** The caller's hall (their bureau's unit id), or null: departments and citizens have none. */
  hallOf: (a: Actor): number | null => (a.unitKind === 'bureau' ? a.unitId : null),
  may: (a: Actor, action: HallAction): boolean =>
    a.unitKind === 'bureau' && a.unitId !== null && HALL_RULES[action].includes(a.role),
  /** Counter staff see the visitor's full name; others the masked one. */
  fullNames: (a: Actor): boolean => HALL_RULES.lookup.includes(a.role),
};
