// Which way a word search reads its newest matches (docs/search.md, "Which way to the newest
// matches"), where the RUM index is installed. Two ways exist:
//   - 'btree': newest first by the received_at btree — PostgreSQL then walks it backwards, checking
//     each row for the words, or takes the GIN bitmap of the matches and sorts them, as it costs
//     them. The walk reads about total × window ÷ matches rows: the fastest way for a very common
//     word in a broad scope (物业, in 10 % of 1M cases, for the province: 12 ms);
//   - 'rum': newest first inside the RUM index, which reads and sorts the word's whole posting list
//     first (the same search: 54–57 ms), and wins for every less common word or narrower scope
//     (bench/search-paths.ts; docs/performance.md, "Word search at 1M").
// Without RUM (PGlite, a server without the extension) there is only the btree way.

/** Above this many rows expected for the walk, RUM is the faster way (measured at 1M cases). */
export const WALK_MAX_ROWS = 10_000;

export type NewestPath = 'btree' | 'rum';

/**
 * `total`: rows in `cases` (estimate); `matches`: rows matching the words within the scope and
 * filters (estimate); `window`: how many of the newest matches are wanted. Unknown estimates (a
 * table never analysed) keep RUM.
 */
export function newestPath(total: number, matches: number, window: number): NewestPath {
  if (!(total > 0) || !(matches > 0)) return 'rum';
  return walkRows(total, matches, window) <= WALK_MAX_ROWS ? 'btree' : 'rum';
}

/**
 * Whether the walk can be chosen at all when at most `share` of all cases hold the words (their
 * statistics): the scope only narrows the matches, so below window ÷ WALK_MAX_ROWS (5 % for 500)
 * it is RUM without asking the planner.
 */
export function mayWalk(share: number, window: number): boolean {
  return share >= window / WALK_MAX_ROWS;
}

/** Rows a backward walk reads to find `window` matches spread evenly over time. */
export function walkRows(total: number, matches: number, window: number): number {
  return matches <= window ? total : Math.ceil((total * window) / matches);
}
