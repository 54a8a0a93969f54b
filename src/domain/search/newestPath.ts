// Which way a word search reads its newest matches (docs/search.md, "Which way to the newest
// matches"), where the RUM index is installed. Three ways, each with its cost in the table below:
//   - 'btree': newest first by the received_at btree — PostgreSQL walks it backwards, checking each
//     row for the words. It reads about total × window ÷ matches rows: the fastest way for a very
//     common word in a broad scope (物业, in 10 % of 1M cases, for the province: 12 ms);
//   - 'rumOrder': newest first inside the RUM index, which first reads and sorts the word's whole
//     posting list, then checks each posting's row for the scope until the window is full — about
//     window ÷ (the scope's share of all cases) rows. Left to itself, PostgreSQL prefers to AND the
//     word's GIN bitmap with a bitmap of the scope's rows, which for a city means 115k rows first
//     (53–117 ms for any word; this way 3–20 ms), so this way is insisted on (bitmaps off);
//   - 'rum': the planner's choice — in practice the two bitmaps ANDed and sorted, right for a narrow
//     scope (a county, a department), where the scope's bitmap is small and the RUM order would check
//     most of the word's postings (a word in 1.5 % of 1M cases in a county: 117 ms against 4 ms).
// Without RUM (PGlite, a server without the extension) there is only the btree way.

/**
 * Microseconds per row or posting of each step, read off bench/search-paths.ts at 1M cases on the
 * 2-core machine (docs/performance.md, "Word search at 1M: which way"). Only their ratios matter.
 */
export const READ_COSTS = {
  /** The backward walk: one row of the received_at btree and its heap row checked for the words. */
  walkRow: 1.1,
  /** The RUM order's first step: one posting of the word read and sorted. */
  rumPosting: 0.45,
  /** A posting's or a bitmap match's heap row fetched and checked. */
  heapRow: 3,
  /** One row of the scope put in a bitmap (the jurisdiction, unit and bureau indexes). */
  scopeBitmapRow: 0.32,
  /** One posting of the word put in a bitmap (the GIN index). */
  ginPosting: 0.4,
} as const;

/** Above this many rows expected for the walk, it is not worth asking about (the old rule's bound). */
export const WALK_MAX_ROWS = 10_000;

export type NewestPath = 'btree' | 'rumOrder' | 'rum';

/** The planner's estimates a path is chosen from; an estimate not asked for is undefined. */
export interface PathEstimates {
  /** Rows in `cases`. */
  total: number;
  /** Rows matching the words within the scope and filters (asked only for common words). */
  matches?: number;
  /** Rows in the caller's scope (and place filter), whatever the words. */
  scopeRows?: number;
  /** Rows holding the words anywhere (from the words' statistics: an upper bound). */
  wordRows?: number;
  /** Filters besides the words and the place (state, dates, flags…): they thin the matches. */
  filtered: boolean;
}

/** The expected cost (µs) of each way the estimates allow. */
export function pathCosts(e: PathEstimates, window: number): Partial<Record<NewestPath, number>> {
  const c = READ_COSTS;
  const costs: Partial<Record<NewestPath, number>> = {};
  if (!(e.total > 0)) return costs;
  if (e.matches !== undefined && e.matches > 0)
    costs.btree = walkRows(e.total, e.matches, window) * c.walkRow;
  if (e.scopeRows === undefined || !(e.scopeRows > 0) || e.wordRows === undefined) return costs;
  const scopeRows = Math.min(e.scopeRows, e.total);
  // The words' matches in the scope, spread over places like the cases are (unless asked).
  const matches = e.matches ?? (e.wordRows * scopeRows) / e.total;
  // With other filters the matches thin out by more than the scope's share: no bound on the checks.
  if (!e.filtered)
    costs.rumOrder =
      e.wordRows * c.rumPosting + Math.min(e.wordRows, rumOrderRows(e.total, scopeRows, window)) * c.heapRow;
  costs.rum = scopeRows * c.scopeBitmapRow + e.wordRows * c.ginPosting + matches * c.heapRow;
  return costs;
}

/**
 * The cheapest way by the table's costs. With only the matches known, the walk when it reads at most
 * WALK_MAX_ROWS rows; with nothing known (a table never analysed), the planner's choice ('rum').
 */
export function newestPath(e: PathEstimates, window: number): NewestPath {
  const costs = pathCosts(e, window);
  if (costs.rum === undefined)
    return e.matches !== undefined && e.total > 0 && walkRows(e.total, e.matches, window) <= WALK_MAX_ROWS
      ? 'btree'
      : 'rum';
  return (Object.keys(costs) as NewestPath[]).reduce((a, b) =>
    (costs[b] as number) < (costs[a] as number) ? b : a,
  );
}

/**
 * Whether the walk can be chosen at all when at most `share` of all cases hold the words (their
 * statistics): the scope only narrows the matches, so below window ÷ WALK_MAX_ROWS (5 % for 500)
 * the walk would read more than WALK_MAX_ROWS rows and the planner is not asked for the matches.
 */
export function mayWalk(share: number, window: number): boolean {
  return share >= window / WALK_MAX_ROWS;
}

/** Rows a backward walk reads to find `window` matches spread evenly over time. */
export function walkRows(total: number, matches: number, window: number): number {
  return matches <= window ? total : Math.ceil((total * window) / matches);
}

/**
 * Rows the RUM order checks to find `window` matches in a scope holding `scopeRows` of `total`
 * cases, the word's matches spread over places like the cases are.
 */
export function rumOrderRows(total: number, scopeRows: number, window: number): number {
  return Math.ceil((window * total) / Math.min(scopeRows, total));
}
