// 听证 pauses the review (re-review) clock; resuming adds the hearing's calendar days (both ends).
import { describe, expect, it } from 'vitest';
import { actionDef } from '../../src/domain/lifecycle/actions.ts';
import { activeDue, pauseClock, resumeClock, type StoredClock } from '../../src/domain/lifecycle/clocks.ts';
import { latenessOf } from '../../src/domain/lifecycle/lateness.ts';

// Review requested 2026-11-10 (Shanghai) → 30 days → due 2026-12-10 23:59:59.999 (a Thursday).
const review: StoredClock = {
  trigger: '2026-11-10T02:00:00.000Z',
  amount: 30,
  unit: 'calendar_days',
  due: '2026-12-10T15:59:59.999Z',
};

describe('hearing pause', () => {
  it('a paused clock sets no due_at and is never late', () => {
    const paused = pauseClock(review, new Date('2026-12-01T02:00:00Z'));
    expect(activeDue({ review: paused })).toBeNull();
    expect(
      latenessOf(actionDef('decide_review'), { review: paused }, new Date('2027-01-30T02:00:00Z')),
    ).toBeNull();
  });

  it('resuming adds the days of the hearing, both ends counted', () => {
    const paused = pauseClock(review, new Date('2026-12-01T02:00:00Z')); // 12-01 Shanghai
    const { clock, days } = resumeClock(paused, new Date('2026-12-04T08:00:00Z')); // 12-04 Shanghai
    expect(days).toBe(4);
    expect(clock.pausedAt).toBeUndefined();
    expect(clock.pausedDays).toBe(4);
    expect(clock.due).toBe('2026-12-14T15:59:59.999Z'); // 34 days: 12-14, a Monday
    expect(activeDue({ review: clock })?.toISOString()).toBe(clock.due);
  });
});
