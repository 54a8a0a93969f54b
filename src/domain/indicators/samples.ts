// How many matters stand behind each rate (样本量), and when a rate is too thin to alarm anyone: a
// month-to-date view on the 4th holds one rating, and "满意率 0.0% ↓100个百分点" from it is noise,
// not news. Rules as data; dependency-free on purpose (the console and big screen import it).

/** Below this many matters behind a rate, its change is shown grey, without an arrow or 预警 colour. */
export const MIN_RATE_SAMPLE = 10;

/** Each rate's denominator field (the matters it is computed over). */
export const RATE_BASE = {
  onlineShare: 'total',
  timelyAcceptanceRate: 'acceptanceDecided',
  onTimeCompletionRate: 'completed',
  participationRate: 'ratable',
  satisfactionRate: 'rated',
  bureauSatisfactionRate: 'rated',
  skipLevelRate: 'visits',
  repeatRate: 'total',
  backlogResolutionRate: 'backlog',
} as const;

export type RateKey = keyof typeof RATE_BASE;

export const isRateKey = (k: string): k is RateKey => Object.hasOwn(RATE_BASE, k);

/** The number of matters behind a rate in a set of figures. */
export function sampleOf(rateKey: RateKey, figures: object): number {
  const v = (figures as Record<string, unknown>)[RATE_BASE[rateKey]];
  return typeof v === 'number' ? v : 0;
}

/** Too few matters (in either period compared) to read a change in the rate as a signal. */
export const tooFewToCompare = (...samples: number[]): boolean => samples.some((n) => n < MIN_RATE_SAMPLE);
