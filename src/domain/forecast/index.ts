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

/**
 * Mean absolute percentage error over the months with a non-zero actual; null when there are none.
 * Kept for reference only: it is undefined on zero months and says "0.0 %" on a sparse series that
 * happens to hit its one non-zero month — the platform reports MASE (below) instead.
 */
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
 * Mean absolute scaled error (Hyndman & Koehler 2006): the forecast's mean absolute error divided by
 * the in-sample mean absolute error of the seasonal naive forecast (same month last year) on the
 * training months — or of the naive forecast (last month) when the training holds less than a
 * season and a month. Defined on zero months; < 1 means better than the naive forecast. Null when
 * there is nothing to score or the scale is 0 (a constant training series: no yardstick).
 */
export function mase(
  actual: readonly number[],
  predicted: readonly number[],
  training: readonly number[],
  period = MONTHLY_PERIOD,
): number | null {
  if (actual.length === 0) return null;
  const m = training.length > period ? period : 1;
  let scale = 0;
  for (let t = m; t < training.length; t++) scale += Math.abs((training[t] ?? 0) - (training[t - m] ?? 0));
  const steps = training.length - m;
  if (steps <= 0 || scale === 0) return null;
  const mae = actual.reduce((a, y, i) => a + Math.abs(y - (predicted[i] ?? 0)), 0) / actual.length;
  return mae / (scale / steps);
}

/** Symmetric MAPE, 2|a−f| / (|a|+|f|) averaged, a month with both 0 counting as 0 error; in [0, 2]. */
export function smape(actual: readonly number[], predicted: readonly number[]): number | null {
  if (actual.length === 0) return null;
  let total = 0;
  actual.forEach((a, i) => {
    const f = predicted[i] ?? 0;
    const d = Math.abs(a) + Math.abs(f);
    total += d === 0 ? 0 : (2 * Math.abs(a - f)) / d;
  });
  return total / actual.length;
}

/** When a history is too thin to forecast at all (rules as data; docs/forecast.md). */
export const FORECAST_MIN_HISTORY = {
  /** Fewer complete months than this: no season can be seen. */
  months: 12,
  /** More than this share of the months at zero: a sparse series (a quiet county or category). */
  zeroShare: 0.5,
} as const;

export type Insufficient = 'short' | 'sparse';

/** Plain words for the leader: why there is no forecast. */
export const INSUFFICIENT_TEXT: Record<Insufficient, string> = {
  short: '历史数据不足（不满12个月），暂不预测',
  sparse: '历史数据不足（多数月份为零），暂不预测',
};

/** Null when the history carries a forecast, else why not. */
export function insufficientHistory(y: readonly number[]): Insufficient | null {
  if (y.length < FORECAST_MIN_HISTORY.months) return 'short';
  const zeros = y.filter((v) => !(v > 0)).length;
  return zeros / y.length > FORECAST_MIN_HISTORY.zeroShare ? 'sparse' : null;
}

/**
 * Hold-out check: forecast the last `holdout` months from the months before them (the model is
 * chosen and fitted again without them) and score with MASE. Null when too little history remains.
 */
export function holdoutMase(
  y: readonly number[],
  holdout: number,
  period = MONTHLY_PERIOD,
): { mase: number | null; model: ModelName } {
  const train = y.slice(0, Math.max(0, y.length - holdout));
  if (holdout < 1 || train.length < 3) return { mase: null, model: 'none' };
  const f = forecastSeries(train, { horizon: holdout, period });
  return {
    mase: mase(
      y.slice(train.length),
      f.points.map((p) => p.mean),
      train,
      period,
    ),
    model: f.model,
  };
}

/** The same hold-out scored with MAPE (the backtest prints it beside MASE for comparison). */
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
