// MASE, sMAPE and the "too little history" rule on small series worked out by hand — including the
// sparse county series with zero months on which MAPE said "0.0 %".
import { describe, expect, it } from 'vitest';
import { forecastFromHistory } from '../../src/analytics/forecast.ts';
import { holdoutMase, insufficientHistory, mape, mase, smape } from '../../src/domain/forecast/index.ts';

describe('MASE', () => {
  it('scales the error by the naive forecast’s in-sample error (non-seasonal when under 13 months)', () => {
    // Training 10, 12, 11, 13: naive errors 2, 1, 2 → scale 5/3. Forecast errors |14−12|, |12−12| → MAE 1.
    expect(mase([14, 12], [12, 12], [10, 12, 11, 13])).toBeCloseTo(1 / (5 / 3), 12);
  });

  it('uses the seasonal naive scale (lag 12) once the training holds more than a season', () => {
    // 14 months: y[12] − y[0] = 3, y[13] − y[1] = 5 → scale 4; a forecast off by 2 and 6 → MAE 4 → 1.
    const train = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 13, 25];
    expect(mase([30, 40], [32, 34], train)).toBeCloseTo(1, 12);
  });

  it('is defined on zero months, where MAPE is not', () => {
    // A quiet county: mostly zeros. Actual 0, 0, 1; forecast 0.4 each → MAE (0.4+0.4+0.6)/3.
    const train = [0, 1, 0, 0, 2, 0, 0, 1, 0, 0, 0, 1];
    const scale = [1, 1, 0, 2, 2, 0, 1, 1, 0, 0, 1].reduce((a, b) => a + b, 0) / 11;
    expect(mase([0, 0, 1], [0.4, 0.4, 0.4], train)).toBeCloseTo(1.4 / 3 / scale, 12);
    // MAPE only sees the one non-zero month, and calls a forecast of exactly 1 perfect.
    expect(mape([0, 0, 1], [1, 1, 1])).toBe(0);
    expect(mase([0, 0, 1], [1, 1, 1], train)).toBeGreaterThan(0.5);
  });

  it('is null without a yardstick: an all-zero (constant) training series or nothing to score', () => {
    expect(mase([0, 0], [0, 0], [0, 0, 0, 0, 0])).toBeNull();
    expect(mase([], [], [1, 2, 3])).toBeNull();
    expect(mase([1], [1], [5])).toBeNull();
  });

  it('scores a perfect forecast 0 and the naive forecast itself about 1 on a random walk', () => {
    expect(mase([5, 6], [5, 6], [1, 2, 3, 4])).toBe(0);
    const y = [100, 104, 101, 107, 103, 108, 110, 106, 111, 115, 112, 118, 120, 117, 121];
    const { mase: m } = holdoutMase(y, 3);
    expect(m).not.toBeNull();
    expect(m ?? 99).toBeLessThan(3);
  });
});

describe('sMAPE', () => {
  it('counts 0 against 0 as no error and caps a miss from zero at 200 %', () => {
    expect(smape([0, 0], [0, 0])).toBe(0);
    expect(smape([0], [3])).toBe(2);
    expect(smape([100, 50], [110, 50])).toBeCloseTo(20 / 210 / 2, 12);
    expect(smape([], [])).toBeNull();
  });
});

describe('too little history to forecast', () => {
  it('refuses fewer than 12 months and series that are mostly zeros', () => {
    expect(insufficientHistory([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])).toBe('short');
    expect(insufficientHistory([0, 1, 0, 0, 2, 0, 0, 1, 0, 0, 0, 1, 0, 0])).toBe('sparse');
    expect(insufficientHistory([3, 0, 4, 2, 0, 5, 1, 0, 2, 3, 0, 4])).toBeNull();
  });

  it('answers no forecast, no score and the plain reason for a sparse county series', () => {
    const history = [0, 1, 0, 0, 2, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0].map((total, i) => ({
      period: `2025-${String((i % 12) + 1).padStart(2, '0')}`,
      total,
    }));
    const r = forecastFromHistory(history, '2026-05', 3);
    expect(r.forecast).toEqual([]);
    expect(r.mase).toBeNull();
    expect(r.insufficient).toBe('sparse');
    expect(r.note).toBe('历史数据不足（多数月份为零），暂不预测');
  });

  it('forecasts a full, busy series with a MASE and an interval band', () => {
    const history = Array.from({ length: 30 }, (_, t) => ({
      period: `p${t}`,
      total: 200 + 2 * t + ((t * 7) % 12) * 3 + ((t * 5) % 7) - 3, // season + an irregular part
    }));
    const r = forecastFromHistory(history, '2026-05', 3);
    expect(r.insufficient).toBeNull();
    expect(r.forecast).toHaveLength(3);
    expect(r.mase).not.toBeNull();
    for (const p of r.forecast) expect(p.hi95 - p.lo95).toBeGreaterThan(0);
  });
});
