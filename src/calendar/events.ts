// What the daily calendar check publishes (subscribers wired in src/capabilities.ts).

/** A year the deadlines need has no holiday schedule: neither shipped nor entered. */
export interface CoverageMissing {
  year: number;
  /** Why it is needed now: the current year, or next year from November. */
  reason: 'current' | 'next';
}

export interface CalendarEvents {
  'calendar.coverage_missing': CoverageMissing;
}
