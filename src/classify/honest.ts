// The honest estimate (`classify eval --honest`): grouped, nested cross-validation. Near-duplicate
// messages (src/classify/groups.ts) stay in one fold, and the hyper-parameters (the grid), class
// offsets and temperature are chosen inside each outer training part on its own grouped
// calibration folds — exactly what `classify train` does on the whole file — so no outer test row
// ever influenced a choice. Reports the mean macro-F1
// with its spread over the outer folds (a single figure hides how much it moves with the split).
import { scoreLabels } from './evaluate.ts';
import { featureTokens, TokenTable } from './features.ts';
import { groupedStratifiedFolds, groupStats, nearDuplicateGroups } from './groups.ts';
import { DEFAULT_TRAIN, type LinearModel, type TrainOptions, trainFromTokens } from './model.ts';
import { selfTrainFromTokens } from './selfTraining.ts';
import { internPrior, type PriorInput } from './taxonomy.ts';

/** Self-training (src/classify/selfTraining.ts): unlabelled texts and the pseudo-label bar. */
export interface SelfTrainInput {
  unlabeled: readonly string[];
  threshold: number;
  rounds: number;
  perClassRatio?: number;
}

/** The candidates the inner folds choose from (small: `classify train` runs the same search). */
export const DEFAULT_GRID: readonly Partial<TrainOptions>[] = [{ nb: 0.1 }, { nb: 0.03 }];

export interface Spread {
  mean: number;
  std: number;
  min: number;
  max: number;
  folds: number[];
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function spread(xs: readonly number[]): Spread {
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(xs.length - 1, 1);
  return {
    mean: r4(mean),
    std: r4(Math.sqrt(variance)),
    min: r4(Math.min(...xs)),
    max: r4(Math.max(...xs)),
    folds: xs.map(r4),
  };
}

export const argmax = (p: ArrayLike<number>) => {
  let best = 0;
  for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
  return best;
};

/** The label a model gives a document already in tokens. */
const predictTokens = (model: LinearModel, tokens: readonly string[]) =>
  model.labels[argmax(model.probabilities(model.vectorOfTokens(tokens)))] as string;

export interface HonestResult {
  macroF1: Spread;
  accuracy: Spread;
  /** Macro-F1 and per-label scores of all outer predictions pooled. */
  pooledMacroF1: number;
  perLabel: ReturnType<typeof scoreLabels>['perLabel'];
  /** The hyper-parameters the inner folds chose, per outer fold. */
  chosen: Partial<TrainOptions>[];
  nearDuplicates: { threshold: number; groups: number; rowsInGroups: number };
  folds: number;
  innerFolds: number;
  /** Mean seconds per outer fold: selection, calibration and the final fit. */
  trainSeconds: number;
  rows: number;
  /** With self-training: pseudo-labelled unlabelled rows per label, per outer fold. */
  pseudo?: Record<string, number>[];
}

export function honestCrossValidate(
  texts: readonly string[],
  labels: readonly string[],
  opts: {
    folds?: number;
    /** Calibration folds inside each outer training part (they choose and calibrate). */
    innerFolds?: number;
    seed?: number;
    threshold?: number;
    grid?: readonly Partial<TrainOptions>[];
    train?: Partial<TrainOptions>;
    selfTrain?: SelfTrainInput;
    prior?: PriorInput;
    onFold?: (
      fold: number,
      info: { macroF1: number; seconds: number; chosen: Partial<TrainOptions> },
    ) => void;
  } = {},
): HonestResult {
  const k = opts.folds ?? 5;
  const innerFolds = opts.innerFolds ?? 3;
  const seed = opts.seed ?? 1;
  const threshold = opts.threshold ?? 0.8;
  const grid = opts.grid ?? DEFAULT_GRID;
  const base = { ...opts.train, seed, calibrationFolds: innerFolds };
  const features = opts.train?.features ?? DEFAULT_TRAIN.features;
  const table = new TokenTable();
  const tokens = texts.map((t) => featureTokens(t, features));
  const docs = tokens.map((t) => table.intern(t));
  const prior = internPrior(opts.prior, table, features);
  // Unlabelled rows only ever join the training part of a fold, with the fold model's labels.
  const unlabeled = opts.selfTrain?.unlabeled.map((t) => table.intern(featureTokens(t, features)));
  const pseudo: Record<string, number>[] = [];
  const groups = nearDuplicateGroups(texts, threshold);
  const fold = groupedStratifiedFolds(labels, groups, k, seed);
  const predicted = new Array<string>(labels.length);
  const f1s: number[] = [];
  const accs: number[] = [];
  const chosen: Partial<TrainOptions>[] = [];
  let seconds = 0;
  for (let f = 0; f < k; f++) {
    const started = performance.now();
    const tr = [...labels.keys()].filter((i) => fold[i] !== f);
    const te = [...labels.keys()].filter((i) => fold[i] === f);
    const trDocs = tr.map((i) => docs[i] as Int32Array);
    const trLabels = tr.map((i) => labels[i] as string);
    const trGroups = Int32Array.from(tr, (i) => groups[i] as number);
    const st = opts.selfTrain;
    const { model, report } =
      st && unlabeled
        ? (() => {
            const r = selfTrainFromTokens(
              trDocs,
              table,
              trLabels,
              { ...base, grid },
              trGroups,
              {
                unlabeled,
                threshold: st.threshold,
                rounds: st.rounds,
                perClassRatio: st.perClassRatio ?? 0,
              },
              prior,
            );
            pseudo.push(r.selfTraining.pseudo);
            return r;
          })()
        : trainFromTokens(trDocs, table, trLabels, { ...base, grid }, trGroups, prior);
    const sel = { chosen: report.chosen };
    const secs = (performance.now() - started) / 1000;
    seconds += secs;
    const gold = te.map((i) => labels[i] as string);
    const pred = te.map((i) => predictTokens(model, tokens[i] as string[]));
    te.forEach((i, n) => {
      predicted[i] = pred[n] as string;
    });
    const s = scoreLabels(gold, pred);
    f1s.push(s.macroF1);
    accs.push(s.accuracy);
    chosen.push(sel.chosen);
    opts.onFold?.(f + 1, { macroF1: s.macroF1, seconds: secs, chosen: sel.chosen });
  }
  const pooled = scoreLabels(labels, predicted);
  const stats = groupStats(groups);
  return {
    macroF1: spread(f1s),
    accuracy: spread(accs),
    pooledMacroF1: pooled.macroF1,
    perLabel: pooled.perLabel,
    chosen,
    nearDuplicates: { threshold, groups: stats.groups, rowsInGroups: stats.rowsInGroups },
    folds: k,
    innerFolds,
    trainSeconds: r4(seconds / k),
    rows: labels.length,
    ...(opts.selfTrain ? { pseudo } : {}),
  };
}

/**
 * The honest estimate repeated over `repeats` fold splits (seeds seed, seed + 1, …): one split's
 * mean moves with the split by more than its folds' spread suggests (on train.csv 0.893–0.907 for
 * the same model), so the figure to believe is the mean over several. The spread is over all the
 * folds of all repeats; the per-label scores are the repeats' means.
 */
export function repeatedHonestCrossValidate(
  texts: readonly string[],
  labels: readonly string[],
  opts: Parameters<typeof honestCrossValidate>[2] & {
    repeats?: number;
    onRepeat?: (repeat: number, result: HonestResult) => void;
  } = {},
): HonestResult & { repeats: number; repeatMeans: number[] } {
  const repeats = opts.repeats ?? 3;
  const seed = opts.seed ?? 1;
  const runs: HonestResult[] = [];
  for (let r = 0; r < repeats; r++) {
    const s = seed + r;
    const run = honestCrossValidate(texts, labels, { ...opts, seed: s, train: { ...opts.train, seed: s } });
    runs.push(run);
    opts.onRepeat?.(r + 1, run);
  }
  const first = runs[0] as HonestResult;
  const mean = (xs: number[]) => r4(xs.reduce((a, b) => a + b, 0) / xs.length);
  const perLabel = Object.fromEntries(
    Object.entries(first.perLabel).map(([label, v]) => {
      const of = (k: 'precision' | 'recall' | 'f1') => mean(runs.map((x) => x.perLabel[label]?.[k] ?? 0));
      return [label, { precision: of('precision'), recall: of('recall'), f1: of('f1'), support: v.support }];
    }),
  );
  return {
    ...first,
    macroF1: spread(runs.flatMap((x) => x.macroF1.folds)),
    accuracy: spread(runs.flatMap((x) => x.accuracy.folds)),
    pooledMacroF1: mean(runs.map((x) => x.pooledMacroF1)),
    perLabel,
    chosen: runs.flatMap((x) => x.chosen),
    trainSeconds: mean(runs.map((x) => x.trainSeconds)),
    ...(first.pseudo ? { pseudo: runs.flatMap((x) => x.pseudo ?? []) } : {}),
    repeats,
    repeatMeans: runs.map((x) => x.macroF1.mean),
  };
}

/** What `classify train` runs: near-duplicate groups, then the grid searched on grouped folds. */
export function trainSelected(
  texts: readonly string[],
  labels: readonly string[],
  opts: {
    seed?: number;
    threshold?: number;
    grid?: readonly Partial<TrainOptions>[];
    train?: Partial<TrainOptions>;
    selfTrain?: SelfTrainInput;
    prior?: PriorInput;
  } = {},
) {
  const started = performance.now();
  const features = opts.train?.features ?? DEFAULT_TRAIN.features;
  const table = new TokenTable();
  const docs = texts.map((t) => table.intern(featureTokens(t, features)));
  const prior = internPrior(opts.prior, table, features);
  const groups = nearDuplicateGroups(texts, opts.threshold ?? 0.8);
  const options = { ...opts.train, seed: opts.seed ?? 1, grid: opts.grid ?? DEFAULT_GRID };
  const st = opts.selfTrain;
  const r = st
    ? selfTrainFromTokens(
        docs,
        table,
        labels,
        options,
        groups,
        {
          ...st,
          unlabeled: st.unlabeled.map((t) => table.intern(featureTokens(t, features))),
        },
        prior,
      )
    : { ...trainFromTokens(docs, table, labels, options, groups, prior), selfTraining: undefined };
  r.report.seconds = (performance.now() - started) / 1000;
  return r;
}
