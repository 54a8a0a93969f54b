// Stratified k-fold cross-validation of the whole training procedure (vocabulary, SVMs and the
// temperature are fitted on the training folds only), with accuracy, macro-F1 and per-label scores.
import { DEFAULT_FEATURES, featureTokens, TokenTable } from './features.ts';
import { stratifiedFolds, type TrainOptions, trainFromTokens } from './model.ts';
import { internPrior, type PriorInput } from './taxonomy.ts';

export interface LabelScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvalResult {
  accuracy: number;
  macroF1: number;
  perLabel: Record<string, LabelScores>;
  folds: number;
  /** Mean seconds to train on one fold's training part (including calibration). */
  trainSeconds: number;
  /** Held-out log loss and expected calibration error (10 bins) of the top probability. */
  logLoss: number;
  ece: number;
  rows: number;
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function scoreLabels(
  gold: readonly string[],
  predicted: readonly string[],
): Pick<EvalResult, 'accuracy' | 'macroF1' | 'perLabel'> {
  const labels = [...new Set(gold)].sort();
  const perLabel: Record<string, LabelScores> = {};
  let correct = 0;
  gold.forEach((g, i) => {
    if (predicted[i] === g) correct++;
  });
  for (const l of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === l && g === l) tp++;
      else if (p === l) fp++;
      else if (g === l) fn++;
    });
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perLabel[l] = { precision: r4(precision), recall: r4(recall), f1: r4(f1), support: tp + fn };
  }
  const f1s = Object.values(perLabel).map((s) => s.f1);
  return {
    accuracy: r4(correct / Math.max(gold.length, 1)),
    macroF1: r4(f1s.reduce((a, b) => a + b, 0) / Math.max(f1s.length, 1)),
    perLabel,
  };
}

export function crossValidate(
  texts: readonly string[],
  labels: readonly string[],
  opts: {
    folds?: number;
    seed?: number;
    train?: Partial<TrainOptions>;
    /** Labelled prior rows (src/classify/taxonomy.ts) in every training part, never tested. */
    prior?: PriorInput;
    onTokenized?: () => void;
    onFold?: (fold: number, info: { seconds: number; accuracy: number }) => void;
  } = {},
): EvalResult {
  const k = opts.folds ?? 5;
  const seed = opts.seed ?? 1;
  const features = opts.train?.features ?? DEFAULT_FEATURES;
  const table = new TokenTable();
  const docs = texts.map((t) => table.intern(featureTokens(t, features)));
  const prior = internPrior(opts.prior, table, features);
  opts.onTokenized?.();
  const fold = stratifiedFolds(labels, k, seed);
  const predicted = new Array<string>(labels.length);
  const topProb = new Float64Array(labels.length);
  let logLoss = 0;
  let seconds = 0;
  for (let f = 0; f < k; f++) {
    const tr: number[] = [];
    const te: number[] = [];
    for (let i = 0; i < labels.length; i++) (fold[i] === f ? te : tr).push(i);
    const { model, report } = trainFromTokens(
      tr.map((i) => docs[i] as Int32Array),
      table,
      tr.map((i) => labels[i] as string),
      { seed, ...opts.train },
      undefined,
      prior,
    );
    seconds += report.seconds;
    let correct = 0;
    for (const i of te) {
      const p = model.probabilities(model.vectorOf(texts[i] as string));
      let best = 0;
      for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
      predicted[i] = model.labels[best] as string;
      topProb[i] = p[best] as number;
      if (predicted[i] === labels[i]) correct++;
      const gi = model.labels.indexOf(labels[i] as string);
      logLoss -= Math.log(Math.max(gi >= 0 ? (p[gi] as number) : 0, 1e-12));
    }
    opts.onFold?.(f + 1, { seconds: report.seconds, accuracy: correct / Math.max(te.length, 1) });
  }
  return {
    ...scoreLabels(labels, predicted),
    folds: k,
    trainSeconds: r4(seconds / k),
    logLoss: r4(logLoss / Math.max(labels.length, 1)),
    ece: r4(calibrationError(topProb, (i) => predicted[i] === labels[i])),
    rows: labels.length,
  };
}

/**
 * Expected calibration error of the first suggestion's probability: |accuracy − mean probability|
 * in each of 10 probability bins, weighted by the bin's share of the rows.
 */
export function calibrationError(topProb: ArrayLike<number>, correct: (row: number) => boolean): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, right: 0, p: 0 }));
  for (let i = 0; i < topProb.length; i++) {
    const p = topProb[i] as number;
    const bin = bins[Math.min(Math.floor(p * 10), 9)] as { n: number; right: number; p: number };
    bin.n++;
    bin.p += p;
    if (correct(i)) bin.right++;
  }
  return bins.reduce(
    (e, b) => (b.n ? e + (b.n / topProb.length) * Math.abs(b.right / b.n - b.p / b.n) : e),
    0,
  );
}
