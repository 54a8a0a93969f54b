// The monthly 通报 ranks the jurisdictions one level down on a scorecard: each metric, its weight
// and which way is better are one row of SCORECARD, read by the ranking, the bulletin's tables and
// docs/bulletins.md. Commendations and criticisms are FINDING_RULES: a condition on a ranked row,
// and the words the draft uses. Pure; the same figures give the same ranking and the same words.

/** What one jurisdiction did in the month (rates are fractions; null when there was no basis). */
export interface ScoredFigures {
  total: number;
  timelyAcceptanceRate: number | null;
  onTimeCompletionRate: number | null;
  completed: number;
  satisfactionRate: number | null;
  repeatRate: number | null;
  /** 积案: identified so far (认定) and resolved (化解), from the backlog capability. */
  backlogIdentified: number;
  backlogResolved: number;
  backlogResolutionRate: number | null;
  /** Open matters past their deadline at the time the bulletin was drafted. */
  overdue: number;
}

export type MetricKey =
  | 'backlogResolutionRate'
  | 'timelyAcceptanceRate'
  | 'onTimeCompletionRate'
  | 'satisfactionRate'
  | 'repeatRate';

export interface ScorecardMetric {
  key: MetricKey;
  label: string;
  /** Share of the score (the weights sum to 100). */
  weight: number;
  better: 'higher' | 'lower';
}

/** 综合评分 (0–100): 积案化解 first, as the seed's 通报 ranks on it; then the core indicators. */
export const SCORECARD: readonly ScorecardMetric[] = [
  { key: 'backlogResolutionRate', label: '积案化解率', weight: 30, better: 'higher' },
  { key: 'timelyAcceptanceRate', label: '及时受理率', weight: 20, better: 'higher' },
  { key: 'onTimeCompletionRate', label: '按期办结率', weight: 20, better: 'higher' },
  { key: 'satisfactionRate', label: '群众满意率', weight: 20, better: 'higher' },
  { key: 'repeatRate', label: '重复信访率', weight: 10, better: 'lower' },
];

/**
 * A jurisdiction is scored only when the metrics with a basis carry at least this share of the
 * weights: one with a handful of petitions and nothing completed, rated or identified would
 * otherwise top the ranking on its acceptance rate alone.
 */
export const MIN_WEIGHT_COVERED = 60;

/**
 * The weighted score out of 100 over the metrics that have a basis (a metric without one — no
 * backlog matter identified, nothing rated — is left out and the others' weights scale up, so a
 * jurisdiction is neither rewarded nor punished for having nothing to measure). Null when the
 * metrics with a basis weigh less than MIN_WEIGHT_COVERED.
 */
export function scoreOf(f: ScoredFigures): number | null {
  let sum = 0;
  let weights = 0;
  for (const m of SCORECARD) {
    const v = f[m.key];
    if (v === null) continue;
    sum += m.weight * (m.better === 'higher' ? v : 1 - v);
    weights += m.weight;
  }
  return weights < MIN_WEIGHT_COVERED ? null : Math.round((sum / weights) * 1000) / 10;
}

export interface Ranked<T> {
  row: T;
  score: number | null;
  /** 1 = best; equal scores share a rank; null when there is no score. */
  rank: number | null;
}

/**
 * Rows ranked by a score, best first (ties by `tieKey`); rows without a score come last, unranked.
 * Shared with the assessment scorecard (src/domain/assessment/scheme.ts).
 */
export function rankBy<T>(
  rows: readonly T[],
  score: (r: T) => number | null,
  tieKey: (r: T) => string,
): Ranked<T>[] {
  const scored = rows.map((row) => ({ row, score: score(row), rank: null as number | null }));
  scored.sort(
    (a, b) =>
      (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0) ||
      (b.score ?? 0) - (a.score ?? 0) ||
      tieKey(a.row).localeCompare(tieKey(b.row)),
  );
  let prev: number | null = null;
  let rank = 0;
  scored.forEach((s, i) => {
    if (s.score === null) return;
    if (s.score !== prev) rank = i + 1;
    s.rank = rank;
    prev = s.score;
  });
  return scored;
}

/** Rows ranked by the 通报 score, best first (ties by `tieKey`); unscored rows last, unranked. */
export function rankByScore<T extends ScoredFigures>(
  rows: readonly T[],
  tieKey: (r: T) => string,
): Ranked<T>[] {
  return rankBy(rows, scoreOf, tieKey);
}

export type FindingKind = 'commend' | 'criticise';

export interface FindingRule {
  id: string;
  kind: FindingKind;
  /** Does the rule name this ranked row? `ranked` is the whole ranked list (for "bottom two"). */
  holds: (r: Ranked<ScoredFigures>, ranked: readonly Ranked<ScoredFigures>[]) => boolean;
  /** The words after the jurisdiction's name. */
  says: (r: Ranked<ScoredFigures>) => string;
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const scored = (ranked: readonly Ranked<ScoredFigures>[]) => ranked.filter((r) => r.rank !== null);

/** Thresholds of the rules, named so a reader sees why a jurisdiction was named. */
export const FINDING_THRESHOLDS = {
  /** Top of the ranking … */
  topRanks: 3,
  /** … with at least this score. */
  topScore: 85,
  /** 按期办结率 100 % counts with at least this many completed. */
  fullOnTimeMinCompleted: 5,
  /** The last N of the ranking are named when at least this many are ranked. */
  bottomRanks: 2,
  bottomMinRanked: 5,
  /** 积案化解率 below this with at least `backlogMinIdentified` identified. */
  backlogLowRate: 0.5,
  backlogMinIdentified: 3,
  /** 及时受理率 below this. */
  timelyAcceptanceFloor: 0.9,
  /** This many open overdue matters or more. */
  overdueMin: 3,
} as const;

const T = FINDING_THRESHOLDS;

export const FINDING_RULES: readonly FindingRule[] = [
  {
    id: 'top_score',
    kind: 'commend',
    holds: (r) => r.rank !== null && r.rank <= T.topRanks && (r.score ?? 0) >= T.topScore,
    says: (r) => `综合评分${r.score}分，位列第${r.rank}名`,
  },
  {
    id: 'backlog_cleared',
    kind: 'commend',
    holds: (r) => r.row.backlogIdentified > 0 && r.row.backlogResolved === r.row.backlogIdentified,
    says: (r) => `认定的${r.row.backlogIdentified}件积案全部化解`,
  },
  {
    id: 'full_on_time',
    kind: 'commend',
    holds: (r) => r.row.onTimeCompletionRate === 1 && r.row.completed >= T.fullOnTimeMinCompleted,
    says: (r) => `办结${r.row.completed}件，按期办结率100%`,
  },
  {
    id: 'bottom_score',
    kind: 'criticise',
    holds: (r, ranked) => {
      const s = scored(ranked);
      if (s.length < T.bottomMinRanked || r.rank === null) return false;
      return s.indexOf(r) >= s.length - T.bottomRanks;
    },
    says: (r) => `综合评分${r.score}分，排名靠后（第${r.rank}名）`,
  },
  {
    id: 'backlog_low',
    kind: 'criticise',
    holds: (r) =>
      r.row.backlogIdentified >= T.backlogMinIdentified &&
      r.row.backlogResolutionRate !== null &&
      r.row.backlogResolutionRate < T.backlogLowRate,
    says: (r) =>
      `积案化解率${pct(r.row.backlogResolutionRate)}（认定${r.row.backlogIdentified}件、化解${r.row.backlogResolved}件）`,
  },
  {
    id: 'late_acceptance',
    kind: 'criticise',
    holds: (r) => r.row.timelyAcceptanceRate !== null && r.row.timelyAcceptanceRate < T.timelyAcceptanceFloor,
    says: (r) => `及时受理率仅${pct(r.row.timelyAcceptanceRate)}`,
  },
  {
    id: 'overdue',
    kind: 'criticise',
    holds: (r) => r.row.overdue >= T.overdueMin,
    says: (r) => `超期未办结${r.row.overdue}件`,
  },
];

export interface Finding {
  rule: string;
  kind: FindingKind;
  code: string;
  name: string;
  text: string;
}

/** Every rule that holds, per jurisdiction in ranking order; one jurisdiction may be named twice. */
export function findings<T extends ScoredFigures & { code: string; name: string }>(
  ranked: readonly Ranked<T>[],
): Finding[] {
  const out: Finding[] = [];
  for (const rule of FINDING_RULES)
    for (const r of ranked)
      if (rule.holds(r, ranked))
        out.push({ rule: rule.id, kind: rule.kind, code: r.row.code, name: r.row.name, text: rule.says(r) });
  return out;
}
