// 分类建议的准确程度: how the classifier's suggestions, kept at intake (case_classifications), held up
// against the category people filed the matters under — the classifier's score on the bureau's own
// unseen matters, as they arrive, which no evaluation of a training file can give. Pure: the rows
// come from src/intake/suggestionQuality.ts.

/**
 * Bands of the first suggestion's probability, as the registrar sees it: a calibrated model's
 * matters in "≥ 90 %" are filed under the suggestion about nine times in ten.
 */
export const CONFIDENCE_BANDS = [
  { key: 'high', label: '≥ 90%', from: 0.9 },
  { key: 'good', label: '70%–90%', from: 0.7 },
  { key: 'fair', label: '50%–70%', from: 0.5 },
  // Below LOW_CONFIDENCE (classification.ts) the desk flags the suggestion as uncertain.
  { key: 'low', label: '< 50%（提示存疑）', from: 0 },
] as const;

/**
 * Matters with the same outcome, counted (the query groups them: a province's year is hundreds of
 * thousands of matters, a few hundred outcomes).
 */
export interface SuggestionOutcome {
  /** The first suggestion's category code (null: a trained label outside the catalogue). */
  suggestedCode: string | null;
  /** The category the matter is filed under now. */
  finalCode: string;
  /** The filed category was among the (up to three) suggestions. */
  inTopThree: boolean;
  /** The first suggestion's probability, in tenths: 0 (< 10 %) … 9 (≥ 90 %). */
  decile: number;
  modelVersion: string;
  /** 'given': the registrar filled in the category at registration (not prompted by the suggestion). */
  status: 'confirmed' | 'changed' | 'given';
  matters: number;
  /** The sum of the first suggestion's probability over these matters. */
  confidenceSum: number;
}

export interface Share {
  matters: number;
  /** Filed under the first suggestion; null without matters. */
  firstRight: number | null;
}

export interface SuggestionQuality extends Share {
  /** Filed under one of the three suggestions the registrar saw. */
  inTopThree: number | null;
  /** Matters whose category was filled in at registration: the reading no confirmation click can flatter. */
  givenAtRegistration: Share;
  byVersion: (Share & { modelVersion: string; inTopThree: number | null })[];
  /** Per filed category: how often the first suggestion named it (recall), and how often it was right when it did (precision). */
  byCategory: {
    code: string;
    matters: number;
    firstRight: number | null;
    suggested: number;
    precision: number | null;
  }[];
  bands: (Share & { key: string; label: string; meanConfidence: number | null })[];
  /** The most frequent corrections: the suggestion, what the matter was filed under, how often. */
  corrections: { suggestedCode: string | null; finalCode: string; matters: number }[];
}

const share = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 10_000) / 10_000 : null);
const count = (rows: readonly SuggestionOutcome[]) => rows.reduce((n, r) => n + r.matters, 0);
const right = (r: SuggestionOutcome) => r.suggestedCode === r.finalCode;

function shareOf(rows: readonly SuggestionOutcome[]): Share {
  const n = count(rows);
  return { matters: n, firstRight: share(count(rows.filter(right)), n) };
}
const topThree = (rows: readonly SuggestionOutcome[]) =>
  share(count(rows.filter((r) => r.inTopThree)), count(rows));

export function suggestionQuality(rows: readonly SuggestionOutcome[], maxCorrections = 8): SuggestionQuality {
  const versions = [...new Set(rows.map((r) => r.modelVersion))].sort(byVersion);
  const codes = [...new Set(rows.map((r) => r.finalCode))].sort();
  const corrections = new Map<string, { suggestedCode: string | null; finalCode: string; matters: number }>();
  for (const r of rows) {
    if (right(r)) continue;
    const key = `${r.suggestedCode}>${r.finalCode}`;
    const c = corrections.get(key) ?? { suggestedCode: r.suggestedCode, finalCode: r.finalCode, matters: 0 };
    c.matters += r.matters;
    corrections.set(key, c);
  }
  return {
    ...shareOf(rows),
    inTopThree: topThree(rows),
    givenAtRegistration: shareOf(rows.filter((r) => r.status === 'given')),
    byVersion: versions.map((v) => {
      const of = rows.filter((r) => r.modelVersion === v);
      return { modelVersion: v, ...shareOf(of), inTopThree: topThree(of) };
    }),
    byCategory: codes.map((code) => {
      const suggested = rows.filter((r) => r.suggestedCode === code);
      return {
        code,
        ...shareOf(rows.filter((r) => r.finalCode === code)),
        suggested: count(suggested),
        precision: share(count(suggested.filter(right)), count(suggested)),
      };
    }),
    bands: CONFIDENCE_BANDS.map((b, i) => {
      const upper = i === 0 ? 10 : Math.round((CONFIDENCE_BANDS[i - 1] as { from: number }).from * 10);
      const of = rows.filter((r) => r.decile >= Math.round(b.from * 10) && r.decile < upper);
      const n = count(of);
      return {
        key: b.key,
        label: b.label,
        ...shareOf(of),
        meanConfidence: share(
          of.reduce((s, r) => s + r.confidenceSum, 0),
          n,
        ),
      };
    }),
    corrections: [...corrections.values()]
      .sort((a, b) => b.matters - a.matters || a.finalCode.localeCompare(b.finalCode))
      .slice(0, maxCorrections),
  };
}

/** Stored versions newest first ("12" after "9"), the lexicon last. */
function byVersion(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb)) return nb - na;
  return Number.isFinite(na) ? -1 : Number.isFinite(nb) ? 1 : a.localeCompare(b);
}
