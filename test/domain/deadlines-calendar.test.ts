// Expected dates are computed by hand from the State Council schedules (as encoded in chinese-days 1.5.7):
//   2025 国庆+中秋: rest 10-01 (Wed) .. 10-08 (Wed), 10-06 labelled 中秋; make-up workdays 09-28 (Sun), 10-11 (Sat)
//   2026 春节: rest 02-15 (Sun) .. 02-23 (Mon); make-up workdays 02-14 (Sat), 02-28 (Sat)
//   2026 国庆: rest 10-01 (Thu) .. 10-07 (Wed); make-up workdays 09-20 (Sun), 10-10 (Sat)
// Weekday anchors: 2025-09-01 Mon, 2025-10-01 Wed, 2026-02-15 Sun, 2026-10-01 Thu, 2027-01-01 Fri.
import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  calendarCoverage,
  calendarCovers,
  computeDue,
  endOfShanghaiDay,
  isHoliday,
  isWorkingDay,
  type Limit,
  shanghaiDate,
} from '../../src/domain/deadlines/index.ts';

const days = (amount: number): Limit => ({ amount, unit: 'calendar_days' });
const workdays = (amount: number): Limit => ({ amount, unit: 'working_days' });
/** 10:00 Shanghai on a date. */
const at10 = (date: string) => new Date(`${date}T10:00:00+08:00`);

describe('calendar', () => {
  it('classifies 2025 National Day, make-up workdays and weekends', () => {
    expect(isWorkingDay('2025-09-30')).toBe(true); // Tue
    for (const d of ['2025-10-01', '2025-10-03', '2025-10-06', '2025-10-08'])
      expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday, 调休上班
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2025-10-12')).toBe(false); // plain Sunday
    expect(isWorkingDay('2025-10-09')).toBe(true); // Thu, first day back
  });

  it('names holidays in Chinese and does not call plain weekends holidays', () => {
    expect(isHoliday('2025-10-01')).toEqual({ holiday: true, name: '国庆节' });
    expect(isHoliday('2025-10-06')).toEqual({ holiday: true, name: '中秋' });
    expect(isHoliday('2026-02-17')).toEqual({ holiday: true, name: '春节' });
    expect(isHoliday('2025-10-12')).toEqual({ holiday: false });
    expect(isHoliday('2025-10-11')).toEqual({ holiday: false });
  });

  it('converts instants to Shanghai dates and back', () => {
    expect(shanghaiDate(new Date('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30'); // 23:59:59.999 +08
    expect(shanghaiDate(new Date('2025-09-30T16:00:00Z'))).toBe('2025-10-01'); // 00:00 +08
    expect(endOfShanghaiDay('2025-10-09').toISOString()).toBe('2025-10-09T15:59:59.999Z');
  });

  it('adds days across month and year ends and rejects bad dates', () => {
    expect(addDays('2025-12-17', 60)).toBe('2026-02-15');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => isWorkingDay('2025/10/01')).toThrow(RangeError);
  });

  it('agrees with the chinese-days API for every day it covers (run in Asia/Shanghai)', async () => {
    // The package's runtime functions are only reliable when the process TZ is east of UTC, so load it
    // under Asia/Shanghai and compare with our TZ-independent reading of its JSON data.
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const cd = (await import('chinese-days')).default;
      let mismatches = 0;
      for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
        if (isWorkingDay(d) !== cd.isWorkday(d)) mismatches++;
        const h = isHoliday(d);
        if (h.holiday && !cd.getDayDetail(d).name.includes(h.name ?? '?')) mismatches++;
      }
      expect(mismatches).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('reports coverage 2004..2026', () => {
    expect(calendarCoverage()).toEqual({ firstYear: 2004, lastYear: 2026 });
    expect(calendarCovers('2026-12-31')).toBe(true);
    expect(calendarCovers('2027-01-01')).toBe(false);
    expect(calendarCovers('2003-12-31')).toBe(false);
    expect(isWorkingDay('2027-01-02')).toBe(false); // uncovered year: weekends still rest days
  });
});

describe('time zones', () => {
  it('uses the Shanghai date of the trigger, not the UTC date', () => {
    // 2025-09-30 23:30 +08 is still 09-30 in Shanghai (15:30Z): +15 = 2025-10-15 (Wed)
    const late = computeDue(new Date('2025-09-30T23:30:00+08:00'), days(15));
    expect(late.start).toBe('2025-09-30');
    expect(late.dueDate).toBe('2025-10-15');
    // 2025-09-30T16:30Z is 2025-10-01 00:30 in Shanghai: +15 = 2025-10-16 (Thu)
    const utc = computeDue(new Date('2025-09-30T16:30:00Z'), days(15));
    expect(utc.start).toBe('2025-10-01');
    expect(utc.dueDate).toBe('2025-10-16');
  });

  describe('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    it.for(['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])('TZ=%s', (tz) => {
      process.env.TZ = tz;
      // Node applies a TZ change at once; make sure the test really runs in that zone.
      expect(new Date('2025-01-01T00:00:00Z').getTimezoneOffset() !== 0).toBe(tz !== 'UTC');
      expect(computeDue(at10('2025-09-20'), days(15)).dueDate).toBe('2025-10-09');
      expect(computeDue(at10('2025-10-09'), workdays(5)).dueDate).toBe('2025-10-15');
      expect(shanghaiDate(new Date('2025-09-30T16:30:00Z'))).toBe('2025-10-01');
    });
  });
});
