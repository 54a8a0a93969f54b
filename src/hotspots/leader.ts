// Pass 1 of hotspot clustering (src/hotspots/cluster.ts): leader clustering of one county's
// messages in time order, then a merge pass of the clusters, keeping estates apart.
import { samePlaceName } from '../domain/hotspotMatters.ts';
import type { ClusterOptions } from './cluster.ts';
import { ClusterIndex, type Vec, vecOfSum, type Working } from './vectors.ts';

const NONE: string[] = [];

/**
 * Estates named per cluster, so that a message or cluster naming one estate does not join a
 * cluster of another (the same complaint about two estates is two problems).
 */
class EstateTally {
  private readonly support: Map<string, number>[] = [];
  /** Principal estates per cluster and the size they were computed at. */
  private readonly cache: { at: number; keys: string[] }[] = [];

  add(c: number, keys: readonly string[], n = 1): void {
    const s = this.support[c] ?? new Map<string, number>();
    for (const k of keys) s.set(k, (s.get(k) ?? 0) + n);
    this.support[c] = s;
  }

  /** The estates at least a third of the cluster's `size` messages name. */
  principal(c: number, size: number): string[] {
    const s = this.support[c];
    if (!s) return NONE;
    const hit = this.cache[c];
    if (hit && hit.at === size) return hit.keys;
    const keys: string[] = [];
    for (const [k, n] of s) if (3 * n >= size) keys.push(k);
    this.cache[c] = { at: size, keys };
    return keys;
  }

  of(c: number): ReadonlyMap<string, number> {
    return this.support[c] ?? new Map();
  }
}

const conflict = (a: readonly string[], b: readonly string[]) =>
  a.length > 0 && b.length > 0 && !a.some((x) => b.some((y) => samePlaceName(x, y)));
const shares = (a: readonly string[], b: readonly string[]) =>
  a.some((x) => b.some((y) => samePlaceName(x, y)));

/** Cosine of `v` and a cluster's sum over the features that are not about place. */
function matterCos(v: Vec, c: Working, placeTerm: Uint8Array): number {
  let dot = 0;
  let norm = 0;
  for (let k = 0; k < v.idx.length; k++) {
    const t = v.idx[k] as number;
    if (placeTerm[t]) continue;
    const x = v.val[k] as number;
    norm += x * x;
    const s = c.slot.get(t);
    if (s !== undefined) dot += x * (c.weights[s] as number);
  }
  const d = Math.sqrt(norm * c.matterNorm2);
  return d > 0 ? dot / d : 0;
}

/**
 * Leader clustering of one place group (indices into `vecs`, oldest first), then the merge pass.
 * `estates` (per message) keeps clusters of different estates apart, and one estate's other
 * matters: a message or cluster naming the estate a cluster names joins it only if their matters
 * (without the place) are alike at `sameEstateMatter`, since the shared name alone makes them look
 * alike.
 */
export function clusterGroup(
  members: number[],
  vecs: readonly Vec[],
  opts: ClusterOptions,
  placeTerm: Uint8Array,
  estates?: readonly (readonly string[])[],
): Working[] {
  const leader = new ClusterIndex(placeTerm);
  const tally = new EstateTally();
  const fits = (v: Vec, mine: readonly string[], index: ClusterIndex, t: EstateTally, c: number) => {
    const theirs = t.principal(c, (index.clusters[c] as Working).members.length);
    if (theirs.length === 0) return true;
    if (!shares(mine, theirs)) return !conflict(mine, theirs);
    return matterCos(v, index.clusters[c] as Working, placeTerm) >= opts.sameEstateMatter;
  };
  for (const m of members) {
    const v = vecs[m] as Vec;
    const mine = estates?.[m] ?? [];
    const accept = mine.length > 0 ? (c: number) => fits(v, mine, leader, tally, c) : undefined;
    const c = leader.add(leader.nearest(v, opts.threshold, accept), v, [m]);
    if (mine.length > 0) tally.add(c, mine);
  }
  // Merge pass over the non-singletons, largest first: a cluster joins an earlier one whose
  // centroid is alike (the leader pass is order-dependent and can split one topic).
  const big = leader.clusters
    .map((c, k) => [c, k] as const)
    .filter(([c]) => c.members.length >= 2)
    .sort((a, b) => b[0].members.length - a[0].members.length);
  const merged = new ClusterIndex(placeTerm);
  const mergedTally = new EstateTally();
  for (const [c, k] of big) {
    const unit = vecOfSum(c, Math.sqrt(c.norm2));
    const mine = tally.principal(k, c.members.length);
    const accept = mine.length > 0 ? (t: number) => fits(unit, mine, merged, mergedTally, t) : undefined;
    const target = merged.add(merged.nearest(unit, opts.mergeThreshold, accept), vecOfSum(c), c.members);
    for (const [key, n] of tally.of(k)) mergedTally.add(target, [key], n);
  }
  return [...merged.clusters, ...leader.clusters.filter((c) => c.members.length < 2)];
}
