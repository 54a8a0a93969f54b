// Near-duplicate groups and grouped folds for an honest cross-validation. The message board holds
// the same complaint posted several times (re-posts, 联名 copies, a follow-up quoting the first); if
// one copy trains and another tests, the score measures memory, not generalisation. Rows whose
// shingle sets (the duplicate detector's own, src/duplicates/minhash.ts) have Jaccard ≥ threshold
// are joined (transitively) into one group, and a group never straddles two folds.
import { jaccard, minhash, shingles } from '../duplicates/minhash.ts';
import { rng } from './svm.ts';

/** LSH for candidate pairs: 24 bands of 4 MinHash values (96 = NUM_PERM) catch J ≥ 0.8 surely. */
const BANDS = 24;
const ROWS = 4;

/** The group of each row (a representative row index); singletons are their own group. */
export function nearDuplicateGroups(texts: readonly string[], threshold = 0.8): Int32Array {
  const sets = texts.map((t) => shingles(t));
  const sigs = sets.map((s) => minhash(s));
  const parent = Int32Array.from(texts, (_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    let y = x;
    while (parent[y] !== r) {
      const next = parent[y] as number;
      parent[y] = r;
      y = next;
    }
    return r;
  };
  const checked = new Set<number>();
  for (let b = 0; b < BANDS; b++) {
    const buckets = new Map<string, number[]>();
    sigs.forEach((sig, i) => {
      if ((sets[i] as Set<string>).size === 0) return;
      const key = Array.from(sig.subarray(b * ROWS, (b + 1) * ROWS)).join(',');
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    });
    for (const list of buckets.values()) {
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const i = list[x] as number;
          const j = list[y] as number;
          const pair = i * texts.length + j;
          if (checked.has(pair)) continue;
          checked.add(pair);
          if (find(i) === find(j)) continue;
          if (jaccard(sets[i] as Set<string>, sets[j] as Set<string>) >= threshold) parent[find(j)] = find(i);
        }
      }
    }
  }
  return Int32Array.from(texts, (_, i) => find(i));
}

/**
 * Stratified k-fold over groups: whole groups go to one fold, larger groups first, each to the fold
 * holding the fewest rows of the group's main label (ties: fewest rows). Returns each row's fold.
 */
export function groupedStratifiedFolds(
  labels: readonly string[],
  groups: ArrayLike<number>,
  k: number,
  seed: number,
): Int32Array {
  const members = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const g = groups[i] as number;
    const list = members.get(g);
    if (list) list.push(i);
    else members.set(g, [i]);
  }
  const next = rng(seed);
  // Shuffle, then a stable sort by size: equal-sized groups in seeded random order.
  const order = [...members.values()].map((rows) => ({ rows, r: next() }));
  order.sort((a, b) => b.rows.length - a.rows.length || a.r - b.r);
  const perLabel = new Map<string, Int32Array>();
  const total = new Int32Array(k);
  const fold = new Int32Array(labels.length);
  for (const { rows } of order) {
    const tally = new Map<string, number>();
    for (const i of rows) tally.set(labels[i] as string, (tally.get(labels[i] as string) ?? 0) + 1);
    const main = [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] as string;
    let counts = perLabel.get(main);
    if (!counts) {
      counts = new Int32Array(k);
      perLabel.set(main, counts);
    }
    let best = 0;
    for (let f = 1; f < k; f++) {
      const d = (counts[f] as number) - (counts[best] as number);
      if (d < 0 || (d === 0 && (total[f] as number) < (total[best] as number))) best = f;
    }
    for (const i of rows) {
      fold[i] = best;
      const c = perLabel.get(labels[i] as string) ?? new Int32Array(k);
      c[best] = (c[best] as number) + 1;
      perLabel.set(labels[i] as string, c);
    }
    total[best] = (total[best] as number) + rows.length;
  }
  return fold;
}

/** How many rows share a group with another row, and the number of such groups. */
export function groupStats(groups: ArrayLike<number>): {
  groups: number;
  rowsInGroups: number;
  largest: number;
} {
  const size = new Map<number, number>();
  for (let i = 0; i < groups.length; i++)
    size.set(groups[i] as number, (size.get(groups[i] as number) ?? 0) + 1);
  const multi = [...size.values()].filter((s) => s > 1);
  return {
    groups: multi.length,
    rowsInGroups: multi.reduce((a, b) => a + b, 0),
    largest: Math.max(1, ...multi),
  };
}
