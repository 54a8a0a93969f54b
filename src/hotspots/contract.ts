// The hotspot API's answer (GET /api/v1/analytics/hotspots; server–web contract, docs/architecture.md).
// Types only, imported by the console and the big screen with `import type`.

/** Why a part was merged into a hotspot (src/hotspots/problems.ts). */
export type MergeReason = 'place' | 'name' | 'topic' | 'follow_up' | 'matter';

export interface Hotspot {
  label: string;
  place: { code: string; name: string };
  finePlace: string | null;
  topWords: string[];
  /**
   * What its matters are about in their own words: the longest phrase at least half their subject
   * lines share, places taken out (低保资格认定); null when they share none (src/domain/hotspotSubject.ts).
   */
  subject: string | null;
  /** Cases in the window. */
  size: number;
  /** Distinct petitioners in the window (by ID-number hash, else phone hash, else account). */
  petitioners: number;
  /** Cases of the same cluster in the previous window of the same length. */
  previous: number;
  /** (size − previous) / max(previous, 1): 1.5 = +150 %; a new problem grows by its size. */
  growth: number;
  score: number;
  caseIds: number[];
  /** First and last case of the window (Asia/Shanghai dates). */
  firstDate: string;
  lastDate: string;
  /**
   * Cases per period of the window, oldest first: per day up to 31 days, per week (7 days from
   * `from`) up to 26 weeks, else per 30 days; the last period may be shorter.
   */
  trend: { unit: 'day' | 'week' | 'month'; counts: number[] };
  /**
   * The 街道/乡镇 its cases of the window were registered at, most cases first; cases coded at the
   * county or above are not counted, so the list is empty when none names a street.
   */
  streets: { code: string; name: string; count: number }[];
  /**
   * How the hotspot was put together: the parts merged into its first cluster and why (the same
   * fine place and matter, a shared name, the same petitioner again, or the matter alone), with
   * their case ids in the window (at most 50 each) and the words they share.
   */
  merges: HotspotMergeEvidence[];
}

export interface HotspotMergeEvidence {
  reason: MergeReason;
  /** The shared fine place (reason `place`), name (reason `name`) or subject words (reason `topic`). */
  place: string | null;
  shared: string[];
  similarity: number;
  caseIds: number[];
}

export interface HotspotResult {
  from: string;
  to: string;
  items: Hotspot[];
  computedAt: string;
  /** Cases read per window, and whether the cap cut the older ones off. */
  read: { current: number; previous: number; cap: number; truncated: boolean };
}
