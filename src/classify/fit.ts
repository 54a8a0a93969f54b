// One fit of the per-class linear weights with the option variants of TrainOptions: class-balanced
// costs, NB-SVM scaling, split word/character SVMs, complement naive Bayes added or alone. Every
// variant ends as one weight matrix (classes × (dim + 1), bias last), so the model format is one.
import { addScaled, fitComplementNb } from './complementNb.ts';
import { fitIdVocabulary, type IdVocabulary, type SparseVec, vectorizeIds } from './features.ts';
import type { TrainOptions } from './model.ts';
import { trainBinarySvm } from './svm.ts';

export interface Fitted {
  vocab: IdVocabulary;
  W: Float32Array;
}

export function fitLinear(
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
