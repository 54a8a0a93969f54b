// The analytics API (docs: /api/openapi.json) as react-query hooks for the
// console's 数据分析 pages and the big screen. An endpoint that answers 404 (not deployed on this
// server) gives `null`, so a page shows an empty panel instead of failing as a whole.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, api, type CaseSummary } from '../api.ts';

export interface Indicators {
  total: number;
  totalPrevYear: number;
  totalPrevPeriod: number;
  yoy: number | null;
  mom: number | null;
  online: number;
  onlineShare: number | null;
  onlineSharePrev: number | null;
  acceptedTimely: number;
  acceptanceDecided: number;
  timelyAcceptanceRate: number | null;
  completedOnTime: number;
  completed: number;
  onTimeCompletionRate: number | null;
  rated: number;
  ratable: number;
  participationRate: number | null;
  satisfied: number;
  satisfactionRate: number | null;
  skippedLevel: number;
  visits: number;
  skipLevelRate: number | null;
  repeats: number;
  repeatRate: number | null;
  backlogResolved: number;
  backlog: number;
  backlogResolutionRate: number | null;
  groupBatches: number;
  groupPersons: number;
}

export type GroupBy = 'none' | 'jurisdiction' | 'category' | 'form' | 'purpose' | 'unit' | 'month' | 'day';

export interface IndicatorRow extends Indicators {
  key: string;
  label: string;
  drill?: boolean;
}

export interface IndicatorsAnswer {
  from: string;
  to: string;
  scope: { code: string; name: string };
  totals: Indicators;
  rows: IndicatorRow[];
}

export interface TrendPoint {
  period: string;
  total: number;
  totalPrevYear: number;
  online: number;
  /** The month is not over: counts to this day; totalPrevYear is then the same days last year. */
  through?: string;
}

export interface ForecastAnswer {
  history: { period: string; total: number }[];
  forecast: { period: string; mean: number; lo80: number; hi80: number; lo95: number; hi95: number }[];
  model: string;
  /** Backtest MASE: < 1 beats "same month last year"; null when not measurable. */
  mase: number | null;
  /** Why there is no forecast (历史数据不足), else null. */
  insufficient: 'short' | 'sparse' | null;
  note: string | null;
}

export interface OverdueRow {
  unitId: number;
  unitName: string;
  jurisdictionName: string;
  open: number;
  near: number;
  overdue: number;
}

export interface Hotspot {
  label: string;
  place: { code: string; name: string } | null;
  finePlace?: string | null;
  topWords: string[];
  size: number;
  petitioners: number;
  previous?: number;
  growth: number | null;
  caseIds: number[];
  firstDate?: string;
  lastDate?: string;
  /** Cases per day, week or 30 days of the window (docs/hotspots.md). */
  trend?: { unit: 'day' | 'week' | 'month'; counts: number[] };
  /** The parts merged into the hotspot and why. */
  merges?: HotspotMerge[];
}

export interface HotspotMerge {
  reason: 'place' | 'name' | 'topic' | 'follow_up' | 'matter';
  place: string | null;
  shared: string[];
  similarity: number;
  caseIds: number[];
}

export interface Warning {
  id: number;
  kind: string;
  level: 'high' | 'medium';
  title: string;
  detail: string;
  caseIds: number[];
  createdAt: string;
  acknowledgedAt: string | null;
}

/** What every analytics request is narrowed by (the page's filters). */
export interface Filters {
  from: string;
  to: string;
  scope?: string;
  category?: string;
  form?: string;
  /** Only for the cases behind a number (a row of the by-purpose table). */
  purpose?: string;
}

export type Metric = 'total' | 'online' | 'overdue' | 'repeat' | 'skippedLevel' | 'group' | 'unsatisfied';

export function query(params: object): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** GET that answers null when the endpoint does not exist (404 with no such route). */
export async function getOrNull<T>(path: string): Promise<T | null> {
  try {
    return await api<T>(path);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

interface Options {
  /** Refetch every N ms (the big screen). */
  refetchInterval?: number;
  enabled?: boolean;
}

function useGet<T>(path: string, opts: Options = {}) {
  return useQuery({
    queryKey: ['analytics', path],
    queryFn: () => getOrNull<T>(path),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    refetchInterval: opts.refetchInterval,
    enabled: opts.enabled ?? true,
  });
}

// The indicators are kept per place, category, form… (rollups): they take no category or form
// filter; a filtered view reads that category's (or form's) row — see useTotals.
export const useIndicators = (f: Filters, groupBy: GroupBy = 'none', opts?: Options) =>
  useGet<IndicatorsAnswer>(
    `/api/v1/analytics/indicators${query({ from: f.from, to: f.to, scope: f.scope, groupBy })}`,
    opts,
  );

/** All zero: what a category without a single case in the period has. */
export const NO_CASES: Indicators = {
  total: 0,
  totalPrevYear: 0,
  totalPrevPeriod: 0,
  yoy: null,
  mom: null,
  online: 0,
  onlineShare: null,
  onlineSharePrev: null,
  acceptedTimely: 0,
  acceptanceDecided: 0,
  timelyAcceptanceRate: null,
  completedOnTime: 0,
  completed: 0,
  onTimeCompletionRate: null,
  rated: 0,
  ratable: 0,
  participationRate: null,
  satisfied: 0,
  satisfactionRate: null,
  skippedLevel: 0,
  visits: 0,
  skipLevelRate: null,
  repeats: 0,
  repeatRate: null,
  backlogResolved: 0,
  backlog: 0,
  backlogResolutionRate: null,
  groupBatches: 0,
  groupPersons: 0,
};

/** The indicators of the filtered view: the scope's totals, or the chosen category's (else form's) row. */
export function useTotals(f: Filters, opts?: Options) {
  const groupBy: GroupBy = f.category ? 'category' : f.form ? 'form' : 'none';
  const q = useIndicators(f, groupBy, opts);
  const key = f.category ?? f.form;
  const totals: Indicators | undefined = !q.data
    ? undefined
    : groupBy === 'none'
      ? q.data.totals
      : (q.data.rows.find((r) => r.key === key) ?? NO_CASES);
  return { ...q, totals };
}

export const useTrend = (f: Filters, interval: 'month' | 'day' = 'month', opts?: Options) =>
  useGet<{ points: TrendPoint[] }>(
    `/api/v1/analytics/trend${query({ from: f.from, to: f.to, scope: f.scope, category: f.category, interval })}`,
    opts,
  );

export const useForecast = (f: Pick<Filters, 'scope' | 'category'>, horizon = 3, opts?: Options) =>
  useGet<ForecastAnswer>(
    `/api/v1/analytics/forecast${query({ scope: f.scope, category: f.category, horizon })}`,
    opts,
  );

export const useOverdueByUnit = (scope: string | undefined, opts?: Options) =>
  useGet<{ rows: OverdueRow[] }>(`/api/v1/analytics/overdue-by-unit${query({ scope })}`, opts);

export const useHotspots = (f: Filters, limit = 20, opts?: Options) =>
  useGet<{ items: Hotspot[] }>(
    `/api/v1/analytics/hotspots${query({ from: f.from, to: f.to, scope: f.scope, limit })}`,
    opts,
  );

export const useOpenWarnings = (scope: string | undefined, opts?: Options) =>
  useGet<{ items: Warning[] }>(`/api/v1/warnings${query({ status: 'open', scope })}`, opts);

export const useDrillCases = (
  f: Filters & { metric: Metric; unit?: number; page: number; pageSize: number },
  opts?: Options,
) => useGet<{ total: number; items: CaseSummary[] }>(`/api/v1/analytics/cases${query(f)}`, opts);

/** 指标口径 by indicator key (GET /analytics/indicators/definitions), for the KPI tooltips. */
export const useDefinitions = () =>
  useQuery({
    queryKey: ['analytics-definitions'],
    queryFn: () =>
      getOrNull<Record<string, { name: string; definition: string }>>(
        '/api/v1/analytics/indicators/definitions',
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** 信访形式 (src/domain/lifecycle/vocabulary.ts FORM_NAMES). */
export const FORM_NAMES: Record<string, string> = {
  online: '网上信访',
  letter: '来信',
  visit: '来访',
  phone: '来电',
  fax: '传真',
  video: '视频信访',
  mailbox: '领导信箱',
  hotline: '12345热线',
};
