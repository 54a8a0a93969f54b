// Indicator formulas (domain.md §9) on counts worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  change,
  computeIndicators,
  defaultPeriod,
  emptyCounters,
  INDICATOR_DEFINITIONS,
  minusYear,
  prevPeriodRange,
  prevYearRange,
  rate,
  splitRange,
} from '../../src/domain/indicators/index.ts';

describe('rates', () => {
  it('divides, and gives null (not 0) when there is nothing to divide by', () => {
    expect(rate(3, 4)).toBe(0.75);
    expect(rate(0, 5)).toBe(0);
    expect(rate(0, 0)).toBeNull();
    expect(rate(7, 0)).toBeNull();
  });

  it('computes 同比/环比 as a relative change', () => {
    expect(change(110, 100)).toBeCloseTo(0.1, 12);
    expect(change(90, 120)).toBe(-0.25);
    expect(change(5, 0)).toBeNull();
  });
});

describe('computeIndicators', () => {
  it('matches a month worked out by hand', () => {
    // October: 200 registrations, 120 online, 40 visits of which 2 skipped a level, 30 repeats;
    // 150 acceptance decisions, 141 in time; 80 completed, 72 on time; 50 rated + 10 lapsed;
    // 45 of the rated satisfied with the unit, 48 with the bureau; 8 backlog flagged, 5 resolved;
    // 3 group visits with 6 + 12 + 20 people.
    const cur = {
      ...emptyCounters(),
      total: 200,
      online: 120,
      visits: 40,
      skippedLevel: 2,
      repeats: 30,
      acceptanceDecided: 150,
      acceptedTimely: 141,
      completed: 80,
      completedOnTime: 72,
      rated: 50,
      ratable: 60,
      satisfied: 45,
      bureauSatisfied: 48,
      backlog: 8,
      backlogResolved: 5,
      groupBatches: 3,
      groupPersons: 38,
    };
    const i = computeIndicators(
      cur,
      { ...emptyCounters(), total: 160 }, // October a year earlier
      { ...emptyCounters(), total: 250, online: 100 }, // September
    );
    expect(i.total).toBe(200);
    expect(i.yoy).toBe(0.25); // (200 − 160) / 160
    expect(i.mom).toBe(-0.2); // (200 − 250) / 250
    expect(i.onlineShare).toBe(0.6); // 120 / 200
    expect(i.onlineSharePrev).toBe(0.4); // 100 / 250
    expect(i.timelyAcceptanceRate).toBe(0.94); // 141 / 150
    expect(i.onTimeCompletionRate).toBe(0.9); // 72 / 80
    expect(i.participationRate).toBeCloseTo(0.833333, 6); // 50 / 60
    expect(i.satisfactionRate).toBe(0.9); // 45 / 50
    expect(i.bureauSatisfactionRate).toBe(0.96); // 48 / 50
    expect(i.skipLevelRate).toBe(0.05); // 2 / 40
    expect(i.repeatRate).toBe(0.15); // 30 / 200
    expect(i.backlogResolutionRate).toBe(0.625); // 5 / 8
    expect(i.groupBatches).toBe(3);
    expect(i.groupPersons).toBe(38);
    expect(i.totalPrevYear).toBe(160);
    expect(i.totalPrevPeriod).toBe(250);
  });

  it('gives null rates for a place with no petitions at all', () => {
    const i = computeIndicators(emptyCounters());
    expect(i.total).toBe(0);
    for (const k of [
      'yoy',
      'mom',
      'onlineShare',
      'onlineSharePrev',
      'timelyAcceptanceRate',
      'onTimeCompletionRate',
      'participationRate',
      'satisfactionRate',
      'skipLevelRate',
      'repeatRate',
      'backlogResolutionRate',
    ] as const) {
      expect(i[k], k).toBeNull();
    }
  });

  it('names and explains every rate it returns', () => {
    for (const [k, d] of Object.entries(INDICATOR_DEFINITIONS)) {
      expect(d.name, k).toMatch(/[\u4e00-\u9fff]/);
      expect(d.definition.length, k).toBeGreaterThan(10);
    }
    expect(INDICATOR_DEFINITIONS.timelyAcceptanceRate.name).toBe('及时受理率');
    expect(INDICATOR_DEFINITIONS.satisfactionRate.denominator).toBe('rated');
  });
});

describe('periods', () => {
  it('finds the same period a year earlier, with 29 February', () => {
    expect(prevYearRange({ from: '2026-10-01', to: '2026-10-31' })).toEqual({
      from: '2025-10-01',
      to: '2025-10-31',
    });
    expect(minusYear('2024-02-29')).toBe('2023-02-28');
  });

  it('defaults to the 30 days to today, or to the `to` asked for, keeping a `from` given', () => {
    // On the 4th a month to date would be four days; the default is always 30.
    expect(defaultPeriod('2026-12-04')).toEqual({ from: '2026-11-05', to: '2026-12-04' });
    expect(defaultPeriod('2026-12-04', { to: '2026-03-01' })).toEqual({
      from: '2026-01-31',
      to: '2026-03-01',
    });
    expect(defaultPeriod('2026-12-04', { from: '2026-12-01' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-04',
    });
  });

  it('finds the period of the same length just before (环比)', () => {
    // October has 31 days: the 31 days before are 31 Aug … 30 Sep.
    expect(prevPeriodRange({ from: '2026-10-01', to: '2026-10-31' })).toEqual({
      from: '2026-08-31',
      to: '2026-09-30',
    });
    expect(prevPeriodRange({ from: '2026-03-01', to: '2026-03-01' })).toEqual({
      from: '2026-02-28',
      to: '2026-02-28',
    });
  });

  it('splits a range into whole months and the days at either end', () => {
    expect(splitRange({ from: '2026-01-15', to: '2026-04-10' })).toEqual({
      months: { from: '2026-02-01', to: '2026-03-31' },
      days: [
        { from: '2026-01-15', to: '2026-01-31' },
        { from: '2026-04-01', to: '2026-04-10' },
      ],
    });
    expect(splitRange({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      months: { from: '2026-01-01', to: '2026-12-31' },
      days: [],
    });
    expect(splitRange({ from: '2026-10-03', to: '2026-10-20' })).toEqual({
      months: null,
      days: [{ from: '2026-10-03', to: '2026-10-20' }],
    });
  });
});
