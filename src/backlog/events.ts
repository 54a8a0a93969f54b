// What the backlog capability publishes inside the transaction of a step that changes what is
// counted: a matter identified (认定), resolved (销号) or unflagged. The rollups subscribe
// (src/analytics/subscribers.ts), so 积案件数 and 积案化解 come from the matters themselves.

export type BacklogCountedStep = 'identified' | 'resolved' | 'unflagged';

export interface BacklogStepped {
  step: BacklogCountedStep;
  matterId: number;
  caseId: number;
  /** When the matter was identified: its day carries the count, and its resolution. */
  identifiedAt: Date;
  responsibleUnitId: number | null;
  at: Date;
}

export interface BacklogEvents {
  'backlog.stepped': BacklogStepped;
}

/** The actions whose step is counted, and as what. */
export const COUNTED_STEPS: Partial<Record<string, BacklogCountedStep>> = {
  approve: 'identified',
  approve_close: 'resolved',
  approve_unflag: 'unflagged',
};
