// 考核 (assessment): the scorecard of a jurisdiction (or unit) for a period, from the platform's own
// indicators. ONE readable table of default items per assessed level (DEFAULT_SCHEMES); a year and
// level may store an override of the same shape (assessment_schemes). Pure: the same figures give
// the same points, the same deductions and the same ranking.
//
// Two kinds of item:
//   - 'rate': the item's points × the rate (or × (1 − rate) when lower is better). A rate with no
//     basis (nothing accepted, rated, visited …) is "not available": left out of the points
//     available, so a place is neither rewarded nor punished for having nothing to measure;
//   - 'per_case': the item's points less `perCase` for every matter counted, averaged per month
//     over the period (domain.md §9: "repeat petitions −1 per extra case per month"), never below 0.
// The score is the points earned over the points available, out of 100; a place is scored only
// when the available items carry at least MIN_COVERAGE of the scheme's points.
import { type Ranked, rankBy } from '../bulletins/scorecard.ts';
import type { Indicators } from '../indicators/index.ts';

/** The levels assessed by the level above: 市 by the province, 县 by the city, 乡镇 by the county. */
export const ASSESSED_LEVELS = ['city', 'county', 'town'] as const;
export type AssessedLevel = (typeof ASSESSED_LEVELS)[number];
export const LEVEL_NAMES: Record<AssessedLevel, string> = {
  city: '设区市',
  county: '县（市、区）',
  town: '乡镇（街道）',
};
/** jurisdictions.level (2 city, 3 county, 4 town) → assessed level. */
export const assessedLevelOf = (level: number): AssessedLevel | null =>
  level === 2 ? 'city' : level === 3 ? 'county' : level === 4 ? 'town' : null;

/** The indicators a 'rate' item may read (src/domain/indicators), with their names. */
export const RATE_INDICATORS = {
  timelyAcceptanceRate: '及时受理率',
  onTimeCompletionRate: '按期办结率',
  satisfactionRate: '群众满意率',
  participationRate: '群众参评率',
  repeatRate: '重复信访率',
  skipLevelRate: '越级上访率',
  backlogResolutionRate: '积案化解率',
  onlineShare: '网上信访占比',
} as const;
export type RateIndicator = keyof typeof RATE_INDICATORS;

/** The counts a 'per_case' item may deduct for. */
export const CASE_COUNTS = {
  repeats: '重复信访（件次）',
  overdue: '超期未办结（件）',
  skippedLevel: '越级上访（件）',
} as const;
export type CaseCount = keyof typeof CASE_COUNTS;

/** The matters behind an item (src/analytics/drill.ts metrics), where the platform can list them. */
export const DRILL_OF: Partial<Record<RateIndicator | CaseCount, string>> = {
  satisfactionRate: 'unsatisfied',
  repeatRate: 'repeat',
  repeats: 'repeat',
  skipLevelRate: 'skippedLevel',
  skippedLevel: 'skippedLevel',
  overdue: 'overdue',
  onlineShare: 'online',
};

export type AssessmentItem =
  | { key: string; kind: 'rate'; indicator: RateIndicator; points: number; better: 'higher' | 'lower' }
  | { key: string; kind: 'per_case'; count: CaseCount; points: number; perCase: number };

const rateItem = (indicator: RateIndicator, points: number, better: 'higher' | 'lower' = 'higher') =>
  ({ key: indicator, kind: 'rate', indicator, points, better }) as const;
const perCase = (count: CaseCount, points: number, per: number) =>
  ({ key: count, kind: 'per_case', count, points, perCase: per }) as const;

/**
 * The default items per assessed level. The county row is the county formula of domain.md §9
 * ([DC], 40 points: 及时受理率×5, 按期答复率×10, repeat petitions −1 per case per month (10),
 * 满意率×10, 参评率×5) with the province's other indicators added; cities and towns weigh the same
 * indicators to 100 points.
 */
export const DEFAULT_SCHEMES: Record<AssessedLevel, readonly AssessmentItem[]> = {
  city: [
    rateItem('timelyAcceptanceRate', 10),
    rateItem('onTimeCompletionRate', 15),
    rateItem('satisfactionRate', 15),
    rateItem('participationRate', 10),
    rateItem('repeatRate', 10, 'lower'),
    rateItem('skipLevelRate', 10, 'lower'),
    rateItem('backlogResolutionRate', 20),
    rateItem('onlineShare', 5),
    perCase('overdue', 5, 0.5),
  ],
  county: [
    rateItem('timelyAcceptanceRate', 5),
    rateItem('onTimeCompletionRate', 10),
    perCase('repeats', 10, 1),
    rateItem('satisfactionRate', 10),
    rateItem('participationRate', 5),
    rateItem('skipLevelRate', 5, 'lower'),
    rateItem('backlogResolutionRate', 10),
    rateItem('onlineShare', 5),
  ],
  town: [
    rateItem('timelyAcceptanceRate', 15),
    rateItem('onTimeCompletionRate', 25),
    perCase('repeats', 20, 1),
    rateItem('satisfactionRate', 25),
    rateItem('participationRate', 15),
  ],
};

/** A place is scored only when its available items carry at least this share (%) of the points. */
export const MIN_COVERAGE = 60;

export const itemLabel = (i: AssessmentItem): string =>
  i.kind === 'rate' ? RATE_INDICATORS[i.indicator] : CASE_COUNTS[i.count];

/** What one place did in the period: the rollups' indicators and the counts deducted for. */
export interface AssessedFigures {
  ind: Pick<Indicators, RateIndicator | 'repeats' | 'skippedLevel'>;
  overdue: number;
}

export interface ItemResult {
  key: string;
  label: string;
  kind: AssessmentItem['kind'];
  /** The scheme's points for the item. */
  points: number;
  /** The rate (a fraction), or the number of matters counted; null when not available. */
  value: number | null;
  available: boolean;
  earned: number;
  /** Points lost (points − earned) when available. */
  deduction: number;
  /** The drill-down metric for the matters behind it (src/analytics/drill.ts), if any. */
  drill: string | null;
}

export interface Scored {
  items: ItemResult[];
  earned: number;
  /** Points of the available items. */
  available: number;
  /** Share (%) of the scheme's points that could be measured. */
  coverage: number;
  /** Out of 100, one decimal; null when coverage < MIN_COVERAGE. */
  score: number | null;
}

const r1 = (n: number) => Math.round(n * 10) / 10;
const r2 = (n: number) => Math.round(n * 100) / 100;

/** The points of each item, the total and the score of one place over `months` months. */
export function scoreAssessment(items: readonly AssessmentItem[], f: AssessedFigures, months = 1): Scored {
  const out: ItemResult[] = items.map((i) => {
    const base = { key: i.key, label: itemLabel(i), kind: i.kind, points: i.points };
    if (i.kind === 'rate') {
      const v = f.ind[i.indicator];
      const drill = DRILL_OF[i.indicator] ?? null;
      if (v === null) return { ...base, value: null, available: false, earned: 0, deduction: 0, drill };
      const earned = r2(i.points * (i.better === 'higher' ? v : 1 - v));
      return { ...base, value: v, available: true, earned, deduction: r2(i.points - earned), drill };
    }
    const n = i.count === 'overdue' ? f.overdue : f.ind[i.count];
    const lost = Math.min(i.points, (i.perCase * n) / Math.max(1, months));
    return {
      ...base,
      value: n,
      available: true,
      earned: r2(i.points - lost),
      deduction: r2(lost),
      drill: DRILL_OF[i.count] ?? null,
    };
  });
  const all = items.reduce((s, i) => s + i.points, 0);
  const available = out.filter((i) => i.available).reduce((s, i) => s + i.points, 0);
  const earned = r2(out.reduce((s, i) => s + i.earned, 0));
  const coverage = all === 0 ? 0 : r1((available / all) * 100);
  const score = available === 0 || coverage < MIN_COVERAGE ? null : r1((earned / available) * 100);
  return { items: out, earned, available, coverage, score };
}

/** Places ranked by score, best first; unscored places last and unranked (shared with the 通报). */
export function rankAssessed<T extends { code: string } & Scored>(rows: readonly T[]): Ranked<T>[] {
  return rankBy(
    rows,
    (r) => r.score,
    (r) => r.code,
  );
}

/** Why an override item table is refused, or null when it is sound. */
export function schemeProblem(items: readonly AssessmentItem[]): string | null {
  if (items.length === 0) return '考核方案至少应有一项指标';
  const keys = new Set<string>();
  for (const i of items) {
    if (keys.has(i.key)) return `考核指标重复：${itemLabel(i)}`;
    keys.add(i.key);
    if (!(i.points > 0) || i.points > 100) return `${itemLabel(i)}的分值应在0到100之间`;
    if (i.kind === 'per_case' && !(i.perCase > 0)) return `${itemLabel(i)}的每件扣分应大于0`;
  }
  if (items.reduce((s, i) => s + i.points, 0) > 200) return '考核方案总分不能超过200分';
  return null;
}
