// Hotspot clustering, pure (no database): petitions about the same place and the same matter
// (docs/hotspots.md, issue 21).
//
// 1. Features per message (`hotspotFeatures`): jieba words, matters however worded (the table of
//    src/domain/hotspotMatters.ts), names jieba does not know, and fine-place candidates (the
//    characters before 小区, 花园, 苑, 路, 学院 …). The batch's place names are resolved
//    (src/hotspots/places.ts): the reading most messages use, partial names to full ones.
// 2. TF-IDF vectors (sublinear tf × smoothed idf over the batch, L2); place features and the words
//    of place names weigh `placeWeight`. Features in more than `maxDf` of the batch are dropped.
// 3. Pass 1, per county (`place`): leader clustering in time order (cosine ≥ `threshold` to a
//    centroid, through an inverted index), then a merge pass at `mergeThreshold`; a message naming
//    one estate never joins another estate's cluster, nor the same estate's other matter
//    (src/hotspots/leader.ts).
// 4. Pass 2: clusters and lone messages of one problem merged across compatible places (a county
//    and its city), by the same place and main matter, a shared name, the same petitioner again or
//    the same matter, each merge kept as evidence (src/hotspots/problems.ts).
// 5. Each hotspot is labelled with its county, its most named place and its top words.
import { normalize, taggedWords } from '../classify/features.ts';
import { isRoadName, mattersOf } from '../domain/hotspotMatters.ts';
import { clusterGroup } from './leader.ts';
import { mentionedPlaces, placeFeatureTest, resolvePlaces } from './places.ts';
import {
  DEFAULT_PROBLEM_OPTIONS,
  type MergeEvidence,
  mergeIntoProblems,
  type ProblemOptions,
} from './problems.ts';
import { cosToSum, type Vec, vectorise, type Working } from './vectors.ts';

export interface HotspotMessage {
  id: string | number;
  /** Subject and content; not needed when `features` are given. */
  text?: string;
  /** The subject line alone (also in `text`): its words say what the message is about. */
  subject?: string;
  /**
   * `hotspotFeatures(text)`, computed earlier (stored per case in `hotspot_terms`), so a query
   * does not segment again. Equal to what the text would give: the clusters do not change.
   */
  features?: readonly string[];
  /** Coarse place (county code or name); messages are only clustered with the same place. */
  place?: string;
  /** Who filed it (any stable key); counts distinct petitioners. */
  petitioner?: string;
  at: Date;
  /** Support other citizens gave it (点赞 on a message board); summed per hotspot. */
  likes?: number;
}

export interface ClusterOptions extends ProblemOptions {
  /** Cosine to a centroid needed to join a cluster (default 0.3). */
  threshold: number;
  /** Cosine between two centroids needed to merge clusters (default 0.4). */
  mergeThreshold: number;
  /** Clusters smaller than this are not returned (default 2). */
  minSize: number;
  /** Drop features in more than this share of the messages, and in more than 20 (default 0.05). */
  maxDf: number;
  /** Weight of fine-place features and of the words of place names, relative to words (default 1). */
  placeWeight: number;
  /**
   * Matter cosine (without place features) a message or cluster needs to join a cluster that
   * names the same estate (default 0.2): the shared name alone makes them look alike.
   */
  sameEstateMatter: number;
  /**
   * Merge clusters and lone messages of one problem (src/hotspots/problems.ts; default true).
   * False gives the tight clusters alone, as before issue 21.
   */
  problems: boolean;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  threshold: 0.3,
  mergeThreshold: 0.4,
  minSize: 2,
  maxDf: 0.05,
  placeWeight: 1,
  sameEstateMatter: 0.2,
  problems: true,
  ...DEFAULT_PROBLEM_OPTIONS,
};

/** Why a part of a hotspot was merged into it (see `MergeEvidence`), with message ids. */
export interface HotspotMerge {
  reason: MergeEvidence['reason'];
  /** The part's message ids, oldest first. */
  ids: (string | number)[];
  place?: string;
  shared: string[];
  similarity: number;
}

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
  /** Sum of the members' likes (0 when messages carry none). */
  likes: number;
  firstAt: Date;
  lastAt: Date;
  /** The parts merged into the first one and why; empty when it is one tight cluster. */
  merges: HotspotMerge[];
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
  // Institutions and public places where problems arise as they do in estates (issue 21).
  '学院',
  '大学',
  '中学',
  '小学',
  '医院',
  '公园',
  '大厦',
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

const ADMIN_GLUE = /^[省市区县]/u;
const HAN_NAME = /^\p{Script=Han}+$/u;

/**
 * Feature strings of a message (repeats count, order kept): `w:` jieba content words, `m:` the
 * matters it expresses however worded (src/domain/hotspotMatters.ts), `n:` names (words not in
 * jieba's dictionary: 余易贷, 车贷), `s:` the words of the subject line when given (what the
 * message is about, read by the topic merge; `n:` and `s:` are not vector features, see
 * src/hotspots/problems.ts), then `p:` fine-place candidates. None contains a space, so they can be
 * stored space-joined.
 */
export function hotspotFeatures(text: string, subject?: string): string[] {
  const out: string[] = [];
  const names = new Set<string>();
  for (const { word: raw, tag } of taggedWords(text)) {
    // jieba glues an administrative character to an unknown name after it where the place
    // before is abbreviated (A市余易贷 → 市余易贷, A2区丽发 → 区丽发): the name is the word.
    const w = tag === 'x' && raw.length >= 3 && ADMIN_GLUE.test(raw) ? raw.slice(1) : raw;
    if ([...w].length < 2) continue;
    out.push(`w:${w}`);
    if (tag === 'x' && HAN_NAME.test(w)) names.add(w);
  }
  for (const m of mattersOf(normalize(text))) out.push(`m:${m}`);
  for (const n of names) out.push(`n:${n}`);
  if (subject)
    for (const w of new Set(taggedWords(subject).map((t) => t.word)))
      if ([...w].length >= 2 && !ADMIN_GLUE.test(w)) out.push(`s:${w}`);
  for (const p of placeCandidates(text)) out.push(`p:${p}`);
  return out;
}

/**
 * Names per message (`n:` features) of three characters or more (jieba's unknown two-character
 * words are mostly fragments: 不去, 多建), in at most 1 % of the batch (and at least 10) and in
 * more than one message: a name many use is a word, one only one uses joins nothing.
 */
function namesOf(featureLists: readonly (readonly string[])[]): string[][] {
  const lists = featureLists.map((f) =>
    f.filter((x) => x.startsWith('n:') && x.length >= 5).map((x) => x.slice(2)),
  );
  const df = new Map<string, number>();
  for (const l of lists) for (const n of l) df.set(n, (df.get(n) ?? 0) + 1);
  const max = Math.max(10, Math.floor(0.01 * lists.length));
  return lists.map((l) => l.filter((n) => (df.get(n) as number) >= 2 && (df.get(n) as number) <= max));
}

/** The `p:` features (the fine-place candidates, each once), which `hotspotFeatures` puts last. */
function placesOf(features: readonly string[]): string[] {
  let k = features.length;
  while (k > 0 && (features[k - 1] as string).startsWith('p:')) k--;
  return features.slice(k).map((f) => f.slice(2));
}

/** The fine place named by most members (≥ half), preferring the longer name at similar support. */
function finePlaceOf(places: readonly (readonly string[])[]): string | undefined {
  const support = new Map<string, number>();
  for (const ps of places) for (const p of ps) support.set(p, (support.get(p) ?? 0) + 1);
  const half = Math.max(2, Math.ceil(places.length / 2));
  const ok = [...support].filter(([, s]) => s >= half);
  if (ok.length === 0) return undefined;
  const top = Math.max(...ok.map(([, s]) => s));
  return ok
    .filter(([, s]) => s >= 0.8 * top)
    .sort((a, b) => b[0].length - a[0].length || b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/**
 * The three heaviest centroid words, not the place again nor jieba's glued admin fragments (区东成,
 * 县星沙); heaviest first, ties in the order the words joined. One pass, no sort of the centroid.
 */
function topWordsOf(c: Working, terms: readonly string[], finePlace: string | undefined): string[] {
  const top: [string, number][] = [];
  for (let k = 0; k < c.terms.length; k++) {
    const x = c.weights[k] as number;
    if (top.length === 3 && !(x > (top[2] as [string, number])[1])) continue;
    const term = terms[c.terms[k] as number] as string;
    if (!term.startsWith('w:')) continue;
    const w = term.slice(2);
    if (finePlace?.includes(w) || /^[区县市镇]/u.test(w)) continue;
    let i = Math.min(top.length, 2);
    if (top.length < 3) top.push([w, x]);
    while (i > 0 && x > (top[i - 1] as [string, number])[1]) {
      top[i] = top[i - 1] as [string, number];
      i--;
    }
    top[i] = [w, x];
  }
  return top.map(([w]) => w);
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
  const times = Float64Array.from(messages, (m) => m.at.getTime());
  const byTime = (a: number, b: number) => (times[a] as number) - (times[b] as number);
  const order = messages.map((_m, i) => i).sort(byTime);
  const featureLists = messages.map((m) => m.features ?? hotspotFeatures(m.text ?? '', m.subject));
  const named = resolvePlaces(
    featureLists.map((f) => placesOf(f)),
    messages.map((m) => m.place),
  );
  // Fine-place features and the words of place names say where, not what: weighed `placeWeight`
  // in the vectors and left out of "the same matter" (src/hotspots/problems.ts).
  const { vecs, terms, placeTerm } = vectorise(featureLists, opts, placeFeatureTest(named));
  const places = mentionedPlaces(featureLists, named);
  const groups = new Map<string, number[]>();
  for (const i of order) {
    const key = messages[i]?.place ?? '';
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  const _names = namesOf(featureLists);
  const estates = places.map((ks) => ks.filter((k) => !isRoadName(k)));
  const parts: { w: Working; county: string | undefined }[] = [];
  for (const [place, members] of groups)
    for (const w of clusterGroup(members, vecs, opts, placeTerm, estates))
      parts.push({ w, county: place || undefined });
  const problems = opts.problems
    ? mergeIntoProblems(
        {
          parts,
          vecs,
          terms,
          placeTerm,
          places,
          names: namesOf(featureLists),
          subjects: featureLists.map((f) => f.filter((x) => x.startsWith('s:')).map((x) => x.slice(2))),
          placeNamed: Uint8Array.from(featureLists, (f) => (f[f.length - 1]?.startsWith('p:') ? 1 : 0)),
          petitioner: (i) => messages[i]?.petitioner,
        },
        opts,
      )
    : parts.map((p) => ({ members: p.w.members, sum: p.w, county: p.county, evidence: [] }));
  const idOf = (m: number) => (messages[m] as HotspotMessage).id;
  const out: MessageCluster[] = [];
  for (const c of problems) {
    if (c.members.length < opts.minSize) continue;
    const members = [...c.members].sort(byTime);
    const place = c.county ?? '';
    const finePlace = finePlaceOf(members.map((m) => places[m] as string[]));
    const norm = Math.sqrt(c.sum.norm2);
    const topWords = topWordsOf(c.sum, terms, finePlace);
    const placeLabel = place ? (options.placeName?.(place) ?? place) : '';
    const petitioners = new Set(
      members.map((m) => (messages[m] as HotspotMessage).petitioner ?? `#${idOf(m)}`),
    ).size;
    const cohesion = members.reduce((s, m) => s + cosToSum(vecs[m] as Vec, c.sum), 0) / members.length;
    out.push({
      ids: members.map(idOf),
      place: place || undefined,
      finePlace,
      topWords,
      label: [placeLabel, finePlace, ...topWords.slice(0, 2)].filter(Boolean).join(' '),
      size: members.length,
      petitioners,
      cohesion: norm > 0 ? Math.round(cohesion * 1000) / 1000 : 0,
      likes: members.reduce((s, m) => s + ((messages[m] as HotspotMessage).likes ?? 0), 0),
      firstAt: new Date(times[members[0] as number] as number),
      lastAt: new Date(times[members[members.length - 1] as number] as number),
      merges: c.evidence.map((e) => ({
        reason: e.reason,
        ids: [...e.members].sort(byTime).map(idOf),
        ...(e.place ? { place: e.place } : {}),
        shared: e.shared,
        similarity: e.similarity,
      })),
    });
  }
  return out.sort(
    (a, b) => hotspotScore(b.size, b.petitioners) - hotspotScore(a.size, a.petitioners) || b.size - a.size,
  );
}
