// Complement naive Bayes (Rennie et al. 2003) on the same TF-IDF vectors as the SVMs: each class's
// weights are the normalised log of the smoothed feature mass of all *other* classes, so the small
// classes are estimated from much more data than in plain NB. Returned in the SVMs' layout
// (classes × (dim + 1), bias last, larger = more likely) so it can stand alone or be added to
// them — the sum of linear models is a linear model, and the stored format does not change.
import type { SparseVec } from './features.ts';

export function fitComplementNb(
  X: readonly SparseVec[],
  y: Int32Array,
  nClasses: number,
  dim: number,
  alpha: number,
): Float32Array {
  const mass = new Float64Array(nClasses * dim);
  const total = new Float64Array(dim);
  X.forEach((x, i) => {
    const base = (y[i] as number) * dim;
    for (let k = 0; k < x.idx.length; k++) {
      const j = x.idx[k] as number;
      mass[base + j] = (mass[base + j] as number) + (x.val[k] as number);
      total[j] = (total[j] as number) + (x.val[k] as number);
    }
  });
  const all = total.reduce((a, b) => a + b, 0);
  const W = new Float32Array(nClasses * (dim + 1));
  for (let c = 0; c < nClasses; c++) {
    let own = 0;
    for (let j = 0; j < dim; j++) own += mass[c * dim + j] as number;
    const denom = all - own + alpha * dim;
    // −log of the complement's smoothed probability: large for features the other classes lack.
    // (Rennie's extra weight normalisation made every text go to the smallest class here.)
    for (let j = 0; j < dim; j++) {
      const comp = (total[j] as number) - (mass[c * dim + j] as number);
      W[c * (dim + 1) + j] = -Math.log((comp + alpha) / denom);
    }
  }
  return W;
}

/**
 * Adds `weight` × the CNB weights to the SVMs' after scaling them to the SVMs' spread of decision
 * values on the training rows, so `weight` = 1 means "as loud as the SVMs".
 */
export function addScaled(
  svm: Float32Array,
  cnb: Float32Array,
  X: readonly SparseVec[],
  nClasses: number,
  dim: number,
  weight: number,
): void {
  // Spread across classes within each row (the part that decides the argmax; a per-row constant,
  // large for CNB, would otherwise swamp the scale).
  const spread = (W: Float32Array) => {
    let s2 = 0;
    let n = 0;
    const v = new Float64Array(nClasses);
    for (const x of X) {
      let mean = 0;
      for (let c = 0; c < nClasses; c++) {
        const base = c * (dim + 1);
        let d = W[base + dim] as number;
        for (let k = 0; k < x.idx.length; k++)
          d += (W[base + (x.idx[k] as number)] as number) * (x.val[k] as number);
        v[c] = d;
        mean += d / nClasses;
      }
      for (let c = 0; c < nClasses; c++) s2 += ((v[c] as number) - mean) ** 2;
      n += nClasses;
    }
    return Math.sqrt(Math.max(s2 / Math.max(n, 1), 1e-12));
  };
  const k = (weight * spread(svm)) / spread(cnb);
  for (let i = 0; i < svm.length; i++) svm[i] = (svm[i] as number) + k * (cnb[i] as number);
}
