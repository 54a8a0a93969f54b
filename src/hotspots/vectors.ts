// The numeric core of hotspot clustering (src/hotspots/cluster.ts): TF-IDF vectors of feature
// lists, cluster sums and the inverted index that finds the clusters alike (used by the leader
// clustering, src/hotspots/leader.ts, and the problem pass, src/hotspots/problems.ts). Typed arrays and
// parallel arrays instead of Maps per vector: at 40,000 messages allocation was most of the time.
import type { ClusterOptions } from './cluster.ts';

/**
 * A sparse vector: term ids and weights in the order the terms first occur in the message (the
 * order fixes floating-point sums and tie-breaks, so results equal the earlier Map-based code).
 * Typed arrays rather than Maps: 40k messages otherwise spend most of their time allocating.
 */
export interface Vec {
  idx: Int32Array;
  val: Float64Array;
}

export function vectorise(
  docs: readonly (readonly string[])[],
  opts: ClusterOptions,
  isPlaceFeature: (feature: string) => boolean = (f) => f.startsWith('p:'),
): { vecs: Vec[]; terms: string[]; placeTerm: Uint8Array; df: Int32Array } {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  let df = new Int32Array(1024);
  let seenIn = new Int32Array(1024).fill(-1);
  const interned = docs.map((toks, d) => {
    const out: number[] = [];
    for (let k = 0; k < toks.length; k++) {
      const tok = toks[k] as string;
      // Names (n:) and subject words (s:) mark words already present as w:; they are read apart,
      // not weighed twice.
      if (tok.startsWith('n:') || tok.startsWith('s:')) continue;
      let id = ids.get(tok);
      if (id === undefined) {
        id = terms.length;
        ids.set(tok, id);
        terms.push(tok);
        if (id >= df.length) {
          const grownDf = new Int32Array(df.length * 2);
          grownDf.set(df);
          df = grownDf;
          const grownSeen = new Int32Array(seenIn.length * 2).fill(-1);
          grownSeen.set(seenIn);
          seenIn = grownSeen;
        }
      }
      if (seenIn[id] !== d) {
        seenIn[id] = d;
        df[id] = (df[id] as number) + 1;
      }
      out.push(id);
    }
    return out;
  });
  const n = docs.length;
  // In a small batch every shared word matters; the share cut-off is for boilerplate at scale.
  const maxDf = Math.max(20, Math.floor(opts.maxDf * n));
  const isPlace = new Uint8Array(terms.length);
  for (let t = 0; t < terms.length; t++) if (isPlaceFeature(terms[t] as string)) isPlace[t] = 1;
  const tf = new Float64Array(terms.length);
  const unique: number[] = [];
  const vecs = interned.map((toks) => {
    unique.length = 0;
    for (const t of toks) {
      if ((df[t] as number) > maxDf) continue;
      if (tf[t] === 0) unique.push(t);
      tf[t] = (tf[t] as number) + 1;
    }
    const idx: number[] = [];
    const val: number[] = [];
    let norm = 0;
    for (const t of unique) {
      const w = (isPlace[t] ? opts.placeWeight : 1) * (1 + Math.log(tf[t] as number));
      if (w === 0) {
        tf[t] = 0;
        continue;
      }
      tf[t] = 0;
      const x = w * (Math.log((1 + n) / (1 + (df[t] as number))) + 1);
      // Features of this message only count in its norm (they keep a short message with one
      // shared word from looking identical) but are not stored: they can never match.
      if ((df[t] as number) > 1) {
        idx.push(t);
        val.push(x);
      }
      norm += x * x;
    }
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const v: Vec = { idx: Int32Array.from(idx), val: Float64Array.from(val) };
    for (let k = 0; k < v.val.length; k++) v.val[k] = (v.val[k] as number) * s;
    return v;
  });
  return { vecs, terms, placeTerm: isPlace, df };
}

/**
 * A cluster under construction: the sum of its members' vectors as parallel arrays (term ids in
 * the order they joined, their weights) with a term → position map, so the inverted index can
 * hold positions and read weights without a Map lookup per posting.
 */
export interface Working {
  members: number[];
  slot: Map<number, number>;
  terms: number[];
  weights: number[];
  norm2: number;
  /** Squared norm of the sum without the fine-place features (kept when the index knows them). */
  matterNorm2: number;
}

const newWorking = (): Working => ({
  members: [],
  slot: new Map(),
  terms: [],
  weights: [],
  norm2: 0,
  matterNorm2: 0,
});

export const cosToSum = (v: Vec, c: Working): number => {
  const { idx, val } = v;
  let dot = 0;
  for (let k = 0; k < idx.length; k++) {
    const s = c.slot.get(idx[k] as number);
    if (s !== undefined) dot += (val[k] as number) * (c.weights[s] as number);
  }
  return c.norm2 > 0 ? dot / Math.sqrt(c.norm2) : 0;
};

/** A message's or centroid's heaviest features: rare, specific words, so their postings are short. */
const QUERY_FEATURES = 16;
/** Clusters scored exactly after the postings' partial scores. */
const CANDIDATES = 8;

const topPos = new Int32Array(QUERY_FEATURES);

/**
 * How many of `v`'s heaviest features (at most QUERY_FEATURES) were written to `topPos`, as
 * positions in `v`, heaviest first, ties in their order in `v` (what a stable sort gives).
 * Into a reused array: this runs once per message and per cluster.
 */
function topFeatures(v: Vec): number {
  const val = v.val;
  let n = 0;
  for (let k = 0; k < val.length; k++) {
    const x = val[k] as number;
    if (n === QUERY_FEATURES && !(x > (val[topPos[n - 1] as number] as number))) continue;
    let i = n < QUERY_FEATURES ? n++ : n - 1;
    while (i > 0 && x > (val[topPos[i - 1] as number] as number)) {
      topPos[i] = topPos[i - 1] as number;
      i--;
    }
    topPos[i] = k;
  }
  return n;
}

/** A cluster's sum (divided by `divisor`) as a vector, terms in the order they joined. */
export const vecOfSum = (c: Working, divisor = 1): Vec => {
  const n = c.terms.length;
  const v: Vec = { idx: Int32Array.from(c.terms), val: new Float64Array(n) };
  for (let k = 0; k < n; k++) {
    const x = c.weights[k] as number;
    v.val[k] = divisor === 1 ? x : x / divisor;
  }
  return v;
};

/** Postings of one feature: the clusters holding it and its position in each cluster's arrays. */
interface Posting {
  clusters: number[];
  slots: number[];
}

/** Feature → clusters containing it; finds the most similar cluster to a vector. */
export class ClusterIndex {
  readonly clusters: Working[] = [];
  private readonly postings = new Map<number, Posting>();
  /** Partial dot per cluster, and the clusters touched in first-touch order (reset per query). */
  private partial = new Float64Array(256);
  private touchedFlag = new Uint8Array(256);
  private readonly touched: number[] = [];
  /** The shortlist: best partial cosines, highest first, ties in first-touch order. */
  private readonly shortC = new Int32Array(CANDIDATES);
  private readonly shortS = new Float64Array(CANDIDATES);

  /** `placeTerm[t]` = 1 for fine-place features: their weight is left out of `matterNorm2`. */
  constructor(private readonly placeTerm?: Uint8Array) {}

  /** The cluster most similar to `v` with cosine ≥ `min` (and `accept`ed), or −1. */
  nearest(v: Vec, min: number, accept?: (c: number) => boolean): number {
    const n = this.shortlist(v);
    let best = -1;
    let bestSim = min;
    for (let k = 0; k < n; k++) {
      const c = this.shortC[k] as number;
      if (accept && !accept(c)) continue;
      const sim = cosToSum(v, this.clusters[c] as Working);
      if (sim >= bestSim) {
        bestSim = sim;
        best = c;
      }
    }
    return best;
  }

  /**
   * The clusters most likely similar to `v` (at most CANDIDATES), best partial cosine first,
   * through features listed in at most `longest` clusters (common words find everything) and
   * not marked in `skip`.
   */
  candidates(v: Vec, longest = Number.POSITIVE_INFINITY, skip?: Uint8Array): number[] {
    const n = this.shortlist(v, longest, skip);
    return Array.from(this.shortC.subarray(0, n));
  }

  /** Fills the shortlist (`shortC`) from the postings of `v`'s heaviest features; returns its length. */
  private shortlist(v: Vec, longest = Number.POSITIVE_INFINITY, skip?: Uint8Array): number {
    const { touched, partial, touchedFlag: flag, clusters } = this;
    touched.length = 0;
    const top = topFeatures(v);
    for (let q = 0; q < top; q++) {
      const k = topPos[q] as number;
      if (skip?.[v.idx[k] as number]) continue;
      const p = this.postings.get(v.idx[k] as number);
      if (!p || p.clusters.length > longest) continue;
      const x = v.val[k] as number;
      const cs = p.clusters;
      const ss = p.slots;
      for (let j = 0; j < cs.length; j++) {
        const c = cs[j] as number;
        if (!flag[c]) {
          flag[c] = 1;
          partial[c] = 0;
          touched.push(c);
        }
        partial[c] =
          (partial[c] as number) + x * ((clusters[c] as Working).weights[ss[j] as number] as number);
      }
    }
    // The CANDIDATES best by partial cosine; a later cluster must beat an earlier one strictly
    // (what a stable sort of all of them, then the first CANDIDATES, gives).
    const { shortC, shortS } = this;
    let n = 0;
    for (const c of touched) {
      flag[c] = 0;
      const s = (partial[c] as number) / Math.sqrt((clusters[c] as Working).norm2);
      if (n === CANDIDATES && !(s > (shortS[n - 1] as number))) continue;
      let i = n < CANDIDATES ? n++ : n - 1;
      while (i > 0 && s > (shortS[i - 1] as number)) {
        shortS[i] = shortS[i - 1] as number;
        shortC[i] = shortC[i - 1] as number;
        i--;
      }
      shortS[i] = s;
      shortC[i] = c;
    }
    return n;
  }

  /** Clusters added unlisted (see `add`); their features are not in the postings yet. */
  private readonly unlisted = new Set<number>();

  /**
   * Adds `v` and `members` to cluster `c` (a new one when −1); returns its index. A new cluster
   * added `unlisted` is not found by `nearest`/`candidates` until `list(c)` (a lone message that
   * may stay alone need not lengthen every posting).
   */
  add(c: number, v: Vec, members: number[], unlisted = false): number {
    if (c < 0) {
      c = this.clusters.length;
      this.clusters.push(newWorking());
      if (unlisted) this.unlisted.add(c);
      if (c >= this.partial.length) {
        this.partial = new Float64Array(this.partial.length * 2);
        const grown = new Uint8Array(this.partial.length);
        grown.set(this.touchedFlag);
        this.touchedFlag = grown;
      }
    }
    const w = this.clusters[c] as Working;
    const { idx, val } = v;
    for (let k = 0; k < idx.length; k++) {
      const t = idx[k] as number;
      const x = val[k] as number;
      let s = w.slot.get(t);
      if (s === undefined) {
        s = w.terms.length;
        w.slot.set(t, s);
        w.terms.push(t);
        w.weights.push(0);
        if (!this.unlisted.has(c)) this.post(t, c, s);
      }
      const old = w.weights[s] as number;
      const d = 2 * old * x + x * x;
      w.norm2 += d;
      if (!this.placeTerm?.[t]) w.matterNorm2 += d;
      w.weights[s] = old + x;
    }
    for (const m of members) w.members.push(m);
    return c;
  }

  /** Lists an unlisted cluster's features in the postings, so that it can be found. */
  list(c: number): void {
    if (!this.unlisted.delete(c)) return;
    const w = this.clusters[c] as Working;
    for (let s = 0; s < w.terms.length; s++) this.post(w.terms[s] as number, c, s);
  }

  private post(t: number, c: number, s: number): void {
    const p = this.postings.get(t);
    if (p) {
      p.clusters.push(c);
      p.slots.push(s);
    } else this.postings.set(t, { clusters: [c], slots: [s] });
  }
}
