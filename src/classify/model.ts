// The trained content-category classifier: one-vs-rest linear SVMs (L2-regularised squared hinge
// loss, solved by dual coordinate descent as in LIBLINEAR) over the TF-IDF features of
// features.ts, with a softmax temperature fitted on held-out decision values so that the
// probabilities are calibrated. Plain TypeScript on typed arrays; deterministic for a seed.
import { gunzipSync, gzipSync } from 'node:zlib';
import { addScaled, fitComplementNb } from './complementNb.ts';
import {
  DEFAULT_FEATURES,
  type FeatureOptions,
  featureTokens,
  fitIdVocabulary,
  type IdVocabulary,
  type SparseVec,
  TokenTable,
  type Vocabulary,
  vectorize,
  vectorizeIds,
  vocabularyOf,
} from './features.ts';
import { groupedStratifiedFolds } from './groups.ts';
import { macroF1Of, tuneOffsets } from './thresholds.ts';

export interface Prediction {
  top: { label: string; probability: number }[];
  /** The terms that weighed most for the first label, strongest first. */
  why: { term: string; weight: number }[];
}

export interface Classifier {
  kind: 'linear' | 'lexicon';
  labels: readonly string[];
  predict(text: string, k?: number): Prediction;
}

export interface TrainOptions {
  /** Inverse regularisation strength of each SVM. */
  C: number;
  minDf: number;
  maxFeatures: number;
  /** Held-out folds used to fit the softmax temperature (0 = fixed temperature 1). */
  calibrationFolds: number;
  seed: number;
  maxIter: number;
  /** Weight each class inversely to its frequency (helps the small classes' recall). */
  balanced: boolean;
  /**
   * NB-SVM (Wang & Manning 2012): scale each feature, per class, by its naive-Bayes log-count
   * ratio before fitting that class's SVM (0 = off; otherwise the ratio's add-α smoothing). The
   * scaling is folded into the stored weights, so the model format does not change.
   */
  nb: number;
  /**
   * Complement naive Bayes (src/classify/complementNb.ts) added to the SVMs with this weight
   * relative to their spread (0 = off); `cnbOnly` drops the SVMs and keeps the CNB alone.
   */
  cnb: number;
  cnbOnly: boolean;
  /**
   * Separate word (words and pairs) and character SVMs per class, decision values averaged (both
   * see the jointly normalised vector, so the average is one linear model in the same format).
   */
  split: boolean;
  /**
   * Per-class offsets added to the decision values, chosen on the calibration folds' held-out
   * scores to maximise macro-F1 (class-balanced thresholds); needs calibrationFolds ≥ 2.
   */
  tuneBias: boolean;
  /**
   * Candidate settings (e.g. [{ C: 0.5 }, { C: 1 }]): each is fitted on the calibration folds and
   * the best held-out macro-F1 wins; empty = the options as given.
   */
  grid: readonly Partial<TrainOptions>[];
  features: FeatureOptions;
  /** Called after each fit (calibration folds, then the final one): for a progress bar. */
  onStep?: () => void;
}

export const DEFAULT_TRAIN: TrainOptions = {
  C: 1,
  minDf: 2,
  maxFeatures: 80_000,
  calibrationFolds: 3,
  seed: 1,
  maxIter: 20,
  balanced: true,
  nb: 0.1,
  cnb: 0,
  cnbOnly: false,
  split: false,
  tuneBias: false,
  grid: [],
  features: DEFAULT_FEATURES,
};

/** mulberry32: a small seeded PRNG, so training and fold splits repeat exactly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

interface Fitted {
  vocab: IdVocabulary;
  W: Float32Array;
}

function fitLinear(
  docs: readonly Int32Array[],
  nTokens: number,
  y: Int32Array,
  nClasses: number,
  opts: TrainOptions,
  /** The token strings (by id): needed by `split` to tell character from word features. */
  strings?: readonly string[],
): Fitted {
  const vocab = fitIdVocabulary(docs, nTokens, { minDf: opts.minDf, maxFeatures: opts.maxFeatures });
  const X = docs.map((d) => vectorizeIds(vocab, d));
  const dim = vocab.tokens.length;
  const isChar =
    opts.split && strings
      ? Uint8Array.from(vocab.tokens, (t) => ((strings[t] as string).startsWith('c:') ? 1 : 0))
      : null;
  if (opts.cnbOnly) return { vocab, W: fitComplementNb(X, y, nClasses, dim, 0.1) };
  const W = new Float32Array(nClasses * (dim + 1));
  const counts = new Array<number>(nClasses).fill(0);
  for (const c of y) counts[c] = (counts[c] as number) + 1;
  for (let c = 0; c < nClasses; c++) {
    const yc = Int8Array.from(y, (v) => (v === c ? 1 : -1));
    // Balanced: positives weighted by n / (2 n_c), negatives by n / (2 (n − n_c)).
    const pos = counts[c] as number;
    const n = y.length;
    const C = opts.balanced ? (opts.C * n) / (2 * Math.max(n - pos, 1)) : opts.C;
    const Cpos = opts.balanced ? (opts.C * n) / (2 * Math.max(pos, 1)) : opts.C;
    const r = opts.nb > 0 ? nbRatios(X, yc, dim, opts.nb) : null;
    const Xc = r
      ? X.map((x) => ({ idx: x.idx, val: x.val.map((v, k) => v * (r[x.idx[k] as number] as number)) }))
      : X;
    const svm = { C, Cpos, maxIter: opts.maxIter, seed: opts.seed + c };
    const w = isChar ? splitSvm(Xc, yc, dim, isChar, svm) : trainBinarySvm(Xc, yc, dim, svm);
    if (r) for (let j = 0; j < dim; j++) w[j] = (w[j] as number) * (r[j] as number);
    W.set(w, c * (dim + 1));
  }
  if (opts.cnb > 0) addScaled(W, fitComplementNb(X, y, nClasses, dim, 0.1), X, nClasses, dim, opts.cnb);
  return { vocab, W };
}

/** Word-feature and character-feature SVMs fitted apart, weights averaged (`split`). */
function splitSvm(
  X: readonly SparseVec[],
  y: Int8Array,
  dim: number,
  isChar: Uint8Array,
  opts: { C: number; Cpos: number; maxIter: number; seed: number },
): Float32Array {
  const w = new Float32Array(dim + 1);
  for (const part of [0, 1]) {
    const Xp = X.map((x) => {
      const keep = [...x.idx.keys()].filter((k) => isChar[x.idx[k] as number] === part);
      return {
        idx: Int32Array.from(keep, (k) => x.idx[k] as number),
        val: Float32Array.from(keep, (k) => x.val[k] as number),
      };
    });
    const wp = trainBinarySvm(Xp, y, dim, opts);
    for (let j = 0; j <= dim; j++) w[j] = (w[j] as number) + (wp[j] as number) / 2;
  }
  return w;
}

/**
 * |log-count ratio| per feature for one class against the rest, on the TF-IDF values, add-α
 * smoothed and scaled to mean 1 so C keeps its meaning. The absolute value keeps features that
 * speak against the class (their sign is the SVM's to learn).
 */
function nbRatios(X: readonly SparseVec[], y: Int8Array, dim: number, alpha: number): Float64Array {
  const p = new Float64Array(dim).fill(alpha);
  const q = new Float64Array(dim).fill(alpha);
  X.forEach((x, i) => {
    const t = y[i] === 1 ? p : q;
    for (let k = 0; k < x.idx.length; k++) {
      const j = x.idx[k] as number;
      t[j] = (t[j] as number) + (x.val[k] as number);
    }
  });
  const sp = p.reduce((a, b) => a + b, 0);
  const sq = q.reduce((a, b) => a + b, 0);
  const r = new Float64Array(dim);
  let mean = 0;
  for (let j = 0; j < dim; j++) {
    r[j] = Math.abs(Math.log((p[j] as number) / sp / ((q[j] as number) / sq)));
    mean += r[j] as number;
  }
  mean /= Math.max(dim, 1);
  for (let j = 0; j < dim; j++) r[j] = (r[j] as number) / (mean || 1);
  return r;
}

export interface TrainReport {
  rows: number;
  features: number;
  temperature: number;
  seconds: number;
  /** The grid entry the calibration folds chose, their macro-F1 per entry, the class offsets. */
  chosen: Partial<TrainOptions>;
  selectionScores: number[];
  offsets: number[];
}

/**
 * Trains on documents already turned into interned feature tokens (eval interns once and reuses
 * them across folds). `table` turns token ids back into the strings the model stores.
 */
export function trainFromTokens(
  docs: readonly Int32Array[],
  table: TokenTable,
  labelsOfRows: readonly string[],
  options: Partial<TrainOptions> = {},
  /** Near-duplicate group of each row (src/classify/groups.ts): one group, one calibration fold. */
  groups?: ArrayLike<number>,
): { model: LinearModel; report: TrainReport } {
  const started = performance.now();
  const opts = { ...DEFAULT_TRAIN, ...options };
  const labels = [...new Set(labelsOfRows)].sort();
  if (labels.length < 2) throw new Error('至少需要两个类别 / need at least two labels');
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const y = Int32Array.from(labelsOfRows, (l) => labelIndex.get(l) as number);

  let temperature = 1;
  let offsets: Float64Array = new Float64Array(labels.length);
  const candidates = opts.grid.length > 0 ? opts.grid : [{}];
  let chosen: Partial<TrainOptions> = candidates[0] as Partial<TrainOptions>;
  const selectionScores: number[] = [];
  if (opts.calibrationFolds >= 2) {
    // Held-out decision values from the calibration folds (near-duplicates kept together when the
    // groups are given), once per candidate: they choose the candidate, then fit its class offsets
    // and temperature — selection and calibration never see the rows they are judged on.
    const fold = groups
      ? groupedStratifiedFolds(labelsOfRows, groups, opts.calibrationFolds, opts.seed + 101)
      : stratifiedFolds(labelsOfRows, opts.calibrationFolds, opts.seed + 101);
    let best: { scores: Float64Array[]; y: number[] } | null = null;
    for (const candidate of candidates) {
      const held = heldOutScores(docs, table, y, labels.length, fold, { ...opts, ...candidate });
      const f1 = macroF1Of(held.scores, held.y, new Float64Array(labels.length));
      selectionScores.push(Math.round(f1 * 10_000) / 10_000);
      if (!best || f1 > Math.max(...selectionScores.slice(0, -1))) {
        best = held;
        chosen = candidate;
      }
    }
    const held = best as { scores: Float64Array[]; y: number[] };
    if (opts.tuneBias) {
      offsets = tuneOffsets(held.scores, held.y, labels.length);
      for (const row of held.scores) {
        for (let c = 0; c < row.length; c++) row[c] = (row[c] as number) + (offsets[c] as number);
      }
    }
    temperature = fitTemperature(held.scores, held.y);
  }
  const final = { ...opts, ...chosen };
  const fit = fitLinear(docs, table.strings.length, y, labels.length, final, table.strings);
  const stride = fit.vocab.tokens.length + 1;
  for (let c = 0; c < labels.length; c++) {
    const b = c * stride + stride - 1;
    fit.W[b] = (fit.W[b] as number) + (offsets[c] as number);
  }
  opts.onStep?.();
  const vocab = vocabularyOf(
    Array.from(fit.vocab.tokens, (t) => table.strings[t] as string),
    fit.vocab.idf,
  );
  const model = LinearModel.fromFitted(labels, vocab, fit.W, temperature, opts.features);
  return {
    model,
    report: {
      rows: docs.length,
      features: model.dim,
      temperature,
      seconds: (performance.now() - started) / 1000,
      chosen,
      selectionScores,
      offsets: Array.from(offsets, (o) => Math.round(o * 100) / 100),
    },
  };
}

/** Decision values of each row from the fit on the other calibration folds. */
function heldOutScores(
  docs: readonly Int32Array[],
  table: TokenTable,
  y: Int32Array,
  nClasses: number,
  fold: Int32Array,
  opts: TrainOptions,
): { scores: Float64Array[]; y: number[] } {
  const scores: Float64Array[] = [];
  const heldY: number[] = [];
  for (let f = 0; f < opts.calibrationFolds; f++) {
    const tr = [...y.keys()].filter((i) => fold[i] !== f);
    const te = [...y.keys()].filter((i) => fold[i] === f);
    const fit = fitLinear(
      tr.map((i) => docs[i] as Int32Array),
      table.strings.length,
      Int32Array.from(tr, (i) => y[i] as number),
      nClasses,
      opts,
      table.strings,
    );
    const dim = fit.vocab.tokens.length;
    for (const i of te) {
      scores.push(decision(fit.W, dim, nClasses, vectorizeIds(fit.vocab, docs[i] as Int32Array)));
      heldY.push(y[i] as number);
    }
    opts.onStep?.();
  }
  return { scores, y: heldY };
}

export function train(
  texts: readonly string[],
  labels: readonly string[],
  options: Partial<TrainOptions> = {},
): { model: LinearModel; report: TrainReport } {
  const started = performance.now();
  const features = options.features ?? DEFAULT_FEATURES;
  const table = new TokenTable();
  const docs = texts.map((t) => table.intern(featureTokens(t, features)));
  const r = trainFromTokens(docs, table, labels, options);
  // Seconds including segmentation, as a full `classify train` spends them.
  r.report.seconds = (performance.now() - started) / 1000;
  return r;
}

interface SerializedModel {
  format: 'xinfang-linear-svm/1';
  labels: string[];
  temperature: number;
  features: FeatureOptions;
  terms: string[];
  /** base64 Float32 */
  idf: string;
  /** base64 Float32, classes × (terms + 1), bias last in each row. */
  weights: string;
}

const b64 = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
const f32 = (s: string) => {
  const b = Buffer.from(s, 'base64');
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};

export class LinearModel implements Classifier {
  readonly kind = 'linear' as const;
  private constructor(
    readonly labels: readonly string[],
    private readonly vocab: Vocabulary,
    private readonly W: Float32Array,
    readonly temperature: number,
    private readonly features: FeatureOptions,
  ) {}

  get dim(): number {
    return this.vocab.terms.length;
  }

  /** The same weights with another softmax temperature (self-training keeps the first fit's). */
  withTemperature(temperature: number): LinearModel {
    return new LinearModel(this.labels, this.vocab, this.W, temperature, this.features);
  }

  /** Keeps the model small: drops features whose weight is below `tolerance` for every class. */
  static fromFitted(
    labels: readonly string[],
    vocab: Vocabulary,
    W: Float32Array,
    temperature: number,
    features: FeatureOptions,
    tolerance = 1e-3,
  ): LinearModel {
    const dim = vocab.terms.length;
    const nc = labels.length;
    const keep: number[] = [];
    for (let j = 0; j < dim; j++) {
      let m = 0;
      for (let c = 0; c < nc; c++) m = Math.max(m, Math.abs(W[c * (dim + 1) + j] as number));
      if (m > tolerance) keep.push(j);
    }
    const nd = keep.length;
    const W2 = new Float32Array(nc * (nd + 1));
    for (let c = 0; c < nc; c++) {
      keep.forEach((j, k) => {
        W2[c * (nd + 1) + k] = W[c * (dim + 1) + j] as number;
      });
      W2[c * (nd + 1) + nd] = W[c * (dim + 1) + dim] as number;
    }
    const v2 = vocabularyOf(
      keep.map((j) => vocab.terms[j] as string),
      Float32Array.from(keep, (j) => vocab.idf[j] as number),
    );
    return new LinearModel(labels, v2, W2, temperature, features);
  }

  scores(text: string): Float64Array {
    return decision(this.W, this.dim, this.labels.length, this.vectorOf(text));
  }

  vectorOf(text: string): SparseVec {
    return this.vectorOfTokens(featureTokens(text, this.features));
  }

  /** For callers that already hold a text's feature tokens (evaluation, self-training). */
  vectorOfTokens(tokens: readonly string[]): SparseVec {
    return vectorize(this.vocab, tokens);
  }

  probabilities(x: SparseVec): number[] {
    return softmax(decision(this.W, this.dim, this.labels.length, x), this.temperature);
  }

  predict(text: string, k = 3): Prediction {
    const x = this.vectorOf(text);
    const p = this.probabilities(x);
    const order = p.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
    const best = order[0]?.[1] ?? 0;
    return {
      top: order.slice(0, k).map(([v, i]) => ({ label: this.labels[i] as string, probability: v })),
      why: this.explain(x, best),
    };
  }

  /**
   * The terms pushing the document towards class `c`: contribution x_j · w_cj summed per surface
   * form (a word and its character n-gram count as one term), single characters left out, and a
   * term dropped when a stronger one already contains it.
   */
  explain(x: SparseVec, c: number, n = 8): { term: string; weight: number }[] {
    const base = c * (this.dim + 1);
    const bySurface = new Map<string, number>();
    for (let k = 0; k < x.idx.length; k++) {
      const j = x.idx[k] as number;
      const v = (x.val[k] as number) * (this.W[base + j] as number);
      if (v <= 0) continue;
      const surface = (this.vocab.terms[j] as string).slice(2).replace('_', '');
      if ([...surface].length < 2) continue;
      bySurface.set(surface, (bySurface.get(surface) ?? 0) + v);
    }
    const ranked = [...bySurface].sort((a, b) => b[1] - a[1]);
    const out: { term: string; weight: number }[] = [];
    for (const [term, weight] of ranked) {
      if (out.some((o) => o.term.includes(term) || term.includes(o.term))) continue;
      out.push({ term, weight: Math.round(weight * 1000) / 1000 });
      if (out.length === n) break;
    }
    return out;
  }

  serialize(): Buffer {
    const s: SerializedModel = {
      format: 'xinfang-linear-svm/1',
      labels: [...this.labels],
      temperature: this.temperature,
      features: this.features,
      terms: this.vocab.terms,
      idf: b64(this.vocab.idf),
      weights: b64(this.W),
    };
    return gzipSync(JSON.stringify(s));
  }

  static deserialize(bytes: Uint8Array): LinearModel {
    const s = JSON.parse(gunzipSync(bytes).toString('utf8')) as SerializedModel;
    if (s.format !== 'xinfang-linear-svm/1') throw new Error(`unknown model format ${String(s.format)}`);
    const W = f32(s.weights);
    if (W.length !== s.labels.length * (s.terms.length + 1)) throw new Error('model weights truncated');
    return new LinearModel(s.labels, vocabularyOf(s.terms, f32(s.idf)), W, s.temperature, s.features);
  }
}
