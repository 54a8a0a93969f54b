// Candidate rules (积案候选规则): which open matters the daily pass proposes as backlog candidates.
// Defaults from docs/domain.md §12 (unresolved after 6 months, or 3 or more repeat petitions);
// each jurisdiction may set its own (settings key `backlog_rules`), inherited by its subtree.
import type { CaseState } from '../lifecycle/vocabulary.ts';

export interface CandidateRules {
  /** The daily pass proposes candidates in this jurisdiction at all. */
  enabled: boolean;
  /** 重复信访: repeat petitions linked to the matter ≥ this. */
  repeatMin: number;
  /** 久拖不决: open longer than this many days since receipt. */
  openDaysMin: number;
  /** 复查复核仍有争议: a review or re-review was requested and the matter is still open. */
  contestedReview: boolean;
  /** 群体性事项: a group matter still open after this many days (0: rule off). */
  groupOpenDaysMin: number;
  /** A case dismissed, rejected or unflagged is not proposed again for this many days. */
  cooldownDays: number;
}

export const DEFAULT_CANDIDATE_RULES: CandidateRules = {
  enabled: true,
  repeatMin: 3,
  openDaysMin: 180,
  contestedReview: true,
  groupOpenDaysMin: 60,
  cooldownDays: 90,
};

export const RULE_LIMITS: Record<
  Exclude<keyof CandidateRules, 'enabled' | 'contestedReview'>,
  [number, number]
> = {
  repeatMin: [1, 100],
  openDaysMin: [1, 3650],
  groupOpenDaysMin: [0, 3650],
  cooldownDays: [0, 3650],
};

/** States in which the petitioner has contested the answer (复查、复核). */
export const CONTESTED_STATES: readonly CaseState[] = ['review_requested', 'reviewed', 'rereview_requested'];

/** What the rules look at in a case. */
export interface CandidateFacts {
  repeatCount: number;
  receivedAt: Date;
  state: string;
  isGroup: boolean;
}

export interface RuleHit {
  rule: 'repeat' | 'open_days' | 'contested_review' | 'group';
  label: string;
}

const DAY = 86_400_000;

/** The rules a case meets (empty: not a candidate). Pure. */
export function candidateHits(c: CandidateFacts, r: CandidateRules, now: Date): RuleHit[] {
  if (!r.enabled) return [];
  const days = Math.floor((now.getTime() - c.receivedAt.getTime()) / DAY);
  const hits: RuleHit[] = [];
  if (c.repeatCount >= r.repeatMin) hits.push({ rule: 'repeat', label: `重复信访${c.repeatCount}次` });
  if (days >= r.openDaysMin) hits.push({ rule: 'open_days', label: `受理后${days}天未化解` });
  if (r.contestedReview && (CONTESTED_STATES as readonly string[]).includes(c.state))
    hits.push({ rule: 'contested_review', label: '复查复核仍有争议' });
  if (r.groupOpenDaysMin > 0 && c.isGroup && days >= r.groupOpenDaysMin)
    hits.push({ rule: 'group', label: `群体性事项${days}天未化解` });
  return hits;
}

/**
 * The rules in force for a jurisdiction from the `backlog_rules` settings of its chain (province
 * first, then city, county: the nearest wins field by field). Unknown or out-of-range values are ignored.
 */
export function rulesFromSettings(values: readonly unknown[]): CandidateRules {
  const rules: CandidateRules = { ...DEFAULT_CANDIDATE_RULES };
  for (const raw of values) {
    if (!raw || typeof raw !== 'object') continue;
    const v = raw as Record<string, unknown>;
    for (const k of ['enabled', 'contestedReview'] as const) if (typeof v[k] === 'boolean') rules[k] = v[k];
    for (const [k, [lo, hi]] of Object.entries(RULE_LIMITS) as [
      keyof typeof RULE_LIMITS,
      [number, number],
    ][]) {
      const n = v[k];
      if (typeof n === 'number' && Number.isInteger(n) && n >= lo && n <= hi) rules[k] = n;
    }
  }
  return rules;
}

/** The loosest thresholds over several rule sets: what the pass's query must let through. */
export function loosest(all: readonly CandidateRules[]): CandidateRules {
  const on = all.filter((r) => r.enabled);
  if (on.length === 0) return { ...DEFAULT_CANDIDATE_RULES, enabled: false };
  return {
    enabled: true,
    repeatMin: Math.min(...on.map((r) => r.repeatMin)),
    openDaysMin: Math.min(...on.map((r) => r.openDaysMin)),
    contestedReview: on.some((r) => r.contestedReview),
    groupOpenDaysMin: Math.min(...on.map((r) => (r.groupOpenDaysMin > 0 ? r.groupOpenDaysMin : Infinity))),
    cooldownDays: Math.min(...on.map((r) => r.cooldownDays)),
  };
}
