// Monthly volume forecast with prediction intervals: picks the model the history allows, turns
// h-step standard deviations into 80 % / 95 % intervals (normal quantiles), and measures accuracy on
// a hold-out of the last months. Counts cannot be negative, so means and bounds are clipped at 0.
import { type Fitted, holtWintersAdditive, seasonalNaive, simpleExponentialSmoothing } from './models.ts';

export { holtWintersAdditive, seasonalNaive, simpleExponentialSmoothing } from './models.ts';

export type ModelName =
  | 'holt-winters-additive'
  | 'seasonal-naive'
  | 'simple-exponential-smoothing'
  | 'mean'
  | 'none';

export interface ForecastPoint {
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

export interface SeriesForecast {
  model: ModelName;
  points: ForecastPoint[];
  params: Record<string, number>;
}

const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;
export const MONTHLY_PERIOD = 12;

/** Which model fits a history of n points: Holt–Winters needs two seasons to separate trend from season. */
export function chooseModel(n: number, period = MONTHLY_PERIOD): ModelName {
  if (n === 0) return 'none';
  if (n >= 2 * period) return 'holt-winters-additive';
  if (n >= period + 1) return 'seasonal-naive';
  if (n >= 3) return 'simple-exponential-smoothing';
  return 'mean';
}

function fit(y: number[], model: ModelName, period: number, horizon: number): Fitted {
  switch (model) {
    case 'holt-winters-additive':
      return holtWintersAdditive(y, period, horizon);
    case 'seasonal-naive':
      return seasonalNaive(y, period, horizon);
    case 'simple-exponential-smoothing':
      return simpleExponentialSmoothing(y, horizon);
    case 'mean': {
      const m = y.reduce((a, b) => a + b, 0) / y.length;
      const sd = y.length > 1 ? Math.abs((y[1] ?? 0) - (y[0] ?? 0)) / Math.SQRT2 : 0;
      return { mean: Array(horizon).fill(m), sd: Array(horizon).fill(sd), sigma: sd, params: {} };
    }
    case 'none':
      return { mean: Array(horizon).fill(0), sd: Array(horizon).fill(0), sigma: 0, params: {} };
  }
}

const clip = (v: number) => (Number.isFinite(v) ? Math.max(0, v) : 0);

export function forecastSeries(
  y: readonly number[],
  opts: { horizon: number; period?: number },
): SeriesForecast {
  const period = opts.period ?? MONTHLY_PERIOD;
  const horizon = Math.max(0, Math.floor(opts.horizon));
  const clean = y.map((v) => (Number.isFinite(v) ? v : 0));
  const model = chooseModel(clean.length, period);
  const f = fit(clean, model, period, horizon);
  const points = f.mean.map((m, i) => {
    const sd = f.sd[i] ?? 0;
    return {
      mean: clip(m),
      lo80: clip(m - Z80 * sd),
      hi80: clip(m + Z80 * sd),
      lo95: clip(m - Z95 * sd),
      hi95: clip(m + Z95 * sd),
    };
  });
  return { model, points, params: f.params };
}

/** Mean absolute percentage error over the months with a non-zero actual; null when there are none. */
export function mape(actual: readonly number[], predicted: readonly number[]): number | null {
  let total = 0;
  let n = 0;
  actual.forEach((a, i) => {
    if (a > 0) {
      total += Math.abs(a - (predicted[i] ?? 0)) / a;
      n++;
    }
  });
  return n ? total / n : null;
}

/**
 * Hold-out check: forecast the last `holdout` months from the months before them (the model is
 * chosen and fitted again without them) and compare. Null when too little history remains.
 */
export function holdoutMape(
  y: readonly number[],
  holdout: number,
  period = MONTHLY_PERIOD,
): { mape: number | null; model: ModelName } {
  const train = y.slice(0, Math.max(0, y.length - holdout));
  if (holdout < 1 || train.length < 3) return { mape: null, model: 'none' };
  const f = forecastSeries(train, { horizon: holdout, period });
  return {
    mape: mape(
      y.slice(train.length),
      f.points.map((p) => p.mean),
    ),
    model: f.model,
  };
}
