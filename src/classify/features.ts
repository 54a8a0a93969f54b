// Text → features → TF-IDF vectors. Features are jieba words (stop words, punctuation and anything
// with a digit dropped), adjacent word pairs, and character 1–3-grams over runs of Chinese
// characters; weights are sublinear tf (1 + ln tf) × smoothed idf, L2-normalised. The vocabulary
// is indexed (not hashed) so the model can say which words drove a prediction.
import { createRequire } from 'node:module';

interface JiebaLike {
  cut(text: string, hmm?: boolean): string[];
  tag(text: string, hmm?: boolean): { word: string; tag: string }[];
}

let jieba: JiebaLike | null = null;
function segmenter(): JiebaLike {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaLike } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/** Function words and message-board boilerplate that say nothing about the matter's category. */
export const STOP_WORDS = new Set(
  (
    '的 了 和 与 及 或 是 在 有 我 我们 你 你们 他 她 它 他们 这 那 这个 那个 这些 那些 就 都 也 还 又 ' +
    '而 但 但是 因为 所以 如果 虽然 以及 并 并且 对 对于 把 被 给 让 从 向 到 为 为了 以 于 由 将 之 其 ' +
    '该 此 等 着 过 吗 呢 吧 啊 呀 么 什么 怎么 怎么办 如何 为什么 哪里 多少 一个 一些 没有 不 没 ' +
    '很 非常 已经 已 一直 现在 目前 今天 今年 去年 时候 时间 问题 情况 事情 反映 反应 请问 请 希望 ' +
    '要求 请求 恳请 谢谢 感谢 您好 你好 尊敬 领导 政府 有关 相关 部门 能否 能 可以 是否 给予 进行 ' +
    '可 会 要 想 说 做 去 来 上 下 中 里 后 前 年 月 日 号 个 些 多 大 小 自己 大家 本人 处理 解决 ' +
    '关于 咨询 投诉 建议 一下 一 二 三 西地省 西地 a市 b市 c市 d市 e市 f市 g市 h市 i市 j市 k市 l市'
  ).split(' '),
);

const HAN = /\p{Script=Han}/u;
const HAN_RUNS = /\p{Script=Han}+/gu;
const DIGIT = /[0-9０-９]/;
const LATIN_WORD = /^[a-z]{2,}$/;

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** jieba's words of a text as written, punctuation and stop words included (they join to the text). */
export const cutWords = (text: string): string[] => segmenter().cut(text, true);

/** Content words of a text, in order. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of segmenter().cut(normalize(text), true)) {
    const w = raw.trim();
    if (!w || DIGIT.test(w) || STOP_WORDS.has(w)) continue;
    if (HAN.test(w) || LATIN_WORD.test(w)) out.push(w);
  }
  return out;
}

/**
 * `words` with jieba's part-of-speech tag of each: 'x' marks a word jieba found by its HMM, not in
 * its dictionary — mostly names (余易贷, 丽发). Same words as `words` (tagging cuts the same way).
 */
export function taggedWords(text: string): { word: string; tag: string }[] {
  const out: { word: string; tag: string }[] = [];
  for (const { word: raw, tag } of segmenter().tag(normalize(text), true)) {
    const w = raw.trim();
    if (!w || DIGIT.test(w) || STOP_WORDS.has(w)) continue;
    if (HAN.test(w) || LATIN_WORD.test(w)) out.push({ word: w, tag });
  }
  return out;
}

export interface FeatureOptions {
  /** Character n-gram lengths (default 1–3). */
  charMin: number;
  charMax: number;
  /** Adjacent word pairs. */
  wordPairs: boolean;
  /**
   * The text's opening characters — the subject, or the start of a message whose subject is run
   * into its body — counted `headRepeat` more times: the opening says what the matter is about
   * (docs/classifier.md, "The opening counts more"). Absent in models stored before it: none.
   */
  headChars?: number;
  headRepeat?: number;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  charMin: 1,
  charMax: 3,
  wordPairs: true,
  headChars: 20,
  headRepeat: 2,
};

/** The feature strings of a text: `w:词`, `p:词_词`, `c:字串`. Repeats count (term frequency). */
export function featureTokens(text: string, opts: FeatureOptions = DEFAULT_FEATURES): string[] {
  const out = bodyTokens(text, opts);
  const chars = opts.headChars ?? 0;
  const repeat = opts.headRepeat ?? 0;
  if (chars > 0 && repeat > 0) {
    // By code point, so a character outside the BMP is never cut in half.
    const head = bodyTokens(Array.from(text.trim()).slice(0, chars).join(''), opts);
    for (let k = 0; k < repeat; k++) for (const t of head) out.push(t);
  }
  return out;
}

function bodyTokens(text: string, opts: FeatureOptions): string[] {
  const out: string[] = [];
  const ws = words(text);
  for (const w of ws) out.push(`w:${w}`);
  if (opts.wordPairs) for (let i = 1; i < ws.length; i++) out.push(`p:${ws[i - 1]}_${ws[i]}`);
  for (const run of normalize(text).match(HAN_RUNS) ?? []) {
    for (let n = opts.charMin; n <= opts.charMax; n++) {
      for (let i = 0; i + n <= run.length; i++) out.push(`c:${run.slice(i, i + n)}`);
    }
  }
  return out;
}

/** A sparse vector: sorted feature indices and their values. */
export interface SparseVec {
  idx: Int32Array;
  val: Float32Array;
}

export interface Vocabulary {
  terms: string[];
  idf: Float32Array;
  index: Map<string, number>;
}

export function vocabularyOf(terms: string[], idf: Float32Array): Vocabulary {
  return { terms, idf, index: new Map(terms.map((t, i) => [t, i])) };
}

/** Feature strings interned as integers, so training works on typed arrays, not string maps. */
export class TokenTable {
  readonly ids = new Map<string, number>();
  readonly strings: string[] = [];

  intern(tokens: readonly string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    tokens.forEach((t, k) => {
      let id = this.ids.get(t);
      if (id === undefined) {
        id = this.strings.length;
        this.ids.set(t, id);
        this.strings.push(t);
      }
      out[k] = id;
    });
    return out;
  }
}

/** A training vocabulary over interned tokens: token id → column (−1 when not kept), idf per column. */
export interface IdVocabulary {
  column: Int32Array;
  /** column → token id */
  tokens: Int32Array;
  idf: Float32Array;
}

/**
 * The features in at least `minDf` training documents, at most `maxFeatures` of them (most
 * frequent first), with the smoothed idf = ln((1 + N) / (1 + df)) + 1.
 */
export function fitIdVocabulary(
  docs: readonly Int32Array[],
  nTokens: number,
  opts: { minDf?: number; maxFeatures?: number } = {},
): IdVocabulary {
  const minDf = opts.minDf ?? 2;
  const df = new Int32Array(nTokens);
  const lastDoc = new Int32Array(nTokens).fill(-1);
  docs.forEach((doc, d) => {
    for (const t of doc) {
      if (lastDoc[t] !== d) {
        lastDoc[t] = d;
        df[t] = (df[t] as number) + 1;
      }
    }
  });
  let kept: number[] = [];
  for (let t = 0; t < nTokens; t++) if ((df[t] as number) >= minDf) kept.push(t);
  kept.sort((a, b) => (df[b] as number) - (df[a] as number) || a - b);
  if (opts.maxFeatures && kept.length > opts.maxFeatures) kept = kept.slice(0, opts.maxFeatures);
  kept.sort((a, b) => a - b);
  const column = new Int32Array(nTokens).fill(-1);
  kept.forEach((t, c) => {
    column[t] = c;
  });
  const n = docs.length;
  return {
    column,
    tokens: Int32Array.from(kept),
    idf: Float32Array.from(kept, (t) => Math.log((1 + n) / (1 + (df[t] as number))) + 1),
  };
}

/** TF-IDF of one document's columns (−1 = not in the vocabulary): (1 + ln tf) × idf, L2-normalised. */
export function tfidf(columns: Int32Array, idf: Float32Array): SparseVec {
  const cols = columns.sort(); // numeric for typed arrays; −1s come first
  let start = 0;
  while (start < cols.length && (cols[start] as number) < 0) start++;
  let distinct = 0;
  for (let k = start; k < cols.length; k++) if (k === start || cols[k] !== cols[k - 1]) distinct++;
  const idx = new Int32Array(distinct);
  const val = new Float32Array(distinct);
  let norm = 0;
  let m = 0;
  for (let k = start; k < cols.length; ) {
    const c = cols[k] as number;
    let tf = 0;
    while (k < cols.length && cols[k] === c) {
      tf++;
      k++;
    }
    const v = (1 + Math.log(tf)) * (idf[c] as number);
    idx[m] = c;
    val[m++] = v;
    norm += v * v;
  }
  const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < val.length; k++) val[k] = (val[k] as number) * s;
  return { idx, val };
}

export function vectorizeIds(vocab: IdVocabulary, doc: Int32Array): SparseVec {
  return tfidf(
    doc.map((t) => vocab.column[t] as number),
    vocab.idf,
  );
}

/** TF-IDF of a document's feature strings against a stored vocabulary. */
export function vectorize(vocab: Vocabulary, tokens: readonly string[]): SparseVec {
  return tfidf(
    Int32Array.from(tokens, (t) => vocab.index.get(t) ?? -1),
    vocab.idf,
  );
}
