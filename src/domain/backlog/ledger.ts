// The 台账 (ledger) arithmetic: days open, plan status, 化解率 (化解 ÷ 认定) by jurisdiction. Pure.
import { type BacklogStatus, IDENTIFIED_STATUSES } from './states.ts';

const DAY = 86_400_000;

/** Whole days from identification to resolution (or to now while open); null before 认定. */
export function daysOpen(identifiedAt: Date | null, endedAt: Date | null, now: Date): number | null {
  if (!identifiedAt) return null;
  const end = endedAt ?? now;
  return Math.max(0, Math.floor((end.getTime() - identifiedAt.getTime()) / DAY));
}

export interface StepState {
  dueDate: string; // YYYY-MM-DD
  done: boolean;
}

export interface PlanStatus {
  total: number;
  done: number;
  overdue: number;
  /** 未制定 · 推进中 · 有逾期 · 已完成 */
  label: string;
}

/** `today`: the Shanghai date 'YYYY-MM-DD'. A step is overdue the day after its date. */
export function planStatus(steps: readonly StepState[], today: string): PlanStatus {
  const done = steps.filter((s) => s.done).length;
  const overdue = steps.filter((s) => !s.done && s.dueDate < today).length;
  const label =
    steps.length === 0 ? '未制定' : done === steps.length ? '已完成' : overdue > 0 ? '有逾期' : '推进中';
  return { total: steps.length, done, overdue, label };
}

/** The jurisdiction one level below `scopeCode` that `code` lies in (the ledger's rows by place). */
export function childOf(scopeCode: string, code: string): string {
  if (scopeCode.slice(2, 6) === '0000') return `${code.slice(0, 4)}00`; // province → city
  return code.slice(0, 6); // city → county; a county → itself
}

export interface RateRow {
  code: string;
  identified: number;
  resolved: number;
  open: number;
  /** 化解率 = 化解 ÷ 认定; null when nothing was identified. */
  rate: number | null;
}

const isIdentified = (s: BacklogStatus) => IDENTIFIED_STATUSES.includes(s);

/** 化解率 by the jurisdictions one level below the scope, and the scope's total (code = scope). */
export function resolutionRates(
  matters: readonly { jurisdictionCode: string; status: BacklogStatus }[],
  scopeCode: string,
): { rows: RateRow[]; total: RateRow } {
  const by = new Map<string, RateRow>();
  const total: RateRow = { code: scopeCode, identified: 0, resolved: 0, open: 0, rate: null };
  for (const m of matters) {
    if (!isIdentified(m.status)) continue;
    const code = childOf(scopeCode, m.jurisdictionCode);
    const row = by.get(code) ?? { code, identified: 0, resolved: 0, open: 0, rate: null };
    for (const r of [row, total]) {
      r.identified++;
      if (m.status === 'resolved') r.resolved++;
      else r.open++;
    }
    by.set(code, row);
  }
  const rate = (r: RateRow) => ({ ...r, rate: r.identified ? r.resolved / r.identified : null });
  return {
    rows: [...by.values()].map(rate).sort((a, b) => (a.code < b.code ? -1 : 1)),
    total: rate(total),
  };
}
