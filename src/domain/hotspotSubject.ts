// What a hotspot is about, in its petitioners' own words (热点问题的主题): the longest phrase that
// the subject lines of at least half its matters share — 低保资格认定, 校外培训机构退费难 — where the
// clustering's word list reads 低保 审核 资格. Place names are taken out first (each subject names its
// own street: 江东街道低保资格认定, 幕府山街道低保资格认定), so the phrase is the matter, not the place.
// A phrase counts once per petitioner, so one citizen's repeated subject line (which might carry a
// name) never becomes the hotspot's subject; digits split a line, so no number reaches it either.

export interface SubjectLine {
  /** The matter's subject line as registered. */
  text: string;
  /** Who wrote it (a hash or account key): a phrase must be shared by different petitioners. */
  petitioner: string;
}

/** Shortest phrase kept: two characters (低保) say too little on their own. */
export const SUBJECT_MIN_CHARS = 4;
/** Longest phrase considered; a line longer than this is read in parts. */
export const SUBJECT_MAX_CHARS = 16;

// Punctuation, spaces, Latin letters and numbers (with what they count: 3号楼, 12栋; with the level
// of a place coded by letter and number, as anonymised messages name them: A市, A7县) end a phrase;
// words that frame a complaint rather than name it are trimmed from its ends (关于…的问题, 反映…):
// the report writes “X”问题 itself.
const BREAK = /[\s\p{P}\p{S}]+|[a-zA-Z]+[0-9]*[省市区县]?|[0-9]+[号栋幢楼层室单元期座户]*/u;
const LEADING = /^(关于|反映|投诉|举报|咨询|请求|要求|希望|建议|恳请|请|对|在|的|和|与|及)+/u;
const TRAILING = /(的问题|问题|的事|事宜|一事|情况|的|了|和|与|及)+$/u;

/**
 * The phrase at least half the lines share (and at least two petitioners): the longest shared span,
 * then the most shared, then the first met, with its framing words trimmed; null when no span of
 * `SUBJECT_MIN_CHARS` or more trims to that length. The longest span ends where the lines part, so
 * ranking spans (not their trimmed forms) never picks a word cut short (…上涨问 beside …上涨问题).
 * `placeName`: the names to take out of every line before reading it (`placeNamePattern`); `cut`: a
 * word segmenter (jieba), so that a span starts and ends between words — 沿线老旧小区改造, not the
 * 路沿线老旧小区改造 that 中山路沿线… and 北京西路沿线… also share. Without it any character may.
 */
export function sharedSubject(
  lines: readonly SubjectLine[],
  opts: { placeName?: RegExp | null; cut?: (text: string) => readonly string[] } = {},
): string | null {
  const { placeName, cut } = opts;
  if (lines.length < 2) return null;
  const need = Math.max(2, Math.ceil(lines.length / 2));
  // A span held by `need` lines is in one of the first `lines − need + 1`: only those start a tally.
  const starters = lines.length - need + 1;
  // span → the lines holding it, the first petitioner, whether another holds it too; insertion order = first met.
  const tally = new Map<string, { n: number; first: string; many: boolean }>();
  lines.forEach((line, k) => {
    const text = line.text.normalize('NFKC');
    const seen = new Set<string>();
    for (const part of (placeName ? text.replace(placeName, '，') : text).split(BREAK)) {
      const between = boundaries(part, cut);
      for (let i = 0; i < part.length; i++) {
        if (!between[i]) continue;
        for (let j = i + SUBJECT_MIN_CHARS; j <= Math.min(part.length, i + SUBJECT_MAX_CHARS); j++) {
          if (!between[j]) continue;
          const span = part.slice(i, j);
          if (seen.has(span)) continue;
          seen.add(span);
          let t = tally.get(span);
          if (!t) {
            if (k >= starters) continue;
            t = { n: 0, first: line.petitioner, many: false };
            tally.set(span, t);
          }
          t.n++;
          if (t.first !== line.petitioner) t.many = true;
        }
      }
    }
  });
  let best: string | null = null;
  let bestN = 0;
  for (const [span, t] of tally) {
    if (t.n < need || !t.many || trim(span).length < SUBJECT_MIN_CHARS) continue;
    if (best === null || span.length > best.length || (span.length === best.length && t.n > bestN)) {
      best = span;
      bestN = t.n;
    }
  }
  return best === null ? null : trim(best);
}

/** Where a span may start or end: between two of `cut`'s words, or anywhere without it. */
function boundaries(part: string, cut: ((text: string) => readonly string[]) | undefined): boolean[] {
  const at = new Array<boolean>(part.length + 1).fill(!cut);
  if (!cut) return at;
  at[0] = true;
  let k = 0;
  for (const word of cut(part)) {
    k += word.length;
    at[k] = true;
  }
  at[part.length] = true;
  return at;
}

function trim(phrase: string): string {
  return phrase.replace(LEADING, '').replace(TRAILING, '');
}

/**
 * One pattern for the names a subject line may give for these jurisdictions, the longest first
 * (南京市鼓楼区 before 南京市): each full name and, for a 街道/乡/镇 or a city, the name without its
 * suffix (江东街道 → 江东, 南京市 → 南京), which lines often use.
 */
export function placeNamePattern(fullNames: Iterable<string>): RegExp | null {
  const names = new Set<string>();
  for (const name of fullNames) {
    if (name.length >= 2) names.add(name);
    const short = name.replace(/(街道|镇|乡|市)$/u, '');
    if (short !== name && short.length >= 2) names.add(short);
  }
  if (names.size === 0) return null;
  const longestFirst = [...names].sort((a, b) => b.length - a.length);
  return new RegExp(longestFirst.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu');
}

/**
 * A hotspot's title as the console, the big screen and the 专报 show it, without its county: the
 * matters' shared phrase (with the estate it is about, when the phrase leaves it out), or, when
 * they share none or only the estate's name, the estate and the two words the clustering weighed
 * most (伊景园滨河苑车位捆绑).
 */
export function hotspotTitle(h: {
  subject: string | null;
  finePlace: string | null;
  topWords: readonly string[];
}) {
  const { subject, finePlace } = h;
  if (subject && !finePlace?.includes(subject))
    return finePlace && !subject.includes(finePlace) ? `${finePlace}${subject}` : subject;
  return [finePlace, ...h.topWords.slice(0, 2)].filter(Boolean).join('');
}
