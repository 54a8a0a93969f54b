// Self-training on unlabelled messages (`--unlabeled FILE --self-train P`): the model fitted on the
// labelled rows labels the unlabelled ones, those it gives a calibrated top probability ≥ P join
// the training rows with that label, and the model is fitted again (optionally for more rounds).
// The hope is that new data differs from the labelled file more than its folds do, and the
// unlabelled board messages bring vocabulary the labelled ones lack. Measured in
// docs/classifier.md (Experiments); off by default.
import type { TokenTable } from './features.ts';
import {
  type LinearModel,
  type PriorDocs,
  type TrainOptions,
  type TrainReport,
  trainFromTokens,
} from './model.ts';

export interface SelfTrainOptions {
  /** Documents (interned feature tokens) without labels; never the rows being evaluated. */
  unlabeled: readonly Int32Array[];
  /** Minimum calibrated top probability for a pseudo-label. */
  threshold: number;
  /** Rounds of label-and-refit (1 = label once with the labelled-only model). */
  rounds: number;
  /**
   * At most this many pseudo-labels per labelled row of the same label, most confident first
   * (0 = no cap): keeps the unlabelled file's own label mix from shifting the class balance.
   */
  perClassRatio?: number;
}

export interface SelfTrainReport {
  /** Pseudo-labelled rows per label after the last round. */
  pseudo: Record<string, number>;
  rounds: number;
}

/**
 * Fits on the labelled rows (grid selection and temperature as `trainFromTokens` does), then for
 * each round pseudo-labels the confident unlabelled rows and refits on labelled + pseudo-labelled
 * rows with the chosen settings. The temperature stays the one fitted on the labelled rows'
 * held-out values: calibrating on pseudo-labels would measure the model against itself.
 */
export function selfTrainFromTokens(
  docs: readonly Int32Array[],
  table: TokenTable,
  labels: readonly string[],
  options: Partial<TrainOptions>,
  groups: ArrayLike<number> | undefined,
  st: SelfTrainOptions,
  prior?: PriorDocs,
): { model: LinearModel; report: TrainReport; selfTraining: SelfTrainReport } {
  const started = performance.now();
  const first = trainFromTokens(docs, table, labels, options, groups, prior);
  const { temperature, chosen } = first.report;
  let model = first.model;
  let report = first.report;
  const strings = st.unlabeled.map((d) => Array.from(d, (t) => table.strings[t] as string));
  let pseudo: Record<string, number> = {};
  const labelled: Record<string, number> = {};
  for (const l of labels) labelled[l] = (labelled[l] ?? 0) + 1;
  for (let round = 0; round < st.rounds; round++) {
    const extraDocs: Int32Array[] = [];
    const extraLabels: string[] = [];
    pseudo = {};
    const confident: { i: number; label: string; p: number }[] = [];
    strings.forEach((tokens, i) => {
      const p = model.probabilities(model.vectorOfTokens(tokens));
      let best = 0;
      for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
      if ((p[best] as number) >= st.threshold) {
        confident.push({ i, label: model.labels[best] as string, p: p[best] as number });
      }
    });
    // Most confident first (index breaks ties, so the result repeats exactly).
    confident.sort((a, b) => b.p - a.p || a.i - b.i);
    for (const { i, label } of confident) {
      const cap = st.perClassRatio ? Math.floor(st.perClassRatio * (labelled[label] ?? 0)) : Infinity;
      if ((pseudo[label] ?? 0) >= cap) continue;
      extraDocs.push(st.unlabeled[i] as Int32Array);
      extraLabels.push(label);
      pseudo[label] = (pseudo[label] ?? 0) + 1;
    }
    const refit = trainFromTokens(
      [...docs, ...extraDocs],
      table,
      [...labels, ...extraLabels],
      {
        ...options,
        ...chosen,
        grid: [],
        calibrationFolds: 0,
      },
      undefined,
      prior,
    );
    model = refit.model.withTemperature(temperature);
    report = { ...refit.report, temperature, chosen, selectionScores: first.report.selectionScores };
  }
  report.seconds = (performance.now() - started) / 1000;
  return { model, report, selfTraining: { pseudo, rounds: st.rounds } };
}
