// Word clusters from unlabelled messages, for the `CLUSTERS=` variant of bench/classifier-variants.ts
// (docs/classifier.md, "Word clusters from unlabelled messages"): each word's contexts within ±W
// words (positive PMI, context counts smoothed by ^0.75) → a 100-dimensional embedding by randomized
// SVD → spherical k-means. A word seen in no labelled row still shares a cluster feature with the
// words it is used like.
//
//   npx tsx bench/word-clusters.ts --out /tmp/clusters.json [--k 800[,200…]] [--restarts 1] [--seed 7]
//     reads ../shared/data/hot.csv (title, body) and replies.csv (title, body, reply) — never train.csv
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { EVD, Matrix, QrDecomposition } from 'ml-matrix';
import { parseCsvObjects } from '../src/classify/csv.ts';
import { words } from '../src/classify/features.ts';
import { rng } from '../src/classify/model.ts';
import type { WordClusterFile } from './clusters-file.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '/tmp/word-clusters.json' },
    k: { type: 'string', default: '800' },
    seed: { type: 'string', default: '7' },
    window: { type: 'string', default: '5' },
    'min-count': { type: 'string', default: '5' },
    dim: { type: 'string', default: '100' },
    restarts: { type: 'string', default: '1' },
  },
});
const W = Number(values.window);
const DIM = Number(values.dim);
const started = performance.now();
const say = (s: string) => console.error(`${((performance.now() - started) / 1000).toFixed(0)} s  ${s}`);

const read = (f: string) => parseCsvObjects(fs.readFileSync(`../shared/data/${f}`, 'utf8')).rows;
const texts = [
  ...read('hot.csv').map((r) => `${r.title ?? ''}。${r.body ?? ''}`),
  ...read('replies.csv').flatMap((r) => [`${r.title ?? ''}。${r.body ?? ''}`, r.reply ?? '']),
];
const seqs = texts.map(words);
const freq = new Map<string, number>();
for (const s of seqs) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
const vocab = [...freq].filter(([, n]) => n >= Number(values['min-count'])).map(([w]) => w);
const id = new Map(vocab.map((w, i) => [w, i]));
const V = vocab.length;
say(`${texts.length} texts, ${V} words`);

// Co-occurrence counts per word, then positive PMI with smoothed context probabilities.
const co = Array.from({ length: V }, () => new Map<number, number>());
const rowSum = new Float64Array(V);
const colSum = new Float64Array(V);
let total = 0;
for (const s of seqs) {
  const ix = s.map((w) => id.get(w) ?? -1);
  ix.forEach((i, a) => {
    if (i < 0) return;
    for (let b = Math.max(0, a - W); b <= Math.min(ix.length - 1, a + W); b++) {
      const j = ix[b] as number;
      if (b === a || j < 0) continue;
      const m = co[i] as Map<number, number>;
      m.set(j, (m.get(j) ?? 0) + 1);
      rowSum[i] = (rowSum[i] as number) + 1;
      colSum[j] = (colSum[j] as number) + 1;
      total++;
    }
  });
}
const ctx = Float64Array.from(colSum, (c) => c ** 0.75);
const ctxTotal = ctx.reduce((a, b) => a + b, 0);
const rows = co.map((m, i) => {
  const js: number[] = [];
  const vs: number[] = [];
  for (const [j, n] of m) {
    const pmi = Math.log(n / total / (((rowSum[i] as number) / total) * ((ctx[j] as number) / ctxTotal)));
    if (pmi > 0) {
      js.push(j);
      vs.push(pmi);
    }
  }
  return { js: Int32Array.from(js), vs: Float64Array.from(vs) };
});
say('PPMI matrix');

// Randomized SVD (Halko et al.): range of M by 3 power iterations, then the small eigenproblem.
const L = DIM + 20;
/** M·X (transpose: Mᵀ·X) for a dense V×L matrix X. */
function times(X: Matrix, transpose: boolean): Matrix {
  const x = Float64Array.from(X.to1DArray());
  const y = new Float64Array(V * L);
  rows.forEach(({ js, vs }, i) => {
    js.forEach((j, t) => {
      const v = vs[t] as number;
      const [to, from] = transpose ? [j, i] : [i, j];
      for (let c = 0; c < L; c++) y[to * L + c] = (y[to * L + c] as number) + v * (x[from * L + c] as number);
    });
  });
  return Matrix.from1DArray(V, L, y);
}
const orth = (Y: Matrix) => new QrDecomposition(Y).orthogonalMatrix.subMatrix(0, V - 1, 0, L - 1);
const random = rng(Number(values.seed));
const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
let Q = orth(times(Matrix.from1DArray(V, L, Array.from({ length: V * L }, gauss)), false));
for (let it = 0; it < 3; it++) Q = orth(times(orth(times(Q, true)), false));
const MtQ = times(Q, true); // B = Qᵀ·M = (Mᵀ·Q)ᵀ, and B·Bᵀ = (Mᵀ·Q)ᵀ(Mᵀ·Q)
const evd = new EVD(MtQ.transpose().mmul(MtQ), { assumeSymmetric: true });
const order = evd.realEigenvalues.map((e, i) => [e, i] as const).sort((a, b) => b[0] - a[0]);
const U = Q.mmul(evd.eigenvectorMatrix);
// Word vectors U·√S (S = the singular values), unit length.
const X = new Float32Array(V * DIM);
for (let i = 0; i < V; i++) {
  let norm = 0;
  for (let d = 0; d < DIM; d++) {
    const [e, col] = order[d] as readonly [number, number];
    const v = U.get(i, col) * Math.max(e, 0) ** 0.25;
    X[i * DIM + d] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < DIM; d++) X[i * DIM + d] = (X[i * DIM + d] as number) / norm;
}
say('embeddings');

// Spherical k-means (k-means++ seeding) on typed arrays: ml-kmeans, on arrays of arrays with a
// distance callback, took 12 minutes for K = 800 where this takes about one.
const dot = (a: Float32Array, i: number, b: Float32Array, k: number) => {
  let s = 0;
  for (let d = 0; d < DIM; d++) s += (a[i * DIM + d] as number) * (b[k * DIM + d] as number);
  return s;
};
function kmeans(K: number): Int32Array {
  const C = new Float32Array(K * DIM);
  const nearest = new Float64Array(V).fill(Number.POSITIVE_INFINITY);
  let pick = Math.floor(random() * V);
  for (let k = 0; k < K; k++) {
    C.set(X.subarray(pick * DIM, pick * DIM + DIM), k * DIM);
    let sum = 0;
    for (let i = 0; i < V; i++) {
      nearest[i] = Math.min(nearest[i] as number, Math.max(0, 1 - dot(X, i, C, k)) ** 2);
      sum += nearest[i] as number;
    }
    let r = random() * sum;
    for (let i = 0; i < V && r > 0; i++) {
      r -= nearest[i] as number;
      pick = i;
    }
  }
  const cluster = new Int32Array(V).fill(-1);
  for (let it = 0; it < 20; it++) {
    let changed = 0;
    for (let i = 0; i < V; i++) {
      let best = 0;
      let bestDot = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) {
        const d = dot(X, i, C, k);
        if (d > bestDot) [best, bestDot] = [k, d];
      }
      if (cluster[i] !== best) [cluster[i], changed] = [best, changed + 1];
    }
    C.fill(0);
    for (let i = 0; i < V; i++) {
      const k = cluster[i] as number;
      for (let d = 0; d < DIM; d++) C[k * DIM + d] = (C[k * DIM + d] as number) + (X[i * DIM + d] as number);
    }
    for (let k = 0; k < K; k++) {
      let norm = 0;
      for (let d = 0; d < DIM; d++) norm += (C[k * DIM + d] as number) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < DIM; d++) C[k * DIM + d] = (C[k * DIM + d] as number) / norm;
    }
    if (changed === 0) break;
  }
  say(`k-means, K = ${K}`);
  return cluster;
}
// Several K and random starts (`--k 200,800 --restarts 3`): one clustering each, named `K` or `Kr<r>`.
// Written as bench/clusters-file.ts reads it (gzip when the name ends in .gz).
const sets: WordClusterFile['sets'] = [];
const restarts = Number(values.restarts);
let cluster: Int32Array = new Int32Array(0);
for (const K of values.k.split(',').map(Number))
  for (let r = 0; r < restarts; r++) {
    cluster = kmeans(K);
    sets.push({ name: restarts > 1 ? `${K}r${r}` : String(K), cluster: Array.from(cluster) });
  }
const json = JSON.stringify({ words: vocab, sets } satisfies WordClusterFile);
const out = values.out as string;
fs.writeFileSync(out, out.endsWith('.gz') ? gzipSync(json, { level: 9 }) : json);
const map: Record<string, number> = Object.fromEntries(vocab.map((w, i) => [w, cluster[i] as number]));
const members = new Map<number, string[]>();
vocab.forEach((w, i) => {
  const list = members.get(cluster[i] as number) ?? [];
  list.push(w);
  members.set(cluster[i] as number, list);
});
for (const w of ['拖欠', '公交', '噪音', '学校', '医院', '物业']) {
  const c = map[w];
  if (c !== undefined) console.error(`${w}: ${(members.get(c) ?? []).slice(0, 15).join(' ')}`);
}
