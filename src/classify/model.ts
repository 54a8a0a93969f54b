// The trained content-category classifier: one-vs-rest linear SVMs (L2-regularised squared hinge
// loss, solved by dual coordinate descent as in LIBLINEAR) over the TF-IDF features of
// features.ts, with a softmax temperature fitted on held-out decision values so that the
// probabilities are calibrated. Plain TypeScript on typed arrays; deterministic for a seed.
import {
  DEFAULT_FEATURES,
  type FeatureOptions,
  featureTokens,
  TokenTable,
  vectorizeIds,
  vocabularyOf,
} from './features.ts';
import { fitLinear } from './fit.ts';
import { groupedStratifiedFolds } from './groups.ts';
import { LinearModel } from './linearModel.ts';
import { decision, fitTemperature, stratifiedFolds } from './svm.ts';
import { macroF1Of, tuneOffsets } from './thresholds.ts';

// The solver, the fitted model and its format live apart (svm.ts, fit.ts, linearModel.ts); callers
// keep importing them from here.
export { type Classifier, LinearModel, type Prediction } from './linearModel.ts';
export { decision, fitTemperature, rng, softmax, stratifiedFolds, trainBinarySvm } from './svm.ts';

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

/**
 * Labelled rows that join every fit but are never judged: prior knowledge such as the leaves of the
 * official classification tree (src/classify/taxonomy.ts). They are in each calibration fold's
 * training part and in the final fit, never among the held-out rows that choose and calibrate, and
 * rows of a label the data does not have are left out (the model knows the data's labels only).
 */
export interface PriorDocs {
  docs: readonly Int32Array[];
  labels: readonly string[];
}

export interface TrainReport {
  rows: number;
  /** Prior rows (PriorDocs) that joined the fits. */
  priorRows: number;
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
  prior?: PriorDocs,
): { model: LinearModel; report: TrainReport } {
  const started = performance.now();
  const opts = { ...DEFAULT_TRAIN, ...options };
  const labels = [...new Set(labelsOfRows)].sort();
  if (labels.length < 2) throw new Error('至少需要两个类别 / need at least two labels');
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const y = Int32Array.from(labelsOfRows, (l) => labelIndex.get(l) as number);
  const priorKept = prior
    ? [...prior.labels.keys()].filter((i) => labelIndex.has(prior.labels[i] as string))
    : [];
  const extra = {
    docs: priorKept.map((i) => prior?.docs[i] as Int32Array),
    y: priorKept.map((i) => labelIndex.get(prior?.labels[i] as string) as number),
  };

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
      const held = heldOutScores(docs, table, y, labels.length, fold, { ...opts, ...candidate }, extra);
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
  const fit = fitLinear(
    [...docs, ...extra.docs],
    table.strings.length,
    Int32Array.from([...y, ...extra.y]),
    labels.length,
    final,
    table.strings,
  );
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
      priorRows: extra.docs.length,
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
  extra: { docs: Int32Array[]; y: number[] },
): { scores: Float64Array[]; y: number[] } {
  const scores: Float64Array[] = [];
  const heldY: number[] = [];
  for (let f = 0; f < opts.calibrationFolds; f++) {
    const tr = [...y.keys()].filter((i) => fold[i] !== f);
    const te = [...y.keys()].filter((i) => fold[i] === f);
    const fit = fitLinear(
      [...tr.map((i) => docs[i] as Int32Array), ...extra.docs],
      table.strings.length,
      Int32Array.from([...tr.map((i) => y[i] as number), ...extra.y]),
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
