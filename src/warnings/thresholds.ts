// Thresholds of the warning detectors (预警阈值) and how a special period tightens them.
// Defaults chosen for a county-level bureau; docs/warnings.md explains each.

export const THRESHOLDS = {
  /** growth: the month's projected volume above hi95 of its forecast (the band shrinks by the factor). */
  growthMinCases: 10, // at least this many cases so far this month (small series are too noisy)
  growthMinElapsed: 0.2, // and at least a fifth of the month gone (before, projections are wild)
  growthMinMonthlyMean: 5, // series averaging fewer cases a month are not watched
  /** group_event: distinct petitioners, same county and category, within the window. */
  groupWindowDays: 7,
  groupSuspectPetitioners: 3, // among cases flagged group_suspect (near-identical content)
  groupPetitioners: 10, // among all cases … and at least groupBaselineMultiple × the usual week
  groupBaselineMultiple: 3,
  groupBaselineWeeks: 12,
  /** repeat_petitioner: petitions (cases and linked repeats) by one person within the window. */
  repeatWindowDays: 90,
  repeatPetitions: 5,
  /** overdue_unit: open overdue cases held by one unit. */
  overdueCases: 10,
} as const;

/** A count threshold inside a special period: × factor, rounded up, never below 2 (1 for ≥1 rules). */
export function tightened(threshold: number, factor: number): number {
  if (!(factor > 0 && factor < 1)) return threshold;
  return Math.max(threshold >= 2 ? 2 : 1, Math.ceil(threshold * factor));
}

/** High when the count reaches twice the threshold in force. */
export const levelFor = (value: number, threshold: number): 'high' | 'medium' =>
  value >= 2 * threshold ? 'high' : 'medium';
