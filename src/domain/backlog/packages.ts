// 领导包案: the 包案 plan's four items, the quotas of the seed ([SEED] 【信访积案化解】: 设区市党政主要领导
// 每人每半年、县(市、区)党政主要领导每人每季度包1件积案; configurable per jurisdiction, settings key
// `backlog_quotas`), the periods they count in, and the compliance of each leader. Pure.
import type { BacklogLevel } from './states.ts';

export const PACKAGE_PLAN_ITEMS = [
  { key: 'grasp', name: '包掌握情况' },
  { key: 'educate', name: '包思想教育' },
  { key: 'solve', name: '包解决问题' },
  { key: 'settle', name: '包息访息诉' },
] as const;
export type PackagePlanKey = (typeof PACKAGE_PLAN_ITEMS)[number]['key'];
export type PackagePlan = Partial<Record<PackagePlanKey, string>>;

export const RECORD_KINDS = { meeting: '协调会', visit: '走访', talk: '接谈' } as const;
export type RecordKind = keyof typeof RECORD_KINDS;

export type QuotaPeriod = 'quarter' | 'half_year' | 'year';
export const PERIOD_NAMES: Record<QuotaPeriod, string> = {
  quarter: '每季度',
  half_year: '每半年',
  year: '每年',
};

export interface Quota {
  period: QuotaPeriod;
  count: number;
}

/** Per leader level; a level without a quota (the province) is not measured. */
export type Quotas = Partial<Record<BacklogLevel, Quota>>;

export const DEFAULT_QUOTAS: Quotas = {
  city: { period: 'half_year', count: 1 },
  county: { period: 'quarter', count: 1 },
};

/** Settings values along a jurisdiction's chain (province first): the nearest wins per level. */
export function quotasFromSettings(values: readonly unknown[]): Quotas {
  const q: Quotas = structuredClone(DEFAULT_QUOTAS);
  for (const raw of values) {
    if (!raw || typeof raw !== 'object') continue;
    for (const level of ['province', 'city', 'county'] as const) {
      const v = (raw as Record<string, unknown>)[level] as Partial<Quota> | null | undefined;
      if (v === null) delete q[level];
      else if (
        v &&
        (v.period === 'quarter' || v.period === 'half_year' || v.period === 'year') &&
        Number.isInteger(v.count) &&
        (v.count as number) >= 1 &&
        (v.count as number) <= 12
      )
        q[level] = { period: v.period, count: v.count as number };
    }
  }
  return q;
}

/** The period of `date` ('YYYY-MM-DD'): its key ('2026-Q4', '2026-H2', '2026'), first and last day. */
export function periodOf(
  period: QuotaPeriod,
  date: string,
): { key: string; name: string; from: string; to: string } {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  const pad = (n: number) => String(n).padStart(2, '0');
  const last = (month: number) => new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (period === 'year') return { key: y, name: `${y}年`, from: `${y}-01-01`, to: `${y}-12-31` };
  const span = period === 'quarter' ? 3 : 6;
  const n = Math.floor((m - 1) / span) + 1;
  const first = (n - 1) * span + 1;
  const end = first + span - 1;
  return {
    key: period === 'quarter' ? `${y}-Q${n}` : `${y}-H${n}`,
    name: period === 'quarter' ? `${y}年第${n}季度` : `${y}年${n === 1 ? '上' : '下'}半年`,
    from: `${y}-${pad(first)}-01`,
    to: `${y}-${pad(end)}-${pad(last(end))}`,
  };
}

export interface LeaderCompliance {
  taken: number;
  required: number;
  met: boolean;
  /** 包案化解率 over all the leader's packages: resolved ÷ taken (null when none). */
  resolved: number;
  total: number;
  rate: number | null;
}

/**
 * One leader's compliance: packages taken within the period (dates 'YYYY-MM-DD', Shanghai) against
 * the quota, and the resolution of every package they took.
 */
export function leaderCompliance(
  packages: readonly { takenOn: string; resolved: boolean }[],
  quota: Quota,
  period: { from: string; to: string },
): LeaderCompliance {
  const taken = packages.filter((p) => p.takenOn >= period.from && p.takenOn <= period.to).length;
  const resolved = packages.filter((p) => p.resolved).length;
  return {
    taken,
    required: quota.count,
    met: taken >= quota.count,
    resolved,
    total: packages.length,
    rate: packages.length ? resolved / packages.length : null,
  };
}
