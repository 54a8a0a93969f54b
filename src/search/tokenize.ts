// Chinese word segmentation for full-text search. PostgreSQL's 'simple' configuration cannot split
// Chinese, so text is cut here with jieba and stored space-separated (cases.search_tokens); the
// database turns that into a tsvector. Documents are cut in search mode (a long word also yields
// its dictionary sub-words: 南京市 → 南京 京市 南京市), queries in precise mode, so a query word is
// found inside longer words of the text. A user dictionary adds Jiangsu's place names and petition
// vocabulary, so 孝陵卫街道 or 物业费 stay one word. Separate from the classifier's jieba instance
// (src/classify/features.ts), whose trained models depend on the default dictionary.
import { createRequire } from 'node:module';
import { loadJiangsuDivisions } from '../orgs/divisions.ts';

interface JiebaLike {
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
  loadDict(dict: Uint8Array): void;
}

/** Petition vocabulary that must stay whole (some are split or unknown in jieba's default dictionary). */
export const DOMAIN_WORDS: readonly string[] = [
  '拆迁',
  '强拆',
  '征收',
  '征地',
  '社保',
  '医保',
  '物业费',
  '物业公司',
  '农民工',
  '欠薪',
  '讨薪',
  '安置房',
  '违建',
  '违章建筑',
  '噪音',
  '噪声',
  '扰民',
  '养老金',
  '低保',
  '宅基地',
  '学区',
  '学区房',
  '网格员',
  '业委会',
  '维修资金',
  '烂尾楼',
  '群租房',
  '工伤认定',
  '确权',
  '信访件',
  '老旧小区',
  '电梯',
  '停车费',
  '高龄津贴',
  '预付卡',
];

// Frequencies decide whether a dictionary word wins over a split; these beat common words but
// not the very frequent function words.
const DOMAIN_FREQ = 20_000;
const PLACE_FREQ = 5_000;
const PLACE_SUFFIX = /(自治县|街道|地区|新区|开发区|区|县|市|镇|乡|省)$/;

/** Dictionary lines ("word freq") for the place names of the jurisdiction tree and the domain words. */
export function userDictionary(): string {
  const words = new Map<string, number>();
  for (const d of loadJiangsuDivisions()) {
    const name = normalize(d.name);
    words.set(name, PLACE_FREQ);
    // 孝陵卫街道 → also 孝陵卫, so a search for the short name finds the full one.
    const short = name.replace(PLACE_SUFFIX, '');
    if (short !== name && short.length >= 2) words.set(short, PLACE_FREQ);
  }
  for (const w of DOMAIN_WORDS) words.set(w, DOMAIN_FREQ);
  return [...words].map(([w, f]) => `${w} ${f}`).join('\n');
}

let jieba: JiebaLike | null = null;
function segmenter(): JiebaLike {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaLike } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const j = Jieba.withDict(dict);
    j.loadDict(Buffer.from(userDictionary()));
    jieba = j;
  }
  return jieba;
}

/** Loads the dictionaries now (≈0.3 s) instead of on the first registration. */
export function warmSegmenter(): void {
  segmenter();
}

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

// Particles that only add noise to an AND query; everything else is indexed.
const STOP = new Set(
  '的 了 和 与 及 或 是 在 着 过 吗 呢 吧 啊 呀 么 之 其 把 被 给 就 都 也 还 又 而'.split(' '),
);
// A token worth indexing has a letter or digit (drops punctuation and whitespace).
const WORDLIKE = /[\p{L}\p{N}]/u;
const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

function keep(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    // Most tokens are Chinese words: checked by their first character, without the regex.
    if (isHan(t.charCodeAt(0))) {
      if (t.length > 1 || !STOP.has(t)) out.push(t);
    } else if (WORDLIKE.test(t)) {
      const w = t.trim();
      if (!STOP.has(w)) out.push(w);
    }
  }
  return out;
}

// Text made only of ASCII, common ideographs and punctuation that is dropped anyway: NFKC would
// change nothing that reaches a token, so the (comparatively slow) normalisation is skipped.
const NFKC_STABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is meant, controls included
  /^[\u0000-\u007f\u4e00-\u9fff\u3001\u3002\u201c\u201d\u2018\u2019\u300a\u300b\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f]*$/;

/** The search tokens of a document (search mode), space-joined, as stored in cases.search_tokens. */
export function searchTokens(text: string): string {
  const norm = NFKC_STABLE.test(text) ? text.toLowerCase() : normalize(text);
  return keep(segmenter().cutForSearch(norm, true)).join(' ');
}

/** The words of a query (precise mode), without repeats; a case matches when it has all of them. */
export function queryTokens(q: string): string[] {
  return [...new Set(keep(segmenter().cut(normalize(q), true)))];
}

/** What intake stores for a case's text: subject and content together. */
export const caseSearchTokens = (subject: string, content: string) => searchTokens(`${subject}\n${content}`);
