// The trained linear model as used and stored: prediction with calibrated probabilities, the
// terms that explain a prediction, pruning of dead features, and the gzip+JSON serialisation.
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  type FeatureOptions,
  featureTokens,
  type SparseVec,
  type Vocabulary,
  vectorize,
  vocabularyOf,
} from './features.ts';
import { decision, softmax } from './svm.ts';

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
