// Fine places of a batch of messages: which estate, road or village each message names, with
// partial names resolved to the full name others use (滨河苑 → 伊景园滨河苑) and common nouns that
// look like names (安置小区, 公交线路) left out. Pure; the rules are in src/domain/hotspotMatters.ts.
import { placeKey, placesCompatible, samePlaceName } from '../domain/hotspotMatters.ts';

/**
 * `placeCandidates` gives every tail of a name (暮云街道丽发新城 → 丽发新城, 道丽发新城, 街道丽发新城,
 * 云街道丽发新城), since where a name starts is not written. The reading other messages use is the
 * name: of the tails of one mention that can be names, the one most messages of the batch
 * contain, a longer one when nearly as many do (伊景园滨河苑 over 滨河苑; 丽发新城 over
 * 云街道丽发新城; 颐和南苑, not 我是颐和南苑).
 */
function readings(
  candidates: readonly string[],
  df: ReadonlyMap<string, number>,
  key: (name: string) => string | null,
): string[] {
  const out: string[] = [];
  for (const longest of candidates) {
    if (candidates.some((o) => o.length > longest.length && o.endsWith(longest))) continue;
    const tails = candidates.filter((c) => c.length >= 3 && longest.endsWith(c) && key(c) !== null);
    if (tails.length === 0) continue;
    const top = Math.max(...tails.map((t) => df.get(t) ?? 0));
    const best = tails
      .filter((t) => (df.get(t) ?? 0) >= 0.8 * top)
      .reduce((a, b) => (b.length > a.length ? b : a));
    out.push(key(best) as string);
  }
  return out;
}

/**
 * Per message, the keys of the fine places it names, resolved across the batch: the reading most
 * messages use (see `readings`), without a generic tail (`placeKey`), and a partial name that is
 * the tail of longer keys (滨河苑) as the most frequent of them (伊景园滨河苑). A name used across
 * counties is a common noun, not a place (安置小区 in every county): when at least three messages
 * of known county use it and fewer than 80 % of them are in one county, it is dropped.
 */
export function resolvePlaces(
  candidates: readonly (readonly string[])[],
  counties: readonly (string | undefined)[],
): string[][] {
  const df = new Map<string, number>();
  for (const cs of candidates) for (const c of cs) df.set(c, (df.get(c) ?? 0) + 1);
  const keyOf = new Map<string, string | null>();
  const key = (name: string) => {
    let k = keyOf.get(name);
    if (k === undefined) {
      k = placeKey(name);
      keyOf.set(name, k);
    }
    return k;
  };
  const perMessage = candidates.map((cs) => (cs.length === 0 ? [] : [...new Set(readings(cs, df, key))]));
  const count = new Map<string, number>();
  const byCounty = new Map<string, Map<string, number>>();
  perMessage.forEach((keys, i) => {
    for (const k of keys) {
      count.set(k, (count.get(k) ?? 0) + 1);
      const county = counties[i];
      if (!county) continue;
      const c = byCounty.get(k) ?? new Map<string, number>();
      c.set(county, (c.get(county) ?? 0) + 1);
      byCounty.set(k, c);
    }
  });
  // A county and the city it is in are one place here (see `placesCompatible`).
  const spread = new Set<string>();
  for (const [k, c] of byCounty) {
    const total = [...c.values()].reduce((a, b) => a + b, 0);
    if (total < 3) continue;
    const [top] = [...c].sort((a, b) => b[1] - a[1])[0] as [string, number];
    let together = 0;
    for (const [county, n] of c) if (placesCompatible(top, county)) together += n;
    if (together < 0.8 * total) spread.add(k);
  }
  const keys = [...count.keys()].filter((k) => !spread.has(k));
  const byTail = new Map<string, string[]>();
  for (const k of keys) {
    const chars = [...k];
    for (let n = 3; n < chars.length; n++) {
      const tail = chars.slice(chars.length - n).join('');
      const list = byTail.get(tail) ?? [];
      list.push(k);
      byTail.set(tail, list);
    }
  }
  const alias = new Map<string, string>();
  for (const k of keys) {
    const longer = (byTail.get(k) ?? []).filter((l) => samePlaceName(k, l));
    if (longer.length === 0) continue;
    alias.set(
      k,
      longer.reduce((a, b) => ((count.get(b) ?? 0) > (count.get(a) ?? 0) ? b : a)),
    );
  }
  return perMessage.map((ks) => [...new Set(ks.filter((k) => !spread.has(k)).map((k) => alias.get(k) ?? k))]);
}

const ADMIN_HEAD = /^[省市区县镇乡]/u;

/**
 * Whether a feature is about where, not what: a fine-place candidate (p:), or a word that is a
 * piece of one of the batch's place names (丽发, 新城, 滨河, 魅力, 之城) — jieba splits names into
 * words, which would make two complaints about one estate look like one matter.
 */
export function placeFeatureTest(keys: readonly (readonly string[])[]): (feature: string) => boolean {
  const pieces = new Set<string>();
  for (const ks of keys)
    for (const k of ks) {
      if (pieces.has(k)) continue;
      const chars = [...k];
      for (let i = 0; i < chars.length; i++)
        for (let j = i + 2; j <= chars.length; j++) pieces.add(chars.slice(i, j).join(''));
    }
  const heads = new Set<string>();
  for (const p of pieces) heads.add(p.slice(0, 1));
  return (f) => {
    if (f.startsWith('p:')) return true;
    if (!f.startsWith('w:')) return false;
    const w = f.slice(2);
    if (pieces.has(w)) return true;
    // jieba glues an admin character to a name (区丽发, 市伊): the rest is a piece or a head.
    const rest = ADMIN_HEAD.test(w) ? w.slice(1) : '';
    return rest !== '' && (pieces.has(rest) || (rest.length === 1 && heads.has(rest)));
  };
}

/**
 * Keys a message names without a place suffix, through jieba's words: 魅力+之城 is 魅力之城 when
 * other messages wrote 魅力之城小区; 伊景园 is 伊景园滨河苑. Only keys at least two messages name
 * with a suffix, through a word that is rare (in at most three keys, and in not many more
 * messages than name the key); the key's words in the message must cover at least three of its
 * characters and half of it (国际 and 新城 together are not 国际新城).
 */
export function mentionedPlaces(
  featureLists: readonly (readonly string[])[],
  keys: readonly (readonly string[])[],
): string[][] {
  const count = new Map<string, number>();
  for (const ks of keys) for (const k of ks) count.set(k, (count.get(k) ?? 0) + 1);
  // Pieces are looked up as features (w:piece), so that messages are read without copying.
  const keysOfPiece = new Map<string, string[]>();
  for (const [k, n] of count) {
    if (n < 2) continue;
    const pieces = new Set<string>();
    for (let i = 0; i < k.length; i++)
      for (let j = i + 2; j <= k.length; j++) pieces.add(`w:${k.slice(i, j)}`);
    for (const p of pieces) {
      const list = keysOfPiece.get(p);
      if (list) list.push(k);
      else keysOfPiece.set(p, [k]);
    }
  }
  const wordDf = new Map<string, number>();
  const seen = new Set<string>();
  for (const fs of featureLists) {
    seen.clear();
    for (const f of fs)
      if (!seen.has(f) && keysOfPiece.has(f)) {
        seen.add(f);
        wordDf.set(f, (wordDf.get(f) ?? 0) + 1);
      }
  }
  return featureLists.map((fs, m) => {
    const own = keys[m] as readonly string[];
    let hit: Set<string> | null = null;
    for (const f of fs) {
      const ks = keysOfPiece.get(f);
      if (!ks || ks.length > 3) continue;
      for (const k of ks)
        if (!own.includes(k) && (wordDf.get(f) ?? 0) <= 3 * (count.get(k) ?? 0) + 3) {
          hit ??= new Set();
          hit.add(k);
        }
    }
    if (!hit) return own as string[];
    const out = [...own];
    for (const k of hit) {
      const words = new Set<string>();
      for (const f of fs) if (keysOfPiece.has(f) && k.includes(f.slice(2))) words.add(f);
      let chars = 0;
      for (const w of words) chars += w.length - 2;
      if (chars >= 3 && 2 * chars >= k.length) out.push(k);
    }
    return out;
  });
}
