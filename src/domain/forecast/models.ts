// Forecasting models for monthly petition counts (pure, no I/O). Each model is written in the
// error-correction (innovations) form of Hyndman et al., "Forecasting with Exponential Smoothing"
// (2008), so that the h-step forecast variance has a closed form: Var(e_{n+h|n}) = σ² (1 + Σ c_j²).
//   Holt–Winters additive, ETS(A,A,A):
//     e_t = y_t − (ℓ_{t−1} + b_{t−1} + s_{t−m})
//     ℓ_t = ℓ_{t−1} + b_{t−1} + α e_t,   b_t = b_{t−1} + β e_t,   s_t = s_{t−m} + γ e_t
//     ŷ_{n+h|n} = ℓ_n + h b_n + s_{n+h−m(k+1)},   c_j = α + β j + γ [j mod m = 0]
//   Simple exponential smoothing, ETS(A,N,N): c_j = α.
//   Seasonal naive: ŷ_{n+h} = y_{n+h−m(k+1)}, variance σ² (k+1), k = ⌊(h−1)/m⌋.
// Parameters minimise the one-step SSE over a grid (the series are short; a grid is exact enough
// and has no convergence questions).

export interface Fitted {
  /** Point forecasts for h = 1..H. */
  mean: number[];
  /** Standard deviation of the h-step forecast error for h = 1..H. */
  sd: number[];
  /** One-step residual standard deviation. */
  sigma: number;
  params: Record<string, number>;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => (xs.length ? sum(xs) / xs.length : 0);

/** The grid of α, β, γ tried (β < α and γ < 1 − α keep the model forecastable). */
const ALPHAS = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const BETAS = [0, 0.01, 0.02, 0.05, 0.1];
const GAMMAS = [0, 0.05, 0.1, 0.2, 0.3];

interface HwState {
  level: number;
  trend: number;
  /** Seasonal indices; season[(t) mod m] is the index applying at time t. */
  season: number[];
}

/**
 * Initial states by classical decomposition over every complete season: the means of the seasons
 * (where the seasonal effects cancel) give the trend by least squares and the level, placed just
 * before the first observation; each calendar month's mean deviation from that line, centred on
 * zero, gives its seasonal index. Averaging over all seasons, not only the first, keeps one noisy
 * year from fixing the seasonal pattern.
 */
function initialState(y: number[], m: number): HwState {
  const seasons = Math.floor(y.length / m);
  const k = seasons * m;
  const means = Array.from({ length: seasons }, (_, j) => mean(y.slice(j * m, (j + 1) * m)));
  const jMean = (seasons - 1) / 2;
  const mMean = mean(means);
  let sxy = 0;
  let sxx = 0;
  means.forEach((v, j) => {
    sxy += (j - jMean) * (v - mMean);
    sxx += (j - jMean) ** 2;
  });
  const trend = sxx > 0 ? sxy / sxx / m : 0;
  // The middle of the series (in observation time) is where the mean of the season means lies.
  const line = (t: number) => mMean + trend * (t - (k - 1) / 2);
  const raw = Array.from({ length: m }, (_, i) => {
    const dev: number[] = [];
    for (let t = i; t < k; t += m) dev.push((y[t] ?? 0) - line(t));
    return mean(dev);
  });
  const c = mean(raw);
  return { level: line(-1), trend, season: raw.map((v) => v - c) };
}

/** Runs the recursion; returns the one-step errors from t = m on (the first season set the states). */
function runHw(y: number[], m: number, a: number, b: number, g: number, s0: HwState) {
  let { level, trend } = s0;
  const season = [...s0.season];
  const errors: number[] = [];
  for (let t = 0; t < y.length; t++) {
    const i = t % m;
    const e = (y[t] ?? 0) - (level + trend + (season[i] ?? 0));
    level = level + trend + a * e;
    trend = trend + b * e;
    season[i] = (season[i] ?? 0) + g * e;
    if (t >= m) errors.push(e);
  }
  return { errors, state: { level, trend, season } };
}

export function holtWintersAdditive(y: number[], m: number, horizon: number): Fitted {
  if (y.length < 2 * m) throw new RangeError('Holt–Winters needs two full seasons');
  const s0 = initialState(y, m);
  let best = { sse: Number.POSITIVE_INFINITY, a: 0.2, b: 0, g: 0 };
  for (const a of ALPHAS)
    for (const b of BETAS) {
      if (b >= a) continue;
      for (const g of GAMMAS) {
        if (g >= 1 - a) continue;
        const { errors } = runHw(y, m, a, b, g, s0);
        const sse = sum(errors.map((e) => e * e));
        if (sse < best.sse - 1e-9) best = { sse, a, b, g };
      }
    }
  const { errors, state } = runHw(y, m, best.a, best.b, best.g, s0);
  // Degrees of freedom: the one-step errors less the three smoothing parameters.
  const sigma = Math.sqrt(sum(errors.map((e) => e * e)) / Math.max(1, errors.length - 3));
  const n = y.length;
  const meanOut: number[] = [];
  const sd: number[] = [];
  let acc = 0;
  for (let h = 1; h <= horizon; h++) {
    meanOut.push(state.level + h * state.trend + (state.season[(n + h - 1) % m] ?? 0));
    if (h > 1) {
      const j = h - 1;
      const c = best.a + best.b * j + (j % m === 0 ? best.g : 0);
      acc += c * c;
    }
    sd.push(sigma * Math.sqrt(1 + acc));
  }
  return { mean: meanOut, sd, sigma, params: { alpha: best.a, beta: best.b, gamma: best.g } };
}

export function simpleExponentialSmoothing(y: number[], horizon: number): Fitted {
  if (y.length === 0) throw new RangeError('empty series');
  const run = (a: number) => {
    let level = y[0] ?? 0;
    const errors: number[] = [];
    for (let t = 1; t < y.length; t++) {
      const e = (y[t] ?? 0) - level;
      errors.push(e);
      level += a * e;
    }
    return { level, errors };
  };
  let best = { sse: Number.POSITIVE_INFINITY, a: 0.5 };
  for (const a of ALPHAS) {
    const sse = sum(run(a).errors.map((e) => e * e));
    if (sse < best.sse - 1e-9) best = { sse, a };
  }
  const { level, errors } = run(best.a);
  const sigma = errors.length > 1 ? Math.sqrt(sum(errors.map((e) => e * e)) / (errors.length - 1)) : 0;
  const meanOut = Array.from({ length: horizon }, () => level);
  const sd = meanOut.map((_, i) => sigma * Math.sqrt(1 + i * best.a * best.a));
  return { mean: meanOut, sd, sigma, params: { alpha: best.a } };
}

export function seasonalNaive(y: number[], m: number, horizon: number): Fitted {
  if (y.length < m) throw new RangeError('seasonal naive needs one full season');
  const n = y.length;
  const diffs: number[] = [];
  for (let t = m; t < n; t++) diffs.push((y[t] ?? 0) - (y[t - m] ?? 0));
  // With no seasonal difference yet, the month-to-month spread stands in for σ.
  const spread = diffs.length ? diffs : y.slice(1).map((v, i) => v - (y[i] ?? 0));
  const sigma = spread.length ? Math.sqrt(mean(spread.map((e) => e * e))) : 0;
  const meanOut: number[] = [];
  const sd: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const k = Math.floor((h - 1) / m);
    meanOut.push(y[n + h - m * (k + 1) - 1] ?? 0);
    sd.push(sigma * Math.sqrt(k + 1));
  }
  return { mean: meanOut, sd, sigma, params: {} };
}
