// Expected dates are computed by hand from the State Council schedules (as encoded in chinese-days 1.5.7):
//   2025 国庆+中秋: rest 10-01 (Wed) .. 10-08 (Wed), 10-06 labelled 中秋; make-up workdays 09-28 (Sun), 10-11 (Sat)
//   2026 春节: rest 02-15 (Sun) .. 02-23 (Mon); make-up workdays 02-14 (Sat), 02-28 (Sat)
//   2026 国庆: rest 10-01 (Thu) .. 10-07 (Wed); make-up workdays 09-20 (Sun), 10-10 (Sat)
// Weekday anchors: 2025-09-01 Mon, 2025-10-01 Wed, 2026-02-15 Sun, 2026-10-01 Thu, 2027-01-01 Fri.
import { describe, expect, it } from 'vitest';
import {
  computeDue,
  daysRemaining,
  isNearDue,
  isOverdue,
  type Limit,
} from '../../src/domain/deadlines/index.ts';

const days = (amount: number): Limit => ({ amount, unit: 'calendar_days' });
const workdays = (amount: number): Limit => ({ amount, unit: 'working_days' });
/** 10:00 Shanghai on a date. */
const at10 = (date: string) => new Date(`${date}T10:00:00+08:00`);

describe('computeDue — calendar days', () => {
  it('plain 15 days, no holiday', () => {
    // 2025-09-01 (Mon) + 15 = 2025-09-16 (Tue), a working day → due 2025-09-16 24:00 +08
    const r = computeDue(at10('2025-09-01'), days(15));
    expect(r.start).toBe('2025-09-01');
    expect(r.nominalLastDay).toBe('2025-09-16');
    expect(r.dueDate).toBe('2025-09-16');
    expect(r.due.toISOString()).toBe('2025-09-16T15:59:59.999Z');
    expect(r.shiftedOver).toEqual([]);
    expect(r.calendarCovered).toBe(true);
    expect(r.explanation).toBe(
      '自2025-09-01起算15日（次日为第1日），末日2025-09-16（星期二）为工作日，至该日24时届满。',
    );
  });

  it('last day on an ordinary weekend moves to Monday', () => {
    // 2025-08-29 (Fri) + 15 = 2025-09-13 (Sat); 09-14 Sun → next working day 2025-09-15 (Mon)
    const r = computeDue(at10('2025-08-29'), days(15));
    expect(r.nominalLastDay).toBe('2025-09-13');
    expect(r.dueDate).toBe('2025-09-15');
    expect(r.shiftedOver).toEqual([
      { date: '2025-09-13', reason: '周末' },
      { date: '2025-09-14', reason: '周末' },
    ]);
    expect(r.explanation).toContain('顺延至2025-09-15（星期一）');
  });

  it('last day inside National Day 2025 moves past the holiday', () => {
    // 2025-09-20 + 15 = 2025-10-05 (Sun), inside 国庆 10-01..10-08 → next working day 2025-10-09 (Thu)
    const r = computeDue(at10('2025-09-20'), days(15));
    expect(r.nominalLastDay).toBe('2025-10-05');
    expect(r.dueDate).toBe('2025-10-09');
    expect(r.due.toISOString()).toBe('2025-10-09T15:59:59.999Z');
    expect(r.shiftedOver).toEqual([
      { date: '2025-10-05', reason: '国庆节' },
      { date: '2025-10-06', reason: '中秋' },
      { date: '2025-10-07', reason: '国庆节' },
      { date: '2025-10-08', reason: '国庆节' },
    ]);
    expect(r.explanation).toBe(
      '自2025-09-20起算15日（次日为第1日），末日2025-10-05（星期日）为休息日（国庆节、中秋），顺延至2025-10-09（星期四），至该日24时届满。',
    );
  });

  it('last day inside National Day 2026 moves past the holiday', () => {
    // 2026-09-18 (Fri) + 15 = 2026-10-03 (Sat), inside 国庆 10-01..10-07 → 2026-10-08 (Thu)
    const r = computeDue(at10('2026-09-18'), days(15));
    expect(r.nominalLastDay).toBe('2026-10-03');
    expect(r.dueDate).toBe('2026-10-08');
    expect(r.shiftedOver.map((s) => s.date)).toEqual([
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
  });

  it('last day on a make-up Saturday (调休上班) is not moved', () => {
    // 2025-09-26 + 15 = 2025-10-11, a Saturday but an official workday → due 2025-10-11
    const r = computeDue(at10('2025-09-26'), days(15));
    expect(r.dueDate).toBe('2025-10-11');
    expect(r.shiftedOver).toEqual([]);
    expect(r.explanation).toContain('调休上班（国庆节），不顺延');
  });

  it('60-day handling limit ending in National Day', () => {
    // 2025-08-04 + 60: Aug 31 is +27, Sep 30 is +57, so +60 = 2025-10-03 (Fri, 国庆)
    // → 10-03..10-08 are rest days → 2025-10-09
    const r = computeDue(at10('2025-08-04'), days(60));
    expect(r.nominalLastDay).toBe('2025-10-03');
    expect(r.dueDate).toBe('2025-10-09');
    expect(r.shiftedOver).toHaveLength(6);
  });

  it('60-day handling limit across the year end into Spring Festival 2026', () => {
    // 2025-12-17 + 60: Dec 31 is +14, Jan 31 is +45, so +60 = 2026-02-15 (Sun, 春节 02-15..02-23)
    // → next working day 2026-02-24 (Tue)
    const r = computeDue(at10('2025-12-17'), days(60));
    expect(r.nominalLastDay).toBe('2026-02-15');
    expect(r.dueDate).toBe('2026-02-24');
    expect(r.shiftedOver).toHaveLength(9);
    expect(new Set(r.shiftedOver.map((s) => s.reason))).toEqual(new Set(['春节']));
    expect(r.calendarCovered).toBe(true);
  });

  it('flags limits that end in a year without holiday data, still shifting weekends', () => {
    // 2026-12-18 + 15 = 2027-01-02 (Sat) → 01-03 Sun → 2027-01-04 (Mon); 2027 not in chinese-days 1.5.7
    const r = computeDue(at10('2026-12-18'), days(15));
    expect(r.dueDate).toBe('2027-01-04');
    expect(r.calendarCovered).toBe(false);
    // The caution is for staff (the case presenter adds it for them), not in the explanation a
    // petitioner reads.
    expect(r.explanation).not.toContain('人工核对');
  });
});

describe('computeDue — working days', () => {
  it('5 working days across a make-up Sunday and the whole National Day holiday', () => {
    // trigger 2025-09-25 (Thu): 09-26 Fri =1, 09-27 Sat skip, 09-28 Sun 调休上班 =2, 09-29 =3, 09-30 =4,
    // 10-01..10-08 skipped, 10-09 Thu =5 → due 2025-10-09
    const r = computeDue(at10('2025-09-25'), workdays(5));
    expect(r.dueDate).toBe('2025-10-09');
    expect(r.nominalLastDay).toBe('2025-10-09');
    expect(r.shiftedOver).toEqual([]);
    expect(r.skipped.map((s) => s.date)).toEqual([
      '2025-09-27',
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    expect(r.skipped[0]).toEqual({ date: '2025-09-27', reason: '周末' });
    expect(r.explanation).toContain('调休上班日2025-09-28计入');
  });

  it('5 working days counting the make-up Saturday 2025-10-11', () => {
    // trigger 2025-10-09 (Thu): 10-10 Fri =1, 10-11 Sat 调休上班 =2, 10-12 Sun skip, 10-13 =3, 10-14 =4,
    // 10-15 =5 → due 2025-10-15 (would be 10-16 if the make-up Saturday were ignored)
    const r = computeDue(at10('2025-10-09'), workdays(5));
    expect(r.dueDate).toBe('2025-10-15');
    expect(r.skipped).toEqual([{ date: '2025-10-12', reason: '周末' }]);
  });

  it('5 working days across Spring Festival 2026', () => {
    // trigger 2026-02-12 (Thu): 02-13 Fri =1, 02-14 Sat 调休上班 =2, 02-15..02-23 春节 skipped (9 days),
    // 02-24 Tue =3, 02-25 =4, 02-26 Thu =5 → due 2026-02-26
    const r = computeDue(at10('2026-02-12'), workdays(5));
    expect(r.dueDate).toBe('2026-02-26');
    expect(r.skipped).toHaveLength(9);
    expect(r.due.toISOString()).toBe('2026-02-26T15:59:59.999Z');
  });

  it('trigger on a holiday counts from the first working day after it', () => {
    // trigger 2025-10-03 (国庆): 10-04..10-08 skipped, 10-09 =1, 10-10 =2, 10-11 Sat 调休 =3,
    // 10-12 Sun skip, 10-13 =4, 10-14 =5 → 2025-10-14
    expect(computeDue(at10('2025-10-03'), workdays(5)).dueDate).toBe('2025-10-14');
  });

  it('rejects invalid input', () => {
    expect(() => computeDue(new Date('nope'), days(15))).toThrow(RangeError);
    expect(() => computeDue(at10('2025-09-01'), days(0))).toThrow(RangeError);
    expect(() => computeDue(at10('2025-09-01'), days(1.5))).toThrow(RangeError);
  });
});

describe('daysRemaining / isOverdue / isNearDue', () => {
  // due: 2025-09-16 end of day (2025-09-01 + 15)
  const { due } = computeDue(at10('2025-09-01'), days(15));
  const sh = (local: string) => new Date(`${local}+08:00`);

  it('counts Shanghai calendar days', () => {
    expect(daysRemaining(due, sh('2025-09-01T10:00:00'))).toBe(15);
    expect(daysRemaining(due, sh('2025-09-12T23:59:59'))).toBe(4);
    expect(daysRemaining(due, sh('2025-09-13T00:00:00'))).toBe(3);
    expect(daysRemaining(due, sh('2025-09-16T00:00:00'))).toBe(0); // still 09-15 in UTC
    expect(daysRemaining(due, sh('2025-09-18T09:00:00'))).toBe(-2);
  });

  it('is not overdue at 23:59 on the due date and is overdue at 00:00 the next day', () => {
    const lastMinute = sh('2025-09-16T23:59:00');
    expect(isOverdue(due, lastMinute)).toBe(false);
    expect(daysRemaining(due, lastMinute)).toBe(0);
    expect(isNearDue(due, lastMinute)).toBe(true);

    const midnight = sh('2025-09-17T00:00:00');
    expect(isOverdue(due, midnight)).toBe(true);
    expect(daysRemaining(due, midnight)).toBe(-1);
    expect(isNearDue(due, midnight)).toBe(false);
  });

  it('warns within warnDays', () => {
    expect(isNearDue(due, sh('2025-09-13T00:00:00'))).toBe(true); // 3 days left
    expect(isNearDue(due, sh('2025-09-12T23:59:59'))).toBe(false); // 4 days left
    expect(isNearDue(due, sh('2025-09-12T08:00:00'), 4)).toBe(true);
    expect(isNearDue(due, sh('2025-09-16T12:00:00'), 0)).toBe(true);
  });
});
