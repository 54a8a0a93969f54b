// 工作台: who may use the workbench, claim a matter (认领), hand it to a colleague (移交同事) and run a
// bulk step. A matter is held by a unit (cases.current_unit_id); within that unit one staff member
// may take it — only someone who could act on it now as the holder (src/domain/workbench/assignment.ts).
//   - queues and saved views: staff with a unit;
//   - claim: the holding unit's staff whose role can act on the matter in its state;
//   - hand over: the same, to an active colleague of the same unit who could act on it too;
//   - bulk: each matter goes through the lifecycle engine, which decides per matter.
import type { CaseState } from '../domain/lifecycle/vocabulary.ts';
import type { Role } from '../domain/roles.ts';
import { mayHoldAssignment } from '../domain/workbench/assignment.ts';
import { type Actor, type CaseRef, casePolicy } from './index.ts';

export type { Actor } from './actor.ts';

export interface AssignableCase extends CaseRef {
  state: string;
  currentUnitId: number | null;
}

export interface Colleague {
  id: number;
  role: Role;
  unitId: number | null;
  disabled: boolean;
}

const holds = (a: { unitId: number | null }, c: AssignableCase) =>
  a.unitId !== null && a.unitId === c.currentUnitId;

export const workbenchPolicy = {
  use: (a: Actor): boolean => a.role !== 'citizen' && a.unitId !== null && a.apiKey === undefined,
  claim: (a: Actor, c: AssignableCase): boolean =>
    workbenchPolicy.use(a) &&
    casePolicy.read(a, c) &&
    holds(a, c) &&
    mayHoldAssignment(a.role, c.state as CaseState),
  /** May the actor hand the matter to this colleague? (the actor could hold it; so could they) */
  handOver: (a: Actor, c: AssignableCase, to: Colleague): boolean =>
    workbenchPolicy.claim(a, c) && workbenchPolicy.mayReceive(c, to),
  /** Could this colleague hold the matter (same unit, active, a role that acts on it now)? */
  mayReceive: (c: AssignableCase, to: Colleague): boolean =>
    !to.disabled && holds(to, c) && mayHoldAssignment(to.role, c.state as CaseState),
};
