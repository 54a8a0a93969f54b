// Range conditions on a case's received time (收到时间), for every filter of `cases` by date.
//
// Written as row comparisons — `(received_at, id) >= (t, 0)` — instead of `received_at >= t`: on
// PostgreSQL with the RUM extension, cases_search_rum_idx (migration 0041) keeps received_at as its
// second column, with an operator class that also answers ranges, and the planner, misled by RUM's
// cost estimate, read the whole RUM index for plain date ranges — a city registrar's cases of one
// month took 0.8–2.5 s at 1M cases instead of a few milliseconds by the btree (docs/search.md, "Word
// searches at scale"; docs/performance.md, "Staff list and dashboards at 1M and 10M"). Only a btree
// answers a row comparison, so cases_received_idx still serves these ranges, and as ids are positive
// the conditions mean exactly the plain ones.
import { type SQL, sql } from 'drizzle-orm';
import { cases } from '../db/schema.ts';

const MAX_ID = sql.raw('9223372036854775807');
const at = (t: Date | SQL) => (t instanceof Date ? sql`${t.toISOString()}::timestamptz` : t);

/** received_at >= t. */
export const receivedFrom = (t: Date | SQL): SQL => sql`(${cases.receivedAt}, ${cases.id}) >= (${at(t)}, 0)`;

/** received_at < t. */
export const receivedBefore = (t: Date | SQL): SQL => sql`(${cases.receivedAt}, ${cases.id}) < (${at(t)}, 0)`;

/** received_at <= t. */
export const receivedUpTo = (t: Date | SQL): SQL =>
  sql`(${cases.receivedAt}, ${cases.id}) <= (${at(t)}, ${MAX_ID})`;

/** from <= received_at < to. */
export const receivedWithin = (from: Date | SQL, to: Date | SQL): SQL =>
  sql`${receivedFrom(from)} and ${receivedBefore(to)}`;
