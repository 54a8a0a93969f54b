// Content fingerprints for near-duplicate petitions (重复信访, 联名/群体): a text becomes a SET of
// shingles — jieba content words and Han-character bigrams — and the set a MinHash signature of
// NUM_PERM 32-bit minima. Equal positions of two signatures estimate the Jaccard similarity of the
// two sets. LSH banding cuts the signature into BANDS bands of ROWS values; each band hashes (with
// the county) to one 32-bit bucket, and two texts become candidates when any bucket is shared, so
// finding them is an index lookup (btree on case_sig_bands.bucket), not a scan. docs/duplicates.md.
import { normalize, words } from '../classify/features.ts';

export const NUM_PERM = 96;
export const BANDS = 16;
export const ROWS = 2;
/** Bumped when tokens, hashing or banding change: the backfill recomputes older signatures. */
export const SIGNATURE_SCHEME = 1;

const HAN_RUNS = /\p{Script=Han}+/gu;
const SHINGLE = 2;

/** The shingle set of a petition: `w:` jieba content words and `c:` Han bigrams (a single-character run whole). */
export function shingles(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) out.add(`w:${w}`);
  for (const run of normalize(text).match(HAN_RUNS) ?? []) {
    if (run.length < SHINGLE) {
      out.add(`c:${run}`);
      continue;
    }
    for (let i = 0; i + SHINGLE <= run.length; i++) out.add(`c:${run.slice(i, i + SHINGLE)}`);
  }
  return out;
}

/** MurmurHash3's 32-bit finaliser: a fast bijective mix of all bits. */
function fmix32(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a over UTF-16 code units, then mixed. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

// One seed per permutation, fixed forever (changing them changes every stored signature).
const SEEDS = Uint32Array.from({ length: NUM_PERM }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9)));

/** The MinHash signature of a shingle set; all 0xFFFFFFFF for an empty set. */
export function minhash(set: Iterable<string>): Uint32Array {
  const sig = new Uint32Array(NUM_PERM).fill(0xffffffff);
  for (const s of set) {
    const h = hashString(s);
    for (let i = 0; i < NUM_PERM; i++) {
      const v = fmix32(h ^ (SEEDS[i] as number));
      if (v < (sig[i] as number)) sig[i] = v;
    }
  }
  return sig;
}

/** A petition's subject and content as one text. */
export const petitionText = (subject: string, content: string) => `${subject}\n${content}`;

export interface Signature {
  /** NUM_PERM minima, as signed int32 (how PostgreSQL's int4[] holds them). */
  minhash: number[];
  /** BANDS bucket ids (signed int32); empty for a text without shingles (never a candidate). */
  bands: number[];
}

/** County-level code: the first 6 digits (a town's 9-digit code belongs to its county). */
export const countyOf = (jurisdictionCode: string) => jurisdictionCode.slice(0, 6);

/** Bucket ids of a signature: each band hashed together with its index and the county. */
export function bandsOf(sig: ArrayLike<number>, county: string): number[] {
  const place = hashString(county);
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = fmix32(place ^ Math.imul(b + 1, 0x27d4eb2f));
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ ((sig[b * ROWS + r] as number) >>> 0));
    out.push(h | 0);
  }
  return out;
}

export function signatureOf(subject: string, content: string, jurisdictionCode: string): Signature {
  const set = shingles(petitionText(subject, content));
  const sig = minhash(set);
  return {
    minhash: Array.from(sig, (v) => v | 0),
    bands: set.size === 0 ? [] : bandsOf(sig, countyOf(jurisdictionCode)),
  };
}

/** Estimated Jaccard similarity: the share of equal positions (0 when either text had no shingles). */
export function estimateJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  let emptyA = true;
  let emptyB = true;
  for (let i = 0; i < n; i++) {
    const x = (a[i] as number) | 0;
    const y = (b[i] as number) | 0;
    if (x !== -1) emptyA = false;
    if (y !== -1) emptyB = false;
    if (x === y) same++;
  }
  return emptyA || emptyB ? 0 : same / n;
}

/** Exact Jaccard similarity of two sets (for tests and measurements). */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
