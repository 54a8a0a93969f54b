// The numeric core of the linear classifier: a seeded PRNG and fold splits (so training repeats
// exactly), the binary L2-loss SVM solver, decision values, softmax and its temperature fit.

import { createRng } from '../seed/random.ts';
import type { SparseVec } from './features.ts';

/** mulberry32 (src/seed/random.ts): a small seeded PRNG, so training and fold splits repeat exactly. */
export function rng(seed: number): () => number {
  return createRng(seed).next;
}

function shuffle<T>(xs: T[], next: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
  return xs;
}

/** Stratified k-fold: each fold gets every label in proportion. Returns the fold of each row. */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): Int32Array {
  const fold = new Int32Array(labels.length);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byLabel.get(l);
    if (list) list.push(i);
    else byLabel.set(l, [i]);
  });
  const next = rng(seed);
  let offset = 0;
  for (const l of [...byLabel.keys()].sort()) {
    const rows = shuffle(byLabel.get(l) as number[], next);
    rows.forEach((r, i) => {
      fold[r] = (i + offset) % k;
    });
    offset += rows.length;
  }
  return fold;
}

/**
 * One binary L2-loss SVM by dual coordinate descent (Hsieh et al. 2008). `y` is ±1 per row; the
 * last weight is the bias (a constant feature 1). Returns the weights (dim + 1).
 */
export function trainBinarySvm(
  X: readonly SparseVec[],
  y: Int8Array,
  dim: number,
  opts: { C: number; Cpos?: number; maxIter: number; eps?: number; seed: number },
): Float32Array {
  const n = X.length;
  const w = new Float64Array(dim + 1);
  const alpha = new Float64Array(n);
  const cOf = (i: number) => (y[i] === 1 ? (opts.Cpos ?? opts.C) : opts.C);
  const diag = new Float64Array(n);
  const qd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = X[i] as SparseVec;
    diag[i] = 0.5 / cOf(i);
    let s = 1; // bias feature
    for (let k = 0; k < x.val.length; k++) s += (x.val[k] as number) ** 2;
    qd[i] = s + (diag[i] as number);
  }
  const order = Array.from({ length: n }, (_, i) => i);
  const next = rng(opts.seed);
  const eps = opts.eps ?? 0.1;
  for (let iter = 0; iter < opts.maxIter; iter++) {
    shuffle(order, next);
    let maxPg = Number.NEGATIVE_INFINITY;
    let minPg = Number.POSITIVE_INFINITY;
    for (const i of order) {
      const x = X[i] as SparseVec;
      const yi = y[i] as number;
      let dot = w[dim] as number;
      for (let k = 0; k < x.idx.length; k++) dot += (w[x.idx[k] as number] as number) * (x.val[k] as number);
      const a = alpha[i] as number;
      const g = yi * dot - 1 + a * (diag[i] as number);
      const pg = a === 0 ? Math.min(g, 0) : g;
      if (pg > maxPg) maxPg = pg;
      if (pg < minPg) minPg = pg;
      if (pg === 0) continue;
      const na = Math.max(a - g / (qd[i] as number), 0);
      const d = (na - a) * yi;
      alpha[i] = na;
      if (d === 0) continue;
      for (let k = 0; k < x.idx.length; k++) {
        const j = x.idx[k] as number;
        w[j] = (w[j] as number) + d * (x.val[k] as number);
      }
      w[dim] = (w[dim] as number) + d;
    }
    if (maxPg - minPg <= eps) break;
  }
  return Float32Array.from(w);
}

/** Decision values of every class for one vector. `W` is classes × (dim + 1), bias last. */
export function decision(W: Float32Array, dim: number, nClasses: number, x: SparseVec): Float64Array {
  const s = new Float64Array(nClasses);
  const stride = dim + 1;
  for (let c = 0; c < nClasses; c++) {
    const base = c * stride;
    let v = W[base + dim] as number;
    for (let k = 0; k < x.idx.length; k++)
      v += (W[base + (x.idx[k] as number)] as number) * (x.val[k] as number);
    s[c] = v;
  }
  return s;
}

export function softmax(scores: ArrayLike<number>, temperature: number): number[] {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i] as number);
  const e = Array.from(scores, (s) => Math.exp((s - max) / temperature));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

/** The temperature minimising the negative log-likelihood of held-out decision values. */
export function fitTemperature(scores: readonly ArrayLike<number>[], y: ArrayLike<number>): number {
  const nll = (t: number) => {
    let s = 0;
    scores.forEach((row, i) => {
      s -= Math.log(Math.max(softmax(row, t)[y[i] as number] as number, 1e-12));
    });
    return s / Math.max(scores.length, 1);
  };
  // Golden-section search on log T over [0.01, 10].
  let lo = Math.log(0.01);
  let hi = Math.log(10);
  const r = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - r * (hi - lo);
    const b = lo + r * (hi - lo);
    if (nll(Math.exp(a)) < nll(Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}
