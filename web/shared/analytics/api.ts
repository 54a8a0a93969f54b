// The analytics API (docs: /api/openapi.json) as react-query hooks for the
// console's 数据分析 pages and the big screen. An endpoint that answers 404 (not deployed on this
// server) gives `null`, so a page shows an empty panel instead of failing as a whole.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  DrillMetric,
  ForecastAnswer,
  GroupBy,
  IndicatorDefinitions,
  Indicators,
  IndicatorsAnswer,
  OverdueAnswer,
  TrendAnswer,
} from '../../../src/analytics/contract.ts';
import { FORM_NAMES as DOMAIN_FORM_NAMES } from '../../../src/domain/lifecycle/vocabulary.ts';
import type { HotspotResult } from '../../../src/hotspots/contract.ts';
import type { Warning } from '../../../src/warnings/contract.ts';
import { ApiError, api, type CaseSummary } from '../api.ts';

export type {
  ForecastAnswer,
  GroupBy,
  IndicatorRow,
  Indicators,
  IndicatorsAnswer,
  OverdueRow,
  TrendPoint,
} from '../../../src/analytics/contract.ts';
export type { Hotspot, HotspotMergeEvidence as HotspotMerge } from '../../../src/hotspots/contract.ts';
export type { Warning } from '../../../src/warnings/contract.ts';

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

export type { DrillMetric as Metric } from '../../../src/analytics/contract.ts';

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
  bureauSatisfied: 0,
  bureauSatisfactionRate: null,
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
  useGet<TrendAnswer>(
    `/api/v1/analytics/trend${query({ from: f.from, to: f.to, scope: f.scope, category: f.category, interval })}`,
    opts,
  );

export const useForecast = (f: Pick<Filters, 'scope' | 'category'>, horizon = 3, opts?: Options) =>
  useGet<ForecastAnswer>(
    `/api/v1/analytics/forecast${query({ scope: f.scope, category: f.category, horizon })}`,
    opts,
  );

export const useOverdueByUnit = (scope: string | undefined, opts?: Options) =>
  useGet<OverdueAnswer>(`/api/v1/analytics/overdue-by-unit${query({ scope })}`, opts);

export const useHotspots = (f: Filters, limit = 20, opts?: Options) =>
  useGet<HotspotResult>(
    `/api/v1/analytics/hotspots${query({ from: f.from, to: f.to, scope: f.scope, limit })}`,
    opts,
  );

export const useOpenWarnings = (scope: string | undefined, opts?: Options) =>
  useGet<{ items: Warning[] }>(`/api/v1/warnings${query({ status: 'open', scope })}`, opts);

export const useDrillCases = (
  f: Filters & { metric: DrillMetric; unit?: number; page: number; pageSize: number },
  opts?: Options,
) => useGet<{ total: number; items: CaseSummary[] }>(`/api/v1/analytics/cases${query(f)}`, opts);

/** 指标口径 by indicator key (GET /analytics/indicators/definitions), for the KPI tooltips. */
export const useDefinitions = () =>
  useQuery({
    queryKey: ['analytics-definitions'],
    queryFn: () => getOrNull<IndicatorDefinitions>('/api/v1/analytics/indicators/definitions'),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** 信访形式 names. */
export const FORM_NAMES: Readonly<Record<string, string>> = DOMAIN_FORM_NAMES;
