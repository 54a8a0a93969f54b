// The sample behind each rate (样本量) and the small-sample rule that keeps one rating from reading
// as "满意率 ↓100个百分点".
import { describe, expect, it } from 'vitest';
import {
  computeIndicators,
  emptyCounters,
  isRateKey,
  MIN_RATE_SAMPLE,
  RATE_BASE,
  sampleOf,
  tooFewToCompare,
} from '../../src/domain/indicators/index.ts';

describe('rate samples', () => {
  it('names, for every rate the indicators compute, the count it is computed over', () => {
    const i = computeIndicators({ ...emptyCounters(), total: 40, online: 10, rated: 1, satisfied: 0 });
    for (const [rate, base] of Object.entries(RATE_BASE)) {
      expect(rate in i, rate).toBe(true);
      expect(base in i, base).toBe(true);
    }
    expect(sampleOf('satisfactionRate', i)).toBe(1);
    expect(sampleOf('onlineShare', i)).toBe(40);
    expect(i.satisfactionRate).toBe(0);
    expect(isRateKey('satisfactionRate')).toBe(true);
    expect(isRateKey('total')).toBe(false);
  });

  it('does not compare a rate when either period has fewer than the threshold', () => {
    expect(MIN_RATE_SAMPLE).toBe(10);
    expect(tooFewToCompare(1, 120)).toBe(true);
    expect(tooFewToCompare(120, 9)).toBe(true);
    expect(tooFewToCompare(10, 10)).toBe(false);
  });
});
