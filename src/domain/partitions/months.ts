// Partitioned history as a table, and the month arithmetic it runs on. Pure: the database side is
// src/partitions/. A partition holds one month on the Beijing clock (UTC+8, fixed: the same rule as
// migration 0041; the zone database's Asia/Shanghai would add the summer time of 1986–1991).

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Which retention setting governs a table's archive (src/config: XINFANG_*_RETENTION_YEARS). */
export type RetentionKind = 'audit' | 'history';

export interface PartitionedTable {
  table: 'audit_log' | 'case_events';
  /** Chinese name for messages. */
  zh: string;
  /** The identity column (archive files are written in its order). */
  key: 'seq' | 'id';
  retention: RetentionKind;
}

/** The tables partitioned by month of `at` (migration 0041). */
export const PARTITIONED_TABLES: readonly PartitionedTable[] = [
  { table: 'audit_log', zh: '审计日志', key: 'seq', retention: 'audit' },
  { table: 'case_events', zh: '办理过程', key: 'id', retention: 'history' },
];

/** Months created ahead of the current one by the daily job and at start. */
export const MONTHS_AHEAD = 3;

export function partitionedTable(name: string): PartitionedTable | undefined {
  return PARTITIONED_TABLES.find((t) => t.table === name);
}

/** 'YYYY-MM'. */
export type Month = string;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(s: string): boolean {
  return MONTH_RE.test(s);
}

function parts(month: Month): { y: number; m: number } {
  const r = MONTH_RE.exec(month);
  if (!r) throw new RangeError(`not a month YYYY-MM: ${month}`);
  return { y: Number(r[1]), m: Number(r[2]) };
}

function fmt(y: number, m: number): Month {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** The month an instant falls in on the Beijing clock. */
export function monthOf(instant: Date): Month {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
}

export function addMonths(month: Month, n: number): Month {
  const { y, m } = parts(month);
  const i = y * 12 + (m - 1) + n;
  return fmt(Math.floor(i / 12), (i % 12) + 1);
}

/** The instant a month starts: its first day, 00:00 Beijing time. */
export function monthStart(month: Month): Date {
  const { y, m } = parts(month);
  const d = new Date(0);
  d.setUTCFullYear(y, m - 1, 1);
  return new Date(d.getTime() - BEIJING_OFFSET_MS);
}

/** `audit_log` + '2026-03' → 'audit_log_p2026_03' (the name migration 0041 gives too). */
export function partitionName(table: string, month: Month): string {
  return `${table}_p${month.replace('-', '_')}`;
}

/** The month a partition of `table` holds, from its name; null for the default or a foreign name. */
export function partitionMonth(table: string, name: string): Month | null {
  const prefix = `${table}_p`;
  if (!name.startsWith(prefix)) return null;
  const month = name.slice(prefix.length).replace('_', '-');
  return isMonth(month) ? month : null;
}

export function defaultPartitionName(table: string): string {
  return `${table}_default`;
}

/** The current month and the MONTHS_AHEAD after it: the partitions that must exist. */
export function monthsToKeepAhead(now: Date, ahead = MONTHS_AHEAD): Month[] {
  const first = monthOf(now);
  return Array.from({ length: ahead + 1 }, (_, i) => addMonths(first, i));
}

/**
 * The first month that is still inside the retention period: a partition may be archived only when
 * the whole of it lies before this month's start, i.e. its month is before the returned one.
 * 10 years at 2026-12 → '2016-12' (2016-11 and earlier may go).
 */
export function retentionFloor(now: Date, years: number): Month {
  return addMonths(monthOf(now), -12 * years);
}

export type ArchiveRefusal = { table: string; zh: string; floor: Month; years: number };

/**
 * Whether `--before` reaches into a table's retention period. The whole command is refused then
 * (nothing is archived), with the latest month that would be allowed.
 */
export function retentionRefusals(
  before: Month,
  tables: readonly PartitionedTable[],
  now: Date,
  years: Record<RetentionKind, number>,
): ArchiveRefusal[] {
  return tables.flatMap((t) => {
    const floor = retentionFloor(now, years[t.retention]);
    return before > floor ? [{ table: t.table, zh: t.zh, floor, years: years[t.retention] }] : [];
  });
}

/**
 * The earliest `at` a case's history can carry: the start of the Beijing month of its registration
 * (`received_at`). A case's events and its audit rows are never older than its registration — the
 * engine writes them at the time of the step, an import on its historical dates from the receipt
 * on (src/domain/import/history.ts), the seed from the receipt on (src/seed/sim.ts) — and
 * received_at never changes. A read of one case bounded by `at >= floor` touches only the months
 * since the case began instead of every partition kept (docs/performance.md, "Partitioned
 * history"); the month start instead of the instant itself prunes the same partitions and tolerates
 * a step written earlier on the registration's own month.
 */
export function historyFloor(receivedAt: Date): Date {
  return monthStart(monthOf(receivedAt));
}

/**
 * Slack for the clocks: an audit row's `at` is its API node's clock, an account's `created_at` the
 * database's, so a node running behind could stamp a row slightly before the account it names.
 */
export const ACTOR_CLOCK_MARGIN_MS = 86_400_000;

/**
 * The earliest instant an account's audit rows can carry (审计日志按操作人查询): the start of the
 * Beijing month of its creation less the clock margin. Searching by person then reads only the
 * months since the account existed instead of every partition kept.
 */
export function actorFloor(createdAt: Date): Date {
  return monthStart(monthOf(new Date(createdAt.getTime() - ACTOR_CLOCK_MARGIN_MS)));
}
