// Month arithmetic and the retention rule of the partitioned history (src/domain/partitions/months.ts).
import { describe, expect, it } from 'vitest';
import {
  actorFloor,
  addMonths,
  historyFloor,
  monthOf,
  monthStart,
  monthsToKeepAhead,
  PARTITIONED_TABLES,
  partitionMonth,
  partitionName,
  retentionFloor,
  retentionRefusals,
} from '../../src/domain/partitions/months.ts';

describe('partition months', () => {
  it('counts months on the Beijing clock', () => {
    expect(monthOf(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(monthOf(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(monthStart('2026-12').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(monthStart('1990-07').toISOString()).toBe('1990-06-30T16:00:00.000Z');
  });

  it('adds months across years, both ways', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', -120)).toBe('2016-12');
    expect(monthsToKeepAhead(new Date('2026-12-05T00:00:00Z'))).toEqual([
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
  });

  it('names partitions and reads the month back, the default and foreign names giving none', () => {
    expect(partitionName('audit_log', '2015-03')).toBe('audit_log_p2015_03');
    expect(partitionMonth('audit_log', 'audit_log_p2015_03')).toBe('2015-03');
    expect(partitionMonth('audit_log', 'audit_log_default')).toBeNull();
    expect(partitionMonth('audit_log', 'case_events_p2015_03')).toBeNull();
    expect(partitionMonth('audit_log', 'audit_log_p2015_13')).toBeNull();
  });

  it('lets a month go only once all of it is older than the retention period', () => {
    const now = new Date('2026-12-05T00:00:00+08:00');
    expect(retentionFloor(now, 10)).toBe('2016-12');
    const years = { audit: 10, history: 2 };
    expect(retentionRefusals('2016-12', PARTITIONED_TABLES, now, years)).toEqual([]);
    expect(retentionRefusals('2017-01', PARTITIONED_TABLES, now, years).map((r) => r.table)).toEqual([
      'audit_log',
    ]);
    expect(retentionRefusals('2024-12', PARTITIONED_TABLES.slice(1), now, years)).toEqual([]);
  });

  it("bounds a person's audit rows by the account's month, a day earlier across a month's start", () => {
    // Created mid-month: its month.
    expect(actorFloor(new Date('2026-03-15T10:00:00+08:00')).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    // Created in the first day of a month: a node whose clock runs behind may stamp the previous month.
    expect(actorFloor(new Date('2026-03-01T09:00:00+08:00')).toISOString()).toBe('2026-01-31T16:00:00.000Z');
    // A case's history is bounded by its month alone (the database's own clock set both).
    expect(historyFloor(new Date('2026-03-01T09:00:00+08:00')).toISOString()).toBe(
      '2026-02-28T16:00:00.000Z',
    );
  });
});
