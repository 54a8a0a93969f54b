// Keeps the rollups (stats_daily, stats_monthly, stats_open) current in the transaction of each
// change: intake, every lifecycle action (engine.ts) and the daily sweep call in here with the
// row before and after; a change costs one statement for all three tables (data-modifying CTEs),
// and only when it changes a count. The rows are sharded (docs/analytics.md "Shards"): a transaction
// adds to the rows of a shard it claimed, so concurrent transactions of one day and place do not
// wait on each other, and it writes them in key order, so two sharing a shard cannot deadlock.
import { and, asc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { eventsOfCase, eventsSinceEarliest } from '../cases/history.ts';
import type { Executor } from '../db/client.ts';
import { backlogMatters, caseEvents, cases } from '../db/schema.ts';
import { type BacklogStatus, IDENTIFIED_STATUSES } from '../domain/backlog/states.ts';
import { COUNTER_NAMES, type CounterName } from '../domain/indicators/index.ts';
import {
  actionChange,
  type BacklogFacts,
  backlogChange,
  type CaseFacts,
  type Contribution,
  caseContributions,
  type EventFacts,
  type OpenKey,
  openDelta,
  openStateOf,
  ROLLUP_EVENT_ACTIONS,
  registrationOf,
  repeatRegistrationOf,
  sweepChange,
} from './contributions.ts';

/** The breakdowns each contribution is added to (see the schema comment). */
export const DIMS = ['all', 'category', 'subcategory', 'form', 'purpose', 'unit'] as const;
export type Dim = (typeof DIMS)[number];

/** Shards per rollup row; readers sum over them (a row alone is a partial, possibly negative count). */
export const ROLLUP_SHARDS = 8;
/** First key of the two-key pg_try_advisory_xact_lock that claims a shard ('xfst'). */
const SHARD_LOCK = 0x78667374;
/**
 * The writing transaction's shard: the first one no other transaction holds. It is claimed with a
 * transaction-level advisory lock (tried, never waited for, so it cannot deadlock) and remembered
 * in a transaction-local setting, so every statement of the transaction uses the same shard. Up to
 * 8 concurrent writers never share rows; with fewer, the low shards fill first, and PGlite (one
 * transaction at a time) only ever writes shard 0. With all 8 taken it shares one, in key order.
 */
const CLAIMED_SHARD = sql.raw(`coalesce(
    nullif(current_setting('xinfang.rollup_shard', true), ''),
    set_config('xinfang.rollup_shard', coalesce(
      (SELECT i FROM generate_series(0, ${ROLLUP_SHARDS - 1}) i WHERE pg_try_advisory_xact_lock(${SHARD_LOCK}, i) LIMIT 1),
      pg_backend_pid() % ${ROLLUP_SHARDS})::text, true))::smallint`);
/** The CTE `s` with the statement's shard (evaluated once: a CTE with volatile calls is materialised). */
const shardCte = (shard: number | undefined) =>
  sql`s AS (SELECT ${shard === undefined ? CLAIMED_SHARD : sql`${shard}::smallint`} AS shard)`;
const SHARD = sql.raw('(SELECT shard FROM s)');

const snake = (n: CounterName) => n.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
export const COUNTER_COLUMNS = COUNTER_NAMES.map(snake);

const keyOf = (c: Contribution, dim: Dim) =>
  dim === 'all'
    ? ''
    : dim === 'category'
      ? (c.category ?? '')
      : dim === 'subcategory'
        ? (c.subcategory ?? '')
        : dim === 'form'
          ? c.form
          : dim === 'purpose'
            ? c.purpose
            : c.unitId === null
              ? ''
              : String(c.unitId);

type Row = { period: string; jurisdiction_code: string; dim: Dim; key: string } & Record<
  string,
  number | string
>;

/**
 * Contributions → one row per (day, place, dim, key), summed (ON CONFLICT may touch a row once), for
 * every breakdown or only `dims` (a backfill of one breakdown).
 */
export function rollupRows(list: Contribution[], dims: readonly Dim[] = DIMS): Row[] {
  const rows = new Map<string, Row>();
  for (const c of list) {
    for (const dim of dims) {
      const key = keyOf(c, dim);
      // Matters without a 细分类 are their category's remainder: no row (most have none).
      if (dim === 'subcategory' && key === '') continue;
      const id = `${c.day}|${c.place}|${dim}|${key}`;
      let row = rows.get(id);
      if (!row) {
        row = { period: c.day, jurisdiction_code: c.place, dim, key } as Row;
        for (const col of COUNTER_COLUMNS) row[col] = 0;
        rows.set(id, row);
      }
      for (const n of COUNTER_NAMES) {
        const v = c.counters[n];
        if (v) row[snake(n)] = (row[snake(n)] as number) + v;
      }
    }
  }
  return [...rows.values()].filter((r) => COUNTER_COLUMNS.some((col) => r[col] !== 0));
}

const cols = COUNTER_COLUMNS.join(', ');
const recordType = `period date, jurisdiction_code text, dim text, key text, ${COUNTER_COLUMNS.map((c) => `${c} int`).join(', ')}`;
const addExcluded = (table: string) =>
  COUNTER_COLUMNS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
const sums = COUNTER_COLUMNS.map((c) => `sum(${c})::int`).join(', ');

/**
 * The daily and monthly upserts of these rows into the shard `s`, as data-modifying CTEs (named `d` and
 * `m`), each in primary-key order (ORDER BY): transactions of one shard lock shared rows in the same
 * order and wait on each other instead of deadlocking.
 */
function contributionCtes(rows: Row[]): SQL {
  return sql`
    x AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(${sql.raw(recordType)})),
    d AS (
      INSERT INTO stats_daily (period, jurisdiction_code, dim, key, shard, ${sql.raw(cols)})
      SELECT period, jurisdiction_code, dim, key, ${SHARD}, ${sql.raw(cols)} FROM x
      ORDER BY dim, period, jurisdiction_code, key
      ON CONFLICT (dim, period, jurisdiction_code, key, shard) DO UPDATE SET ${sql.raw(addExcluded('stats_daily'))}
    ),
    m AS (
      INSERT INTO stats_monthly (period, jurisdiction_code, dim, key, shard, ${sql.raw(cols)})
      SELECT date_trunc('month', period)::date, jurisdiction_code, dim, key, ${SHARD}, ${sql.raw(sums)}
      FROM x GROUP BY 1, 2, 3, 4 ORDER BY 3, 1, 2, 4
      ON CONFLICT (dim, period, jurisdiction_code, key, shard) DO UPDATE SET ${sql.raw(addExcluded('stats_monthly'))}
    )`;
}

/** The open/near/overdue upsert of these keys (already merged) into the shard `s`, as a CTE `o`. */
function openCte(list: OpenKey[]): SQL {
  return sql`
    o AS (
      INSERT INTO stats_open (unit_id, jurisdiction_code, shard, open, near, overdue)
      SELECT unit_id, place, ${SHARD}, open, near, overdue
      FROM jsonb_to_recordset(${JSON.stringify(list.map((r) => ({ ...r, unit_id: r.unitId })))}::jsonb)
        AS x(unit_id int, place text, open int, near int, overdue int)
      ORDER BY unit_id, place
      ON CONFLICT (unit_id, jurisdiction_code, shard) DO UPDATE SET
        open = stats_open.open + excluded.open, near = stats_open.near + excluded.near,
        overdue = stats_open.overdue + excluded.overdue
    )`;
}

function mergeOpen(rows: OpenKey[]): OpenKey[] {
  const merged = new Map<string, OpenKey>();
  for (const r of rows) {
    const id = `${r.unitId}|${r.place}`;
    const m = merged.get(id) ?? { ...r, open: 0, near: 0, overdue: 0 };
    m.open += r.open;
    m.near += r.near;
    m.overdue += r.overdue;
    merged.set(id, m);
  }
  return [...merged.values()].filter((r) => r.open || r.near || r.overdue);
}

/**
 * Adds the contributions to the daily and monthly rollups and the signed open/near/overdue counts
 * per (unit, place): one statement however many of them there are (the rows stay locked until
 * commit, so fewer round trips = shorter queue). `shard` defaults to the transaction's own
 * (CLAIMED_SHARD); the rebuild writes shard 0.
 */
export async function addRollups(
  tx: Executor,
  list: Contribution[],
  open: OpenKey[],
  opts: { shard?: number; dims?: readonly Dim[] } = {},
): Promise<void> {
  const rows = rollupRows(list, opts.dims);
  const openList = mergeOpen(open);
  const ctes: SQL[] = [];
  if (rows.length > 0) ctes.push(contributionCtes(rows));
  if (openList.length > 0) ctes.push(openCte(openList));
  if (ctes.length === 0) return;
  ctes.unshift(shardCte(opts.shard));
  await tx.execute(sql`WITH ${sql.join(ctes, sql`,`)} SELECT 1`);
}

/** Adds the contributions to the daily and monthly rollups: one statement. */
export async function addContributions(tx: Executor, list: Contribution[]): Promise<void> {
  await addRollups(tx, list, []);
}

/** Intake: a new matter was registered. */
export async function recordRegistration(tx: Executor, c: CaseFacts): Promise<void> {
  await addRollups(tx, [registrationOf(c)], openDelta(null, c));
}

/** Intake: a repeat petition was linked to the open matter `c`. */
export async function recordRepeatRegistration(
  tx: Executor,
  c: CaseFacts,
  r: { receivedAt: Date; form: string; unitId: number | null },
): Promise<void> {
  await addContributions(tx, [repeatRegistrationOf(c, r)]);
}

/** A lifecycle action changed the case from `before` to `after` (engine.ts). */
export async function recordAction(
  tx: Executor,
  before: CaseFacts,
  after: CaseFacts,
  a: { action: string; at: Date; actorUnitId: number | null },
): Promise<void> {
  await addRollups(tx, actionChange(before, after, a), openDelta(before, after));
}

/** The daily sweep changed these cases (deadline flags, lapsed evaluations, closing by lapse). */
export async function recordSweep(tx: Executor, changes: { before: CaseFacts; after: CaseFacts }[]) {
  await addRollups(
    tx,
    changes.flatMap((ch) => sweepChange(ch.before, ch.after)),
    changes.flatMap((ch) => openDelta(ch.before, ch.after)),
  );
}

/** A backlog matter of the case was identified, resolved or unflagged (src/backlog). */
export async function recordBacklogStep(
  tx: Executor,
  caseId: number,
  m: Omit<BacklogFacts, 'resolved'>,
  step: 'identified' | 'resolved' | 'unflagged',
): Promise<void> {
  const [c] = (await tx.select().from(cases).where(eq(cases.id, caseId))) as CaseFacts[];
  if (!c) throw new Error(`rollups: case ${caseId} not found`);
  await addContributions(tx, [backlogChange(c, m, step)]);
}

/** The identified backlog matters of these cases (the rebuild's view of src/backlog). */
async function backlogFacts(tx: Executor, caseCond: SQL | undefined): Promise<Map<number, BacklogFacts[]>> {
  const rows = await tx
    .select({
      caseId: backlogMatters.caseId,
      status: backlogMatters.status,
      identifiedAt: backlogMatters.identifiedAt,
      responsibleUnitId: backlogMatters.responsibleUnitId,
    })
    .from(backlogMatters)
    .where(caseCond);
  const out = new Map<number, BacklogFacts[]>();
  for (const r of rows) {
    if (!r.identifiedAt || !IDENTIFIED_STATUSES.includes(r.status as BacklogStatus)) continue;
    const list = out.get(r.caseId) ?? [];
    list.push({
      identifiedAt: r.identifiedAt,
      responsibleUnitId: r.responsibleUnitId,
      resolved: r.status === 'resolved',
    });
    out.set(r.caseId, list);
  }
  return out;
}

/** A matter's content category and 细分类, as the rollups break them down. */
export interface Classification {
  category: string | null;
  subcategory: string | null;
}

/**
 * A matter's content category or 细分类 was set or changed (src/intake): everything it has
 * contributed moves from the old one's rows to the new one's. Only those breakdowns change: the
 * other breakdowns of the old and new contributions cancel out in rollupRows and are not written.
 */
export async function recordRecategorization(
  tx: Executor,
  caseId: number,
  from: Classification,
  to: Classification,
): Promise<void> {
  if ((from.category ?? '') === (to.category ?? '') && (from.subcategory ?? '') === (to.subcategory ?? ''))
    return;
  const [c] = (await tx.select().from(cases).where(eq(cases.id, caseId))) as CaseFacts[];
  if (!c) throw new Error(`rollups: case ${caseId} not found`);
  const events = await tx
    .select({
      caseId: caseEvents.caseId,
      action: caseEvents.action,
      at: caseEvents.at,
      fromState: caseEvents.fromState,
      actorUnitId: caseEvents.actorUnitId,
      detail: caseEvents.detail,
    })
    .from(caseEvents)
    .where(and(eventsOfCase(c), inArray(caseEvents.action, ROLLUP_EVENT_ACTIONS)))
    .orderBy(asc(caseEvents.id));
  const backlog = (await backlogFacts(tx, eq(backlogMatters.caseId, caseId))).get(caseId) ?? [];
  const of = (k: Classification) =>
    caseContributions(
      { ...c, categoryCode: k.category || null, subcategoryCode: k.subcategory },
      events,
      backlog,
    );
  const negate = (k: Contribution): Contribution => ({
    ...k,
    counters: Object.fromEntries(Object.entries(k.counters).map(([n, v]) => [n, -(v ?? 0)])),
  });
  await addContributions(tx, [...of(from).map(negate), ...of(to)]);
}

/**
 * Adds everything the given cases contributed: `ids` (a seed batch) or ids in [fromId, toId] (a
 * rebuild chunk). `days` keeps only contributions dated inside it; `open` adds their open counts;
 * `shard` as in addRollups.
 */
export async function rollupCases(
  tx: Executor,
  which: { ids: number[] } | { fromId: number; toId: number },
  opts: { days?: { from: string; to: string }; open?: boolean; shard?: number; dims?: readonly Dim[] } = {},
): Promise<number> {
  const [caseCond, eventCond, backlogCond] =
    'ids' in which
      ? [
          inArray(cases.id, which.ids),
          inArray(caseEvents.caseId, which.ids),
          inArray(backlogMatters.caseId, which.ids),
        ]
      : [
          and(gte(cases.id, which.fromId), lte(cases.id, which.toId)),
          and(gte(caseEvents.caseId, which.fromId), lte(caseEvents.caseId, which.toId)),
          and(gte(backlogMatters.caseId, which.fromId), lte(backlogMatters.caseId, which.toId)),
        ];
  if ('ids' in which && which.ids.length === 0) return 0;
  const rows = (await tx.select().from(cases).where(caseCond)) as CaseFacts[];
  if (rows.length === 0) return 0;
  const events = await tx
    .select({
      caseId: caseEvents.caseId,
      action: caseEvents.action,
      at: caseEvents.at,
      fromState: caseEvents.fromState,
      actorUnitId: caseEvents.actorUnitId,
      detail: caseEvents.detail,
    })
    .from(caseEvents)
    // Bounded by the earliest registration among them: only the partitions since then are read.
    .where(and(eventCond, eventsSinceEarliest(rows), inArray(caseEvents.action, ROLLUP_EVENT_ACTIONS)))
    .orderBy(asc(caseEvents.caseId), asc(caseEvents.id));
  const byCase = new Map<number, EventFacts[]>();
  for (const e of events) {
    const list = byCase.get(e.caseId) ?? [];
    list.push(e);
    byCase.set(e.caseId, list);
  }
  const backlog = await backlogFacts(tx, backlogCond);
  let list = rows.flatMap((c) => caseContributions(c, byCase.get(c.id) ?? [], backlog.get(c.id) ?? []));
  const days = opts.days;
  if (days) list = list.filter((c) => c.day >= days.from && c.day <= days.to);
  const open = opts.open ? rows.map(openStateOf).filter((k) => k !== null) : [];
  await addRollups(tx, list, open, { shard: opts.shard, dims: opts.dims });
  return rows.length;
}
