// The default statistics period, shared by the server (analytics API, hotspots) and the web
// dashboards, so a leader and the API read the same days. Dates are Shanghai days, YYYY-MM-DD.
// No imports: the console bundles this file (the calendar module reads its data with Node's require).

const DAY = 86_400_000;

/** Days in the default period of the dashboards, the analytics API and hotspots. */
export const DEFAULT_PERIOD_DAYS = 30;

/**
 * The default period: the 30 days to `to` (today when absent), both ends inclusive; a `from` given
 * is kept. Month to date on the 4th holds four days and a rate of one rating; 30 days always carries
 * a month's worth.
 */
export function defaultPeriod(
  today: string,
  q: { from?: string; to?: string } = {},
): { from: string; to: string } {
  const to = q.to ?? today;
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_PERIOD_DAYS - 1) * DAY)
    .toISOString()
    .slice(0, 10);
  return { from: q.from ?? from, to };
}
