// What the intake capability publishes: a matter's content category was confirmed or changed at
// the desk, or its 细分类 chosen (the rollups move the matter's counts from the old to the new).
import type { Actor } from '../policies/index.ts';

export interface CaseCategorized {
  actor: Actor;
  caseId: number;
  /** The category before ('' or null: none yet, counted as 待确认) and after. */
  from: string | null;
  to: string;
  /** The 细分类 before and after (one of another category is cleared with the change). */
  fromSubcategory: string | null;
  toSubcategory: string | null;
  decision: 'confirmed' | 'changed';
  at: Date;
}

/** A matter's 细分类 was chosen, changed or cleared on its own (./subcategory.ts): its category stays. */
export interface CaseSubcategorized {
  actor: Actor;
  caseId: number;
  from: { category: string | null; subcategory: string | null };
  to: { category: string | null; subcategory: string | null };
  at: Date;
}

export interface IntakeEvents {
  'intake.categorized': CaseCategorized;
  'intake.subcategorized': CaseSubcategorized;
}
