// 考核 scoring: rate items earn their points × the rate (or × (1 − rate) when lower is better), an
// item without data is left out of the points available, per-case deductions are averaged per month
// and stop at the item's points; places with too little data are not ranked; overrides are checked;
// periods parse; accountability records require their fields.
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/assessment/period.ts';
import { missingField, RECORD_KIND_RULES } from '../../src/domain/assessment/records.ts';
import {
  type AssessedFigures,
  type AssessmentItem,
  DEFAULT_SCHEMES,
  MIN_COVERAGE,
  rankAssessed,
  schemeProblem,
  scoreAssessment,
} from '../../src/domain/assessment/scheme.ts';

const fig = (o: Partial<AssessedFigures['ind']> = {}, overdue = 0): AssessedFigures => ({
  ind: {
    timelyAcceptanceRate: 1,
    onTimeCompletionRate: 1,
    satisfactionRate: 1,
    participationRate: 1,
    repeatRate: 0,
    skipLevelRate: 0,
    backlogResolutionRate: 1,
    onlineShare: 1,
    repeats: 0,
    skippedLevel: 0,
    ...o,
  },
  overdue,
});

describe('the default schemes', () => {
  it('give the county the formula of domain.md §9 (40 points) plus the province’s indicators', () => {
    const county = DEFAULT_SCHEMES.county;
    const pts = (k: string) => county.find((i) => i.key === k)?.points;
    expect([
      pts('timelyAcceptanceRate'),
      pts('onTimeCompletionRate'),
      pts('repeats'),
      pts('satisfactionRate'),
      pts('participationRate'),
    ]).toEqual([5, 10, 10, 10, 5]);
    expect(DEFAULT_SCHEMES.city.reduce((s, i) => s + i.points, 0)).toBe(100);
    for (const level of ['city', 'county', 'town'] as const)
      expect(schemeProblem(DEFAULT_SCHEMES[level])).toBeNull();
  });
});

describe('scoreAssessment', () => {
  const city = DEFAULT_SCHEMES.city;
  it('is 100 at best and loses each item’s weight in proportion', () => {
    expect(scoreAssessment(city, fig()).score).toBe(100);
    // 按期办结率 weighs 15: 80 % costs 3 points.
    const s = scoreAssessment(city, fig({ onTimeCompletionRate: 0.8 }));
    expect(s.score).toBe(97);
    expect(s.items.find((i) => i.key === 'onTimeCompletionRate')).toMatchObject({ earned: 12, deduction: 3 });
    // 越级上访率 is better lower: 10 % costs 1 of its 10 points.
    expect(scoreAssessment(city, fig({ skipLevelRate: 0.1 })).score).toBe(99);
  });

  it('leaves an item without data out of the points available (越级上访率 with no visits)', () => {
    const s = scoreAssessment(city, fig({ skipLevelRate: null, satisfactionRate: 0.5 }));
    const skip = s.items.find((i) => i.key === 'skipLevelRate');
    expect(skip).toMatchObject({ available: false, value: null, earned: 0, deduction: 0 });
    expect(s.available).toBe(90);
    expect(s.coverage).toBe(90);
    expect(s.score).toBeCloseTo((82.5 / 90) * 100, 1);
  });

  it('deducts per case, averaged per month, never below zero', () => {
    const county = DEFAULT_SCHEMES.county;
    const month = scoreAssessment(county, fig({ repeats: 3 }));
    expect(month.items.find((i) => i.key === 'repeats')).toMatchObject({ value: 3, deduction: 3, earned: 7 });
    const quarter = scoreAssessment(county, fig({ repeats: 3 }), 3);
    expect(quarter.items.find((i) => i.key === 'repeats')?.deduction).toBe(1);
    const many = scoreAssessment(county, fig({ repeats: 40 }));
    expect(many.items.find((i) => i.key === 'repeats')).toMatchObject({ deduction: 10, earned: 0 });
  });

  it('does not score a place whose items with data weigh under MIN_COVERAGE', () => {
    const thin = fig({
      satisfactionRate: null,
      participationRate: null,
      backlogResolutionRate: null,
      onTimeCompletionRate: null,
    });
    const s = scoreAssessment(DEFAULT_SCHEMES.city, thin);
    expect(s.coverage).toBeLessThan(MIN_COVERAGE);
    expect(s.score).toBeNull();
    const ranked = rankAssessed([
      { code: 'b', ...s },
      { code: 'a', ...scoreAssessment(DEFAULT_SCHEMES.city, fig({ repeatRate: 0.5 })) },
      { code: 'c', ...scoreAssessment(DEFAULT_SCHEMES.city, fig()) },
    ]);
    expect(ranked.map((r) => [r.row.code, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', null],
    ]);
  });
});

describe('schemeProblem', () => {
  const rate: AssessmentItem = {
    key: 'x',
    kind: 'rate',
    indicator: 'satisfactionRate',
    points: 10,
    better: 'higher',
  };
  it('refuses empty, duplicate, zero-point and oversized schemes', () => {
    expect(schemeProblem([])).toMatch(/至少/);
    expect(schemeProblem([rate, rate])).toMatch(/重复/);
    expect(schemeProblem([{ ...rate, points: 0 }])).toMatch(/分值/);
    expect(schemeProblem([{ key: 'o', kind: 'per_case', count: 'overdue', points: 5, perCase: 0 }])).toMatch(
      /每件扣分/,
    );
    expect(schemeProblem([rate])).toBeNull();
  });
});

describe('parsePeriod', () => {
  it('reads months, quarters and years', () => {
    expect(parsePeriod('2026-02')).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
      months: 1,
      label: '2026年2月',
    });
    expect(parsePeriod('2026-Q4')).toMatchObject({
      from: '2026-10-01',
      to: '2026-12-31',
      months: 3,
      label: '2026年第四季度',
    });
    expect(parsePeriod('2024')).toMatchObject({ from: '2024-01-01', to: '2024-12-31', months: 12 });
    for (const bad of ['2026-13', '2026-Q5', '26', '2026-1']) expect(parsePeriod(bad)).toBeNull();
  });
});

describe('accountability records', () => {
  it('each kind requires its fields', () => {
    expect(missingField('interview', { person: '王某', interviewer: '局长', commitments: '' })).toBe(
      'commitments',
    );
    expect(missingField('notice', {})).toBeNull();
    expect(missingField('accountability', { person: '李某', form: '诫勉谈话' })).toBe('decision');
    expect(RECORD_KIND_RULES.special_management.followUp?.action).toBe('lift');
  });
});
