// What the intake capability publishes: a matter's content category was confirmed or changed at
// the desk (the rollups move the matter's counts from the old category to the new one).
import type { Actor } from '../policies/index.ts';

export interface CaseCategorized {
  actor: Actor;
  caseId: number;
  /** The category before ('' or null: none yet, counted as 待确认) and after. */
  from: string | null;
  to: string;
  decision: 'confirmed' | 'changed';
  at: Date;
}

export interface IntakeEvents {
  'intake.categorized': CaseCategorized;
}
