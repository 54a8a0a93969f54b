// The demo's 督办 and 调解 steps happen in office hours of their day, not all at the minute the demo
// was seeded (src/seed/officeTime.ts).
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { officeTimeAgo } from '../../src/seed/officeTime.ts';

const shanghaiMinutes = (d: Date) => {
  const [h, m] = d
    .toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour12: false })
    .split(':')
    .map(Number);
  return (h as number) * 60 + (m as number);
};

describe('officeTimeAgo', () => {
  const now = new Date('2026-12-07T00:58:00Z'); // 08:58 in Beijing, before most office hours

  it('puts a step d days back on that Beijing day, between 08:30 and 17:30, at different times', () => {
    const times = [2, 3, 9, 10, 14, 29, 30, 32, 40].map((d) => officeTimeAgo(now, d));
    for (const [i, d] of [2, 3, 9, 10, 14, 29, 30, 32, 40].entries()) {
      const at = times[i] as Date;
      expect(shanghaiDate(at)).toBe(shanghaiDate(new Date(now.getTime() - d * 86_400_000)));
      expect(shanghaiMinutes(at)).toBeGreaterThanOrEqual(8 * 60 + 30);
      expect(shanghaiMinutes(at)).toBeLessThan(17 * 60 + 30);
    }
    expect(new Set(times.map(shanghaiMinutes)).size).toBeGreaterThan(5);
  });

  it('never returns a time after now (a step of today, seeded before office hours)', () => {
    const early = new Date('2026-12-07T00:00:00Z'); // 08:00 in Beijing
    expect(officeTimeAgo(early, 0).getTime()).toBe(early.getTime());
  });
});
