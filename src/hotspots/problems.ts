// From clusters to problems (热点问题 as an analyst means one): the leader clustering of
// src/hotspots/leader.ts makes tight clusters, one county at a time, and leaves many messages of
// a problem outside — worded differently, naming the estate in part, a follow-up, or filed at
// another level of the same place. This pass merges those parts, with the reason kept as evidence:
//
//   place     — both name the same place (伊景园滨河苑 / 滨河苑) and raise the same main matter,
//               and their matters (without place words) are alike at `placeThreshold`;
//   name      — both use the same rare name (余易贷), the same matter test, at `nameThreshold`;
//   topic     — neither names a place and both are about the same subject: the problem's two
//               heaviest words are in the part's subject line (in half its messages') or among
//               its five heaviest (人才 补贴: a city's policy asked about in many ways — refused,
//               late, who qualifies), at `nameThreshold`;
//   matter    — matters alike at `matterThreshold`;
//   follow_up — the same petitioner again, at `followUpThreshold`.
//
// Two parts never merge when their coarse places are siblings (two counties) — except by topic
// when most of their messages name no place at all (a city's policy: the county is where the
// petitioner lives) — or when the part names an estate the problem does not (the same complaint about two estates is two problems).
// Roads and streets do not count for that conflict (a message about an estate often names the
// road it is on). Parts are taken largest first, then lone messages oldest first; each joins the
// problem it is most alike, or starts one.
import {
  commonPlace,
  isRoadName as isRoad,
  placesCompatible,
  samePlaceName,
} from '../domain/hotspotMatters.ts';
import type { MergeReason } from './contract.ts';
import { ClusterIndex, type Vec, vecOfSum, type Working } from './vectors.ts';

export interface ProblemOptions {
  /**
   * Matter cosine needed to merge parts that name the same place when the part raises the
   * problem's main matter (default 0.06): the same place and the same matter.
   */
  placeThreshold: number;
  /**
   * The same when the problem or the part expresses no matter of the table (default 0.25): the
   * words alone must be alike.
   */
  placeOnlyThreshold: number;
  /** Matter cosine needed to merge a petitioner's later message into their problem (default 0.2). */
  followUpThreshold: number;
  /** Matter cosine needed to merge parts that share a rare name among their heaviest words (default 0.2). */
  nameThreshold: number;
  /** Matter cosine needed to merge parts that name no conflicting places (default 0.4). */
  matterThreshold: number;
}

export const DEFAULT_PROBLEM_OPTIONS: ProblemOptions = {
  placeThreshold: 0.06,
  placeOnlyThreshold: 0.25,
  followUpThreshold: 0.2,
  nameThreshold: 0.2,
  matterThreshold: 0.4,
};

export type { MergeReason } from './contract.ts';

/** Why a part was merged into a problem. */
export interface MergeEvidence {
  reason: MergeReason;
  /** The part's messages (indices into the batch). */
  members: number[];
  /**
   * The fine place both name (reason `place`), the rare name both use (reason `name`), or the
   * subject's two words (reason `topic`, joined by a space).
   */
  place?: string;
  /** The heaviest words and matters both share, heaviest first. */
  shared: string[];
  /** Cosine of their matters (words and matters, without fine places), 0..1. */
  similarity: number;
}

export interface Problem {
  /** Messages (indices), the first part's first. */
  members: number[];
  /** Sum of the members' vectors. */
  sum: Working;
  county: string | undefined;
  /** One entry per part merged into the first. */
  evidence: MergeEvidence[];
}

export interface ProblemInput {
  /** Stage-1 clusters and lone messages, each with its coarse place. */
  parts: readonly { w: Working; county: string | undefined }[];
  vecs: readonly Vec[];
  terms: readonly string[];
  /** 1 for fine-place feature ids. */
  placeTerm: Uint8Array;
  /** Resolved fine-place keys per message (src/hotspots/places.ts). */
  places: readonly (readonly string[])[];
  /** Names per message (words jieba did not know, rare in the batch: 余易贷, 车贷). */
  names: readonly (readonly string[])[];
  /** The words of each message's subject line (empty when it has none). */
  subjects: readonly (readonly string[])[];
  /** 1 for messages that name any fine-place candidate, resolved or not (小区, 花园, 路 …). */
  placeNamed: Uint8Array;
  petitioner: (i: number) => string | undefined;
}

/** A place is a problem's own when at least this share of its messages name it. */
const PRINCIPAL_SHARE = 0.3;
/** Features in more problems than this do not propose candidates (common words find everything). */
const LONGEST_POSTING = 200;
/** Groups looked at per part through a shared place or petitioner (besides the vector shortlist). */
const MAX_LOOKUPS = 32;

interface Group {
  county: string | undefined;
  /**
   * Principal places and names and the two heaviest words, computed at `at` members (they change
   * only as it grows).
   */
  cache?: { at: number; places: string[]; names: string[]; subject: number[] };
  /** Messages naming each place key. */
  support: Map<string, number>;
  /** Messages using each name. */
  nameSupport: Map<string, number>;
  petitioners: Set<string>;
  /** Messages naming any fine-place candidate. */
  placed: number;
  /** Messages whose subject line has each word. */
  subjectSupport: Map<string, number>;
  evidence: MergeEvidence[];
}

function principal(support: ReadonlyMap<string, number>, size: number): string[] {
  const min = Math.max(1, PRINCIPAL_SHARE * size);
  return [...support].filter(([, n]) => n >= min).map(([k]) => k);
}

/**
 * The place a part and a problem both name; 'conflict' when the part names an estate the problem
 * does not (a problem of no estate does not take in one estate's complaint either: 明发国际城's
 * developer refusing 公积金 loans is not the city's 公积金 questions); else null. Estates are
 * preferred to roads as the shared place.
 */
function placeRelation(part: readonly string[], problem: readonly string[]): string | 'conflict' | null {
  let road: string | null = null;
  for (const x of part)
    for (const y of problem)
      if (samePlaceName(x, y)) {
        const name = x.length >= y.length ? x : y;
        if (!isRoad(name)) return name;
        road ??= name;
      }
  if (road) return road;
  return part.some((k) => !isRoad(k)) ? 'conflict' : null;
}

/**
 * The problem's main matters: its matter features (m:) weighing at least half the heaviest one
 * (a mixing plant's noise and dust; a high-voltage line and its substation). Empty when it has none.
 */
function mainMatters(w: Working, terms: readonly string[]): number[] {
  const found: [number, number][] = [];
  let max = 0;
  for (let k = 0; k < w.terms.length; k++) {
    const t = w.terms[k] as number;
    if (!(terms[t] as string).startsWith('m:')) continue;
    const x = w.weights[k] as number;
    found.push([t, x]);
    if (x > max) max = x;
  }
  return found.filter(([, x]) => x >= 0.5 * max).map(([t]) => t);
}

/**
 * What a problem is about: the two heaviest words that at least half its subject lines share (人才
 * 补贴), or, when its messages have no subject lines, its two heaviest words.
 */
function subjectOf(
  w: Working,
  subjectSupport: ReadonlyMap<string, number>,
  terms: readonly string[],
  placeTerm: Uint8Array,
): number[] {
  if (subjectSupport.size === 0) return heaviestWords(w, terms, placeTerm, 2);
  const half = w.members.length / 2;
  const shared = (t: number) => (subjectSupport.get((terms[t] as string).slice(2)) ?? 0) >= half;
  return heaviestWords(w, terms, placeTerm, Number.POSITIVE_INFINITY).filter(shared).slice(0, 2);
}

/** The `k` heaviest word features (w:) of a sum that are not place words, heaviest first. */
function heaviestWords(w: Working, terms: readonly string[], placeTerm: Uint8Array, k: number): number[] {
  const found: [number, number][] = [];
  for (let j = 0; j < w.terms.length; j++) {
    const t = w.terms[j] as number;
    if (!placeTerm[t] && (terms[t] as string).startsWith('w:')) found.push([t, w.weights[j] as number]);
  }
  return found
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([t]) => t);
}

function heaviestMatter(w: Working, terms: readonly string[]): number {
  let best = -1;
  let max = 0;
  for (let k = 0; k < w.terms.length; k++) {
    const t = w.terms[k] as number;
    if ((w.weights[k] as number) > max && (terms[t] as string).startsWith('m:')) {
      best = t;
      max = w.weights[k] as number;
    }
  }
  return best;
}

/** Cosine of two sums over their non-place features; with the shared features, heaviest first. */
function matterSimilarity(
  a: Working,
  b: Working,
  placeTerm: Uint8Array,
  terms: readonly string[],
  wantShared: boolean,
): { sim: number; shared: string[] } {
  const [s, l] = a.terms.length <= b.terms.length ? [a, b] : [b, a];
  let dot = 0;
  const shared: [string, number][] = [];
  for (let k = 0; k < s.terms.length; k++) {
    const t = s.terms[k] as number;
    if (placeTerm[t]) continue;
    const j = l.slot.get(t);
    if (j === undefined) continue;
    const x = (s.weights[k] as number) * (l.weights[j] as number);
    dot += x;
    if (wantShared) shared.push([terms[t] as string, x]);
  }
  const norm = Math.sqrt(a.matterNorm2 * b.matterNorm2);
  const sim = norm > 0 ? Math.min(1, dot / norm) : 0;
  if (!wantShared) return { sim, shared: [] };
  shared.sort((p, q) => q[1] - p[1]);
  // A matter (m:粉尘) and the word (w:粉尘) are shown once.
  return { sim, shared: [...new Set(shared.map(([t]) => t.slice(2)))].slice(0, 4) };
}

export function mergeIntoProblems(input: ProblemInput, opts: ProblemOptions): Problem[] {
  const { parts, placeTerm, places, terms } = input;
  const index = new ClusterIndex(placeTerm);
  const groups: Group[] = [];
  const byPlace = new Map<string, number[]>();
  const byPetitioner = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const remember = (map: Map<string, number[]>, key: string, g: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [g]);
    else if (list[list.length - 1] !== g && !list.includes(g)) list.push(g);
  };
  // Largest parts first (the stage-1 clusters), then lone messages in time order (they come in
  // time order within a county from stage 1; the sort is stable).
  const order = parts
    .map((_, k) => k)
    .sort((a, b) => {
      const sa = (parts[a] as (typeof parts)[number]).w.members.length;
      const sb = (parts[b] as (typeof parts)[number]).w.members.length;
      return (sb >= 2 ? sb : 1) - (sa >= 2 ? sa : 1);
    });
  interface PartInfo {
    part: (typeof parts)[number];
    support: Map<string, number>;
    nameSupport: Map<string, number>;
    /** Messages whose subject line has each word. */
    subjectSupport: Map<string, number>;
    petitioners: Set<string>;
    placed: number;
  }
  /** Records a new problem started by `info` (or `info` joined to `g`) in the lookups. */
  const enter = (g: number, info: PartInfo) => {
    const group = groups[g] as Group;
    group.placed += info.placed;
    for (const [word, n] of info.subjectSupport)
      group.subjectSupport.set(word, (group.subjectSupport.get(word) ?? 0) + n);
    for (const [key, n] of info.support) {
      group.support.set(key, (group.support.get(key) ?? 0) + n);
      remember(byPlace, key, g);
    }
    for (const [n, c] of info.nameSupport) {
      group.nameSupport.set(n, (group.nameSupport.get(n) ?? 0) + c);
      remember(byName, n, g);
    }
    for (const p of info.petitioners) {
      group.petitioners.add(p);
      remember(byPetitioner, p, g);
    }
  };
  const vecOf = (w: Working) =>
    // A lone message's vector is its sum and already unit length.
    w.members.length === 1 ? (input.vecs[w.members[0] as number] as Vec) : null;
  const start = (info: PartInfo): number => {
    const { w } = info.part;
    // A lone message starts a problem found only through its place, name or petitioner until
    // another part joins it (most stay alone; listing their words would slow every lookup).
    const g = index.add(-1, vecOf(w) ?? vecOfSum(w), w.members, w.members.length < 2);
    groups[g] = {
      county: info.part.county,
      support: new Map(),
      nameSupport: new Map(),
      petitioners: new Set(),
      placed: 0,
      subjectSupport: new Map(),
      evidence: [],
    };
    enter(g, info);
    return g;
  };
  // Lone messages naming no place and no name can only be found again by their petitioner: they
  // start a problem when that petitioner writes again (most never do).
  const waiting = new Map<string, PartInfo[]>();
  const alone = new Set<PartInfo>();
  for (const k of order) {
    const part = parts[k] as (typeof parts)[number];
    const { w } = part;
    const info: PartInfo = {
      part,
      support: new Map(),
      nameSupport: new Map(),
      subjectSupport: new Map(),
      petitioners: new Set(),
      placed: 0,
    };
    const { support, nameSupport, subjectSupport, petitioners } = info;
    for (const m of w.members) {
      info.placed += input.placeNamed[m] as number;
      for (const s of input.subjects[m] ?? []) subjectSupport.set(s, (subjectSupport.get(s) ?? 0) + 1);
      for (const key of places[m] ?? []) support.set(key, (support.get(key) ?? 0) + 1);
      for (const n of input.names[m] ?? []) nameSupport.set(n, (nameSupport.get(n) ?? 0) + 1);
      const p = input.petitioner(m);
      if (p) petitioners.add(p);
    }
    const own = principal(support, w.members.length);
    const ownNames = principal(nameSupport, w.members.length);
    const one = vecOf(w);
    const candidates = new Set(
      // Through matter words: parts naming the same place are found through `byPlace`.
      index.candidates(one ?? vecOfSum(w, Math.sqrt(w.norm2) || 1), LONGEST_POSTING, placeTerm),
    );
    for (const key of own) for (const g of (byPlace.get(key) ?? []).slice(0, MAX_LOOKUPS)) candidates.add(g);
    for (const p of petitioners) {
      for (const earlier of waiting.get(p) ?? []) {
        for (const q of earlier.petitioners) waiting.delete(q);
        alone.delete(earlier);
        start(earlier);
      }
      for (const g of (byPetitioner.get(p) ?? []).slice(0, MAX_LOOKUPS)) candidates.add(g);
    }
    for (const n of ownNames) for (const g of (byName.get(n) ?? []).slice(0, MAX_LOOKUPS)) candidates.add(g);
    let best: { g: number; reason: MergeReason; place?: string; sim: number } | null = null;
    let ownWords: number[] | undefined;
    for (const g of candidates) {
      const group = groups[g] as Group;
      const target = index.clusters[g] as Working;
      const size = target.members.length;
      if (group.cache?.at !== size)
        group.cache = {
          at: size,
          places: principal(group.support, size),
          names: principal(group.nameSupport, size),
          subject: subjectOf(target, group.subjectSupport, terms, placeTerm),
        };
      // Across sibling counties only a topic of messages that mostly name no place may merge.
      const across = !placesCompatible(part.county, group.county);
      if (across && (2 * info.placed > w.members.length || 2 * group.placed > size)) continue;
      let rel = placeRelation(own, group.cache.places);
      if (rel === 'conflict') continue;
      const { sim } = matterSimilarity(w, target, placeTerm, terms, false);
      let reason: MergeReason | null = null;
      // What both are about: a fine place both name, else a name both use (余易贷).
      let name: string | undefined;
      if (rel === null && ownNames.length > 0) {
        const theirs = group.cache.names;
        name = ownNames.find((n) => theirs.includes(n));
      }
      // Neither names a place nor a name: the same subject (a policy asked about many ways).
      let topic: string | undefined;
      if (rel === null && name === undefined && own.length === 0 && group.cache.places.length === 0) {
        const subject = group.cache.subject;
        if (subject.length === 2) {
          ownWords ??= heaviestWords(w, terms, placeTerm, 5);
          const half = w.members.length / 2;
          const said = (t: number) =>
            (ownWords as number[]).includes(t) ||
            (subjectSupport.get((terms[t] as string).slice(2)) ?? 0) >= half;
          if (subject.every(said)) topic = subject.map((t) => (terms[t] as string).slice(2)).join(' ');
        }
      }
      const anchor = rel ?? name ?? topic;
      if (anchor !== undefined) {
        // The same place or name is not enough: the matter must be the same too — the part's
        // heaviest matter one of the problem's main ones, or the problem's heaviest one raised
        // by the part (a road not repaired next to 丽发新城 is dusty, as its mixing plant is, but
        // is another matter). Without matters of the table on both sides, the words decide.
        const matters = mainMatters(target, terms);
        const mine = matters.length > 0 ? heaviestMatter(w, terms) : -1;
        const ok =
          matters.length === 0 || mine < 0
            ? sim >= opts.placeOnlyThreshold
            : (matters.includes(mine) || w.slot.has(heaviestMatter(target, terms))) &&
              sim >= (rel !== null ? opts.placeThreshold : opts.nameThreshold);
        if (ok) {
          reason = rel !== null ? 'place' : name !== undefined ? 'name' : 'topic';
          rel = anchor;
        }
      }
      if (across && reason !== 'topic') continue;
      if (!reason && sim >= opts.matterThreshold) reason = 'matter';
      if (!reason && sim >= opts.followUpThreshold && [...petitioners].some((p) => group.petitioners.has(p)))
        reason = 'follow_up';
      if (reason && (!best || sim > best.sim))
        best = { g, reason, sim, ...(rel !== null ? { place: rel } : {}) };
    }
    if (best) {
      const g = best.g;
      const target = index.clusters[g] as Working;
      const { shared } = matterSimilarity(w, target, placeTerm, terms, true);
      (groups[g] as Group).evidence.push({
        reason: best.reason,
        members: [...w.members],
        ...(best.place ? { place: best.place } : {}),
        shared,
        similarity: Math.round(best.sim * 1000) / 1000,
      });
      index.add(g, one ?? vecOfSum(w), w.members);
      index.list(g);
      const group = groups[g] as Group;
      // A topic asked about from two counties is their city's ('' when not codes: no county, and
      // not taken from a later part either).
      if (placesCompatible(part.county, group.county)) group.county ??= part.county;
      else group.county = commonPlace(part.county as string, group.county as string) ?? '';
      enter(g, info);
    } else if (w.members.length === 1 && own.length === 0 && ownNames.length === 0) {
      alone.add(info);
      for (const p of petitioners) {
        const list = waiting.get(p);
        if (list) list.push(info);
        else waiting.set(p, [info]);
      }
    } else start(info);
  }
  return [
    ...index.clusters.map((sum, g) => ({
      members: sum.members,
      sum,
      county: (groups[g] as Group).county,
      evidence: (groups[g] as Group).evidence,
    })),
    ...[...alone].map(({ part }) => ({
      members: part.w.members,
      sum: part.w,
      county: part.county,
      evidence: [],
    })),
  ];
}
