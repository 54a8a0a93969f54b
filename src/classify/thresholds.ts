// Class-balanced thresholds: per-class offsets added to the SVM decision values, chosen on held-out
// scores to maximise macro-F1 (a small class whose SVM is timid gets a push). The offsets are
// folded into the stored biases, so the model format does not change.

/** Macro-F1 of argmax(score + offset) against y. */
export function macroF1Of(
  scores: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  offsets: Float64Array,
): number {
  const n = offsets.length;
  const tp = new Float64Array(n);
  const fp = new Float64Array(n);
  const fn = new Float64Array(n);
  scores.forEach((row, i) => {
    let best = 0;
    for (let c = 1; c < n; c++) {
      if ((row[c] as number) + (offsets[c] as number) > (row[best] as number) + (offsets[best] as number))
        best = c;
    }
    const g = y[i] as number;
    if (best === g) tp[g] = (tp[g] as number) + 1;
    else {
      fp[best] = (fp[best] as number) + 1;
      fn[g] = (fn[g] as number) + 1;
    }
  });
  let sum = 0;
  for (let c = 0; c < n; c++) {
    const d = 2 * (tp[c] as number) + (fp[c] as number) + (fn[c] as number);
    sum += d ? (2 * (tp[c] as number)) / d : 0;
  }
  return sum / n;
}

/** Coordinate ascent on per-class offsets in [−0.5, 0.5] (steps of 0.05), three rounds. */
export function tuneOffsets(
  scores: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  nClasses: number,
): Float64Array {
  const offsets = new Float64Array(nClasses);
  let best = macroF1Of(scores, y, offsets);
  for (let round = 0; round < 3; round++) {
    for (let c = 0; c < nClasses; c++) {
      const keep = offsets[c] as number;
      let bestV = keep;
      for (let v = -0.5; v <= 0.5001; v += 0.05) {
        offsets[c] = v;
        const f = macroF1Of(scores, y, offsets);
        if (f > best + 1e-9 || (Math.abs(f - best) <= 1e-9 && Math.abs(v) < Math.abs(bestV))) {
          best = f;
          bestV = v;
        }
      }
      offsets[c] = bestV;
    }
  }
  return offsets;
}
