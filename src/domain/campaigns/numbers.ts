// A campaign's numbers (domain.md §9): 排查 (investigated: every register entry), 化解 (resolved),
// 化解率 = 化解 ÷ 排查, and for 三跨三分离 matters the 化解稳定率 = (resolved or stable) ÷ 三跨三分离;
// whether each target is met; and the same by the jurisdictions one level below the scope. Pure.
// Check against the seed: 20,594 ÷ 30,441 = 67.7 %.
import { levelOf } from '../jurisdictions.ts';
import type { EntryStatus } from './vocabulary.ts';

export interface EntryFacts {
  jurisdictionCode: string;
  status: EntryStatus;
  /** 三跨三分离 kinds; empty when the matter is not one. */
  crossKinds: readonly string[];
  stable: boolean | null;
}

export interface Targets {
  /** Percent, e.g. 80 for 80 %. */
  rate: number | null;
  investigated: number | null;
  /** Percent. */
  stabilityRate: number | null;
}

export interface Numbers {
  investigated: number;
  resolving: number;
  resolved: number;
  unresolved: number;
  /** 化解率 (0–1); null when nothing was investigated. */
  rate: number | null;
  cross: number;
  crossStable: number;
  /** 三跨三分离化解稳定率 (0–1); null without any 三跨三分离 matter. */
  stabilityRate: number | null;
}

export interface TargetCheck {
  key: 'rate' | 'investigated' | 'stabilityRate';
  label: string;
  target: number;
  actual: number | null;
  met: boolean;
}

/** A 三跨三分离 matter counts as stable when resolved, or marked stable (稳定) after handling. */
export const isStable = (e: Pick<EntryFacts, 'status' | 'stable'>) =>
  e.status === 'resolved' || e.stable === true;

const empty = (): Numbers => ({
  investigated: 0,
  resolving: 0,
  resolved: 0,
  unresolved: 0,
  rate: null,
  cross: 0,
  crossStable: 0,
  stabilityRate: null,
});

function add(n: Numbers, e: EntryFacts) {
  n.investigated++;
  if (e.status === 'resolved') n.resolved++;
  else if (e.status === 'unresolved') n.unresolved++;
  else n.resolving++; // registered or resolving: still open
  if (e.crossKinds.length > 0) {
    n.cross++;
    if (isStable(e)) n.crossStable++;
  }
}

function finish(n: Numbers): Numbers {
  return {
    ...n,
    rate: n.investigated ? n.resolved / n.investigated : null,
    stabilityRate: n.cross ? n.crossStable / n.cross : null,
  };
}

export function campaignNumbers(entries: readonly EntryFacts[]): Numbers {
  const n = empty();
  for (const e of entries) add(n, e);
  return finish(n);
}

/** Rates compared in percent rounded to one decimal, as they are shown (67.65 % shows 67.7 %). */
const pct1 = (r: number) => Math.round(r * 1000) / 10;

/** Each target that is set, with the actual value and whether it is met. */
export function targetChecks(n: Numbers, t: Targets): TargetCheck[] {
  const out: TargetCheck[] = [];
  if (t.investigated !== null)
    out.push({
      key: 'investigated',
      label: '排查件数',
      target: t.investigated,
      actual: n.investigated,
      met: n.investigated >= t.investigated,
    });
  if (t.rate !== null) {
    const actual = n.rate === null ? null : pct1(n.rate);
    out.push({
      key: 'rate',
      label: '化解率',
      target: t.rate,
      actual,
      met: actual !== null && actual >= t.rate,
    });
  }
  if (t.stabilityRate !== null) {
    const actual = n.stabilityRate === null ? null : pct1(n.stabilityRate);
    out.push({
      key: 'stabilityRate',
      label: '三跨三分离化解稳定率',
      target: t.stabilityRate,
      actual,
      met: actual !== null && actual >= t.stabilityRate,
    });
  }
  return out;
}

/** Every target set is met (null when no target is set). */
export const targetsMet = (checks: readonly TargetCheck[]): boolean | null =>
  checks.length === 0 ? null : checks.every((c) => c.met);

/** The jurisdiction one level below `scopeCode` that `code` lies in: province → city, city → county,
 * county → town (a place recorded at the county itself stays the county). */
export function childOf(scopeCode: string, code: string): string {
  const level = levelOf(scopeCode);
  if (level === 1) return `${code.slice(0, 4)}00`;
  if (level === 2) return code.slice(0, 6);
  return code.length > 6 ? code.slice(0, 9) : code;
}

/** The numbers of each jurisdiction one level below the scope, by code order. */
export function numbersByJurisdiction(
  entries: readonly EntryFacts[],
  scopeCode: string,
): { code: string; numbers: Numbers }[] {
  const by = new Map<string, Numbers>();
  for (const e of entries) {
    const code = childOf(scopeCode, e.jurisdictionCode);
    const n = by.get(code) ?? empty();
    add(n, e);
    by.set(code, n);
  }
  return [...by.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, n]) => ({ code, numbers: finish(n) }));
}

/** Whether a date (YYYY-MM-DD) lies within the campaign's period. */
export const inPeriod = (c: { startDate: string; endDate: string }, day: string) =>
  day >= c.startDate && day <= c.endDate;
