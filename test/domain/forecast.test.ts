// The forecast models on synthetic monthly series with a known trend and season.
import { describe, expect, it } from 'vitest';
import { trimLeadingZeros } from '../../src/analytics/forecast.ts';
import {
  chooseModel,
  forecastSeries,
  holdoutMape,
  holtWintersAdditive,
  mape,
  seasonalNaive,
} from '../../src/domain/forecast/index.ts';

const SEASON = [-20, -35, 30, 15, 0, 5, 20, 20, 0, -25, -5, -5];
const truth = (t: number) => 200 + 2 * t + (SEASON[t % 12] ?? 0);

/** A small deterministic noise (LCG), so the tests do not depend on Math.random. */
function noise(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 2 ** 32;
    return s / 2 ** 32 - 0.5;
  };
}

describe('Holt–Winters additive', () => {
  it('recovers trend and season exactly on a noiseless series', () => {
    const y = Array.from({ length: 36 }, (_, t) => truth(t));
    const f = holtWintersAdditive(y, 12, 12);
    f.mean.forEach((m, i) => {
      expect(m).toBeCloseTo(truth(36 + i), 6);
    });
    expect(f.sigma).toBeCloseTo(0, 6);
  });

  it('forecasts a noisy series close to the truth, with intervals that cover it and widen', () => {
    const r = noise(7);
    const y = Array.from({ length: 48 }, (_, t) => truth(t) + 16 * r());
    const f = forecastSeries(y, { horizon: 6 });
    expect(f.model).toBe('holt-winters-additive');
    f.points.forEach((p, i) => {
      const want = truth(48 + i);
      expect(Math.abs(p.mean - want) / want).toBeLessThan(0.06);
      expect(p.lo95).toBeLessThan(want);
      expect(p.hi95).toBeGreaterThan(want);
      expect(p.lo95).toBeLessThanOrEqual(p.lo80);
      expect(p.hi80).toBeLessThanOrEqual(p.hi95);
    });
    const widths = f.points.map((p) => p.hi95 - p.lo95);
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThanOrEqual(widths[i - 1] ?? 0);
    expect(widths.at(-1)).toBeGreaterThan(widths[0] ?? 0);
  });

  it('holds out the last months and reports a small MAPE on a seasonal series', () => {
    const r = noise(3);
    const y = Array.from({ length: 42 }, (_, t) => truth(t) + 10 * r());
    const { mape: m, model } = holdoutMape(y, 6);
    expect(model).toBe('holt-winters-additive');
    expect(m).not.toBeNull();
    expect(m ?? 1).toBeLessThan(0.05);
  });
});

describe('fallbacks and degenerate inputs', () => {
  it('picks the model the history allows', () => {
    expect(chooseModel(0)).toBe('none');
    expect(chooseModel(2)).toBe('mean');
    expect(chooseModel(8)).toBe('simple-exponential-smoothing');
    expect(chooseModel(18)).toBe('seasonal-naive');
    expect(chooseModel(24)).toBe('holt-winters-additive');
  });

  it('repeats last season with fewer than two seasons, intervals widening each further season', () => {
    const y = Array.from({ length: 18 }, (_, t) => truth(t));
    const f = seasonalNaive(y, 12, 24);
    expect(f.mean[0]).toBe(y[6]);
    expect(f.mean[12]).toBe(y[6]);
    expect(f.sd[12]).toBeGreaterThan(f.sd[11] ?? 0);
    expect(forecastSeries(y, { horizon: 3 }).model).toBe('seasonal-naive');
  });

  it('handles empty, constant, all-zero and short series without NaN or negative bounds', () => {
    for (const y of [[], [5], [0, 0, 0, 0, 0], Array(30).fill(7), Array(30).fill(0), [3, 0, 9]]) {
      const f = forecastSeries(y, { horizon: 3 });
      expect(f.points).toHaveLength(3);
      for (const p of f.points) {
        for (const v of Object.values(p)) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
      }
    }
    const flat = forecastSeries(Array(30).fill(7), { horizon: 2 });
    expect(flat.points[0]?.mean).toBeCloseTo(7, 6);
    expect(flat.points[0]?.hi95).toBeCloseTo(7, 6);
    expect(forecastSeries([], { horizon: 1 }).model).toBe('none');
  });

  it('computes MAPE over non-zero actuals only', () => {
    expect(mape([100, 0, 50], [110, 5, 40])).toBeCloseTo(0.15, 10);
    expect(mape([0, 0], [1, 2])).toBeNull();
  });
});

describe('history before the forecast', () => {
  const months = (totals: number[]) =>
    totals.map((total, i) => ({ period: `2025-${String(i + 1).padStart(2, '0')}`, total }));

  it('drops months before go-live and a partial first month, keeps a normal first month', () => {
    expect(trimLeadingZeros(months([0, 0, 12, 90, 95, 88])).map((m) => m.total)).toEqual([90, 95, 88]);
    expect(trimLeadingZeros(months([0, 70, 90, 95, 88])).map((m) => m.total)).toEqual([70, 90, 95, 88]);
    expect(trimLeadingZeros(months([0, 0]))).toEqual([]);
  });
});
