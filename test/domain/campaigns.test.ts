import { describe, expect, it } from 'vitest';
import {
  campaignNumbers,
  childOf,
  type EntryFacts,
  inPeriod,
  numbersByJurisdiction,
  targetChecks,
  targetsMet,
} from '../../src/domain/campaigns/numbers.ts';
import { canMoveEntry, ENTRY_STATUS_NAMES } from '../../src/domain/campaigns/vocabulary.ts';

const e = (
  jurisdictionCode: string,
  status: EntryFacts['status'],
  cross = false,
  stable: boolean | null = null,
): EntryFacts => ({
  jurisdictionCode,
  status,
  crossKinds: cross ? ['cross_region'] : [],
  stable,
});

describe('campaign numbers', () => {
  it('化解率 of the seed: 20,594 resolved of 30,441 investigated shows 67.7 %', () => {
    const entries = [
      ...Array.from({ length: 20_594 }, () => e('320106', 'resolved')),
      ...Array.from({ length: 30_441 - 20_594 }, () => e('320106', 'resolving')),
    ];
    const n = campaignNumbers(entries);
    expect(n.investigated).toBe(30_441);
    expect(n.resolved).toBe(20_594);
    expect(((n.rate ?? 0) * 100).toFixed(1)).toBe('67.7');
  });

  it('counts open, resolved and stabilised entries, and the 三跨三分离 stability rate', () => {
    const n = campaignNumbers([
      e('320106', 'registered'),
      e('320106', 'resolving', true, null),
      e('320106', 'resolved', true, null), // resolved counts as stable
      e('320106', 'unresolved', true, true), // stabilised
      e('320106', 'unresolved', true, false),
    ]);
    expect(n).toMatchObject({
      investigated: 5,
      resolved: 1,
      resolving: 2,
      unresolved: 2,
      cross: 4,
      crossStable: 2,
    });
    expect(n.rate).toBeCloseTo(0.2);
    expect(n.stabilityRate).toBeCloseTo(0.5);
  });

  it('no entries: rates are null, not zero', () => {
    const n = campaignNumbers([]);
    expect(n.rate).toBeNull();
    expect(n.stabilityRate).toBeNull();
  });

  it('targets: each set target is checked against the shown value; none set → null', () => {
    const n = campaignNumbers([e('320106', 'resolved'), e('320106', 'resolved'), e('320106', 'resolving')]);
    const checks = targetChecks(n, { rate: 66.7, investigated: 3, stabilityRate: null });
    expect(checks.map((c) => [c.key, c.actual, c.met])).toEqual([
      ['investigated', 3, true],
      ['rate', 66.7, true],
    ]);
    expect(targetsMet(checks)).toBe(true);
    expect(targetsMet(targetChecks(n, { rate: 70, investigated: null, stabilityRate: null }))).toBe(false);
    expect(targetsMet(targetChecks(n, { rate: null, investigated: 10, stabilityRate: null }))).toBe(false);
    expect(targetsMet(targetChecks(n, { rate: null, investigated: null, stabilityRate: null }))).toBeNull();
    // A stability target with no 三跨三分离 matter is not met (nothing to show).
    expect(targetChecks(n, { rate: null, investigated: null, stabilityRate: 80 })[0]).toMatchObject({
      actual: null,
      met: false,
    });
  });

  it('by jurisdiction: a province by city, a city by county, a county by town', () => {
    expect(childOf('320000', '320106001')).toBe('320100');
    expect(childOf('320100', '320106001')).toBe('320106');
    expect(childOf('320106', '320106001')).toBe('320106001');
    expect(childOf('320106', '320106')).toBe('320106');
    const rows = numbersByJurisdiction(
      [
        e('320106', 'resolved'),
        e('320102', 'resolving'),
        e('320205', 'resolved'),
        e('320106001', 'unresolved'),
      ],
      '320000',
    );
    expect(rows.map((r) => [r.code, r.numbers.investigated, r.numbers.resolved])).toEqual([
      ['320100', 3, 1],
      ['320200', 1, 1],
    ]);
  });

  it('statuses move by the table; 已化解 is final', () => {
    expect(canMoveEntry('registered', 'resolving')).toBe(true);
    expect(canMoveEntry('resolving', 'resolved')).toBe(true);
    expect(canMoveEntry('unresolved', 'resolved')).toBe(true);
    expect(canMoveEntry('resolved', 'resolving')).toBe(false);
    expect(canMoveEntry('resolving', 'registered')).toBe(false);
    expect(ENTRY_STATUS_NAMES.unresolved).toBe('未化解（稳控）');
  });

  it('period bounds are inclusive', () => {
    const c = { startDate: '2026-07-01', endDate: '2026-10-08' };
    expect(inPeriod(c, '2026-07-01')).toBe(true);
    expect(inPeriod(c, '2026-10-08')).toBe(true);
    expect(inPeriod(c, '2026-10-09')).toBe(false);
  });
});
