// The answers of the intake routes: the server's own types (src/intake/contract.ts), type-only.
import type { ClassificationItem } from '../../../src/intake/contract.ts';

export type {
  ClassificationItem as Classification,
  DepartmentItem as Department,
  UnitHitItem as UnitHit,
} from '../../../src/intake/contract.ts';
/** A well-formed classification answer (panels tolerate an error or a stubbed fetch). */
export const isClassification = (x: unknown): x is ClassificationItem =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as ClassificationItem).status === 'string' &&
  Array.isArray((x as ClassificationItem).suggestion?.top3);

/** The lifecycle actions whose target unit the routing pre-selects, in order of preference. */
export const ROUTED_ACTIONS = ['assign', 'forward'] as const;
