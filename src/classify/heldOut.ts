// A stored model scored on labelled matters it was not trained on (`xinfang classify test`): the
// figure a bureau can trust before it puts a model into service or keeps one running — its newest
// matters, filed by its registrars after the training export, are unseen data in the sense that
// matters (new places, new topics), which no cross-validation of the training file can be.
import { calibrationError, type LabelScores, scoreLabels } from './evaluate.ts';
import type { Classifier } from './linearModel.ts';

export interface HeldOutReport {
  rows: number;
  accuracy: number;
  macroF1: number;
  /** Share of rows whose category is among the three suggestions the registrar sees. */
  top3: number;
  perLabel: Record<string, LabelScores>;
  /** Expected calibration error (10 bins) of the first suggestion's probability. */
  ece: number;
  /** Categories of the file the model cannot suggest (not among its labels), with their rows. */
  unknownLabels: Record<string, number>;
  /** The most frequent mistakes: the file's category, the suggestion, how often. */
  confusions: { label: string; predicted: string; rows: number }[];
}

export interface HeldOutRow {
  /** 1-based row of the file (after the header), for the errors list. */
  row: number;
  label: string;
  predicted: string;
  probability: number;
  /** Rank of the file's category among the suggestions (1 = first), 0 when not among all of them. */
  rank: number;
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Suggests each text with the stored model and scores the first suggestion against the label. */
export function scoreHeldOut(
  classifier: Classifier,
  texts: readonly string[],
  labels: readonly string[],
  rowsOfFile: readonly number[] = texts.map((_, i) => i + 1),
): { report: HeldOutReport; rows: HeldOutRow[] } {
  const rows: HeldOutRow[] = texts.map((text, i) => {
    // Every label ranked (k = all), so the rank of the file's category is known beyond the third.
    const { top } = classifier.predict(text, Number.MAX_SAFE_INTEGER);
    const label = labels[i] as string;
    return {
      row: rowsOfFile[i] as number,
      label,
      predicted: top[0]?.label ?? '',
      probability: top[0]?.probability ?? 0,
      rank: top.findIndex((t) => t.label === label) + 1,
    };
  });
  const known = new Set(classifier.labels);
  const unknownLabels: Record<string, number> = {};
  for (const l of labels) if (!known.has(l)) unknownLabels[l] = (unknownLabels[l] ?? 0) + 1;
  const confusions = new Map<string, { label: string; predicted: string; rows: number }>();
  for (const r of rows) {
    if (r.predicted === r.label) continue;
    const key = `${r.label}\u0000${r.predicted}`;
    const c = confusions.get(key) ?? { label: r.label, predicted: r.predicted, rows: 0 };
    c.rows++;
    confusions.set(key, c);
  }
  const scores = scoreLabels(
    labels,
    rows.map((r) => r.predicted),
  );
  return {
    rows,
    report: {
      rows: rows.length,
      ...scores,
      top3: r4(rows.filter((r) => r.rank >= 1 && r.rank <= 3).length / Math.max(rows.length, 1)),
      ece: r4(
        calibrationError(
          rows.map((r) => r.probability),
          (i) => rows[i]?.predicted === rows[i]?.label,
        ),
      ),
      unknownLabels,
      confusions: [...confusions.values()]
        .sort((a, b) => b.rows - a.rows || a.label.localeCompare(b.label, 'zh'))
        .slice(0, 10),
    },
  };
}
