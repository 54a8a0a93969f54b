// Hotspot clustering, pure (no database): petitions about the same problem in the same place.
//
// 1. Messages are grouped by `place` (the county code in the database); nothing crosses a group.
// 2. Each message becomes a TF-IDF vector (sublinear tf × smoothed idf over the batch, L2) of its
//    jieba content words and "fine place" candidates: 2–5 characters before a place suffix (小区,
//    花园, 苑, 路, 街, 村, 社区 …), weighted up so two messages naming the same estate pull together
//    even where jieba splits the name (丽发/新城). Character bigrams were tried: no better clusters
//    on hot.csv, and several times the features.
//    Features in more than `maxDf` of the batch (boilerplate) are dropped.
// 3. Leader clustering in time order: a message joins the cluster whose centroid is most similar
//    (cosine ≥ `threshold`), found through an inverted index from feature to clusters, else it
//    starts a cluster. Then clusters of ≥ 2 whose centroids are ≥ `mergeThreshold` alike merge
//    (the leader pass is order-dependent; the merge repairs splits of one topic).
// 4. Each cluster is labelled with its place, its most supported fine place and its top words.
import { normalize, words } from '../classify/features.ts';

export interface HotspotMessage {
  id: string | number;
  text: string;
  /** Coarse place (county code or name); messages are only clustered with the same place. */
  place?: string;
  /** Who filed it (any stable key); counts distinct petitioners. */
  petitioner?: string;
  at: Date;
}

export interface ClusterOptions {
  /** Cosine to a centroid needed to join a cluster (default 0.3). */
  threshold: number;
  /** Cosine between two centroids needed to merge clusters (default 0.4). */
  mergeThreshold: number;
  /** Clusters smaller than this are not returned (default 2). */
  minSize: number;
  /** Drop features in more than this share of the messages, and in more than 20 (default 0.05). */
  maxDf: number;
  /** Weight of fine-place features relative to words (default 2). */
  placeWeight: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  threshold: 0.3,
  mergeThreshold: 0.4,
  minSize: 2,
  maxDf: 0.05,
  placeWeight: 2,
};

export interface MessageCluster {
  /** Member ids, oldest first. */
  ids: (string | number)[];
  place: string | undefined;
  /** The estate/road/village most members name, when at least half of them do. */
  finePlace: string | undefined;
  topWords: string[];
  label: string;
  size: number;
  petitioners: number;
  /** Mean cosine of members to the centroid (0..1): how tight the cluster is. */
  cohesion: number;
}

// 街 not before 道: 街道 is a township-level division, not a street.
const SUFFIXES = [
  '小区',
  '花园',
  '家园',
  '新城',
  '公寓',
  '广场',
  '社区',
  '大道',
  '苑',
  '村',
  '路',
  '街(?!道)',
];
const PLACE_RE = new RegExp(`(\\p{Script=Han}{2,5})(${SUFFIXES.join('|')})`, 'gu');
/** Characters that do not start a place name (so 在丽发新城 yields 丽发新城, not 在丽发新城). */
const LEADING_NOISE = /^[的在于和与及对是了把被将从向到近位反映投诉关希望请问省市区县镇乡道街前受经由给]+/u;
/** Stems that are phrases, not names (严重影响小区, 我们小区). */
const NOT_A_NAME =
  /关于|有关|普遍|停在|影响|严重|附近|旁边|门口|我们|我家|没有|已经|这个|一个|所有|整个|周边|对面/u;

/** Fine-place candidates of a text: 2–4 Han characters before a place suffix, plus the suffix. */
export function placeCandidates(text: string): string[] {
  const out = new Set<string>();
  for (const m of normalize(text).matchAll(PLACE_RE)) {
    const stem = m[1] as string;
    const suffix = m[2] as string;
    for (let k = 2; k <= stem.length; k++) {
      const s = stem.slice(stem.length - k).replace(LEADING_NOISE, '');
      if ([...s].length >= 2 && !NOT_A_NAME.test(s)) out.add(s + suffix);
    }
  }
  return [...out];
}

/** Feature strings of a message (repeats count). */
function features(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if ([...w].length >= 2) out.push(`w:${w}`);
  for (const p of placeCandidates(text)) out.push(`p:${p}`);
  return out;
}

type Vec = Map<number, number>;

function vectorise(docs: readonly string[][], opts: ClusterOptions): { vecs: Vec[]; terms: string[] } {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const df: number[] = [];
  const interned = docs.map((toks) => {
    const seen = new Set<number>();
    return toks.map((t) => {
      let id = ids.get(t);
      if (id === undefined) {
        id = terms.length;
        ids.set(t, id);
        terms.push(t);
        df.push(0);
      }
      if (!seen.has(id)) {
        seen.add(id);
        df[id] = (df[id] as number) + 1;
      }
      return id;
    });
  });
  const n = docs.length;
  // In a small batch every shared word matters; the share cut-off is for boilerplate at scale.
  const maxDf = Math.max(20, Math.floor(opts.maxDf * n));
  const vecs = interned.map((toks) => {
    const tf = new Map<number, number>();
    for (const t of toks) {
      const d = df[t] as number;
      if (d > maxDf) continue;
      tf.set(t, (tf.get(t) ?? 0) + 1);
    }
    const v: Vec = new Map();
    let norm = 0;
    for (const [t, f] of tf) {
      const kind = (terms[t] as string)[0];
      const w = (kind === 'p' ? opts.placeWeight : 1) * (1 + Math.log(f));
      const x = w * (Math.log((1 + n) / (1 + (df[t] as number))) + 1);
      // Features of this message only count in its norm (they keep a short message with one
      // shared word from looking identical) but are not stored: they can never match.
      if ((df[t] as number) > 1) v.set(t, x);
      norm += x * x;
    }
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [t, x] of v) v.set(t, x * s);
    return v;
  });
  return { vecs, terms };
}

interface Working {
  members: number[];
  sum: Vec;
  norm2: number;
}

function add(c: Working, v: Vec): void {
  for (const [t, x] of v) {
    const old = c.sum.get(t) ?? 0;
    c.norm2 += 2 * old * x + x * x;
    c.sum.set(t, old + x);
  }
}

const cosToSum = (v: Vec, c: Working): number => {
  let dot = 0;
  for (const [t, x] of v) dot += x * (c.sum.get(t) ?? 0);
  return c.norm2 > 0 ? dot / Math.sqrt(c.norm2) : 0;
};

/** A message's or centroid's heaviest features: rare, specific words, so their postings are short. */
const QUERY_FEATURES = 16;
/** Clusters scored exactly after the postings' partial scores. */
const CANDIDATES = 8;

function topFeatures(v: Vec, k = QUERY_FEATURES): [number, number][] {
  return [...v].sort((a, b) => b[1] - a[1]).slice(0, k);
}

/** Feature → clusters containing it; finds the most similar cluster to a vector. */
class ClusterIndex {
  readonly clusters: Working[] = [];
  private readonly postings = new Map<number, number[]>();

  /** The cluster most similar to `v` with cosine ≥ `min`, or −1. */
  nearest(v: Vec, min: number): number {
    const partial = new Map<number, number>();
    for (const [t, x] of topFeatures(v)) {
      for (const c of this.postings.get(t) ?? []) {
        partial.set(c, (partial.get(c) ?? 0) + x * ((this.clusters[c] as Working).sum.get(t) ?? 0));
      }
    }
    const shortlist = [...partial]
      .map(([c, dot]) => [c, dot / Math.sqrt((this.clusters[c] as Working).norm2)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, CANDIDATES);
    let best = -1;
    let bestSim = min;
    for (const [c] of shortlist) {
      const sim = cosToSum(v, this.clusters[c] as Working);
      if (sim >= bestSim) {
        bestSim = sim;
        best = c;
      }
    }
    return best;
  }

  /** Adds `v` (scaled by `weight`) and `members` to cluster `c` (a new one when −1); returns its index. */
  add(c: number, v: Vec, members: number[]): number {
    if (c < 0) {
      c = this.clusters.length;
      this.clusters.push({ members: [], sum: new Map(), norm2: 0 });
    }
    const w = this.clusters[c] as Working;
    for (const t of v.keys()) {
      if (!w.sum.has(t)) {
        const list = this.postings.get(t);
        if (list) list.push(c);
        else this.postings.set(t, [c]);
      }
    }
    add(w, v);
    w.members.push(...members);
    return c;
  }
}

/** Leader clustering of one place group (indices into `vecs`, oldest first), then the merge pass. */
function clusterGroup(members: number[], vecs: Vec[], opts: ClusterOptions): Working[] {
  const leader = new ClusterIndex();
  for (const m of members) {
    const v = vecs[m] as Vec;
    leader.add(leader.nearest(v, opts.threshold), v, [m]);
  }
  // Merge pass over the non-singletons, largest first: a cluster joins an earlier one whose
  // centroid is alike (the leader pass is order-dependent and can split one topic).
  const big = leader.clusters
    .filter((c) => c.members.length >= 2)
    .sort((a, b) => b.members.length - a.members.length);
  const merged = new ClusterIndex();
  for (const c of big) {
    const unit: Vec = new Map([...c.sum].map(([t, x]) => [t, x / Math.sqrt(c.norm2)]));
    const target = merged.nearest(unit, opts.mergeThreshold);
    if (target < 0) merged.add(-1, c.sum, c.members);
    else merged.add(target, c.sum, c.members);
  }
  return [...merged.clusters, ...leader.clusters.filter((c) => c.members.length < 2)];
}

/** The fine place named by most members (≥ half), preferring the longer name at similar support. */
function finePlaceOf(texts: readonly string[]): string | undefined {
  const support = new Map<string, number>();
  for (const t of texts) for (const p of placeCandidates(t)) support.set(p, (support.get(p) ?? 0) + 1);
  const half = Math.max(2, Math.ceil(texts.length / 2));
  const ok = [...support].filter(([, s]) => s >= half);
  if (ok.length === 0) return undefined;
  const top = Math.max(...ok.map(([, s]) => s));
  return ok
    .filter(([, s]) => s >= 0.8 * top)
    .sort((a, b) => b[0].length - a[0].length || b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/**
 * Ranking: distinct petitioners count most (one person's 73 template posts are one voice), size
 * adds logarithmically, growth over the previous window (when known) up to doubling the score.
 */
export function hotspotScore(size: number, petitioners: number, growth = 0): number {
  const p = Math.max(1, petitioners);
  return p * (1 + Math.log(Math.max(size, p) / p)) * (1 + 0.5 * Math.min(2, Math.max(0, growth)));
}

export function clusterMessages(
  messages: readonly HotspotMessage[],
  options: Partial<ClusterOptions> & { placeName?: (place: string) => string } = {},
): MessageCluster[] {
  const opts = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  const order = messages
    .map((m, i) => i)
    .sort(
      (a, b) => (messages[a] as HotspotMessage).at.getTime() - (messages[b] as HotspotMessage).at.getTime(),
    );
  const { vecs, terms } = vectorise(
    messages.map((m) => features(m.text)),
    opts,
  );
  const groups = new Map<string, number[]>();
  for (const i of order) {
    const key = messages[i]?.place ?? '';
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  const out: MessageCluster[] = [];
  for (const [place, members] of groups) {
    for (const c of clusterGroup(members, vecs, opts)) {
      if (c.members.length < opts.minSize) continue;
      c.members.sort(
        (a, b) => (messages[a] as HotspotMessage).at.getTime() - (messages[b] as HotspotMessage).at.getTime(),
      );
      const texts = c.members.map((m) => (messages[m] as HotspotMessage).text);
      const finePlace = finePlaceOf(texts);
      const norm = Math.sqrt(c.norm2);
      const topWords = [...c.sum]
        .filter(([t]) => terms[t]?.startsWith('w:'))
        .sort((a, b) => b[1] - a[1])
        .map(([t]) => (terms[t] as string).slice(2))
        // Not the place again, nor jieba's glued admin fragments (区东成, 县星沙).
        .filter((w) => !finePlace?.includes(w) && !/^[区县市镇]/u.test(w))
        .slice(0, 3);
      const placeLabel = place ? (options.placeName?.(place) ?? place) : '';
      const petitioners = new Set(
        c.members.map(
          (m) => (messages[m] as HotspotMessage).petitioner ?? `#${(messages[m] as HotspotMessage).id}`,
        ),
      ).size;
      const cohesion = c.members.reduce((s, m) => s + cosToSum(vecs[m] as Vec, c), 0) / c.members.length;
      out.push({
        ids: c.members.map((m) => (messages[m] as HotspotMessage).id),
        place: place || undefined,
        finePlace,
        topWords,
        label: [placeLabel, finePlace, ...topWords.slice(0, 2)].filter(Boolean).join(' '),
        size: c.members.length,
        petitioners,
        cohesion: norm > 0 ? Math.round(cohesion * 1000) / 1000 : 0,
      });
    }
  }
  return out.sort(
    (a, b) => hotspotScore(b.size, b.petitioners) - hotspotScore(a.size, a.petitioners) || b.size - a.size,
  );
}
